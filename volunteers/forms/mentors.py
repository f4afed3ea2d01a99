"""Forms coordinators use on mentor records."""

from django import forms

from accounts.models import User
from core.availability import AVAILABILITY_CHOICES, Day, PartOfDay
from core.fields import GovDateField, yes_no_field
from core.once import SubmitOnceForm
from providers.constants import Language
from providers.forms.listings import grouped_options
from providers.models import LocalAuthority, TaxonomyTerm

from ..constants import MAXIMUM_MENTOR_CAPACITY, Gender, LivedExperience, MentorStatus
from ..models import MentorProfile
from ..volunteer_age import date_of_birth_problem
from .vetting import StaffChoiceField, staff_of


class MentorProfileForm(forms.ModelForm):
    """The matching profile and capacity, as a coordinator corrects them."""

    date_of_birth = GovDateField(
        label="Date of birth",
        help_text="Used only to work out an age band for matching",
        subject="the date of birth",
    )
    languages = forms.MultipleChoiceField(
        label="Languages they mentor in",
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one language they can mentor in"},
    )
    lived_experience = forms.MultipleChoiceField(
        label="Lived experience they have shared (optional)",
        choices=LivedExperience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    availability = forms.MultipleChoiceField(
        label="When are they usually free?",
        choices=AVAILABILITY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one time they are usually free",
            "invalid_choice": "Select times from the table",
        },
    )
    can_visit_prisons = yes_no_field(
        "Can they visit people in prison?", "Select yes if they can visit people in prison"
    )

    class Meta:
        model = MentorProfile
        fields = [
            "capacity",
            "gender",
            "gender_description",
            "date_of_birth",
            "languages",
            "lived_experience",
            "pathways",
            "local_authorities",
            "can_visit_prisons",
            "availability",
        ]
        labels = {
            "capacity": "How many mentees can they have at once?",
            "gender": "Gender",
            "gender_description": "If they describe themselves another way, how? (optional)",
            "pathways": "Kinds of help they can give",
            "local_authorities": "Council areas they can get to",
        }
        help_texts = {"capacity": f"A number from 1 to {MAXIMUM_MENTOR_CAPACITY}"}
        widgets = {
            "capacity": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "gender": forms.RadioSelect,
            "pathways": forms.CheckboxSelectMultiple,
            "local_authorities": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "capacity": {
                "required": "Enter how many mentees they can have at once",
                "invalid": "Enter the number of mentees as a whole number, like 2",
                "min_value": f"Enter a number of mentees from 1 to {MAXIMUM_MENTOR_CAPACITY}",
                "max_value": f"Enter a number of mentees from 1 to {MAXIMUM_MENTOR_CAPACITY}",
            },
            "gender": {"required": "Select their gender, or that they would rather not say"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gender"].choices = Gender.choices
        self.fields["gender"].required = True
        pathways = self.fields["pathways"]
        pathways.queryset = TaxonomyTerm.objects.pathways()
        pathways.required = True
        pathways.error_messages.update(
            required="Select at least one kind of help they can give",
            invalid_choice="Select the kinds of help from the list",
            invalid_pk_value="Select the kinds of help from the list",
        )
        areas = self.fields["local_authorities"]
        areas.queryset = LocalAuthority.objects.select_related("region").order_by(
            "region__name", "name"
        )
        areas.required = True
        areas.error_messages.update(
            required="Select at least one council area they can get to",
            invalid_choice="Select council areas from the list",
            invalid_pk_value="Select council areas from the list",
        )

    def clean_date_of_birth(self):
        date_of_birth = self.cleaned_data["date_of_birth"]
        problem = date_of_birth_problem(date_of_birth, theirs=True)
        if problem:
            raise forms.ValidationError(problem)
        return date_of_birth

    def council_groups(self):
        return grouped_options(self["local_authorities"], lambda council: council.region.name)

    def availability_rows(self):
        options = {option.data["value"]: option for option in self["availability"]}
        return [
            (day.label, [(part.label, options[f"{day.value}_{part.value}"]) for part in PartOfDay])
            for day in Day
        ]

    @property
    def parts(self):
        return [part.label for part in PartOfDay]

    def profile_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["pathways"] = list(data["pathways"])
        data["local_authorities"] = list(data["local_authorities"])
        return data


class MentorStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=MentorStatus.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select a status",
            "invalid_choice": "Select a status from the list",
        },
    )
    reason = forms.CharField(
        label="Reason",
        help_text="Needed when pausing or recording that someone has left",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") in (MentorStatus.PAUSED, MentorStatus.LEFT)
            and not (cleaned.get("reason") or "").strip()
        ):
            self.add_error("reason", "Give the reason, for the mentor's record")
        return cleaned


class SupervisionForm(SubmitOnceForm):
    held_on = GovDateField(
        label="Date of the session", help_text="For example, 27 3 2026", subject="the date"
    )
    supervisor = StaffChoiceField(
        label="Who supervised?",
        queryset=User.objects.none(),
        empty_label="Choose a person",
        error_messages={
            "required": "Choose who supervised",
            "invalid_choice": "Choose a member of your staff from the list",
        },
    )
    notes = forms.CharField(
        label="Notes",
        help_text="What you talked about and anything agreed",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter notes of the session"},
    )
    concerns = forms.CharField(
        label="Concerns (optional)",
        help_text="Anything about the mentor's wellbeing, conduct or their mentee's safety",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = staff_of(organisation)
