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
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.ages import years_before
from core.fields import GovDateField, in_our_words
from providers.choices import directory_choices
from providers.constants import GenderEligibility, Language
from providers.eligibility import MAN, NOT_SAY, OFFENCE_WORDS, WOMAN
from providers.forms.widgets import LongSelect
from providers.models import LocalAuthority, Prison, TaxonomyTerm
from providers.pathways import PLAIN_WORDS, plain_words

from ..constants import (
    SERVICES_NEARBY,
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
        label=_("Who is filling in this form?"),
        choices=CompletedBy.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select who is filling in this form"),
            "invalid_choice": _("Select who is filling in this form from the list"),
        },
    )


class WorkerForm(QuestionForm):
    one_question = False
    worker_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        error_messages={"required": _("Enter your full name")},
    )
    worker_role = forms.ChoiceField(
        label=_("Your role"),
        choices=[
            (WorkerRole.PRISON, _("Prison staff")),
            (WorkerRole.PROBATION, _("Probation officer")),
            (WorkerRole.OTHER, _("Other support worker")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select your role"),
            "invalid_choice": _("Select your role from the list"),
        },
    )
    worker_organisation = forms.CharField(
        label=_("Where you work"),
        help_text=_("For example, HMP Liverpool or the probation team in Bootle"),
        max_length=150,
        error_messages={"required": _("Enter where you work")},
    )
    worker_email = forms.EmailField(
        label=_("Your work email"),
        help_text=_("We email you what the service decides"),
        max_length=254,
        error_messages={
            "required": _("Enter your work email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.gov.uk"),
        },
    )
    worker_phone = forms.CharField(
        label=_("Your work phone number (optional)"),
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
        field.label = self.your(_("What is your full name?"), _("What is their full name?"))
        field.help_text = _("The name the prison or probation service knows")
        field.error_messages["required"] = self.your(
            _("Enter your full name"), _("Enter their name")
        )
        field.error_messages["max_length"] = _("Name must be 150 characters or fewer")

    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not any(character.isalpha() for character in name):
            raise forms.ValidationError(_("Enter a name using letters"))
        return name


class DateOfBirthForm(QuestionForm):
    date_of_birth = GovDateField(
        subject=_("your date of birth"), example="27 3 1990", help_text=_("For example, 27 3 1990")
    )

    def word_for_person(self):
        field = self.fields["date_of_birth"]
        field.label = self.your(_("What is your date of birth?"), _("What is their date of birth?"))
        field.subject = self.your(_("your date of birth"), _("their date of birth"))

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError(_("Date of birth must be in the past"))
        latest = years_before(today, YOUNGEST)
        if born > latest:
            raise forms.ValidationError(
                _(
                    "Date of birth must be on or before %(date)s: mentoring here is for people "
                    "aged %(age)s or over"
                )
                % {"date": date_format(latest, "j F Y"), "age": YOUNGEST}
            )
        earliest = years_before(today, OLDEST)
        if born < earliest:
            raise forms.ValidationError(
                _("Date of birth must be after %(date)s") % {"date": date_format(earliest, "j F Y")}
            )
        return born


class SituationForm(QuestionForm):
    situation = forms.ChoiceField(
        choices=Situation.choices,
        widget=forms.RadioSelect,
    )

    def word_for_person(self):
        field = self.fields["situation"]
        field.label = self.your(_("Where are you now?"), _("Where are they now?"))
        field.choices = [
            (Situation.IN_CUSTODY, _("In prison")),
            (Situation.IN_COMMUNITY, _("Out of prison, for example on licence")),
        ]
        field.error_messages["required"] = self.your(
            _("Select where you are now"), _("Select where they are now")
        )
        field.error_messages["invalid_choice"] = self.your(
            _("Select where you are now from the list"),
            _("Select where they are now from the list"),
        )


class PrisonForm(QuestionForm):
    prison = forms.ChoiceField(widget=LongSelect)

    def word_for_person(self):
        field = self.fields["prison"]
        field.label = self.your(_("Which prison are you in?"), _("Which prison are they in?"))
        field.choices = [("", _("Choose a prison")), *directory_choices()["prison"]]
        field.error_messages.update(
            required=self.your(
                _("Select the prison you are in"), _("Select the prison they are in")
            ),
            invalid_choice=_("Select a prison from the list"),
        )

    def clean_prison(self):
        prison = Prison.objects.filter(pk=self.cleaned_data["prison"], is_open=True).first()
        if prison is None:
            raise forms.ValidationError(_("Select a prison from the list"))
        return prison


class PrisonNumberForm(QuestionForm):
    prison_number = forms.CharField(
        max_length=20,
        required=False,
        help_text=_("It is 7 characters: a letter, 4 numbers and 2 letters, like A1234BC"),
        widget=forms.TextInput(
            attrs={"class": "govuk-input--width-10", "spellcheck": "false", "autocomplete": "off"}
        ),
    )
    prison_number_unknown = forms.BooleanField(required=False)

    def word_for_person(self):
        field = self.fields["prison_number"]
        field.label = self.your(_("What is your prison number?"), _("What is their prison number?"))
        field.error_messages.update(
            max_length=_("Enter a prison number in the correct format, like A1234BC"),
        )
        self.fields["prison_number_unknown"].label = self.your(
            _("I do not know my prison number"), _("I do not know their prison number")
        )

    def clean_prison_number(self):
        number = re.sub(r"\s", "", self.cleaned_data["prison_number"]).upper()
        if number and not PRISON_NUMBER.match(number):
            raise forms.ValidationError(
                _(
                    "Enter a prison number in the correct format: a letter, 4 numbers and "
                    "2 letters, like A1234BC"
                )
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
                    _("Enter your prison number, or select ‘I do not know my prison number’"),
                    _("Enter their prison number, or select ‘I do not know their prison number’"),
                ),
            )
        return cleaned


class ReleaseDateForm(QuestionForm):
    expected_release_date = GovDateField(subject=_("the expected release date"), required=False)
    expected_release_date_unknown = forms.BooleanField(required=False)

    def word_for_person(self):
        field = self.fields["expected_release_date"]
        field.label = self.your(
            _("When do you expect to be released?"), _("When do they expect to be released?")
        )
        next_year = timezone.localdate().year + 1
        field.example = f"14 6 {next_year}"
        field.help_text = _(
            "If you are not sure, give your best guess. For example, %(example)s"
        ) % {"example": field.example}
        self.fields["expected_release_date_unknown"].label = self.your(
            _("I do not know my release date (for example, I have an indeterminate sentence)"),
            _(
                "I do not know their release date "
                "(for example, they have an indeterminate sentence)"
            ),
        )

    def clean_expected_release_date(self):
        release = self.cleaned_data["expected_release_date"]
        if release is None:
            return None
        today = timezone.localdate()
        if release < today:
            raise forms.ValidationError(_("Release date must be today or in the future"))
        latest = years_before(today, -LATEST_RELEASE_YEARS)
        if release > latest:
            raise forms.ValidationError(
                _("Release date must be before %(date)s: ask again nearer the time")
                % {"date": date_format(latest, "j F Y")}
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
                _("Enter the expected release date, or select ‘I do not know’"),
            )
        return cleaned


class AreaForm(QuestionForm):
    local_authority = forms.ChoiceField(widget=LongSelect)

    def word_for_person(self):
        field = self.fields["local_authority"]
        if in_custody(self.answers):
            field.label = self.your(
                _("Which council area will you live in after release?"),
                _("Which council area will they live in after release?"),
            )
        else:
            field.label = self.your(
                _("Which council area do you live in?"), _("Which council area do they live in?")
            )
        field.help_text = self.your(
            _("We use it to find mentors near you"), _("We use it to find mentors near them")
        )
        councils = [
            (region, [option for option in options if option[0].startswith("la-")])
            for region, options in directory_choices()["area"]
        ]
        field.choices = [
            ("", _("Choose a council area")),
            (UNKNOWN_AREA, _("I do not know yet")),
            *councils,
        ]
        field.error_messages.update(
            required=_("Select a council area, or ‘I do not know yet’"),
            invalid_choice=_("Select a council area from the list"),
        )

    def clean_local_authority(self):
        value = self.cleaned_data["local_authority"]
        if value == UNKNOWN_AREA:
            return None
        council = LocalAuthority.objects.filter(gss_code=value.removeprefix("la-")).first()
        if council is None:
            raise forms.ValidationError(_("Select a council area from the list"))
        return council


class NeedsForm(QuestionForm):
    needs = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)
    needs_details = forms.CharField(
        label=_("Anything else a mentor should know (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Write 1,000 characters or fewer")},
    )

    def word_for_person(self):
        field = self.fields["needs"]
        field.label = self.your(
            _("What would you like help with?"), _("What would they like help with?")
        )
        field.help_text = _("Select all that apply")
        field.choices = [
            (code, (gettext(PLAIN_WORDS[code]) if code in PLAIN_WORDS else name).capitalize())
            for code, name in directory_choices()["pathway"]
        ]
        field.error_messages.update(
            required=_("Select at least one thing a mentor could help with"),
            invalid_choice=_("Select what a mentor could help with from the list"),
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
            "required": _("Select whether the mentor should be a man or a woman"),
            "invalid_choice": _("Select whether the mentor should be a man or a woman"),
        },
    )
    lived_experience = forms.ChoiceField(
        choices=LivedExperiencePreference.choices,
        initial=LivedExperiencePreference.NONE,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Select whether lived experience of prison matters"),
            "invalid_choice": _("Select whether lived experience of prison matters"),
        },
    )
    language = forms.ChoiceField(
        choices=Language.choices,
        initial=Language.ENGLISH,
        error_messages={
            "required": _("Select a language"),
            "invalid_choice": _("Select a language from the list"),
        },
    )

    def word_for_person(self):
        self.fields["mentor_gender"].label = self.your(
            _("Would you prefer a man or a woman as your mentor?"),
            _("Would they prefer a man or a woman as their mentor?"),
        )
        self.fields["lived_experience"].label = self.your(
            _("Would you like a mentor who has been in prison?"),
            _("Would they like a mentor who has been in prison?"),
        )
        self.fields["language"].label = self.your(
            _("Which language would you like to speak with your mentor?"),
            _("Which language would they like to speak with their mentor?"),
        )


class ContactForm(QuestionForm):
    one_question = False
    contact_methods = forms.MultipleChoiceField(
        choices=ContactMethod.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    phone = forms.CharField(
        label=_("Phone number"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "class": "govuk-input--width-20"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    postal_address = forms.CharField(
        label=_("Postal address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    probation_practitioner = forms.CharField(
        label=_("Probation officer's name and office"),
        required=False,
        max_length=200,
    )

    # Which detail each way of contact needs, and the message when it is missing.
    NEEDS_DETAIL = {
        ContactMethod.PHONE: ("phone", _("Enter a phone number")),
        ContactMethod.EMAIL: ("email", _("Enter an email address")),
        ContactMethod.LETTER: ("postal_address", _("Enter a postal address")),
        ContactMethod.PROBATION: (
            "probation_practitioner",
            _("Enter the probation practitioner's name and office"),
        ),
    }

    def word_for_person(self):
        field = self.fields["contact_methods"]
        field.label = self.your(
            _("How can the mentoring service contact you?"),
            _("How can the mentoring service contact them?"),
        )
        field.help_text = _("Select all that apply. Then fill in the details for each one")
        plain = {
            ContactMethod.PROBATION: self.your(
                _("Through my probation officer"), _("Through their probation officer")
            ),
            ContactMethod.OFFENDER_MANAGEMENT_UNIT: self.your(
                _("Through the OMU at my prison"), _("Through the OMU at their prison")
            ),
        }
        field.choices = [
            (value, plain.get(value, label))
            for value, label in ContactMethod.choices
            if in_custody(self.answers) or value != ContactMethod.OFFENDER_MANAGEMENT_UNIT
        ]
        field.error_messages.update(
            required=_("Select at least one way to be contacted"),
            invalid_choice=(
                _("The prison's offender management unit is only a choice for someone in prison")
                if not in_custody(self.answers)
                else _("Select a way of contact from the list")
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
                _("Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192")
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
        error_messages={"required": _("You must agree before the request can be sent")},
    )

    def word_for_person(self):
        self.fields["consent"].label = self.your(
            _(
                "I have read how my answers are used. I agree to them being sent to the mentoring "
                "service."
            ),
            _(
                "The person has been told how their answers are used. They agree to them "
                "being sent to the mentoring service."
            ),
        )


class GenderForm(QuestionForm):
    """Asked only when a service that could take the person is for men only or women only."""

    gender = forms.ChoiceField(
        choices=[(MAN, _("A man")), (WOMAN, _("A woman")), (NOT_SAY, _("I would rather not say"))],
        widget=forms.RadioSelect,
    )

    def word_for_person(self):
        field = self.fields["gender"]
        field.label = self.your(_("Are you a man or a woman?"), _("Are they a man or a woman?"))
        field.help_text = self.your(
            _(
                "Some services near you are only for men or only for women. If you would rather "
                "not say, we only show services that are open to everyone."
            ),
            _(
                "Some services near them are only for men or only for women. If you would rather "
                "not say, we only show services that are open to everyone."
            ),
        )
        field.error_messages.update(
            required=_("Select a man, a woman, or I would rather not say"),
            invalid_choice=_("Select a man, a woman, or I would rather not say"),
        )


class OffencesForm(QuestionForm):
    """Asked only when a service that could take the person cannot work with some offence
    types; it lists only those types. The answer picks services and is not stored."""

    offences = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple)

    def word_for_person(self):
        field = self.fields["offences"]
        field.label = self.your(
            _("Have you been convicted of any of these?"),
            _("Have they been convicted of any of these?"),
        )
        field.help_text = _(
            "Some services cannot work with people convicted of these. We use the answer only "
            "to pick services. We do not keep it or send it to anyone. If you would rather not "
            "say, we do not show those services."
        )
        field.choices = [
            *(
                (code, OFFENCE_WORDS.get(code, code).capitalize())
                for code in offence_types_asked(self.answers)
            ),
            (NO_OFFENCE, _("None of these")),
            (NOT_SAY, _("I would rather not say")),
        ]
        field.error_messages.update(
            required=_("Select the offences, None of these, or I would rather not say"),
            invalid_choice=_("Select from the list"),
        )

    def clean_offences(self):
        chosen = self.cleaned_data["offences"]
        alone = {NO_OFFENCE, NOT_SAY} & set(chosen)
        if alone and len(chosen) > 1:
            raise forms.ValidationError(
                _("Select None of these or I would rather not say on its own, not with an offence")
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
        field.label = self.your(_("Services that can take you"), _("Services that can take them"))
        all_help = all(suggestion.fit.helps_with for suggestion in self.suggestions)
        field.help_text = " ".join(
            [
                str(
                    self.your(_("These services can take you."), _("These services can take them."))
                ),
                str(
                    _("They all help with something you asked for.")
                    if all_help
                    else _("The ones that help with what you asked for come first.")
                ),
                str(_("The service you choose gets the request.")),
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
        if not self.suggestions:
            # None can take them: the only way on is the general inbox (the page says so).
            field.choices = [(SERVICES_NEARBY, "Send it to services near me")]
        field.error_messages.update(
            required=_("Select the mentoring service to send the request to"),
            invalid_choice=_("Select one of the services listed"),
        )

    def clean_service(self):
        chosen = self.cleaned_data["service"]
        if chosen == SERVICES_NEARBY:
            return SERVICES_NEARBY
        return next(s.service for s in self.suggestions if str(s.service.pk) == chosen)


def why_listed(suggestion, answers: dict) -> str:
    """Why a service is on the list, in plain words: "Helps with somewhere to live. Works in
    Liverpool. Visits HMP Altcourse." """
    service, fit = suggestion.service, suggestion.fit
    if fit.helps_with:
        helps = _("Helps with %(needs)s.") % {
            "needs": _and(plain_words(term) for term in fit.helps_with)
        }
    else:
        others = _and(plain_words(term) for term in service.pathways.all())
        helps = (
            _("Does not help with what you asked for. It helps with %(needs)s.") % {"needs": others}
            if others
            else ""
        )
    council = answers.get("local_authority")
    prison = answers.get("prison")
    where = []
    if fit.visits_prison:
        where.append(_("Visits %(prison)s.") % {"prison": prison})
    if fit.meets_nearby or fit.works_in_council:
        where.append(_("Works in %(council)s.") % {"council": council})
    elif fit.works_in_region:
        region = council.region.name
        if region in ("Wales", "London"):
            where.append(_("Works across %(region)s.") % {"region": region})
        else:
            where.append(_("Works across the %(region)s.") % {"region": region})
    if fit.national_only:
        where.append(_("Works across England and Wales."))
    who = {
        GenderEligibility.MEN: _("Only for men."),
        GenderEligibility.WOMEN: _("Only for women."),
    }.get(service.gender, "")
    taking = _("Taking new people.") if service.accepting_referrals else _("Has a waiting list.")
    return " ".join(str(part) for part in [helps, *where, who, taking] if part)


def _and(words) -> str:
    words = list(dict.fromkeys(str(word) for word in words))
    if len(words) <= 1:
        return "".join(words)
    return _("%(list)s and %(last)s") % {"list": ", ".join(words[:-1]), "last": words[-1]}
