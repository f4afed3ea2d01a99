"""Forms for matching, relationships, meetings and notifications."""

import uuid
from decimal import Decimal

from django import forms

from core.fields import GovDateField, ModelChoiceField
from providers.forms.widgets import LongSelect
from providers.models import TaxonomyTerm

from .constants import Attendee, EarlyEndingReason, Ending, MeetingPlace
from .notification_kinds import SAFEGUARDING_KINDS, NotificationKind


def _time_field(label: str, name: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text="Use the 24-hour clock, like 14:30",
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        widget=forms.TimeInput(attrs={"class": "govuk-input--width-5"}, format="%H:%M"),
        error_messages={
            "required": f"Enter the {name}",
            "invalid": f"Enter the {name} as hours and minutes on the 24-hour clock, like 14:30",
        },
    )


class ExclusionForm(forms.Form):
    mentor = ModelChoiceField(
        label="Mentor who must not be matched",
        queryset=None,
        empty_label="Choose a mentor",
        error_messages={
            "required": "Choose the mentor",
            "invalid_choice": "Choose a mentor from the list",
        },
    )
    reason = forms.CharField(
        label="Why not",
        help_text="For example, known associates or co-defendants. Only your staff see this.",
        max_length=300,
        error_messages={"required": "Say why they must not be matched"},
    )

    def __init__(self, *args, mentors, shown: list[tuple[str, str]] | None = None, **kwargs):
        """`shown`: (id, name) of the mentors to list, when the page has them already; an
        organisation can have thousands, written out without a template per option."""
        super().__init__(*args, **kwargs)
        field = self.fields["mentor"]
        field.queryset = mentors
        field.label_from_instance = lambda mentor: mentor.user.display_name
        if shown is not None:
            field.widget = LongSelect(choices=[("", "Choose a mentor"), *shown])


class DeclineProposalForm(forms.Form):
    reason = forms.CharField(
        label="Why are you saying no?",
        help_text="Your coordinator reads this to find someone else",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why, so your coordinator can find someone else"},
    )


class DateForm(forms.Form):
    """One date: a gate meeting to plan or a release to record."""

    day = GovDateField(subject="the date")

    def __init__(self, *args, label: str, subject: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].label = label
        self.fields["day"].subject = subject


class EndForm(forms.Form):
    ended_on = GovDateField(subject="the end date", label="When did it end?")
    ending = forms.ChoiceField(
        label="Was the ending planned?",
        choices=Ending.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the ending was planned"},
    )
    early_reason = forms.ChoiceField(
        label="If it ended early, why?",
        choices=[("", "Choose a reason"), *EarlyEndingReason.choices],
        required=False,
        error_messages={"invalid_choice": "Choose a reason from the list"},
    )
    note = forms.CharField(
        label="Anything else (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ChangeMentorForm(forms.Form):
    mentor = ModelChoiceField(
        label="New mentor",
        queryset=None,
        empty_label="Choose a mentor",
        error_messages={
            "required": "Choose the new mentor",
            "invalid_choice": "Choose a mentor from the list",
        },
    )
    note = forms.CharField(
        label="Why change (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = mentors
        self.fields["mentor"].label_from_instance = lambda mentor: mentor.user.display_name


class MeetingForm(forms.Form):
    held_on = GovDateField(subject="the meeting date", label="Date of the meeting")
    starts_at = _time_field("Start time", "start time")
    ends_at = _time_field("End time", "end time")
    place = forms.ChoiceField(
        label="Where did you meet?",
        choices=MeetingPlace.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select where you met"},
    )
    attendees = forms.MultipleChoiceField(
        label="Who was there?",
        help_text="A three-way meeting with probation counts here",
        choices=Attendee.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select who was there"},
    )
    pathways = forms.ModelMultipleChoiceField(
        label="What did you work on? (optional)",
        queryset=TaxonomyTerm.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select from the list"},
    )
    goals = forms.ModelMultipleChoiceField(
        label="Which goals moved forward? (optional)",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select goals from this mentee's action plan"},
    )
    next_meeting_on = GovDateField(
        subject="the next meeting date", label="Next meeting (optional)", required=False
    )
    notes = forms.CharField(
        label="Private notes (optional)",
        help_text="Seen only by you and your coordinators",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    expenses = forms.DecimalField(
        label="Expenses to claim, in pounds (optional)",
        help_text="For example, a bus fare of 4.50",
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("500"),
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "invalid": "Enter the expenses as an amount in pounds, like 4.50",
            "min_value": "Expenses cannot be less than 0",
            "max_value": "Expenses must be £500 or less: ask your coordinator about larger costs",
            "max_decimal_places": "Enter the expenses in pounds and pence, like 4.50",
        },
    )
    expenses_description = forms.CharField(
        label="What were the expenses for? (optional)", required=False, max_length=200
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pathways"].queryset = TaxonomyTerm.objects.pathways()
        self.fields["goals"].queryset = goals
        self.fields["goals"].label_from_instance = lambda goal: goal.description
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def meeting_fields(self) -> dict:
        data = self.cleaned_data
        pence = int((data.get("expenses") or Decimal("0")) * 100)
        return {
            "held_on": data["held_on"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "place": data["place"],
            "attendees": data["attendees"],
            "next_meeting_on": data.get("next_meeting_on"),
            "notes": data["notes"],
            "expenses_pence": pence,
            "expenses_description": data["expenses_description"],
            "pathways": data["pathways"],
            "goals": data["goals"],
        }

    @classmethod
    def initial_from(cls, meeting) -> dict:
        return {
            "held_on": meeting.held_on,
            "starts_at": meeting.starts_at,
            "ends_at": meeting.ends_at,
            "place": meeting.place,
            "attendees": meeting.attendees,
            "pathways": list(meeting.pathways.all()),
            "goals": list(meeting.goals.all()),
            "next_meeting_on": meeting.next_meeting_on,
            "notes": meeting.notes,
            "expenses": Decimal(meeting.expenses_pence) / 100 if meeting.expenses_pence else None,
            "expenses_description": meeting.expenses_description,
        }


class EmailPreferencesForm(forms.Form):
    wanted = forms.MultipleChoiceField(
        label="Which would you like by email?",
        help_text="You always see them here. Safeguarding ones are always emailed.",
        choices=[
            choice for choice in NotificationKind.choices if choice[0] not in SAFEGUARDING_KINDS
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select from the list"},
    )


class WeightsForm(forms.Form):
    """Each weight is how much a criterion counts: 0 ignores it."""

    needs = forms.IntegerField(
        label="Needs matched by the mentor's experience", min_value=0, max_value=100
    )
    lived_experience = forms.IntegerField(
        label="Lived experience, when the mentee asks for it", min_value=0, max_value=100
    )
    language = forms.IntegerField(label="A shared language", min_value=0, max_value=100)
    availability = forms.IntegerField(label="Free at the same times", min_value=0, max_value=100)
    distance = forms.IntegerField(label="Living close by", min_value=0, max_value=100)
    age = forms.IntegerField(label="A similar age", min_value=0, max_value=100)
    load = forms.IntegerField(
        label="Places free (spreading mentees across mentors)", min_value=0, max_value=100
    )
    reach_km = forms.IntegerField(
        label="How far from their areas a mentor still covers (km)", min_value=0, max_value=200
    )
    target_months = forms.IntegerField(
        label="Target length of a relationship (months)", min_value=1, max_value=36
    )
    meeting_interval_days = forms.IntegerField(
        label="How often pairs should meet (days)", min_value=1, max_value=31
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "govuk-input--width-3")
            field.error_messages.update(
                required=f"Enter a number for ‘{field.label}’",
                invalid=f"Enter a whole number for ‘{field.label}’",
                min_value=f"‘{field.label}’ must be %(limit_value)s or more",
                max_value=f"‘{field.label}’ must be %(limit_value)s or less",
            )
