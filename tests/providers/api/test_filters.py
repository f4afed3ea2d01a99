"""The list filters, through the HTTP API."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from providers.constants import ServiceStatus
from providers.models import Service, TaxonomyTerm
from providers.pathways import taxonomy_id, term_id
from tests.factories import (
    LocalAuthorityFactory,
    LocationFactory,
    OrganisationFactory,
    PrisonFactory,
    RegionFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def names(client, endpoint="services", **query):
    response = client.get(reverse(f"api:{endpoint}"), query)
    assert response.status_code == 200, response.content
    contents = response.json()["contents"]
    if endpoint == "service_at_locations":
        return [item["service"]["name"] for item in contents]
    return [item["name"] for item in contents]


def error(client, endpoint="services", **query):
    response = client.get(reverse(f"api:{endpoint}"), query)
    assert response.status_code == 400, response.content
    return response.json()["detail"]


def test_search_uses_the_directory_search(client, directory):
    assert names(client, search="housing") == ["Housing mentors"]
    assert names(client, search="coachng") == ["Work coaching"]
    # The draft matches the words but is never listed.
    assert names(client, search="secret draft") == []


def test_taxonomy_term_and_taxonomy_filters(client, directory):
    assert names(client, taxonomy_term_id=term_id("accommodation")) == ["Housing mentors"]
    assert names(client, taxonomy_term_id=term_id("health")) == []
    assert names(client, taxonomy_id=taxonomy_id()) == ["Housing mentors", "Work coaching"]
    assert names(client, taxonomy_id="00000000-0000-0000-0000-000000000000") == []


def test_organization_filter_takes_the_public_uuid(client, directory):
    other = ServiceFactory(name="Elsewhere")
    assert names(client, organization_id=directory.provider.uuid) == [
        "Housing mentors",
        "Work coaching",
    ]
    assert names(client, organization_id=other.organisation.uuid) == ["Elsewhere"]


def test_local_authority_filter_takes_national_regional_and_local_cover(client, directory):
    wales = RegionFactory(name="Wales", nation="Wales")
    cardiff = LocalAuthorityFactory(gss_code="W06000015", name="Cardiff", region=wales)
    ServiceFactory(name="Welsh mentors", regions=[wales])
    assert names(client, local_authority="E08000006") == ["Housing mentors", "Work coaching"]
    assert names(client, local_authority=cardiff.gss_code.lower()) == [
        "Welsh mentors",
        "Work coaching",
    ]


def test_age_filters_follow_the_profile(client, directory):
    ServiceFactory(name="Over 25s", minimum_age=25)
    ServiceFactory(name="Under 18s", minimum_age=10, maximum_age=17)
    # minimum_age: services whose minimum age is at least the value.
    assert names(client, minimum_age=18) == ["Housing mentors", "Over 25s"]
    # maximum_age: services whose maximum age is at or below the value.
    assert names(client, maximum_age=20) == ["Under 18s"]
    assert names(client, maximum_age="25.0") == ["Housing mentors", "Under 18s"]
    # No minimum age counts as 0.
    assert "Work coaching" in names(client, minimum_age=0)


def test_modified_after(client, directory):
    Service.objects.filter(pk=directory.housing.pk).update(
        updated_at=datetime(2024, 1, 1, tzinfo=UTC)
    )
    Service.objects.filter(pk=directory.jobs.pk).update(
        updated_at=datetime(2025, 6, 1, 12, tzinfo=UTC)
    )
    assert names(client, modified_after="2025-01-01T00:00:00Z") == ["Work coaching"]
    assert names(client, modified_after="2025-06-01T13:00:00+01:00") == ["Work coaching"]
    assert names(client, modified_after="2025-06-01T12:00:01Z") == []
    assert names(client, modified_after="2023-12-31") == ["Housing mentors", "Work coaching"]


def test_organizations_search_and_modified_after(client, directory):
    assert names(client, "organizations", search="safe") == ["Safe Doors"]
    assert names(client, "organizations", search="housing") == ["Safe Doors"]
    assert names(client, "organizations", search="hidden housing closed") == []
    assert names(client, "organizations", modified_after="2999-01-01T00:00:00Z") == []


def _near_and_far(directory):
    """A second service 3 km away, and a third in Leeds (about 58 km away)."""
    near = ServiceAtLocationFactory(
        service=ServiceFactory(name="Nearby mentors"),
        location=LocationFactory(postcode="M7 1AA", latitude="53.5060", longitude="-2.2440"),
    )
    far = ServiceAtLocationFactory(
        service=ServiceFactory(name="Leeds mentors"),
        location=LocationFactory(postcode="LS1 1AA", latitude="53.7997", longitude="-1.5492"),
    )
    return near, far


def test_postcode_and_proximity_find_services_near_a_location_we_hold(client, directory):
    _near_and_far(directory)
    assert names(client, postcode="m11aa", proximity=1000) == ["Housing mentors"]
    assert names(client, postcode="M1 1AA", proximity=5000) == [
        "Housing mentors",
        "Nearby mentors",
    ]
    assert names(client, postcode="M1 1AA", proximity=100_000) == [
        "Housing mentors",
        "Leeds mentors",
        "Nearby mentors",
    ]


def test_service_at_locations_by_proximity_come_nearest_first(client, directory):
    _near_and_far(directory)
    assert names(client, "service_at_locations", postcode="LS1 1AA", proximity=100_000) == [
        "Leeds mentors",
        "Nearby mentors",
        "Housing mentors",
    ]
    assert names(client, "service_at_locations", postcode="LS11AA", proximity=50_000) == [
        "Leeds mentors"
    ]


def test_sql_distance_agrees_with_the_haversine_formula():
    from providers.api.geo import Place, haversine_metres, nearby_locations

    # One degree along a meridian is 2πR/360 = 111,195.1 m (R the mean radius, core.geo).
    assert haversine_metres(53.0, -2.0, 54.0, -2.0) == pytest.approx(111_195.1, abs=0.1)
    location = LocationFactory(latitude="53.7997", longitude="-1.5492")
    place = Place(postcode="M11AA", latitude=53.479, longitude=-2.244)
    expected = haversine_metres(53.479, -2.244, 53.7997, -1.5492)
    assert 57_000 < expected < 59_000  # Manchester to Leeds
    [found] = nearby_locations(place, 60_000)
    assert found == location
    assert found.distance == pytest.approx(expected, abs=0.01)
    assert not nearby_locations(place, expected - 1).exists()
    assert nearby_locations(place, expected + 1).exists()


def test_postcode_without_proximity_filters_by_the_postcodes_area(client, directory):
    elsewhere = LocalAuthorityFactory(gss_code="E08000035", name="Leeds")
    ServiceFactory(name="Leeds only", local_authorities=[elsewhere])
    # M1 1AA is a location in Salford: local and national services.
    assert names(client, postcode="M1 1AA") == ["Housing mentors", "Work coaching"]


def test_postcode_of_a_prison_finds_services_working_there(client, directory):
    prison = PrisonFactory(name="HMP Somewhere", postcode="ZZ9 9ZZ")
    ServiceFactory(name="In the prison", prisons=[prison])
    assert names(client, postcode="zz9 9zz") == ["In the prison"]
    assert "no coordinates" in error(client, postcode="ZZ9 9ZZ", proximity=1000)


def test_unknown_postcodes_and_proximity_alone_are_refused(client, directory):
    assert "cannot place the postcode SW1A1AA" in error(client, postcode="SW1A 1AA")
    assert "needs a postcode" in error(client, proximity=1000)
    # A postcode known only from an unpublished service's location is not known.
    draft_location = directory.draft_here.location
    draft_location.postcode = "B1 1AA"
    draft_location.save()
    assert "cannot place" in error(client, postcode="B1 1AA", proximity=1000)


def test_taxonomy_term_filters(client, db):
    parent = TaxonomyTerm.objects.get(pk=term_id("accommodation"))
    child = TaxonomyTerm.objects.create(
        taxonomy=parent.taxonomy,
        code="emergency-housing",
        name="Emergency housing",
        description="Somewhere to stay tonight.",
        parent=parent,
    )
    assert names(client, "taxonomy_terms", taxonomy_term_id=parent.pk) == [child.name]
    assert len(names(client, "taxonomy_terms", taxonomy_id=taxonomy_id(), per_page=50)) == 10
    assert names(client, "taxonomy_terms", taxonomy_id="00000000-0000-0000-0000-000000000000") == []


def test_filters_never_reveal_unpublished_services(client, directory):
    paused = ServiceFactory(
        name="Paused housing", status=ServiceStatus.PAUSED, organisation=directory.provider
    )
    inactive = ServiceFactory(organisation=OrganisationFactory(status="pending"), national=True)
    for query in (
        {"search": "housing"},
        {"organization_id": directory.provider.uuid},
        {"taxonomy_term_id": term_id("accommodation")},
        {"local_authority": "E08000006"},
    ):
        listed = names(client, **query)
        assert paused.name not in listed
        assert inactive.name not in listed
