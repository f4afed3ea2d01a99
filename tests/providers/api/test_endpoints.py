"""Every endpoint answers in the shape of the Open Referral UK profile, with published data only."""

import uuid

import pytest
from django.urls import reverse

from providers.pathways import taxonomy_id, term_id

from .schemas import api_meta, one, page_of, validate

pytestmark = pytest.mark.django_db


def get_json(client, name, *args, status=200, **query):
    response = client.get(reverse(f"api:{name}", args=args), query)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def ids(page):
    return [item["id"] for item in page["contents"]]


def test_index_names_the_version_profile_and_our_openapi_document(client):
    body = get_json(client, "index")
    validate(body, api_meta())
    assert body["version"] == "3.0"
    assert body["openapi_url"] == "http://testserver/api/v1/openapi.json"
    assert client.get(body["openapi_url"]).json()["paths"]["/services"]


def test_service_list_holds_only_published_services_of_active_organisations(client, directory):
    page = get_json(client, "services")
    validate(page, page_of("compiled/service_list.json"))
    assert ids(page) == [str(directory.housing.id), str(directory.jobs.id)]
    assert page["total_items"] == 2
    assert page["contents"][0]["organization"]["id"] == str(directory.provider.uuid)
    assert page["contents"][0]["status"] == "active"


def test_service_detail_is_fully_nested(client, directory):
    service = get_json(client, "service", directory.housing.id)
    validate(service, one("compiled/service.json"))
    assert service["minimum_age"] == 18
    assert service["maximum_age"] == 25
    assert service["url"] == "https://example.org/housing"
    assert service["organization_id"] == str(directory.provider.uuid)
    assert {(lang["code"], lang["name"]) for lang in service["languages"]} == {
        ("en", "English"),
        ("pl", "Polish"),
    }
    [area] = service["service_areas"]
    assert area["name"] == "Salford"
    assert area["uri"].endswith("/E08000006")
    [attribute] = service["attributes"]
    assert attribute["taxonomy_term_id"] == str(term_id("accommodation"))
    assert attribute["taxonomy_term"]["taxonomy_id"] == str(taxonomy_id())
    [contact] = service["contacts"]
    assert contact["email"] == "mentoring@example.org"
    assert contact["phones"][0]["number"] == "0161 000 0000"
    assert service["cost_options"][0]["amount"] == 0
    [at_location] = service["service_at_locations"]
    assert at_location["id"] == str(directory.housing_here.id)
    location = at_location["location"]
    assert (location["latitude"], location["longitude"]) == (53.479, -2.244)
    address = location["addresses"][0]
    assert (address["postal_code"], address["country"], address["address_type"]) == (
        "M1 1AA",
        "GB",
        "physical",
    )
    assert address["state_province"] == "North West"


def test_a_national_charged_service_says_so(client, directory):
    service = get_json(client, "service", directory.jobs.id)
    validate(service, one("compiled/service.json"))
    assert [area["name"] for area in service["service_areas"]] == ["England and Wales"]
    [cost] = service["cost_options"]
    assert "amount" not in cost
    assert cost["amount_description"] == "£5 a session"
    assert service["service_at_locations"] == []


def test_nested_ids_are_stable_between_requests(client, directory):
    first = get_json(client, "service", directory.housing.id)
    second = get_json(client, "service", directory.housing.id)
    assert [lang["id"] for lang in first["languages"]] == [
        lang["id"] for lang in second["languages"]
    ]
    assert first["contacts"][0]["id"] == second["contacts"][0]["id"]


def test_unpublished_and_suspended_services_are_not_found(client, directory):
    for service in (directory.draft, directory.suspended_service):
        body = get_json(client, "service", service.id, status=404)
        assert body == {"detail": f"No service with id {service.id}."}


@pytest.mark.parametrize("name", ["service", "organization", "taxonomy", "taxonomy_term"])
@pytest.mark.parametrize("bad_id", ["not-a-uuid", "1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b", "1"])
def test_unknown_or_malformed_ids_are_a_json_404(client, db, name, bad_id):
    assert "detail" in get_json(client, name, bad_id, status=404)


def test_organization_list_holds_only_organisations_with_published_services(client, directory):
    page = get_json(client, "organizations")
    validate(page, page_of("compiled/organization_list.json"))
    assert ids(page) == [str(directory.provider.uuid)]


def test_organization_detail_lists_its_published_services(client, directory):
    organization = get_json(client, "organization", directory.provider.uuid)
    validate(organization, one("compiled/organization.json"))
    assert [service["id"] for service in organization["services"]] == [
        str(directory.housing.id),
        str(directory.jobs.id),
    ]
    [identifier] = organization["organization_identifiers"]
    assert (identifier["identifier_scheme"], identifier["identifier"]) == ("GB-CHC", "123")


def test_organisations_without_published_services_or_not_active_are_not_found(client, directory):
    for organisation in (directory.suspended_org, directory.drafts_only_org):
        get_json(client, "organization", organisation.uuid, status=404)
    # The integer key stays internal: it is not an id here.
    get_json(client, "organization", directory.provider.pk, status=404)


def test_taxonomies_list_the_pathways(client, db):
    page = get_json(client, "taxonomies")
    validate(page, page_of("taxonomy.json"))
    assert ids(page) == [str(taxonomy_id())]
    assert len(page["contents"][0]["taxonomy_terms"]) == 9
    detail = get_json(client, "taxonomy", taxonomy_id())
    validate(detail, one("taxonomy.json"))
    assert detail == page["contents"][0]


def test_taxonomy_terms_list_and_detail(client, db):
    page = get_json(client, "taxonomy_terms", per_page=5)
    validate(page, page_of("taxonomy_term.json"))
    assert (page["total_items"], page["total_pages"], page["size"]) == (9, 2, 5)
    assert (page["first_page"], page["last_page"], page["empty"]) == (True, False, False)
    second = get_json(client, "taxonomy_terms", per_page=5, page=2)
    assert (second["size"], second["last_page"]) == (4, True)
    assert not set(ids(page)) & set(ids(second))
    term = get_json(client, "taxonomy_term", term_id("accommodation"))
    validate(term, one("taxonomy_term.json"))
    assert (term["term"], term["taxonomy"]) == ("accommodation", "Resettlement pathways")


def test_a_page_past_the_end_is_empty(client, db):
    page = get_json(client, "taxonomy_terms", page=7)
    validate(page, page_of("taxonomy_term.json"))
    assert (page["contents"], page["empty"], page["total_items"]) == ([], True, 9)


def test_service_at_locations_list_and_detail(client, directory):
    page = get_json(client, "service_at_locations")
    validate(page, page_of("compiled/service_at_location_list.json"))
    assert ids(page) == [str(directory.housing_here.id)]
    detail = get_json(client, "service_at_location", directory.housing_here.id)
    validate(detail, one("compiled/service_at_location.json"))
    assert detail["service"]["id"] == str(directory.housing.id)
    assert detail["location"]["addresses"][0]["city"] == "Manchester"


def test_service_at_locations_of_hidden_services_are_not_found(client, directory):
    for hidden in (directory.draft_here, directory.suspended_here):
        get_json(client, "service_at_location", hidden.id, status=404)


def test_the_schema_check_itself_catches_a_wrong_shape():
    """Guard against a validator that accepts anything (e.g. an unresolved $ref)."""
    from jsonschema import ValidationError

    with pytest.raises(ValidationError):
        validate({"id": "x", "name": "n", "status": "open"}, one("compiled/service.json"))
    with pytest.raises(ValidationError):
        validate({"id": str(uuid.uuid4()), "name": "n"}, one("taxonomy.json"))
    with pytest.raises(ValidationError):
        validate({"total_items": 1, "contents": []}, page_of("taxonomy.json"))
