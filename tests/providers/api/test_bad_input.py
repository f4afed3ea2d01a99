"""Input we cannot understand is a 400 with a specific JSON message, never a 500."""

import pytest
from django.urls import reverse

from providers.api.pagination import MAX_PER_PAGE, page_params
from providers.api.params import ApiError

pytestmark = pytest.mark.django_db

LISTS = ["services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations"]


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"page": "abc"}, "page must be a whole number"),
        ({"page": "0"}, "page must be between 1 and"),
        ({"page": "-1"}, "page must be a whole number"),
        ({"page": "1.5"}, "page must be a whole number"),
        ({"page": "9" * 30}, "page must be a whole number"),
        ({"page": "99999999"}, "page must be between 1 and"),
        ({"page": "١"}, "page must be a whole number"),
        ({"per_page": "0"}, "per_page must be 1 or more"),
        ({"per_page": "ten"}, "per_page must be a whole number"),
        ({"per_page": " 5"}, "per_page must be a whole number"),
    ],
)
def test_bad_paging_is_refused(client, endpoint, query, message):
    response = client.get(reverse(f"api:{endpoint}"), query)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)


def test_per_page_is_capped():
    assert page_params({"per_page": "100000"}) == (1, MAX_PER_PAGE)
    assert page_params({"page": "3", "per_page": "7"}) == (3, 7)
    assert page_params({}) == (1, 20)
    with pytest.raises(ApiError):
        page_params({"per_page": "-3"})


@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"taxonomy_term_id": "accommodation"}, "taxonomy_term_id must be a UUID"),
        ({"taxonomy_id": "1"}, "taxonomy_id must be a UUID"),
        ({"organization_id": "42"}, "organization_id must be a UUID"),
        ({"modified_after": "yesterday"}, "modified_after must be an ISO 8601"),
        ({"modified_after": "2024-13-45T00:00:00Z"}, "modified_after must be an ISO 8601"),
        ({"modified_after": "2024-02-30"}, "modified_after must be an ISO 8601"),
        ({"modified_after": "0001-01-01T00:00:00+05:00"}, "modified_after must be an ISO 8601"),
        ({"minimum_age": "old"}, "minimum_age must be a number"),
        ({"minimum_age": "-1"}, "minimum_age must be a number from 0 to 150"),
        ({"minimum_age": "NaN"}, "minimum_age must be a number from 0 to 150"),
        ({"maximum_age": "Infinity"}, "maximum_age must be a number from 0 to 150"),
        ({"maximum_age": "1e400"}, "maximum_age must be a number from 0 to 150"),
        ({"local_authority": "Salford"}, "local_authority must be an ONS GSS code"),
        ({"local_authority": "E09999999"}, "local_authority E09999999 is not a local authority"),
        ({"search": "housing\x00"}, "search must not contain NUL"),
        ({"search": "a" * 201}, "search must be 200 characters or fewer"),
        ({"postcode": "not a postcode!"}, "postcode must be a UK postcode"),
        ({"postcode": "M1 1AA", "proximity": "near"}, "proximity must be a number"),
        ({"postcode": "M1 1AA", "proximity": "0"}, "proximity must be more than 0"),
        ({"postcode": "M1 1AA", "proximity": "1e9"}, "proximity must be a number from 0 to"),
    ],
)
def test_bad_filters_are_refused(client, directory, endpoint, query, message):
    response = client.get(reverse(f"api:{endpoint}"), query)
    assert response.status_code == 400, response.content
    assert response.json()["detail"].startswith(message)


@pytest.mark.parametrize(
    ("endpoint", "query", "message"),
    [
        ("taxonomy_terms", {"taxonomy_id": "x"}, "taxonomy_id must be a UUID"),
        ("taxonomy_terms", {"taxonomy_term_id": "x"}, "taxonomy_term_id must be a UUID"),
        ("organizations", {"modified_after": "soon"}, "modified_after must be an ISO 8601"),
        ("organizations", {"search": "\x00"}, "search must not contain NUL"),
    ],
)
def test_bad_filters_on_other_lists_are_refused(client, db, endpoint, query, message):
    response = client.get(reverse(f"api:{endpoint}"), query)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)


def test_odd_but_valid_input_is_answered(client, directory):
    for query in (
        {"search": "' OR 1=1; --"},
        {"search": '"unclosed -'},
        {"search": "🙂"},
        {"modified_after": "2024-01-01T00:00:00 01:00"},  # an unencoded "+01:00"
        {"minimum_age": "18.5"},
        {"unknown_parameter": "ignored"},
        {"page": "2", "per_page": "1"},
    ):
        assert client.get(reverse("api:services"), query).status_code == 200, query
