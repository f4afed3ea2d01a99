from dataclasses import dataclass

import pytest

from providers.constants import OrganisationStatus, ServiceStatus
from providers.models import LocalAuthority, Organisation, Service, ServiceAtLocation
from tests.factories import (
    LocalAuthorityFactory,
    LocationFactory,
    OrganisationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    pathway,
)


@dataclass
class Directory:
    salford: LocalAuthority
    provider: Organisation
    housing: Service
    housing_here: ServiceAtLocation
    jobs: Service
    draft: Service
    draft_here: ServiceAtLocation
    suspended_org: Organisation
    suspended_service: Service
    suspended_here: ServiceAtLocation
    drafts_only_org: Organisation


@pytest.fixture
def directory(db) -> Directory:
    """Published services of an active provider, next to what must never be public."""
    north_west = RegionFactory(name="North West")
    salford = LocalAuthorityFactory(gss_code="E08000006", name="Salford", region=north_west)
    provider = OrganisationFactory(
        name="Safe Doors", description="Mentors for people leaving prison.", charity_number="123"
    )
    housing = ServiceFactory(
        organisation=provider,
        name="Housing mentors",
        description="Help to find somewhere to live.",
        minimum_age=18,
        maximum_age=25,
        languages=["en", "pl"],
        phone="0161 000 0000",
        url="https://example.org/housing",
        local_authorities=[salford],
        pathways=[pathway("accommodation")],
    )
    housing_here = ServiceAtLocationFactory(
        service=housing,
        location=LocationFactory(
            organisation=provider,
            postcode="M1 1AA",
            latitude="53.479",
            longitude="-2.244",
            local_authority=salford,
        ),
    )
    jobs = ServiceFactory(
        organisation=provider,
        name="Work coaching",
        description="Getting and keeping a job.",
        national=True,
        is_free=False,
        cost_description="£5 a session",
        pathways=[pathway("education-training-employment")],
    )
    draft = ServiceFactory(organisation=provider, name="Secret draft", status=ServiceStatus.DRAFT)
    draft_here = ServiceAtLocationFactory(service=draft)
    suspended_org = OrganisationFactory(name="Closed Doors", status=OrganisationStatus.SUSPENDED)
    suspended_service = ServiceFactory(organisation=suspended_org, name="Hidden housing")
    suspended_here = ServiceAtLocationFactory(service=suspended_service)
    drafts_only_org = OrganisationFactory(name="Not Yet Live")
    ServiceFactory(organisation=drafts_only_org, status=ServiceStatus.PAUSED)
    PrisonFactory(name="HMP Testbury", postcode="M60 9AH")
    return Directory(
        salford=salford,
        provider=provider,
        housing=housing,
        housing_here=housing_here,
        jobs=jobs,
        draft=draft,
        draft_here=draft_here,
        suspended_org=suspended_org,
        suspended_service=suspended_service,
        suspended_here=suspended_here,
        drafts_only_org=drafts_only_org,
    )
