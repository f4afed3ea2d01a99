"""Listings shared by the printable directory's tests: two regions, three councils, two
prisons, and services covering them in each way the directory knows (national, a region, a
council, a prison), plus services the public must not see."""

from dataclasses import dataclass

from providers.constants import OrganisationStatus, ServiceStatus
from providers.models import LocalAuthority, Prison, Region
from tests.factories import (
    LocalAuthorityFactory,
    OrganisationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)


@dataclass
class Places:
    north_west: Region
    north_east: Region
    liverpool: LocalAuthority
    sefton: LocalAuthority
    durham: LocalAuthority
    hmp_liverpool: Prison
    hmp_durham: Prison


def make_listings() -> Places:
    north_west = RegionFactory(name="North West")
    north_east = RegionFactory(name="North East")
    places = Places(
        north_west=north_west,
        north_east=north_east,
        liverpool=LocalAuthorityFactory(name="Liverpool", region=north_west),
        sefton=LocalAuthorityFactory(name="Sefton", region=north_west),
        durham=LocalAuthorityFactory(name="County Durham", region=north_east),
        hmp_liverpool=PrisonFactory(name="HMP Liverpool"),
        hmp_durham=PrisonFactory(name="HMP/YOI Durham"),
    )
    ServiceFactory(
        name="Gate to Home",
        organisation=OrganisationFactory(name="Mersey Mentors"),
        summary="Housing and benefits help through the gate.",
        pathways=[pathway("finance-benefit-debt"), pathway("accommodation")],
        local_authorities=[places.liverpool],
        prisons=[places.hmp_liverpool],
        prison_staff_referral=True,
        how_to_refer="Ask the offender management unit to email us.",
        phone="0151 496 0000",
        typical_wait_weeks=2,
        minimum_age=18,
    )
    ServiceFactory(
        name="Working Futures",
        organisation=OrganisationFactory(name="Futures Trust"),
        summary="Into training and work, anywhere.",
        pathways=[pathway("education-training-employment")],
        national=True,
        accepting_referrals=False,
    )
    ServiceFactory(
        name="North West Recovery",
        summary="Recovery mentors across the region.",
        pathways=[pathway("drugs-alcohol"), pathway("health")],
        regions=[north_west],
    )
    ServiceFactory(
        name="Sefton Start",
        summary="Mentoring in Sefton with no pathway given.",
        pathways=[],
        local_authorities=[places.sefton],
    )
    ServiceFactory(
        name="Durham Mentors",
        summary="Health mentoring in the North East.",
        pathways=[pathway("health")],
        local_authorities=[places.durham],
        prisons=[places.hmp_durham],
    )
    # Never printed: not published, or their organisation is not active.
    hidden = {"local_authorities": [places.liverpool], "prisons": [places.hmp_liverpool]}
    ServiceFactory(name="Draft listing", status=ServiceStatus.DRAFT, **hidden)
    ServiceFactory(name="Paused listing", status=ServiceStatus.PAUSED, **hidden)
    ServiceFactory(
        name="Suspended organisation listing",
        organisation=OrganisationFactory(status=OrganisationStatus.SUSPENDED),
        **hidden,
    )
    return places


NEVER_PRINTED = ("Draft listing", "Paused listing", "Suspended organisation listing")
