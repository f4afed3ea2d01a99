"""The general inbox: requests that no listed service could take, held with no organisation
until a provider near the person takes one (docs/decisions/0031).

Until then a provider sees a summary that names no one: where the person is, where they will
live, what they want help with, their age band and release month. A provider sees a request if
one of its published services works where the person will live (the council or its region),
visits their prison, or works across England and Wales; a request with neither a known council
nor a prison is open to every provider with a published service."""

from dataclasses import dataclass

from django.http import Http404

from providers.models import Organisation, Service

from .constants import ReferralStatus, Situation
from .models import Referral

AGE_BAND_YEARS = 10


@dataclass(frozen=True)
class Reach:
    publishes: bool
    national: bool
    local_authority_ids: frozenset[int]
    region_ids: frozenset[int]
    prison_ids: frozenset[int]

    def covers(self, referral: Referral) -> bool:
        if not self.publishes:
            return False
        if self.national:
            return True
        prison_id = referral.prison_id if referral.situation == Situation.IN_CUSTODY else None
        if prison_id is not None and prison_id in self.prison_ids:
            return True
        council = referral.local_authority
        if council is not None:
            return council.pk in self.local_authority_ids or council.region_id in self.region_ids
        return prison_id is None


def reach_of(organisation: Organisation) -> Reach:
    """Where the organisation's published services work, in four small queries."""
    services = Service.objects.published().filter(organisation=organisation)
    ids = list(services.values_list("pk", "national"))
    service_ids = [pk for pk, _national in ids]
    return Reach(
        publishes=bool(ids),
        national=any(national for _pk, national in ids),
        local_authority_ids=frozenset(
            Service.local_authorities.through.objects.filter(
                service_id__in=service_ids
            ).values_list("localauthority_id", flat=True)
        ),
        region_ids=frozenset(
            Service.regions.through.objects.filter(service_id__in=service_ids).values_list(
                "region_id", flat=True
            )
        ),
        prison_ids=frozenset(
            Service.prisons.through.objects.filter(service_id__in=service_ids).values_list(
                "prison_id", flat=True
            )
        ),
    )


def _waiting():
    return (
        Referral.objects.filter(
            status=ReferralStatus.WAITING, organisation__isnull=True, erased_at__isnull=True
        )
        .select_related("prison", "local_authority", "local_authority__region")
        .prefetch_related("needs")
        .order_by("created_at", "pk")
    )


def waiting_for(organisation: Organisation) -> list[Referral]:
    """The requests in the general inbox this organisation may take, oldest first."""
    reach = reach_of(organisation)
    if not reach.publishes:
        return []
    return [referral for referral in _waiting() if reach.covers(referral)]


def get_waiting_for_organisation_or_404(organisation: Organisation, pk) -> Referral:
    """One waiting request the organisation may take; any other (taken, withdrawn, out of its
    reach, or not there at all) is the same 404."""
    referral = _waiting().filter(pk=pk).first()
    if referral is None or not reach_of(organisation).covers(referral):
        raise Http404("No such request")
    return referral


def age_band(age: int) -> str:
    low = age // AGE_BAND_YEARS * AGE_BAND_YEARS
    return f"{max(low, 18)} to {low + AGE_BAND_YEARS - 1}" if age >= 18 else "Under 18"
