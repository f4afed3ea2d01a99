"""Coordinators' forms for a mentee's case record."""

import re

from django import forms
from django.utils import timezone

from core import uploads
from core.availability import AVAILABILITY_CHOICES
from core.fields import GovDateField
from core.once import SubmitOnceForm
from providers.choices import directory_choices
from providers.constants import Language
from providers.forms.widgets import LongSelect
from providers.models import LocalAuthority, Prison, TaxonomyTerm

from ..constants import (
    AssessmentKind,
    ClosureReason,
    GoalStatus,
    LivedExperiencePreference,
    MenteeStatus,
    MentorGenderPreference,
    NeedLevel,
)
from ..models import Goal
from ..needs import pathways_for
from .ask import PRISON_NUMBER

DOCUMENT_MAX_BYTES = 5 * 1024 * 1024
DOCUMENT_KINDS = (uploads.PDF, uploads.PNG, uploads.JPEG)


def _optional_date(subject: str, label: str) -> GovDateField:
    return GovDateField(
        subject=subject, label=label, required=False, help_text="For example, 14 6 2027"
    )


class MenteeDetailsForm(forms.Form):
    full_name = forms.CharField(
        label="Full name", max_length=150, error_messages={"required": "Enter the full name"}
    )
    preferred_name = forms.CharField(
        label="Preferred name (optional)", max_length=80, required=False
    )
    date_of_birth = GovDateField(subject="the date of birth", label="Date of birth")
    prison = forms.ChoiceField(label="Prison (if in custody)", required=False, widget=LongSelect)
    prison_number = forms.CharField(
        label="Prison number (optional)",
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
    )
    local_authority = forms.ChoiceField(
        label="Council area they live in or will live in", required=False, widget=LongSelect
    )
    phone = forms.CharField(label="Phone (optional)", required=False, max_length=30)
    email = forms.EmailField(
        label="Email (optional)",
        required=False,
        error_messages={"invalid": "Enter an email address in the correct format"},
    )
    postal_address = forms.CharField(
        label="Postal address (optional)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    probation_practitioner = forms.CharField(
        label="Probation practitioner (optional)", required=False, max_length=200
    )
    mentor_gender = forms.ChoiceField(
        label="Mentor's gender", choices=MentorGenderPreference.choices, widget=forms.RadioSelect
    )
    lived_experience = forms.ChoiceField(
        label="Mentor with lived experience of prison",
        choices=LivedExperiencePreference.choices,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label="Language", choices=Language.choices)
    availability = forms.MultipleChoiceField(
        label="When they can meet (optional)",
        help_text="Matching prefers mentors free at the same times",
        choices=AVAILABILITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    prison_induction_date = _optional_date(
        "the prison induction date", "Prison induction (optional)"
    )
    release_date = _optional_date("the release date", "Release date (optional)")
    licence_end_date = _optional_date("the licence end date", "Licence end date (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = directory_choices()
        self.fields["prison"].choices = [("", "Not in prison"), *choices["prison"]]
        self.fields["local_authority"].choices = [
            ("", "Not known"),
            *[
                (region, [option for option in options if option[0].startswith("la-")])
                for region, options in choices["area"]
            ],
        ]

    @classmethod
    def initial_for(cls, mentee) -> dict:
        initial = {name: getattr(mentee, name) for name in cls.base_fields}
        initial["prison"] = str(mentee.prison_id or "")
        initial["local_authority"] = (
            f"la-{mentee.local_authority.gss_code}" if mentee.local_authority else ""
        )
        return initial

    def clean_prison(self):
        value = self.cleaned_data["prison"]
        if not value:
            return None
        prison = Prison.objects.filter(pk=value).first()
        if prison is None:
            raise forms.ValidationError("Select a prison from the list")
        return prison

    def clean_local_authority(self):
        value = self.cleaned_data["local_authority"]
        if not value:
            return None
        council = LocalAuthority.objects.filter(gss_code=value.removeprefix("la-")).first()
        if council is None:
            raise forms.ValidationError("Select a council area from the list")
        return council

    def clean_prison_number(self):
        number = re.sub(r"\s", "", self.cleaned_data["prison_number"]).upper()
        if number and not PRISON_NUMBER.match(number):
            raise forms.ValidationError("Enter a prison number in the correct format, like A1234BC")
        return number

    def clean_full_name(self):
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born >= timezone.localdate():
            raise forms.ValidationError("Date of birth must be in the past")
        return born


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="New status",
        choices=MenteeStatus.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the new status"},
    )
    closure_reason = forms.ChoiceField(
        label="If closing the case, why?",
        choices=[("", "Not closing"), *ClosureReason.choices],
        required=False,
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssessmentForm(SubmitOnceForm):
    """A level of need and notes for the pathways that apply to the person. It starts from
    what they asked for: those pathways come first and each needs a level; the others are
    rated only where the coordinator has something to say. A review starts from the levels of
    the last assessment."""

    kind = forms.ChoiceField(
        label="Which assessment is this?",
        choices=AssessmentKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is the first assessment or a review"},
    )
    assessed_on = GovDateField(subject="the date of the assessment", label="Date of the assessment")

    def __init__(self, *args, mentee, **kwargs):
        super().__init__(*args, **kwargs)
        terms, self.asked = pathways_for(mentee)
        self.pathways = sorted(terms, key=lambda term: term.code not in self.asked)
        last = mentee.assessments.order_by("-assessed_on", "-id").first()
        previous = (
            {r.pathway.code: r for r in last.ratings.select_related("pathway")} if last else {}
        )
        for term in self.pathways:
            asked = term.code in self.asked
            self.fields[f"level_{term.code}"] = forms.ChoiceField(
                label=term.name if asked else f"{term.name} (optional)",
                choices=NeedLevel.choices,
                widget=forms.RadioSelect,
                required=asked,
                error_messages={
                    "required": f"Select the level of need for {term.name.lower()}",
                    "invalid_choice": f"Select the level of need for {term.name.lower()}",
                },
            )
            self.fields[f"notes_{term.code}"] = forms.CharField(
                label=f"Notes on {term.name.lower()} (optional)",
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": "Write 1,000 characters or fewer"},
            )
            if term.code in previous:
                self.initial.setdefault(f"level_{term.code}", previous[term.code].level)

    def asked_fields(self):
        return [self._pair(t) for t in self.pathways if t.code in self.asked]

    def other_fields(self):
        return [self._pair(t) for t in self.pathways if t.code not in self.asked]

    def _pair(self, term):
        return (self[f"level_{term.code}"], self[f"notes_{term.code}"])

    def pathway_fields(self):
        return [self._pair(t) for t in self.pathways]

    def clean(self):
        data = super().clean()
        if not self.errors and not self.ratings():
            first = self.pathways[0].code
            self.add_error(f"level_{first}", "Select the level of need for at least one pathway")
        return data

    def ratings(self) -> list[tuple]:
        return [
            (term, self.cleaned_data[f"level_{term.code}"], self.cleaned_data[f"notes_{term.code}"])
            for term in self.pathways
            if self.cleaned_data.get(f"level_{term.code}")
        ]


class GoalForm(SubmitOnceForm, forms.ModelForm):
    target_date = _optional_date("the target date", "Target date (optional)")

    class Meta:
        model = Goal
        fields = ["pathway", "description", "target_date", "status"]
        labels = {"pathway": "Pathway", "description": "Goal", "status": "Progress"}
        help_texts = {"description": "What the person wants to achieve, in their words"}
        error_messages = {
            "pathway": {"required": "Select the pathway this goal is part of"},
            "description": {"required": "Enter the goal"},
        }
        widgets = {"status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pathway"].queryset = TaxonomyTerm.objects.pathways()
        self.fields["pathway"].empty_label = "Choose a pathway"
        self.fields["status"].choices = GoalStatus.choices


class NoteForm(SubmitOnceForm):
    text = forms.CharField(
        label="Add a note",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Enter the note",
            "max_length": "Write 5,000 characters or fewer",
        },
    )


class DocumentForm(SubmitOnceForm):
    title = forms.CharField(
        label="What is the document?",
        help_text="For example, ‘Licence conditions’ or ‘Housing offer letter’",
        max_length=150,
        error_messages={"required": "Enter what the document is"},
    )
    upload = forms.FileField(
        label="Choose the file",
        help_text="A PDF, PNG or JPEG, 5 MB or smaller",
        error_messages={"required": "Choose a file to upload", "empty": "The file is empty"},
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        kind = uploads.check_upload(upload, allowed=DOCUMENT_KINDS, max_bytes=DOCUMENT_MAX_BYTES)
        self.content_type, self.extension = kind.content_type, kind.extension
        return upload
