"""A published service's edits are a draft until published again, and its preview is exactly
the public page, badge included (issue 19, item 5)."""

import pytest
from django.urls import reverse

from accounts.models import AuditEvent
from providers.constants import ServiceStatus
from tests.factories import PrisonFactory, ServiceFactory
from tests.factories_accreditation import AwardFactory

from .test_listings import valid_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(organisation):
    return ServiceFactory(organisation=organisation, name="Gate to Home", status="published")


def public_page(client, service) -> str:
    return client.get(reverse("providers:service_detail", args=[service.pk])).content.decode()


def test_edits_to_a_published_service_wait_until_published(admin_client, client, published):
    edit = reverse("providers:listing_edit", args=[published.pk])
    response = admin_client.post(edit, valid_form(name="Gate to Home Plus"), follow=True)
    assert "saved as a draft" in response.content.decode()
    published.refresh_from_db()
    assert published.name == "Gate to Home" and published.draft_changes["name"] == (
        "Gate to Home Plus"
    )
    assert "Gate to Home Plus" not in public_page(client, published)
    # The form carries on from the draft.
    assert 'value="Gate to Home Plus"' in admin_client.get(edit).content.decode()
    # The preview shows the changes; the public page and the database are untouched by it.
    preview = admin_client.get(reverse("providers:listing_preview", args=[published.pk]))
    assert "Gate to Home Plus" in preview.content.decode()
    assert "It is not published yet" not in preview.content.decode()
    published.refresh_from_db()
    assert published.name == "Gate to Home"

    admin_client.post(
        reverse("providers:listing_draft", args=[published.pk]), {"action": "publish"}
    )
    published.refresh_from_db()
    assert published.name == "Gate to Home Plus" and published.draft_changes is None
    assert published.status == ServiceStatus.PUBLISHED
    assert "Gate to Home Plus" in public_page(client, published)
    assert AuditEvent.objects.filter(
        action="updated", object_id=str(published.pk), details__draft=True
    ).exists()


def test_changes_can_be_discarded(admin_client, published):
    admin_client.post(
        reverse("providers:listing_edit", args=[published.pk]), valid_form(name="Renamed")
    )
    admin_client.post(
        reverse("providers:listing_draft", args=[published.pk]), {"action": "discard"}
    )
    published.refresh_from_db()
    assert published.draft_changes is None and published.name == "Gate to Home"


def test_a_bad_edit_is_refused_and_leaves_no_draft(admin_client, published):
    response = admin_client.post(
        reverse("providers:listing_edit", args=[published.pk]),
        valid_form(minimum_age="30", maximum_age="20"),
    )
    assert response.status_code == 400
    published.refresh_from_db()
    assert published.draft_changes is None


def test_the_preview_of_a_published_service_is_the_public_page_with_its_badge(
    admin_client, client, organisation, published
):
    AwardFactory(organisation=organisation)
    preview = admin_client.get(reverse("providers:listing_preview", args=[published.pk]))
    body = preview.content.decode()
    assert "Approved Provider Standard" in body
    assert "It is not published yet" not in body
    assert "This is your service as the public sees it" in body
    public = public_page(client, published)
    assert "Approved Provider Standard" in public


def test_another_organisations_service_is_not_found(admin_client, other_organisation):
    theirs = ServiceFactory(organisation=other_organisation, status="published")
    url = reverse("providers:listing_draft", args=[theirs.pk])
    assert admin_client.post(url, {"action": "discard"}).status_code == 404


def test_prisons_with_no_region_are_grouped_under_a_heading(admin_client, organisation):
    PrisonFactory(name="HMP Nowhere", probation_region="")
    body = admin_client.get(reverse("providers:listing_create")).content.decode()
    assert '<span class="govuk-details__summary-text"></span>' not in body
    assert '<span class="govuk-details__summary-text">Other</span>' in body


def test_select_all_in_a_region_works_without_javascript(admin_client, organisation):
    from providers.models import Prison, Service

    PrisonFactory(name="HMP Altcourse", probation_region="North West")
    PrisonFactory(name="HMP Liverpool", probation_region="North West")
    PrisonFactory(name="HMP Durham", probation_region="North East")
    form = valid_form(prisons=[], all_prisons=["North West"])
    response = admin_client.post(reverse("providers:listing_create"), form)
    assert response.status_code == 302
    service = Service.objects.get()
    north_west = set(Prison.objects.filter(probation_region="North West", is_open=True))
    assert set(service.prisons.all()) == north_west
    body = admin_client.get(reverse("providers:listing_edit", args=[service.pk])).content.decode()
    assert f"North West ({len(north_west)} selected)" in body
