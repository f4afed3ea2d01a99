"""The pages of "Ask for a mentor", in order, and which apply to whom."""

from django.utils.translation import gettext_lazy as _

from providers.constants import GenderEligibility
from providers.eligibility import can_take

from .forms import ask as questions
from .journey import Journey, Step
from .suggestions import candidates, person_from

SESSION_KEY = "ask_for_a_mentor"


def _worker(answers):
    return questions.for_worker(answers)


def _custody(answers):
    return questions.in_custody(answers)


def _no_service_chosen_yet(answers):
    """No service chosen yet, or the one the journey began from cannot take the person."""
    fixed = answers.get("fixed_service")
    return fixed is None or not can_take(fixed, person_from(answers))


def _a_service_restricts_gender(answers):
    return any(service.gender != GenderEligibility.ANYONE for service in candidates(answers))


def _a_service_excludes_offences(answers):
    return any(service.excluded_offences for service in candidates(answers))


ASK_FOR_A_MENTOR = Journey(
    [
        Step("who", questions.WhoForm, _("Who is filling in this form?")),
        Step("your-details", questions.WorkerForm, _("Your details"), applies=_worker),
        Step("name", questions.NameForm, _("Your name"), _("Their name")),
        Step(
            "date-of-birth",
            questions.DateOfBirthForm,
            _("Your date of birth"),
            _("Their date of birth"),
        ),
        Step("where-now", questions.SituationForm, _("Where you are now"), _("Where they are now")),
        Step("prison", questions.PrisonForm, _("Your prison"), _("Their prison"), applies=_custody),
        Step(
            "prison-number",
            questions.PrisonNumberForm,
            _("Your prison number"),
            _("Their prison number"),
            applies=_custody,
        ),
        Step(
            "release-date",
            questions.ReleaseDateForm,
            _("Your release date"),
            _("Their release date"),
            applies=_custody,
        ),
        Step("area", questions.AreaForm, _("Where you will live"), _("Where they will live")),
        Step(
            "help",
            questions.NeedsForm,
            _("What you would like help with"),
            _("What they would like help with"),
        ),
        Step("mentor", questions.MentorPreferencesForm, _("Your mentor"), _("Their mentor")),
        Step(
            "gender",
            questions.GenderForm,
            _("Are you a man or a woman?"),
            _("Are they a man or a woman?"),
            applies=_a_service_restricts_gender,
        ),
        Step(
            "offences",
            questions.OffencesForm,
            _("Offences some services cannot work with"),
            applies=_a_service_excludes_offences,
        ),
        Step(
            "choose-a-service",
            questions.ServiceChoiceForm,
            _("Choose a mentoring service"),
            applies=_no_service_chosen_yet,
        ),
        Step("contact", questions.ContactForm, _("How to contact you"), _("How to contact them")),
        Step(
            "consent",
            questions.ConsentForm,
            _("How your information is used"),
            _("How their information is used"),
        ),
    ],
    SESSION_KEY,
)


def title(step: Step, answers: dict) -> str:
    return step.worker_title if _worker(answers) and step.worker_title else step.title
