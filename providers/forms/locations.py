from django import forms

from core.once import SubmitOnceForm

from ..models import LocalAuthority, Location
from ..postcodes import normalise_postcode


class LocationForm(SubmitOnceForm, forms.ModelForm):
    class Meta:
        model = Location
        fields = ["name", "address_1", "city", "postcode", "local_authority"]
        labels = {
            "name": "Name of the place",
            "address_1": "Address line 1",
            "city": "Town or city",
            "postcode": "Postcode",
            "local_authority": "Council area",
        }
        help_texts = {
            "name": "For example, Dale Street community hub",
            "local_authority": "We use the council area's centre for distance searches",
        }
        widgets = {"postcode": forms.TextInput(attrs={"class": "govuk-input--width-10"})}
        error_messages = {
            "name": {"required": "Enter the name of the place"},
            "address_1": {"required": "Enter the first line of the address"},
            "city": {"required": "Enter the town or city"},
            "postcode": {"required": "Enter the postcode"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        council = self.fields["local_authority"]
        council.queryset = LocalAuthority.objects.order_by("name")
        council.required = True
        council.empty_label = "Choose a council area"
        council.error_messages.update(
            required="Choose the council area the place is in",
            invalid_choice="Choose a council area from the list",
        )

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if postcode is None:
            raise forms.ValidationError("Enter a real postcode, like L2 2HB")
        return postcode
