from django import forms
from django.core.files.uploadedfile import UploadedFile

from core import uploads

from ..constants import MAX_CASE_RETENTION_YEARS, MIN_CASE_RETENTION_YEARS
from ..models import Organisation, Region


class OrganisationRegistrationForm(forms.ModelForm):
    website = forms.URLField(
        label="Website (optional)",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "Enter a website address, like https://example.org"},
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "region",
            "description",
            "charity_number",
            "company_number",
            "website",
            "email",
            "phone",
            "address_1",
            "city",
            "postcode",
        ]
        labels = {
            "name": "Organisation name",
            "region": "Region where you mainly work",
            "description": "What your organisation does",
            "charity_number": "Registered charity number (optional)",
            "company_number": "Company number (optional)",
            "website": "Website (optional)",
            "email": "Email address for enquiries",
            "phone": "Telephone (optional)",
            "address_1": "Address line 1 (optional)",
            "city": "Town or city (optional)",
            "postcode": "Postcode (optional)",
        }
        help_texts = {
            "description": "A few sentences about who you help and how. This shows in the "
            "directory.",
            "charity_number": "We check this against the charity register before approving you",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "charity_number": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "company_number": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "postcode": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        }
        error_messages = {
            "name": {"required": "Enter your organisation's name"},
            "email": {
                "invalid": "Enter an email address in the correct format, like name@example.org"
            },
            "website": {"invalid": "Enter a website address starting with https://"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        region.queryset = Region.objects.order_by("name")
        region.required = True
        region.empty_label = "Choose a region"
        region.error_messages.update(
            required="Choose the region where you mainly work",
            invalid_choice="Choose a region from the list",
        )
        for name in ("description", "email"):
            self.fields[name].required = True
        self.fields["description"].error_messages["required"] = "Describe what you do"
        self.fields["email"].error_messages["required"] = "Enter an email address for enquiries"


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label="Why are you rejecting this organisation?",
        help_text="We email this to the organisation, so write it for them",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": "Enter the reason, so the organisation knows why"},
    )


LOGO_MAX_BYTES = 1024 * 1024
LOGO_KINDS = (uploads.PNG, uploads.JPEG)
# A logo is shown a few hundred pixels wide: 4,000 by 4,000 is already far more than enough.
LOGO_MAX_PIXELS = 16_000_000


class OrganisationDetailsForm(OrganisationRegistrationForm):
    """What an org admin can change about their organisation, logo included."""

    class Meta(OrganisationRegistrationForm.Meta):
        # The file comes last: if it is too big, reading stops there (core/upload_limits.py).
        fields = [*OrganisationRegistrationForm.Meta.fields, "case_retention_years", "logo"]
        # Pillow opens the logo in clean_logo, with a cap on its pixels, not before.
        field_classes = {"logo": forms.FileField}
        labels = {
            **OrganisationRegistrationForm.Meta.labels,
            "logo": "Logo (optional)",
            "case_retention_years": "How many years to keep a closed case record",
        }
        help_texts = {
            **OrganisationRegistrationForm.Meta.help_texts,
            "logo": "A PNG or JPEG image, 1 MB or smaller",
            "case_retention_years": (
                "Not shown in the directory. This many years after a mentee's case record is "
                "closed, their name, contact details, notes and documents are erased; the counts "
                f"in your reports stay. From {MIN_CASE_RETENTION_YEARS} to "
                f"{MAX_CASE_RETENTION_YEARS} years, in line with your retention policy."
            ),
        }
        widgets = {
            **OrganisationRegistrationForm.Meta.widgets,
            "case_retention_years": forms.TextInput(
                attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}
            ),
        }
        error_messages = {
            **OrganisationRegistrationForm.Meta.error_messages,
            "logo": {"invalid": "Choose a logo to upload", "empty": "The logo file is empty"},
            "case_retention_years": {
                "required": "Enter how many years to keep a closed case record",
                "invalid": "Enter the number of years as a whole number, like 6",
            },
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or not isinstance(logo, UploadedFile):
            return logo  # Unchanged, or cleared.
        kind = uploads.check_upload(
            logo,
            allowed=LOGO_KINDS,
            max_bytes=LOGO_MAX_BYTES,
            max_pixels=LOGO_MAX_PIXELS,
            what="logo",
        )
        logo.name = f"logo.{kind.extension}"
        return logo
