"""The pages of "Ask for a mentor", in order, and which apply to whom."""

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
        Step("who", questions.WhoForm, "Who is filling in this form?"),
        Step("your-details", questions.WorkerForm, "Your details", applies=_worker),
        Step("name", questions.NameForm, "Your name", "Their name"),
        Step(
            "date-of-birth", questions.DateOfBirthForm, "Your date of birth", "Their date of birth"
        ),
        Step("where-now", questions.SituationForm, "Where you are now", "Where they are now"),
        Step("prison", questions.PrisonForm, "Your prison", "Their prison", applies=_custody),
        Step(
            "prison-number",
            questions.PrisonNumberForm,
            "Your prison number",
            "Their prison number",
            applies=_custody,
        ),
        Step(
            "release-date",
            questions.ReleaseDateForm,
            "Your release date",
            "Their release date",
            applies=_custody,
        ),
        Step("area", questions.AreaForm, "Where you will live", "Where they will live"),
        Step(
            "help",
            questions.NeedsForm,
            "What you would like help with",
            "What they would like help with",
        ),
        Step("mentor", questions.MentorPreferencesForm, "Your mentor", "Their mentor"),
        Step(
            "gender",
            questions.GenderForm,
            "Are you a man or a woman?",
            "Are they a man or a woman?",
            applies=_a_service_restricts_gender,
        ),
        Step(
            "offences",
            questions.OffencesForm,
            "Offences some services cannot work with",
            applies=_a_service_excludes_offences,
        ),
        Step(
            "choose-a-service",
            questions.ServiceChoiceForm,
            "Choose a mentoring service",
            applies=_no_service_chosen_yet,
        ),
        Step("contact", questions.ContactForm, "How to contact you", "How to contact them"),
        Step(
            "consent",
            questions.ConsentForm,
            "How your information is used",
            "How their information is used",
        ),
    ],
    SESSION_KEY,
)


def title(step: Step, answers: dict) -> str:
    return step.worker_title if _worker(answers) and step.worker_title else step.title
