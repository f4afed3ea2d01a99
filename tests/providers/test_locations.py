import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from providers.models import Location
from providers.postcodes import normalise_postcode
from tests.factories import (
    LocalAuthorityFactory,
    LocationFactory,
    ServiceFactory,
)
from tests.once import assert_same_confirmation, post_twice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [("l2 2hb", "L2 2HB"), ("SW1A1AA", "SW1A 1AA"), (" m1  1ae ", "M1 1AE"), ("12345", None)],
)
def test_postcodes_are_tidied(typed, tidy):
    assert normalise_postcode(typed) == tidy


def test_adding_a_place_puts_it_at_its_council_centre(admin_client, organisation):
    council = LocalAuthorityFactory(name="Liverpool", latitude="53.41", longitude="-2.93")
    response = admin_client.post(
        reverse("providers:location_create"),
        {
            "name": "Dale Street hub",
            "address_1": "12 Dale Street",
            "city": "Liverpool",
            "postcode": "l2 2hb",
            "local_authority": str(council.pk),
        },
    )
    assert response.status_code == 302
    place = Location.objects.get(name="Dale Street hub")
    assert place.organisation == organisation and place.postcode == "L2 2HB"
    assert float(place.latitude) == 53.41
    assert AuditEvent.objects.filter(action="created", object_id=str(place.pk)).exists()


def test_a_bad_postcode_is_refused(admin_client):
    response = admin_client.post(
        reverse("providers:location_create"),
        {"name": "Hub", "address_1": "1 Road", "city": "Town", "postcode": "nowhere"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a real postcode, like L2 2HB" in body
    assert "Choose the council area the place is in" in body
    assert not Location.objects.exists()


def test_a_service_lists_its_places(admin_client, organisation, client):
    place = LocationFactory(organisation=organisation, name="Dale Street hub")
    service = ServiceFactory(organisation=organisation)
    form = admin_client.get(reverse("providers:listing_edit", args=[service.pk])).content.decode()
    assert "Dale Street hub" in form
    place.services.add(service)
    page = client.get(reverse("providers:service_detail", args=[service.pk])).content.decode()
    assert "Dale Street hub" in page


def test_removing_a_place_keeps_its_services(admin_client, organisation):
    place = LocationFactory(organisation=organisation)
    service = ServiceFactory(organisation=organisation)
    place.services.add(service)
    admin_client.post(reverse("providers:location_remove", args=[place.pk]))
    assert not Location.objects.filter(pk=place.pk).exists()
    assert list(service.locations.all()) == []
    assert AuditEvent.objects.filter(action="removed", object_id=str(place.pk)).exists()


def test_a_place_sent_twice_is_added_once(admin_client, organisation):
    council = LocalAuthorityFactory(name="Liverpool", latitude="53.41", longitude="-2.93")
    first, second = post_twice(
        admin_client,
        reverse("providers:location_create"),
        {
            "name": "Dale Street hub",
            "address_1": "12 Dale Street",
            "city": "Liverpool",
            "postcode": "L2 2HB",
            "local_authority": str(council.pk),
        },
    )
    assert_same_confirmation(first, second)
    assert Location.objects.filter(name="Dale Street hub").count() == 1
