"""Forms coordinators use to record vetting checks and decisions."""

import re

from django import forms

from accounts.models import User
from core.fields import GovDateField, yes_no_field
from providers.constants import STAFF_ROLES

from ..constants import (
    MAXIMUM_MENTOR_CAPACITY,
    DBSLevel,
    DBSResult,
    InterviewOutcome,
    RiskDecision,
    VettingStage,
)
from ..models import TrainingModule, VolunteerRole


def staff_of(organisation):
    """The organisation's org admins and coordinators, for "who decided" questions."""
    return User.objects.filter(
        memberships__organisation=organisation,
        memberships__removed_at__isnull=True,
        memberships__role__in=STAFF_ROLES,
    ).order_by("full_name", "email")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class PipelineFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label="Stage",
        required=False,
        choices=[("", "Any stage still open"), *VettingStage.choices],
        error_messages={"invalid_choice": "Select a stage from the list"},
    )
    role = forms.ModelChoiceField(
        label="Role",
        required=False,
        queryset=VolunteerRole.objects.none(),
        empty_label="Any role",
        widget=forms.Select(attrs={"class": "govuk-select"}),
        error_messages={"invalid_choice": "Select a role from the list"},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = VolunteerRole.objects.filter(organisation=organisation)

    def filter(self, applications):
        stage = self.cleaned_data.get("stage")
        if stage:
            applications = applications.filter(stage=stage)
        else:
            applications = applications.exclude(stage=VettingStage.DECIDED)
        if self.cleaned_data.get("role"):
            applications = applications.filter(role=self.cleaned_data["role"])
        return applications


class InterviewForm(forms.Form):
    interview_date = GovDateField(
        label="Interview date", help_text="For example, 27 3 2026", subject="the interview date"
    )
    arrangements = forms.CharField(
        label="Time and place (optional)",
        help_text="The applicant is told this. For example, 2pm at 12 Dale Street, Liverpool",
        max_length=300,
        required=False,
    )
    outcome = forms.ChoiceField(
        label="Outcome",
        choices=[(value or "pending", label) for value, label in InterviewOutcome.choices],
        widget=forms.RadioSelect,
        initial="pending",
        required=False,
        error_messages={"invalid_choice": "Select an outcome from the list"},
    )
    notes = forms.CharField(
        label="Notes (optional)",
        help_text="Only your organisation's staff can see these",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def clean_outcome(self):
        outcome = self.cleaned_data["outcome"]
        return "" if outcome in ("", "pending") else outcome


class ReferenceForm(forms.Form):
    requested_on = GovDateField(
        label="Date you asked for the reference (optional)",
        help_text="For example, 27 3 2026",
        subject="the date you asked",
        required=False,
    )
    received_on = GovDateField(
        label="Date you received it (optional)",
        help_text="Leave blank until it arrives",
        subject="the date received",
        required=False,
    )
    satisfactory = yes_no_field(
        "Is the reference satisfactory?",
        "Say whether the reference is satisfactory",
        required=False,
        help_text="Answer once you have received it",
    )
    notes = forms.CharField(
        label="Notes (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("received_on") and cleaned.get("satisfactory") in (None, ""):
            self.add_error("satisfactory", "Say whether the reference is satisfactory")
        if cleaned.get("satisfactory") in ("", None):
            cleaned["satisfactory"] = None
        return cleaned


class DBSCheckForm(forms.Form):
    level = forms.ChoiceField(
        label="Level of check",
        choices=DBSLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the level of the check"},
    )
    certificate_number = forms.CharField(
        label="Certificate number",
        help_text="12 digits, at the top right of the certificate",
        max_length=20,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "inputmode": "numeric"}),
        error_messages={"required": "Enter the certificate number"},
    )
    issue_date = GovDateField(
        label="Issue date", help_text="For example, 27 3 2026", subject="the issue date"
    )
    result = forms.ChoiceField(
        label="What does the certificate show?",
        choices=DBSResult.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the certificate shows"},
    )
    update_service = yes_no_field(
        "Is the applicant on the DBS Update Service?",
        "Select yes if the applicant is on the DBS Update Service",
    )
    renew_by = GovDateField(
        label="Renew by (optional)",
        help_text="Leave blank to renew 3 years after the issue date",
        subject="the renewal date",
        required=False,
    )

    def clean_certificate_number(self):
        number = re.sub(r"\s", "", self.cleaned_data["certificate_number"])
        if not re.fullmatch(r"\d{12}", number):
            raise forms.ValidationError("Enter the certificate number as 12 digits")
        return number


class RiskDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Is it safe for them to mentor?",
        choices=RiskDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether it is safe for them to mentor"},
    )
    decided_by = StaffChoiceField(
        label="Who made the decision?",
        help_text="The person accountable for it, usually your safeguarding lead",
        queryset=User.objects.none(),
        empty_label="Choose a person",
        error_messages={
            "required": "Choose who made the decision",
            "invalid_choice": "Choose a member of your staff from the list",
        },
    )
    decided_on = GovDateField(
        label="Date of the decision", help_text="For example, 27 3 2026", subject="the date"
    )
    reason = forms.CharField(
        label="Reasons for the decision",
        help_text="What was disclosed was weighed against the role; say how",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Give the reasons for the decision"},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decided_by"].queryset = staff_of(organisation)


class TrainingRecordForm(forms.Form):
    module = forms.ModelChoiceField(
        label="Module",
        queryset=TrainingModule.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": "Select the module they completed",
            "invalid_choice": "Choose a training module from the list",
        },
    )
    completed_on = GovDateField(
        label="Date completed", help_text="For example, 27 3 2026", subject="the date completed"
    )
    expires_on = GovDateField(
        label="Expiry date (optional)",
        help_text="Leave blank to use the module's usual validity",
        subject="the expiry date",
        required=False,
    )
    notes = forms.CharField(label="Notes (optional)", max_length=300, required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = TrainingModule.objects.filter(
            organisation=organisation
        ).in_use()


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[("approve", "Approve as a mentor"), ("reject", "Do not approve")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to approve the applicant"},
    )
    capacity = forms.IntegerField(
        label="If approving, how many mentees can they have at once?",
        help_text=f"A number from 1 to {MAXIMUM_MENTOR_CAPACITY}",
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"invalid": "Enter the number of mentees as a whole number, like 2"},
    )
    reason = forms.CharField(
        label="If not approving, why not?",
        help_text="The applicant is told this. Write it kindly and plainly.",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        capacity = cleaned.get("capacity")
        if decision == "approve" and not self.has_error("capacity"):
            if capacity is None:
                self.add_error("capacity", "Enter how many mentees they can have at once")
            elif not 1 <= capacity <= MAXIMUM_MENTOR_CAPACITY:
                self.add_error(
                    "capacity", f"Enter a number of mentees from 1 to {MAXIMUM_MENTOR_CAPACITY}"
                )
        if decision == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", "Give the reason, so the applicant knows why")
        return cleaned
