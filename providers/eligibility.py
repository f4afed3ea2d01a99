"""Whom a service can take, and how well it fits what a person asked for.

Pure logic on a service's own fields (no queries), shared by the "Ask for a mentor" journey, a
service page's own "Ask for a mentor" and the service that creates the referral, so the page and
the database can never disagree about who may be sent where.

What is known of the person:
- age: from their date of birth;
- gender: "man", "woman", "not_say", or None when not asked;
- offences: the offence types they said they were convicted of (ExcludedOffence values), the
  string "not_say", or None when not asked.

While the journey is still asking (`strict=False`), a question not asked yet rules nothing out.
When deciding where a request may go (`strict=True`), an answer that is missing or "I'd rather
not say" rules out every service that restricts on it (see docs/decisions/0031).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .constants import ExcludedOffence, GenderEligibility

NOT_SAY = "not_say"
MAN = "man"
WOMAN = "woman"

# Plain words for the offence types, for people reading at about age 11.
OFFENCE_WORDS = {
    ExcludedOffence.SEXUAL: gettext_lazy("a sexual offence"),
    ExcludedOffence.ARSON: gettext_lazy("arson (setting fire to something on purpose)"),
    ExcludedOffence.DOMESTIC_ABUSE: gettext_lazy("domestic abuse"),
    ExcludedOffence.TERRORISM: gettext_lazy("a crime linked to terrorism"),
    ExcludedOffence.SERIOUS_VIOLENCE: gettext_lazy("a serious violent crime"),
}
_SERVES = {GenderEligibility.MEN: MAN, GenderEligibility.WOMEN: WOMAN}


@dataclass(frozen=True)
class Person:
    age: int | None = None
    gender: str | None = None
    offences: frozenset[str] | str | None = None


def reasons_cannot_take(service, person: Person, *, strict: bool = True) -> list[str]:
    """Why this service cannot take the person, in words to show them; empty if it can."""
    reasons = []
    age = person.age
    if age is not None and service.minimum_age is not None and age < service.minimum_age:
        reasons.append(_("it is for people aged %(age)s or over") % {"age": service.minimum_age})
    if age is not None and service.maximum_age is not None and age > service.maximum_age:
        reasons.append(_("it is for people aged %(age)s or under") % {"age": service.maximum_age})
    serves = _SERVES.get(service.gender)
    gender_known = person.gender is not None or strict
    if serves is not None and gender_known and person.gender != serves:
        reasons.append(_("it is only for men") if serves == MAN else _("it is only for women"))
    excluded = set(service.excluded_offences or [])
    if excluded and (person.offences is not None or strict):
        if person.offences is None or person.offences == NOT_SAY:
            reasons.append(_("it cannot work with some offences, and you did not say yours"))
        elif excluded & set(person.offences):
            reasons.append(_("it cannot work with some of the offences you told us about"))
    return reasons


def who_it_takes(service) -> list[str]:
    """The service's limits on whom it can take, as sentences to show before someone asks."""
    limits = []
    if service.gender in _SERVES:
        limits.append(f"It is only for {'men' if _SERVES[service.gender] == MAN else 'women'}.")
    low, high = service.minimum_age, service.maximum_age
    if low is not None and high is not None:
        limits.append(f"It is for people aged {low} to {high}.")
    elif low is not None:
        limits.append(f"It is for people aged {low} or over.")
    elif high is not None:
        limits.append(f"It is for people aged {high} or under.")
    offences = [str(OFFENCE_WORDS.get(code, code)) for code in service.excluded_offences or []]
    if offences:
        listed = (
            offences[0] if len(offences) == 1 else ", ".join(offences[:-1]) + " or " + offences[-1]
        )
        limits.append(f"It cannot work with people convicted of {listed}.")
    return limits


def can_take(service, person: Person, *, strict: bool = True) -> bool:
    return not reasons_cannot_take(service, person, strict=strict)


@dataclass(frozen=True)
class Place:
    """Where the person is and will be: their council (with its region) and prison."""

    local_authority_id: int | None = None
    region_id: int | None = None
    prison_id: int | None = None
    in_custody: bool = False


@dataclass(frozen=True)
class Fit:
    """How well one service fits: what it helps with of what was asked, and where it works."""

    helps_with: list = field(default_factory=list)  # the asked-for pathway terms it covers
    works_in_council: bool = False
    works_in_region: bool = False
    visits_prison: bool = False
    meets_nearby: bool = False  # has a place to meet in the person's council
    national_only: bool = False
    right_setting: bool = False  # works in prison for someone in prison, else in the community

    def sort_key(self, service) -> tuple:
        """Smaller is better: most needs met; then face to face near them (their prison or
        council) before their region before a national line; then the right setting."""
        if self.visits_prison or self.meets_nearby:
            place = 0
        elif self.works_in_council:
            place = 1
        elif self.works_in_region:
            place = 2
        else:
            place = 3
        return (
            -len(self.helps_with),
            place,
            not self.right_setting,
            not service.accepting_referrals,
            service.name,
            str(service.pk),
        )


def fit(service, *, place: Place, needs: list, locations_by_service=None) -> Fit:
    """Needs are taxonomy terms; the service's pathways, regions, councils, prisons and
    locations are read from its prefetched relations."""
    asked = {term.pk for term in needs}
    helps = [term for term in service.pathways.all() if term.pk in asked]
    councils = {council.pk for council in service.local_authorities.all()}
    regions = {region.pk for region in service.regions.all()}
    prisons = {prison.pk for prison in service.prisons.all()}
    location_councils = {location.local_authority_id for location in service.locations.all()}
    in_council = place.local_authority_id is not None and place.local_authority_id in councils
    in_region = place.region_id is not None and place.region_id in regions
    return Fit(
        helps_with=helps,
        works_in_council=in_council,
        works_in_region=in_region,
        visits_prison=place.prison_id is not None and place.prison_id in prisons,
        meets_nearby=place.local_authority_id is not None
        and place.local_authority_id in location_councils,
        national_only=service.national and not (in_council or in_region),
        right_setting=(service.in_custody or service.through_the_gate)
        if place.in_custody
        else service.in_community,
    )
