from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.exceptions import ValidationError

from .constants import AuditAction, PlatformRole
from .models import CommissionerRegion, User


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label="Action", required=False, choices=[("", "Any action"), *AuditAction.choices]
    )
    actor = forms.CharField(label="Done by (email)", required=False, max_length=254)
    record = forms.CharField(label="Record type", required=False, max_length=100)
    date_from = forms.DateField(
        label="From date",
        required=False,
        help_text="For example, 27/3/2026",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        widget=forms.DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        error_messages={"invalid": "Enter the from date as a real date, like 27/3/2026"},
    )
    date_to = forms.DateField(
        label="To date",
        required=False,
        help_text="For example, 31/3/2026",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"],
        widget=forms.DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        error_messages={"invalid": "Enter the to date as a real date, like 31/3/2026"},
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "The to date must be the same as or after the from date")
        return cleaned

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("action"):
            queryset = queryset.filter(action=data["action"])
        if data.get("actor"):
            queryset = queryset.filter(actor_email__icontains=data["actor"].strip())
        if data.get("record"):
            queryset = queryset.filter(object_type__icontains=data["record"].strip())
        if data.get("date_from"):
            queryset = queryset.filter(occurred_at__date__gte=data["date_from"])
        if data.get("date_to"):
            queryset = queryset.filter(occurred_at__date__lte=data["date_to"])
        return queryset


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form with GOV.UK wording, labels and no placeholders."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = "Email address"
        login.widget.attrs.pop("placeholder", None)
        login.widget.attrs["autocomplete"] = "email"
        login.widget.attrs["spellcheck"] = "false"
        login.error_messages["required"] = "Enter your email address"
        login.error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )
        password = self.fields["password"]
        password.label = "Password"
        password.help_text = ""
        password.widget.attrs.pop("placeholder", None)
        password.error_messages["required"] = "Enter your password"


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form with GOV.UK wording and no placeholders."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        email = self.fields["email"]
        email.label = "Email address"
        email.help_text = "We will send you an email to check it is yours."
        email.widget.attrs["autocomplete"] = "email"
        email.error_messages["required"] = "Enter your email address"
        email.error_messages["invalid"] = (
            "Enter an email address in the correct format, like name@example.org"
        )
        self.fields["password1"].label = "Create a password"
        self.fields["password1"].error_messages["required"] = "Enter a password"
        self.fields["password2"].label = "Confirm your password"
        self.fields["password2"].error_messages["required"] = "Enter the password again"


class PlatformRoleForm(forms.Form):
    """A platform role for a person, and for a commissioner the region they work in."""

    role = forms.ChoiceField(
        label="Role",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a role",
            "invalid_choice": "Choose a role from the list",
        },
    )
    region = forms.ModelChoiceField(
        label="Region (commissioners only)",
        queryset=None,
        required=False,
        empty_label="Choose a region",
        help_text="The region whose providers a commissioner compares",
        error_messages={"invalid_choice": "Choose a region from the list"},
    )
    roles = [(value, label) for value, label in PlatformRole.choices if value != PlatformRole.NONE]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = self.roles
        # The regions of the directory (providers.Region, a layer above), through the relation.
        region_model = CommissionerRegion.region.field.related_model
        self.fields["region"].queryset = region_model.objects.order_by("name")

    def clean(self):
        data = super().clean()
        commissioner = data.get("role") == PlatformRole.COMMISSIONER
        if commissioner and not data.get("region") and "region" not in self.errors:
            self.add_error("region", "Choose the region this commissioner works in")
        return data


class PlatformRoleChangeForm(PlatformRoleForm):
    NO_ROLE = "none"  # a radio button needs a value; PlatformRole.NONE is the empty string
    roles = [*PlatformRoleForm.roles, (NO_ROLE, "No platform role (take the role away)")]

    def clean_role(self):
        role = self.cleaned_data["role"]
        return PlatformRole.NONE if role == self.NO_ROLE else role


class GivePlatformRoleForm(PlatformRoleForm):
    email = forms.EmailField(
        label="Their email address",
        help_text="They need an Open Gate account first: ask them to create one",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    field_order = ["email", "role", "region"]

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise ValidationError(
                "There is no account with this email address. Ask them to create an account, "
                "then give them the role."
            )
        if user.platform_role:
            raise ValidationError(
                f"{user.display_name} already has a platform role "
                f"({user.get_platform_role_display()}). Change it from the list above."
            )
        self.user = user
        return email
