"""Who is old enough to volunteer: a rule the application form, the coordinator's mentor form and
the service that sends an application all apply."""

from datetime import date

from django.utils import timezone

from core.ages import age_on

from .constants import MINIMUM_VOLUNTEER_AGE


def date_of_birth_problem(date_of_birth: date, *, theirs: bool = False) -> str | None:
    """Why a date of birth cannot be right for a volunteer, or None. `theirs` words it for a
    coordinator entering someone else's."""
    today = timezone.localdate()
    your, you = ("The", "They") if theirs else ("Your", "You")
    if date_of_birth >= today:
        return f"{your} date of birth must be in the past"
    if date_of_birth.year < 1900:
        return f"{your} date of birth must be a real date of birth"
    if age_on(date_of_birth, today) < MINIMUM_VOLUNTEER_AGE:
        return f"{you} must be {MINIMUM_VOLUNTEER_AGE} or over to volunteer"
    return None
