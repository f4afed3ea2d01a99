from django import forms

from core.once import SubmitOnceForm

from ..constants import MembershipRole


class InvitationForm(SubmitOnceForm):
    email = forms.EmailField(
        label="Email address",
        help_text="We will email them a link to join. The link expires after 7 days.",
        error_messages={
            "required": "Enter the email address of the person you are inviting",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    role = forms.ChoiceField(
        label="Role",
        choices=MembershipRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the role they will have"},
    )


class SwitchOrganisationForm(forms.Form):
    organisation = forms.TypedChoiceField(
        label="Which organisation are you working for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the organisation you want to work for",
            "invalid_choice": "Select one of the organisations you belong to",
        },
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = {m.organisation_id: m for m in memberships}
        self.fields["organisation"].choices = [
            (m.organisation_id, f"{m.organisation} ({m.get_role_display()})") for m in memberships
        ]

    def chosen_membership(self):
        return self.memberships[self.cleaned_data["organisation"]]
