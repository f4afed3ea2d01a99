"""A service's name, summary, description and how to ask, each optional in Welsh: written on the
org admin's form (through the draft of a published service), shown on Welsh pages when given and
in English with a note otherwise, searchable as Welsh words, and absent from the ORUK API."""

import pytest
from django.urls import reverse

from providers.models import Service
from providers.search import DirectoryFilters, apply_filters
from tests.factories import OrganisationFactory, ServiceFactory

from .test_listings import valid_form

pytestmark = pytest.mark.django_db

WELSH = {
    "name_cy": "Cyfeillion y Giât",
    "summary_cy": "Mentora bob wythnos, o'r carchar i'ch cartref newydd.",
    "description_cy": "Mae mentor yn cwrdd â chi cyn i chi adael ac am flwyddyn wedyn.",
    "how_to_refer_cy": "Gofynnwch i'r tîm adsefydlu anfon e-bost aton ni.",
}
NOTE = "Yn Saesneg yn unig"


def page(client, name, *args, welsh=True) -> str:
    url = reverse(name, args=args)
    return client.get(f"/cy{url}" if welsh else url).content.decode()


def test_the_form_has_a_welsh_section_and_a_new_service_keeps_its_welsh(admin_client, organisation):
    form = admin_client.get(reverse("providers:listing_create")).content.decode()
    assert "Welsh (optional)" in form and 'name="summary_cy"' in form and 'lang="cy"' in form
    admin_client.post(reverse("providers:listing_create"), valid_form(**WELSH))
    service = Service.objects.get(organisation=organisation)
    assert {field: getattr(service, field) for field in WELSH} == WELSH


def test_a_published_services_welsh_waits_in_its_draft_then_shows_in_welsh(
    admin_client, client, organisation
):
    service = ServiceFactory(organisation=organisation, name="Gate to Home", how_to_refer="Ask.")
    edit = reverse("providers:listing_edit", args=[service.pk])
    admin_client.post(edit, valid_form(**WELSH))
    service.refresh_from_db()
    assert service.summary_cy == "" and service.draft_changes["summary_cy"] == WELSH["summary_cy"]
    assert WELSH["summary_cy"] not in page(client, "providers:service_detail", service.pk)
    assert f'value="{WELSH["name_cy"]}"' in admin_client.get(edit).content.decode()
    admin_client.post(reverse("providers:listing_draft", args=[service.pk]), {"action": "publish"})

    welsh = page(client, "providers:service_detail", service.pk)
    for text in (WELSH["name_cy"], WELSH["summary_cy"], WELSH["description_cy"]):
        assert text.replace("'", "&#x27;") in welsh
    assert WELSH["how_to_refer_cy"].replace("'", "&#x27;") in welsh
    assert NOTE not in welsh
    english = page(client, "providers:service_detail", service.pk, welsh=False)
    assert "Gate to Home" in english and WELSH["name_cy"] not in english


def test_without_welsh_the_english_shows_marked_as_english_with_a_note(client):
    service = ServiceFactory(
        name="Gate to Home", summary="Weekly mentoring.", how_to_refer="Ask the OMU."
    )
    welsh = page(client, "providers:service_detail", service.pk)
    assert '<p class="govuk-body-l" lang="en-GB">Weekly mentoring.</p>' in welsh
    assert NOTE in welsh and "Gate to Home" in welsh
    assert 'lang="en-GB">Ask the OMU.' in welsh
    english = page(client, "providers:service_detail", service.pk, welsh=False)
    assert NOTE not in english and 'lang="en-GB">Weekly' not in english


def test_the_directory_and_organisation_page_show_the_welsh_or_the_note(client):
    organisation = OrganisationFactory(name="Cwmni Mentora")
    ServiceFactory(organisation=organisation, name="Gate to Home", **WELSH)
    ServiceFactory(organisation=organisation, name="Only English", summary="Plain English.")
    for body in (
        page(client, "providers:directory"),
        page(client, "providers:organisation_detail", organisation.slug),
    ):
        assert WELSH["name_cy"] in body and "Gate to Home" not in body
        assert WELSH["summary_cy"].replace("'", "&#x27;") in body
        assert 'lang="en-GB">Plain English.</p>' in body
        assert body.count(NOTE) == 1


def test_a_welsh_only_word_finds_the_service_in_either_language(client):
    """'dewis' is indexed as written: English stemming would make it 'dewi' (a name)."""
    wanted = ServiceFactory(
        name="Gate to Home", name_cy="Cyfeillion Caerdydd", summary_cy="Chi sy'n dewis y mentor."
    )
    ServiceFactory(name="Other mentoring", summary="Help with work.")
    for text in ("dewis", "Cyfeillion", "cyfeillion caerdydd"):
        assert list(apply_filters(Service.objects.published(), DirectoryFilters(text=text))) == [
            wanted
        ], text
    for prefix in ("/cy", ""):
        body = client.get(f"{prefix}/services/", {"q": "dewis"}).content.decode()
        assert f'href="{prefix}/services/{wanted.pk}/"' in body


def test_the_oruk_api_is_unchanged_by_welsh_text(client):
    service = ServiceFactory(name="Gate to Home", **WELSH)
    response = client.get(reverse("api:service", args=[service.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Gate to Home" in body
    for text in WELSH.values():
        assert text not in body and text.replace("'", "\\u0027") not in body


def test_the_demo_has_a_service_given_in_welsh_with_its_description_only_in_english(client, demo):
    service = Service.objects.get(name="Ail Gyfle peer mentoring")
    body = page(client, "providers:service_detail", service.pk)
    assert "Mentora cymheiriaid Ail Gyfle" in body and "mentoriaid cymheiriaid dwyieithog" in body
    assert NOTE in body and 'lang="en-GB"><p>Ail Gyfle means second chance.' in body
