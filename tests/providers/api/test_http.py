"""CORS, methods, and query counts that do not grow with the page size."""

import pytest
from django.urls import reverse

from providers.models import TaxonomyTerm
from providers.pathways import taxonomy_id, term_id
from tests.factories import (
    LocalAuthorityFactory,
    LocationFactory,
    OrganisationFactory,
    RegionFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db


def every_url(directory):
    return [
        reverse("api:index"),
        reverse("api:openapi"),
        reverse("api:services"),
        reverse("api:service", args=[directory.housing.id]),
        reverse("api:organizations"),
        reverse("api:organization", args=[directory.provider.uuid]),
        reverse("api:taxonomies"),
        reverse("api:taxonomy", args=[taxonomy_id()]),
        reverse("api:taxonomy_terms"),
        reverse("api:taxonomy_term", args=[term_id("health")]),
        reverse("api:service_at_locations"),
        reverse("api:service_at_location", args=[directory.housing_here.id]),
    ]


def test_every_answer_allows_any_origin(client, directory):
    for url in every_url(directory):
        response = client.get(url, HTTP_ORIGIN="https://example.com")
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*", url
    for url, status in (
        (reverse("api:service", args=[directory.draft.id]), 404),
        (reverse("api:services") + "?page=x", 400),
    ):
        response = client.get(url)
        assert response.status_code == status
        assert response["Access-Control-Allow-Origin"] == "*"


def test_preflight_is_answered(client, directory):
    response = client.options(
        reverse("api:services"),
        HTTP_ORIGIN="https://example.com",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept, x-requested-with",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Allow-Headers"] == "accept, x-requested-with"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_only_reading_is_allowed(client, directory, method):
    for url in every_url(directory):
        response = getattr(client, method)(url)
        assert response.status_code == 405, url
        assert response.json()["detail"].startswith("This API is read-only")
        assert response["Allow"] == "GET, HEAD, OPTIONS"
        assert response["Access-Control-Allow-Origin"] == "*"


def test_head_is_allowed(client, directory):
    assert client.head(reverse("api:services")).status_code == 200


def _many(count):
    """`count` published services, each at a location, with pathways, areas and languages."""
    region = RegionFactory(name="North West")
    authority = LocalAuthorityFactory(gss_code="E08000003", name="Manchester", region=region)
    terms = list(TaxonomyTerm.objects.pathways()[:3])
    for n in range(count):
        organisation = OrganisationFactory()
        service = ServiceFactory(
            organisation=organisation,
            name=f"Service {n:03d}",
            pathways=terms,
            regions=[region],
            local_authorities=[authority],
            languages=["en", "cy"],
            phone="0161 000 0000",
        )
        ServiceAtLocationFactory(
            service=service,
            location=LocationFactory(organisation=organisation, local_authority=authority),
        )
    return organisation


@pytest.mark.parametrize(
    ("endpoint", "query", "most"),
    [
        ("services", {}, 2),
        # The page, its total (counted apart: providers/paging.py), the spelling check, terms.
        ("services", {"search": "service", "local_authority": "E08000003"}, 4),
        ("services", {"postcode": "M1 1AA", "proximity": "5000"}, 3),
        ("service_at_locations", {}, 2),
        ("service_at_locations", {"postcode": "M1 1AA", "proximity": "5000"}, 3),
        ("organizations", {}, 2),
        ("taxonomies", {}, 3),
        ("taxonomy_terms", {}, 2),
    ],
)
def test_list_queries_do_not_grow_with_the_page(
    client, django_assert_max_num_queries, endpoint, query, most
):
    _many(25)
    url = reverse(f"api:{endpoint}")
    for per_page in (1, 25):
        with django_assert_max_num_queries(most):
            response = client.get(url, {**query, "per_page": per_page})
        assert response.status_code == 200
        # One taxonomy of nine terms; 25 of everything else.
        available = {"taxonomies": 1, "taxonomy_terms": 9}.get(endpoint, 25)
        assert response.json()["size"] == min(per_page, available)


def test_detail_queries_are_bounded(client, django_assert_max_num_queries, directory):
    organisation = _many(1)
    for _ in range(10):
        ServiceFactory(organisation=organisation)
    service = organisation.services.first()
    with django_assert_max_num_queries(6):
        assert client.get(reverse("api:service", args=[service.id])).status_code == 200
    with django_assert_max_num_queries(3):
        response = client.get(reverse("api:organization", args=[organisation.uuid]))
    assert len(response.json()["services"]) == 11
    with django_assert_max_num_queries(5):
        url = reverse("api:service_at_location", args=[directory.housing_here.id])
        assert client.get(url).status_code == 200
