"""Coordinators' forms for the referral inbox."""

from django import forms

from core.fields import ModelChoiceField
from providers.models import Service

from ..constants import DeclineReason, ReferralStatus

OPEN = "open"
STATUS_FILTERS = [
    (OPEN, "Waiting for a decision"),
    *ReferralStatus.choices,
    ("all", "All"),
]
# (value, label, youngest, oldest): ages in whole years on the day of the search.
AGE_BANDS = [
    ("under-18", "Under 18", None, 17),
    ("18-24", "18 to 24", 18, 24),
    ("25-49", "25 to 49", 25, 49),
    ("50-over", "50 and over", 50, None),
]
WAITING_FILTERS = [
    ("", "Any time"),
    ("5", "More than 5 days"),
    ("10", "More than 10 days"),
    ("20", "More than 20 days"),
]


class ReferralFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=STATUS_FILTERS,
        required=False,
        error_messages={"invalid_choice": "Choose a status from the list"},
    )
    waiting = forms.ChoiceField(
        label="Waiting",
        choices=WAITING_FILTERS,
        required=False,
        error_messages={"invalid_choice": "Choose how long from the list"},
    )
    age = forms.ChoiceField(
        label="Age",
        choices=[("", "Any age"), *[(value, label) for value, label, _, _ in AGE_BANDS]],
        required=False,
        error_messages={"invalid_choice": "Choose an age group from the list"},
    )
    duplicates = forms.BooleanField(label="Only likely duplicates", required=False)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label="Why can you not accept this referral?",
        choices=DeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select why the referral is not accepted",
            "invalid_choice": "Select a reason from the list",
        },
    )
    note = forms.CharField(
        label="Anything the person should know (optional unless you chose another reason)",
        help_text="The person sees this when they check their request, and it is emailed to "
        "whoever gave an email address. Suggest what they could do instead.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Write 1,000 characters or fewer"},
    )


class PassOnForm(forms.Form):
    service = ModelChoiceField(
        label="Which service should have the referral?",
        queryset=Service.objects.none(),
        empty_label="Choose a service",
        error_messages={
            "required": "Choose the service to pass the referral to",
            "invalid_choice": "Choose a service from the list",
        },
    )
    consent = forms.CharField(
        label="How did the person agree to their details being passed on?",
        help_text="For example, ‘Agreed on the phone on 3 March, speaking to Jo Bloggs’",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Record how the person agreed to their details being passed on",
            "max_length": "Write 500 characters or fewer",
        },
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services
        self.fields["service"].label_from_instance = lambda s: f"{s.name} ({s.organisation.name})"
