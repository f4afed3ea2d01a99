"""The API honours or refuses every parameter the profile lists, refuses empty paging values,
answers unknown addresses with its own JSON 404, and gives logos as addresses that work."""

from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from tests.factories import png_bytes

from .schemas import one, page_of, validate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
@pytest.mark.parametrize(
    ("query", "named"),
    [
        ({"day": "Funday"}, "day cannot be used here"),
        ({"day": "MO"}, "day cannot be used here"),
        ({"start_time": "09:00"}, "start_time cannot be used here"),
        ({"end_time": ""}, "end_time cannot be used here"),
        ({"day": "MO", "start_time": "09:00"}, "day and start_time cannot be used here"),
    ],
)
def test_schedule_filters_are_refused_not_ignored(client, directory, endpoint, query, named):
    response = client.get(reverse(f"api:{endpoint}"), query)
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith(named)
    assert "does not hold opening times" in detail
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_openapi_document_does_not_offer_schedule_filters(client):
    document = client.get(reverse("api:openapi")).json()
    listed = {parameter["name"] for parameter in document["components"]["parameters"].values()}
    assert not listed & {"day", "start_time", "end_time"}
    assert (
        "`day`, `start_time` and `end_time` filters are refused"
        in (document["info"]["description"])
    )


LISTS = ["services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"]


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("name", ["page", "per_page"])
def test_empty_paging_values_are_refused_like_other_bad_values(client, endpoint, name):
    response = client.get(reverse(f"api:{endpoint}"), {name: ""})
    assert response.status_code == 400
    assert response.json()["detail"] == f"{name} must be a whole number of 1 or more, not ''."


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing", "/api/v1/services/", "/api/v1/services/x/y", "/api/v1/locations"],
)
@pytest.mark.parametrize("method", ["get", "head", "options"])
def test_unrouted_api_addresses_answer_the_api_json_404_with_cors(client, path, method):
    response = getattr(client, method)(path)
    assert response["Access-Control-Allow-Origin"] == "*"
    if method == "options":
        assert response.status_code == 204
        return
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    if method == "get":
        assert response.json()["detail"].startswith(f"There is nothing at {path}.")


def test_an_organisations_logo_is_an_absolute_address_that_answers(client, directory, settings):
    settings.SITE_URL = "https://opengate.example"
    directory.provider.logo.save("logo.png", ContentFile(png_bytes()))
    listed = client.get(reverse("api:organizations")).json()
    validate(listed, page_of("compiled/organization_list.json"))
    detail = client.get(reverse("api:organization", args=[directory.provider.uuid])).json()
    validate(detail, one("compiled/organization.json"))
    logo = detail["logo"]
    assert [org["logo"] for org in listed["contents"] if org["name"] == "Safe Doors"] == [logo]
    address = urlsplit(logo)
    assert (address.scheme, address.netloc) == ("https", "opengate.example")
    fetched = client.get(address.path)
    assert fetched.status_code == 200
    assert fetched["Content-Type"] == "image/png"
    assert b"".join(fetched.streaming_content) == directory.provider.logo.open("rb").read()
