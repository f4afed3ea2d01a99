"""Services to offer someone asking for a mentor: those in reach (they work in the area the
person will live in, visit their prison, or cover England and Wales) that can take them (age,
gender, offence types: providers.eligibility), best fit first."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from core.ages import age_on
from providers.eligibility import NOT_SAY, Fit, Person, Place, can_take, fit
from providers.models import Prison, Service
from providers.search import covers_local_authority

from .constants import Situation

MOST_SUGGESTIONS = 8


@dataclass(frozen=True)
class Suggestion:
    service: Service
    fit: Fit


def person_from(answers: dict) -> Person:
    """What the journey knows of the person so far."""
    born = answers.get("date_of_birth")
    offences = answers.get("offences")
    if offences is not None and offences != NOT_SAY:
        offences = frozenset(offences)
    return Person(
        age=age_on(born, timezone.localdate()) if born else None,
        gender=answers.get("gender"),
        offences=offences,
    )


def _prison(answers: dict) -> Prison | None:
    return answers.get("prison") if answers.get("situation") == Situation.IN_CUSTODY else None


def place_from(answers: dict) -> Place:
    council = answers.get("local_authority")
    prison = _prison(answers)
    return Place(
        local_authority_id=council.pk if council else None,
        region_id=council.region_id if council else None,
        prison_id=prison.pk if prison else None,
        in_custody=answers.get("situation") == Situation.IN_CUSTODY,
    )


def reach_queryset(local_authority, prison) -> QuerySet:
    """Published services that work where the person is or will be, or everywhere."""
    reach = Q(national=True)
    if local_authority is not None:
        local = covers_local_authority(Service.objects.all(), local_authority)
        reach |= Q(pk__in=local.values("pk"))
    if prison is not None:
        visits = Service.prisons.through.objects.filter(service_id=OuterRef("pk"), prison=prison)
        reach |= Q(Exists(visits))
    return Service.objects.published().filter(reach)


def services_in_reach(answers: dict) -> list[Service]:
    """Every service the person might be offered, with what fit() reads prefetched."""
    services = reach_queryset(answers.get("local_authority"), _prison(answers))
    fixed = answers.get("fixed_service")
    if fixed is not None:
        services = Service.objects.published().filter(
            Q(pk__in=services.values("pk")) | Q(pk=fixed.pk)
        )
    return list(
        services.select_related("organisation").prefetch_related(
            "pathways", "local_authorities", "regions", "prisons", "locations"
        )
    )


def candidates(answers: dict) -> list[Service]:
    """The services still open to the person given what they have said so far: the service
    they began from, alone, while it can still take them; else every one in reach that can."""
    person = person_from(answers)
    fixed = answers.get("fixed_service")
    if fixed is not None and can_take(fixed, person, strict=False):
        return [fixed]
    return [s for s in services_in_reach(answers) if can_take(s, person, strict=False)]


def offence_types_asked(answers: dict) -> list[str]:
    """The offence types worth asking about: those any service in reach that could take the
    person (by age and gender) cannot work with. Asking about all of them, not only those of
    the service they began from, means the answer also decides the alternatives."""
    person = Person(age=person_from(answers).age, gender=answers.get("gender"))
    excluded = set()
    for service in services_in_reach(answers):
        if can_take(service, person, strict=False):
            excluded |= set(service.excluded_offences or [])
    return sorted(excluded)


def suggested_services(answers: dict, *, limit: int = MOST_SUGGESTIONS) -> list[Suggestion]:
    """The services that can take the person, best fit first (see Fit.sort_key)."""
    person = person_from(answers)
    place = place_from(answers)
    needs = answers.get("needs") or []
    fixed = answers.get("fixed_service")
    suggestions = [
        Suggestion(service, fit(service, place=place, needs=needs))
        for service in services_in_reach(answers)
        if can_take(service, person) and (fixed is None or service.pk != fixed.pk)
    ]
    suggestions.sort(key=lambda suggestion: suggestion.fit.sort_key(suggestion.service))
    return suggestions[:limit]


def suggestion_queryset(local_authority, prison, needs, age) -> QuerySet:
    """Services in reach that take the person's age, most needs met first: the choices a
    coordinator has when passing a referral on."""
    services = reach_queryset(local_authority, prison)
    if age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
    return (
        services.annotate(needs_met=Count("pathways", filter=Q(pathways__in=needs), distinct=True))
        .select_related("organisation")
        .prefetch_related("pathways")
        .order_by("-needs_met", "-accepting_referrals", "name", "pk")
    )
