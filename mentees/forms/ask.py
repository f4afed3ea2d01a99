"""The questions of "Ask for a mentor", one form a page.

Each form is told the answers given so far (`answers`), so a question can speak to the person
("What is your name?") or to a worker filling it in for them ("What is their name?"), and
check its answer against earlier ones.
"""

import re

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils import timezone

from core.ages import years_before
from core.fields import GovDateField, in_our_words
from providers.choices import directory_choices
from providers.constants import GenderEligibility, Language
from providers.eligibility import MAN, NOT_SAY, OFFENCE_WORDS, WOMAN
from providers.forms.widgets import LongSelect
from providers.models import LocalAuthority, Prison, TaxonomyTerm
from providers.pathways import PLAIN_WORDS, plain_words

from ..constants import (
    CompletedBy,
    ContactMethod,
    LivedExperiencePreference,
    MentorGenderPreference,
    Situation,
    WorkerRole,
)
from ..suggestions import offence_types_asked, suggested_services

YOUNGEST = 15
OLDEST = 100
LATEST_RELEASE_YEARS = 15
PRISON_NUMBER = re.compile(r"^[A-Z][0-9]{4}[A-Z]{2}$")
UNKNOWN_AREA = "unknown"
NO_OFFENCE = "none"

# The first field's label (or legend) is the page's heading on a one-question page.
HEADING = {
    "label_tag": "h1",
    "label_size": "govuk-label--l",
    "legend_tag": "h1",
    "legend_size": "govuk-fieldset__legend--l",
}
SUBHEADING = {"legend_size": "govuk-fieldset__legend--m", "label_size": "govuk-label--s"}


def for_worker(answers: dict) -> bool:
    return answers.get("completed_by") == CompletedBy.WORKER


def in_custody(answers: dict) -> bool:
    return answers.get("situation") == Situation.IN_CUSTODY


class QuestionForm(forms.Form):
    """A page of the journey. With `one_question`, the first field's label is the page's h1;
    otherwise the page has its own heading and each field a smaller label."""

    one_question = True

    def __init__(self, *args, answers: dict | None = None, **kwargs):
        self.answers = answers or {}
        super().__init__(*args, **kwargs)
        self.word_for_person()
        in_our_words(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *(
                Field(name, context=HEADING if self.one_question and index == 0 else SUBHEADING)
                for index, name in enumerate(self.fields)
            )
        )

    def word_for_person(self) -> None:
        """Reword labels for a worker filling in the form for someone else."""

    @property
    def worker(self) -> bool:
        return for_worker(self.answers)

    def your(self, text_for_person: str, text_for_worker: str) -> str:
        return text_for_worker if self.worker else text_for_person


class WhoForm(QuestionForm):
    completed_by = forms.ChoiceField(
        label="Who is filling in this form?",
        choices=CompletedBy.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select who is filling in this form",
            "invalid_choice": "Select who is filling in this form from the list",
        },
    )


class WorkerForm(QuestionForm):
    one_question = False
    worker_name = forms.CharField(
        label="Your full name",
        max_length=150,
        error_messages={"required": "Enter your full name"},
    )
    worker_role = forms.ChoiceField(
        label="Your role",
        choices=[
            (WorkerRole.PRISON, "Prison staff"),
            (WorkerRole.PROBATION, "Probation officer"),
            (WorkerRole.OTHER, "Other support worker"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select your role",
            "invalid_choice": "Select your role from the list",
        },
    )
    worker_organisation = forms.CharField(
        label="Where you work",
        help_text="For example, HMP Liverpool or the probation team in Bootle",
        max_length=150,
        error_messages={"required": "Enter where you work"},
    )
    worker_email = forms.EmailField(
        label="Your work email",
        help_text="We email you what the service decides",
        max_length=254,
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
        },
    )
    worker_phone = forms.CharField(
        label="Your work phone number (optional)",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}),
    )


class NameForm(QuestionForm):
    full_name = forms.CharField(
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )

    def word_for_person(self):
        field = self.fields["full_name"]
        field.label = self.your("What is your full name?", "What is their full name?")
        field.help_text = "The name the prison or probation service knows"
        field.error_messages["required"] = self.your("Enter your full name", "Enter their name")
        field.error_messages["max_length"] = "Name must be 150 characters or fewer"

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not any(character.isalpha() for character in name):
            raise forms.ValidationError("Enter a name using letters")
        return name


class DateOfBirthForm(QuestionForm):
    date_of_birth = GovDateField(
        subject="your date of birth", example="27 3 1990", help_text="For example, 27 3 1990"
    )

    def word_for_person(self):
        field = self.fields["date_of_birth"]
        field.label = self.your("What is your date of birth?", "What is their date of birth?")
        field.subject = self.your("your date of birth", "their date of birth")

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError("Date of birth must be in the past")
        latest = years_before(today, YOUNGEST)
        if born > latest:
            raise forms.ValidationError(
                f"Date of birth must be on or before {latest:%-d %B %Y}: mentoring here is for "
                f"people aged {YOUNGEST} or over"
            )
        earliest = years_before(today, OLDEST)
        if born < earliest:
            raise forms.ValidationError(f"Date of birth must be after {earliest:%-d %B %Y}")
        return born


class SituationForm(QuestionForm):
    situation = forms.ChoiceField(
        choices=Situation.choices,
        widget=forms.RadioSelect,
    )

    def word_for_person(self):
        field = self.fields["situation"]
        field.label = self.your("Where are you now?", "Where are they now?")
        field.choices = [
            (Situation.IN_CUSTODY, "In prison"),
            (Situation.IN_COMMUNITY, "Out of prison, for example on licence"),
        ]
        field.error_messages["required"] = self.your(
            "Select where you are now", "Select where they are now"
        )
        field.error_messages["invalid_choice"] = self.your(
            "Select where you are now from the list", "Select where they are now from the list"
        )


class PrisonForm(QuestionForm):
    prison = forms.ChoiceField(widget=LongSelect)

    def word_for_person(self):
        field = self.fields["prison"]
        field.label = self.your("Which prison are you in?", "Which prison are they in?")
        field.choices = [("", "Choose a prison"), *directory_choices()["prison"]]
        field.error_messages.update(
            required=self.your("Select the prison you are in", "Select the prison they are in"),
            invalid_choice="Select a prison from the list",
        )

    def clean_prison(self):
        prison = Prison.objects.filter(pk=self.cleaned_data["prison"], is_open=True).first()
        if prison is None:
            raise forms.ValidationError("Select a prison from the list")
        return prison


class PrisonNumberForm(QuestionForm):
    prison_number = forms.CharField(
        max_length=20,
        required=False,
        help_text="It is 7 characters: a letter, 4 numbers and 2 letters, like A1234BC",
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-10", "spellcheck": "false", "autocomplete": "off"}
        ),
    )
    prison_number_unknown = forms.BooleanField(required=False)

    def word_for_person(self):
        field = self.fields["prison_number"]
        field.label = self.your("What is your prison number?", "What is their prison number?")
        field.error_messages.update(
            max_length="Enter a prison number in the correct format, like A1234BC",
        )
        self.fields["prison_number_unknown"].label = self.your(
            "I do not know my prison number", "I do not know their prison number"
        )

    def clean_prison_number(self):
        number = re.sub(r"\s", "", self.cleaned_data["prison_number"]).upper()
        if number and not PRISON_NUMBER.match(number):
            raise forms.ValidationError(
                "Enter a prison number in the correct format: a letter, 4 numbers and 2 letters, "
                "like A1234BC"
            )
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("prison_number_unknown"):
            cleaned["prison_number"] = ""
            self.errors.pop("prison_number", None)  # What was typed does not matter.
        elif not cleaned.get("prison_number") and "prison_number" not in self.errors:
            self.add_error(
                "prison_number",
                self.your(
                    "Enter your prison number, or select ‘I do not know my prison number’",
                    "Enter their prison number, or select ‘I do not know their prison number’",
                ),
            )
        return cleaned


class ReleaseDateForm(QuestionForm):
    expected_release_date = GovDateField(subject="the expected release date", required=False)
    expected_release_date_unknown = forms.BooleanField(required=False)

    def word_for_person(self):
        field = self.fields["expected_release_date"]
        field.label = self.your(
            "When do you expect to be released?", "When do they expect to be released?"
        )
        next_year = timezone.localdate().year + 1
        field.example = f"14 6 {next_year}"
        field.help_text = f"If you are not sure, give your best guess. For example, {field.example}"
        self.fields["expected_release_date_unknown"].label = self.your(
            "I do not know my release date (for example, I have an indeterminate sentence)",
            "I do not know their release date (for example, they have an indeterminate sentence)",
        )

    def clean_expected_release_date(self):
        release = self.cleaned_data["expected_release_date"]
        if release is None:
            return None
        today = timezone.localdate()
        if release < today:
            raise forms.ValidationError("Release date must be today or in the future")
        latest = years_before(today, -LATEST_RELEASE_YEARS)
        if release > latest:
            raise forms.ValidationError(
                f"Release date must be before {latest:%-d %B %Y}: ask again nearer the time"
            )
        return release

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("expected_release_date_unknown"):
            cleaned["expected_release_date"] = None
            self.errors.pop("expected_release_date", None)
        elif (
            cleaned.get("expected_release_date") is None
            and "expected_release_date" not in self.errors
        ):
            self.add_error(
                "expected_release_date",
                "Enter the expected release date, or select ‘I do not know’",
            )
        return cleaned


class AreaForm(QuestionForm):
    local_authority = forms.ChoiceField(widget=LongSelect)

    def word_for_person(self):
        field = self.fields["local_authority"]
        if in_custody(self.answers):
            field.label = self.your(
                "Which council area will you live in after release?",
                "Which council area will they live in after release?",
            )
        else:
            field.label = self.your(
                "Which council area do you live in?", "Which council area do they live in?"
            )
        field.help_text = "We use it to find mentors near " + self.your("you", "them")
        councils = [
            (region, [option for option in options if option[0].startswith("la-")])
            for region, options in directory_choices()["area"]
        ]
        field.choices = [
            ("", "Choose a council area"),
            (UNKNOWN_AREA, "I do not know yet"),
            *councils,
        ]
        field.error_messages.update(
            required="Select a council area, or ‘I do not know yet’",
            invalid_choice="Select a council area from the list",
        )

    def clean_local_authority(self):
        value = self.cleaned_data["local_authority"]
        if value == UNKNOWN_AREA:
            return None
        council = LocalAuthority.objects.filter(gss_code=value.removeprefix("la-")).first()
        if council is None:
            raise forms.ValidationError("Select a council area from the list")
        return council


class NeedsForm(QuestionForm):
    needs = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    needs_details = forms.CharField(
        label="Anything else a mentor should know (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Write 1,000 characters or fewer"},
    )

    def word_for_person(self):
        field = self.fields["needs"]
        field.label = self.your("What would you like help with?", "What would they like help with?")
        field.help_text = "Select all that apply"
        field.choices = [
            (code, PLAIN_WORDS.get(code, name).capitalize())
            for code, name in directory_choices()["pathway"]
        ]
        field.error_messages.update(
            required="Select at least one thing a mentor could help with",
            invalid_choice="Select what a mentor could help with from the list",
        )

    def clean_needs(self):
        codes = self.cleaned_data["needs"]
        return list(TaxonomyTerm.objects.pathways().filter(code__in=codes))


class MentorPreferencesForm(QuestionForm):
    one_question = False
    mentor_gender = forms.ChoiceField(
        choices=MentorGenderPreference.choices,
        initial=MentorGenderPreference.NONE,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the mentor should be a man or a woman",
            "invalid_choice": "Select whether the mentor should be a man or a woman",
        },
    )
    lived_experience = forms.ChoiceField(
        choices=LivedExperiencePreference.choices,
        initial=LivedExperiencePreference.NONE,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether lived experience of prison matters",
            "invalid_choice": "Select whether lived experience of prison matters",
        },
    )
    language = forms.ChoiceField(
        choices=Language.choices,
        initial=Language.ENGLISH,
        error_messages={
            "required": "Select a language",
            "invalid_choice": "Select a language from the list",
        },
    )

    def word_for_person(self):
        self.fields["mentor_gender"].label = self.your(
            "Would you prefer a man or a woman as your mentor?",
            "Would they prefer a man or a woman as their mentor?",
        )
        self.fields["lived_experience"].label = self.your(
            "Would you like a mentor who has been in prison?",
            "Would they like a mentor who has been in prison?",
        )
        self.fields["language"].label = self.your(
            "Which language would you like to speak with your mentor?",
            "Which language would they like to speak with their mentor?",
        )


class ContactForm(QuestionForm):
    one_question = False
    contact_methods = forms.MultipleChoiceField(
        choices=ContactMethod.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}),
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    postal_address = forms.CharField(
        label="Postal address",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    probation_practitioner = forms.CharField(
        label="Probation officer's name and office",
        required=False,
        max_length=200,
    )

    # Which detail each way of contact needs, and the message when it is missing.
    NEEDS_DETAIL = {
        ContactMethod.PHONE: ("phone", "Enter a phone number"),
        ContactMethod.EMAIL: ("email", "Enter an email address"),
        ContactMethod.LETTER: ("postal_address", "Enter a postal address"),
        ContactMethod.PROBATION: (
            "probation_practitioner",
            "Enter the probation practitioner's name and office",
        ),
    }

    def word_for_person(self):
        field = self.fields["contact_methods"]
        field.label = self.your(
            "How can the mentoring service contact you?",
            "How can the mentoring service contact them?",
        )
        field.help_text = "Select all that apply. Then fill in the details for each one"
        plain = {
            ContactMethod.PROBATION: self.your(
                "Through my probation officer", "Through their probation officer"
            ),
            ContactMethod.OFFENDER_MANAGEMENT_UNIT: self.your(
                "Through the OMU at my prison", "Through the OMU at their prison"
            ),
        }
        field.choices = [
            (value, plain.get(value, label))
            for value, label in ContactMethod.choices
            if in_custody(self.answers) or value != ContactMethod.OFFENDER_MANAGEMENT_UNIT
        ]
        field.error_messages.update(
            required="Select at least one way to be contacted",
            invalid_choice=(
                "The prison's offender management unit is only a choice for someone in prison"
                if not in_custody(self.answers)
                else "Select a way of contact from the list"
            ),
        )

    def ways(self) -> list[dict]:
        """Each way of contact with the box for its detail, for GOV.UK conditional checkboxes:
        the box shows under its way once chosen (with JavaScript), or always (without)."""
        field = self["contact_methods"]
        chosen = [str(value) for value in field.value() or []]
        details = {method: name for method, (name, _message) in self.NEEDS_DETAIL.items()}
        return [
            {
                "value": value,
                "label": label,
                "checked": value in chosen,
                "detail": self[details[value]] if value in details else None,
            }
            for value, label in field.field.choices
        ]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not re.fullmatch(r"\+?[0-9 ()-]{10,20}", phone):
            raise forms.ValidationError(
                "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("contact_methods") or []
        for method, (name, message) in self.NEEDS_DETAIL.items():
            if method in chosen and not cleaned.get(name) and name not in self.errors:
                self.add_error(name, message)
        # Details for ways not chosen are not kept.
        for method, (name, _message) in self.NEEDS_DETAIL.items():
            if method not in chosen:
                cleaned[name] = ""
        return cleaned


class ConsentForm(QuestionForm):
    one_question = False
    consent = forms.BooleanField(
        error_messages={"required": "You must agree before the request can be sent"},
    )

    def word_for_person(self):
        self.fields["consent"].label = self.your(
            "I have read how my answers are used. I agree to them being sent to the mentoring "
            "service.",
            "The person has been told how their answers are used. They agree to them being sent "
            "to the mentoring service.",
        )


class GenderForm(QuestionForm):
    """Asked only when a service that could take the person is for men only or women only."""

    gender = forms.ChoiceField(
        choices=[(MAN, "A man"), (WOMAN, "A woman"), (NOT_SAY, "I would rather not say")],
        widget=forms.RadioSelect,
    )

    def word_for_person(self):
        field = self.fields["gender"]
        field.label = self.your("Are you a man or a woman?", "Are they a man or a woman?")
        field.help_text = (
            "Some services near "
            + self.your("you", "them")
            + " are only for men or only for women. If you would rather not say, we only show "
            "services that are open to everyone."
        )
        field.error_messages.update(
            required="Select a man, a woman, or I would rather not say",
            invalid_choice="Select a man, a woman, or I would rather not say",
        )


class OffencesForm(QuestionForm):
    """Asked only when a service that could take the person cannot work with some offence
    types; it lists only those types. The answer picks services and is not stored."""

    offences = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)

    def word_for_person(self):
        field = self.fields["offences"]
        field.label = self.your(
            "Have you been convicted of any of these?", "Have they been convicted of any of these?"
        )
        field.help_text = (
            "Some services cannot work with people convicted of these. We use the answer only "
            "to pick services. We do not keep it or send it to anyone. If you would rather not "
            "say, we do not show those services."
        )
        field.choices = [
            *(
                (code, OFFENCE_WORDS.get(code, code).capitalize())
                for code in offence_types_asked(self.answers)
            ),
            (NO_OFFENCE, "None of these"),
            (NOT_SAY, "I would rather not say"),
        ]
        field.error_messages.update(
            required="Select the offences, None of these, or I would rather not say",
            invalid_choice="Select from the list",
        )

    def clean_offences(self):
        chosen = self.cleaned_data["offences"]
        alone = {NO_OFFENCE, NOT_SAY} & set(chosen)
        if alone and len(chosen) > 1:
            raise forms.ValidationError(
                "Select None of these or I would rather not say on its own, not with an offence"
            )
        if NOT_SAY in chosen:
            return NOT_SAY
        return [code for code in chosen if code != NO_OFFENCE]


class ServiceChoiceForm(QuestionForm):
    """Choose one of the services that can take the person, best fit first. Only those can be
    chosen: a posted id of any other service, published or not, is refused."""

    one_question = False  # the page's heading is its title, then why a service is missing
    service = forms.ChoiceField(widget=forms.RadioSelect)

    def word_for_person(self):
        self.suggestions = suggested_services(self.answers)
        field = self.fields["service"]
        field.label = self.your("Services that can take you", "Services that can take them")
        all_help = all(suggestion.fit.helps_with for suggestion in self.suggestions)
        field.help_text = " ".join(
            [
                "These services can take " + self.your("you", "them") + ".",
                "They all help with something you asked for."
                if all_help
                else "The ones that help with what you asked for come first.",
                "The service you choose gets the request.",
            ]
        )
        field.choices = [
            Choice(
                str(suggestion.service.pk),
                f"{suggestion.service.name} ({suggestion.service.organisation.name})",
                hint=why_listed(suggestion, self.answers),
            )
            for suggestion in self.suggestions
        ]
        field.error_messages.update(
            required="Select the mentoring service to send the request to",
            invalid_choice="Select one of the services listed",
        )

    def clean_service(self):
        chosen = self.cleaned_data["service"]
        return next(s.service for s in self.suggestions if str(s.service.pk) == chosen)


def why_listed(suggestion, answers: dict) -> str:
    """Why a service is on the list, in plain words: "Helps with somewhere to live. Works in
    Liverpool. Visits HMP Altcourse." """
    service, fit = suggestion.service, suggestion.fit
    if fit.helps_with:
        helps = f"Helps with {_and(plain_words(term) for term in fit.helps_with)}."
    else:
        others = _and(plain_words(term) for term in service.pathways.all())
        helps = f"Does not help with what you asked for. It helps with {others}." if others else ""
    council = answers.get("local_authority")
    prison = answers.get("prison")
    where = []
    if fit.visits_prison:
        where.append(f"Visits {prison}.")
    if fit.meets_nearby or fit.works_in_council:
        where.append(f"Works in {council}.")
    elif fit.works_in_region:
        region = council.region.name
        the = "" if region in ("Wales", "London") else "the "
        where.append(f"Works across {the}{region}.")
    if fit.national_only:
        where.append("Works across England and Wales.")
    who = {
        GenderEligibility.MEN: "Only for men.",
        GenderEligibility.WOMEN: "Only for women.",
    }.get(service.gender, "")
    taking = "Taking new people." if service.accepting_referrals else "Has a waiting list."
    return " ".join(part for part in [helps, *where, who, taking] if part)


def _and(words) -> str:
    words = list(dict.fromkeys(words))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
