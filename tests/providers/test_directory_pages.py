import pytest
from django.urls import reverse

from providers.constants import ServiceStatus
from tests.factories import (
    LocalAuthorityFactory,
    OrganisationFactory,
    RegionFactory,
    ServiceFactory,
    pathway,
)

pytestmark = pytest.mark.django_db
DIRECTORY = reverse("providers:directory")


def test_the_directory_lists_published_services_without_an_account(client):
    ServiceFactory(name="Gate mentoring", organisation__name="Open Door Trust")
    ServiceFactory(name="Secret draft", status=ServiceStatus.DRAFT)
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gate mentoring" in body and "Open Door Trust" in body
    assert "Secret draft" not in body
    assert "1 service" in body


def test_search_filters_are_a_shareable_get_url(client):
    north_west = RegionFactory(name="North West")
    salford = LocalAuthorityFactory(name="Salford", region=north_west)
    ServiceFactory(name="Salford housing help", local_authorities=[salford])
    ServiceFactory(name="Elsewhere housing help")
    response = client.get(DIRECTORY, {"q": "housing", "area": f"la-{salford.gss_code}"})
    body = response.content.decode()
    assert "Salford housing help" in body
    assert "Elsewhere housing help" not in body
    assert "Where you will live: Salford" in body  # shown as a removable filter


def test_no_results_suggest_how_to_widen_the_search(client):
    ServiceFactory(name="Housing", pathways=[pathway("accommodation")])
    response = client.get(DIRECTORY, {"q": "zebra", "pathway": "health"})
    body = response.content.decode()
    assert "No services match your search" in body
    assert "remove some filters" in body
    assert "check the spelling" in body


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"pathway": "astrology"}, "Choose a kind of help from the list"),
        ({"area": "la-NOPE"}, "Choose an area from the list"),
        ({"prison": "999999"}, "Choose a prison from the list"),
        ({"age": "old"}, "Enter age as a whole number, like 25"),
        ({"age": "300"}, "Enter an age of 110 or less"),
        ({"sort": "price"}, "Sort by best match or name"),
        ({"page": "-1"}, "Page must be 1 or more"),
        ({"page": "x"}, "Page must be a whole number"),
        ({"page": "99999999999999999999"}, "Page must be 10,000 or less"),
        ({"q": "a" * 10_000}, "Search for 200 characters or fewer"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_400(client, params, message):
    ServiceFactory()
    response = client.get(DIRECTORY, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "There is a problem" in response.content.decode()


def test_a_page_past_the_end_is_a_404_with_a_message(client):
    ServiceFactory()
    response = client.get(DIRECTORY, {"page": "50"})
    assert response.status_code == 404
    assert "There is no page 50. The last page of these results is 1." in response.content.decode()


@pytest.mark.parametrize("text", ['"quoted', "DROP TABLE; --", "🙂🙂", "& < >"])
def test_odd_search_text_is_fine(client, text):
    ServiceFactory()
    assert client.get(DIRECTORY, {"q": text}).status_code == 200


def test_results_are_paginated_and_sorted_by_name(client):
    for n in range(25):
        ServiceFactory(name=f"Service {n:02d}")
    first = client.get(DIRECTORY, {"sort": "name"}).content.decode()
    assert "25 services" in first
    assert "Service 00" in first and "Service 20" not in first
    second = client.get(DIRECTORY, {"sort": "name", "page": 2}).content.decode()
    assert "Service 20" in second and "Service 00" not in second


def test_results_page_queries_do_not_grow_with_the_page(client, django_assert_max_num_queries):
    for _ in range(3):
        ServiceFactory(pathways=[pathway("accommodation"), pathway("health")])
    with django_assert_max_num_queries(12) as few:
        client.get(DIRECTORY, {"q": "mentoring"})
    for _ in range(17):
        ServiceFactory(pathways=[pathway("accommodation"), pathway("health")])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(DIRECTORY, {"q": "mentoring"})
    assert "20 services" in response.content.decode()


def test_service_page_shows_what_a_mentee_needs_to_decide(client):
    service = ServiceFactory(
        name="Gate to Home",
        minimum_age=18,
        how_to_refer="Write to the resettlement team.",
        typical_wait_weeks=3,
        languages=["en", "cy"],
        excluded_offences=["arson"],
    )
    response = client.get(reverse("providers:service_detail", args=[service.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Gate to Home",
        "aged 18 or over",
        "Write to the resettlement team.",
        "usually within 3 weeks",
        "English, Welsh",
        "Arson",
        "Ask for a mentor from this service",
        "Volunteer with this organisation",
    ]:
        assert text in body, text


def test_ask_page_says_how_to_ask(client):
    service = ServiceFactory(probation_referral=True, phone="0151 496 0001")
    body = client.get(reverse("providers:service_ask", args=[service.pk])).content.decode()
    assert "Your probation practitioner can refer you" in body
    assert "0151 496 0001" in body


def test_organisation_page_lists_its_published_services(client):
    organisation = OrganisationFactory(name="Open Door Trust")
    ServiceFactory(organisation=organisation, name="Listed")
    ServiceFactory(organisation=organisation, name="Paused one", status=ServiceStatus.PAUSED)
    body = client.get(
        reverse("providers:organisation_detail", args=[organisation.slug])
    ).content.decode()
    assert "Listed" in body and "Paused one" not in body


def test_a_misspelt_search_says_what_it_searched_for(client):
    ServiceFactory(name="Accommodation mentors", pathways=[pathway("health")])
    body = client.get(DIRECTORY, {"q": "acommodation mentors"}).content.decode()
    assert "Accommodation mentors" in body
    assert "Showing results for ‘<strong>accommodation mentors</strong>’" in body
