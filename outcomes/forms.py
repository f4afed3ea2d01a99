"""Forms for outcome records, report periods, settings and the Justice Data Lab export."""

from decimal import Decimal

from django import forms
from django.utils import timezone

from core.fields import GovDateField, ModelChoiceField

from .constants import (
    HOURLY_EARNINGS_MAX,
    HOURLY_EARNINGS_MIN,
    HOURLY_EARNINGS_PLACES,
    PATHWAY_OUTCOMES,
    WELLBEING_MAX,
    WELLBEING_MIN,
    WELLBEING_SCALE,
    Answer,
    EvidenceSource,
    IndexKind,
    ProofKind,
    RecordedGender,
)
from .models import Comparator
from .periods import PUBLISHED_PERIODS_MESSAGE, Period, is_published_period


def _radios(label: str, choices, required_message: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message, "invalid_choice": required_message},
        **kwargs,
    )


def _optional_date(subject: str, label: str, help_text="For example, 14 6 2026") -> GovDateField:
    return GovDateField(subject=subject, label=label, required=False, help_text=help_text)


class ReoffendingForm(forms.Form):
    index_date = _optional_date(
        "the follow-up start date",
        "Follow-up start date",
        help_text="The day they were released from custody, or started in the community. "
        "For example, 14 6 2026",
    )
    index_kind = _radios(
        "Where did the follow-up start?",
        IndexKind.choices,
        "Select whether the follow-up starts at release or in the community",
        required=False,
    )
    reoffended = _radios(
        "Proven reoffending: an offence in the 12 months after the start, proven by a "
        "conviction or caution within 18 months of the start?",
        Answer.choices,
        "Select yes, no or not yet known",
    )
    offence_date = _optional_date("the offence date", "Date of the offence (if yes)")
    proven_on = _optional_date(
        "the date it was proven",
        "Date it was proven by a conviction or caution (if yes)",
        help_text="Only an offence proven within 18 months of the start counts. "
        "For example, 2 9 2026",
    )
    proven_by = _radios(
        "How was it proven? (if yes)",
        ProofKind.choices,
        "Select whether it was proven by a conviction or a caution",
        required=False,
    )
    reoffending_source = _radios(
        "Where does the answer come from?",
        EvidenceSource.choices,
        "Select where the answer comes from",
        required=False,
    )
    returned_to_custody = _radios(
        "Returned to custody?",
        Answer.choices,
        "Select yes, no or not yet known",
        help_text="Recalled or sent back to prison for any reason: a different measure.",
    )
    returned_on = _optional_date(
        "the date they returned to custody", "Date they returned to custody (if yes)"
    )
    gender = _radios(
        "Gender, as the Justice Data Lab asks for it",
        [(value or "not_recorded", label) for value, label in RecordedGender.choices],
        "Select the gender or not recorded",
        required=False,
    )

    def clean_gender(self):
        value = self.cleaned_data["gender"]
        return "" if value in ("", "not_recorded") else value

    @staticmethod
    def initial_for(record) -> dict:
        return {
            "index_date": record.index_date,
            "index_kind": record.index_kind,
            "reoffended": record.reoffended,
            "offence_date": record.offence_date,
            "proven_on": record.proven_on,
            "proven_by": record.proven_by,
            "reoffending_source": record.reoffending_source,
            "returned_to_custody": record.returned_to_custody,
            "returned_on": record.returned_on,
            "gender": record.gender or "not_recorded",
        }


PATHWAY_CHOICES = [
    (Answer.YES, "Yes"),
    (Answer.NO, "No"),
    (Answer.UNKNOWN, "Not recorded"),
]


def _score(label: str) -> forms.IntegerField:
    message = f"Enter a score from {WELLBEING_MIN} to {WELLBEING_MAX}"
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=WELLBEING_MIN,
        max_value=WELLBEING_MAX,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-3", "inputmode": "numeric"}),
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class PathwaysForm(forms.Form):
    wellbeing_start = _score("Wellbeing score at the start")
    wellbeing_start_on = _optional_date("the date of the start score", "Date of the start score")
    wellbeing_end = _score("Wellbeing score at the end")
    wellbeing_end_on = _optional_date("the date of the end score", "Date of the end score")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outcomes = {
            name: _radios(
                label, PATHWAY_CHOICES, f"Select yes, no or not recorded for: {label.lower()}"
            )
            for name, label in PATHWAY_OUTCOMES
        }
        self.fields = {**outcomes, **self.fields}
        self.fields[
            "wellbeing_start"
        ].help_text = f"The {WELLBEING_SCALE}: 7 statements scored 1 to 5, a total from 7 to 35"

    @staticmethod
    def initial_for(record) -> dict:
        names = [name for name, _ in PATHWAY_OUTCOMES] + [
            "wellbeing_start",
            "wellbeing_start_on",
            "wellbeing_end",
            "wellbeing_end_on",
        ]
        return {name: getattr(record, name) for name in names}


class PeriodForm(forms.Form):
    """A report period, by GET: every report is a link that can be shared."""

    start = GovDateField(subject="the start date", label="From", help_text="For example, 1 4 2025")
    end = GovDateField(subject="the end date", label="To", help_text="For example, 31 3 2026")

    # No comparator here: every report of an organisation uses the one it chose in its outcome
    # settings, so the same figures are never set beside two different rates.
    def __init__(self, *args, published_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.published_only = published_only

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end < start:
                self.add_error("end", "The end date must be the same as or after the start date")
            elif end > timezone.localdate():
                self.add_error("end", "The end date must be today or in the past")
            elif start.year < 2000:
                self.add_error("start", "The start date must be in 2000 or later")
            elif self.published_only and not is_published_period(Period(start, end)):
                self.add_error("start", PUBLISHED_PERIODS_MESSAGE)
        return cleaned

    @property
    def period(self) -> Period:
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])


class SettingsForm(forms.Form):
    comparator = ModelChoiceField(
        label="National rate your reports compare with",
        queryset=Comparator.objects.all(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a comparator",
            "invalid_choice": "Choose a comparator from the list",
        },
    )
    cost_per_crime = forms.IntegerField(
        label="Cost of a crime, in pounds",
        help_text="The Home Office method (Research Study 217, revised costs) gives £3,097",
        min_value=0,
        max_value=1_000_000,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
        error_messages={
            "required": "Enter the cost of a crime",
            "invalid": "Enter the cost of a crime as a whole number of pounds, like 3097",
            "min_value": "The cost of a crime must be 0 or more",
            "max_value": "The cost of a crime must be £1,000,000 or less",
        },
    )
    hourly_earnings = forms.DecimalField(
        label="Value of a volunteer hour, in pounds",
        help_text="The average hourly earnings for your area, as precise as your source gives "
        f"it (up to {HOURLY_EARNINGS_PLACES} decimal places), like 13.1242",
        min_value=Decimal(HOURLY_EARNINGS_MIN),
        max_value=Decimal(HOURLY_EARNINGS_MAX),
        max_digits=HOURLY_EARNINGS_PLACES + 4,
        decimal_places=HOURLY_EARNINGS_PLACES,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal"}),
        error_messages={
            "required": "Enter the value of a volunteer hour",
            "invalid": "Enter the value of a volunteer hour in pounds, like 13.1242",
            "min_value": "The value of a volunteer hour must be more than £0",
            "max_value": f"The value of a volunteer hour must be £{HOURLY_EARNINGS_MAX} or less",
            "max_decimal_places": "Enter the value of a volunteer hour with no more than "
            f"{HOURLY_EARNINGS_PLACES} decimal places, like 13.1242",
            "max_digits": f"The value of a volunteer hour must be £{HOURLY_EARNINGS_MAX} or less",
        },
    )
    hourly_earnings_source = forms.CharField(
        label="Where the hourly figure comes from",
        max_length=300,
        error_messages={"required": "Say where the hourly figure comes from"},
    )


class JusticeDataLabForm(forms.Form):
    start = GovDateField(
        subject="the first follow-up start date",
        label="Follow-up started on or after",
        help_text="For example, 1 4 2024",
    )
    end = GovDateField(
        subject="the last follow-up start date",
        label="Follow-up started on or before",
        help_text="For example, 31 3 2025",
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The last date must be the same as or after the first date")
        elif end and end > timezone.localdate():
            self.add_error("end", "The last date must be today or in the past")
        return cleaned
