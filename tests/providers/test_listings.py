from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from providers.constants import ServiceStatus
from providers.models import Service
from tests.factories import (
    LocalAuthorityFactory,
    PrisonFactory,
    ServiceFactory,
    pathway,
)
from tests.once import assert_same_confirmation, post_twice

pytestmark = pytest.mark.django_db


def valid_form(**overrides):
    council = LocalAuthorityFactory(name="Salford")
    data = {
        "name": "Gate to Home",
        "summary": "Weekly mentoring through the gate.",
        "description": "A mentor meets you before release and for a year after.",
        "pathways": [str(pathway("accommodation").pk)],
        "settings": ["in_custody", "through_the_gate"],
        "gender": "anyone",
        "local_authorities": [str(council.pk)],
        "prisons": [str(PrisonFactory().pk)],
        "mentor_types": ["volunteer", "lived_experience"],
        "languages": ["en", "cy"],
        "is_free": "True",
        "referral_routes": ["self", "probation"],
        "accepting_referrals": "True",
        "typical_wait_weeks": "3",
        "url": "mentoring.example.org",
    }
    data.update(overrides)
    return data


def test_org_admin_adds_a_service_as_a_draft(admin_client, organisation):
    response = admin_client.post(reverse("providers:listing_create"), valid_form())
    service = Service.objects.get(name="Gate to Home")
    assert response.url == reverse("providers:listing_manage", args=[service.pk])
    assert service.organisation == organisation
    assert service.status == ServiceStatus.DRAFT
    assert service.in_custody and service.through_the_gate and not service.in_community
    assert service.lived_experience_mentors and not service.paid_mentors
    assert service.self_referral and service.probation_referral
    assert service.languages == ["en", "cy"]
    assert service.url == "https://mentoring.example.org"
    assert AuditEvent.objects.filter(action="created", object_id=str(service.pk)).exists()
    # Drafts are not public.
    assert (
        admin_client.get(reverse("providers:service_detail", args=[service.pk])).status_code == 404
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Enter the service name"),
        ({"summary": "x" * 301}, "Summary must be 300 characters or fewer"),
        ({"pathways": []}, "Select at least one kind of help"),
        ({"settings": []}, "Select where the mentoring happens"),
        ({"referral_routes": []}, "Select how people can be referred"),
        ({"minimum_age": "30", "maximum_age": "20"}, "Maximum age must be the same as or more"),
        ({"minimum_age": "eighteen"}, "Enter the youngest age as a whole number"),
        ({"local_authorities": [], "prisons": []}, "Select the regions, council areas or prisons"),
        ({"settings": ["on_the_moon"]}, "Select an answer from the list"),
    ],
)
def test_bad_input_is_explained_and_saves_nothing(admin_client, overrides, message):
    response = admin_client.post(reverse("providers:listing_create"), valid_form(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Service.objects.exists()


def test_editing_is_audited_with_the_fields_changed_and_counts_as_a_review(
    admin_client, organisation
):
    service = ServiceFactory(organisation=organisation, name="Old name", status=ServiceStatus.DRAFT)
    Service.objects.filter(pk=service.pk).update(
        last_reviewed_at=timezone.localdate() - timedelta(days=300)
    )
    form = valid_form(name="New name")
    response = admin_client.post(reverse("providers:listing_edit", args=[service.pk]), form)
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.name == "New name"
    assert service.last_reviewed_at == timezone.localdate()
    event = AuditEvent.objects.get(action="updated", object_id=str(service.pk))
    assert "name" in event.details["fields"]
    assert "local_authorities" in event.details["fields"]


def test_edit_form_shows_current_answers(admin_client, organisation):
    service = ServiceFactory(organisation=organisation, in_custody=True, self_referral=True)
    body = admin_client.get(reverse("providers:listing_edit", args=[service.pk])).content.decode()
    assert 'value="in_custody" checked' in body or 'value="in_custody"\n' in body
    assert service.name in body


def test_preview_shows_a_draft_to_its_own_admin(admin_client, organisation):
    service = ServiceFactory(organisation=organisation, status=ServiceStatus.DRAFT)
    response = admin_client.get(reverse("providers:listing_preview", args=[service.pk]))
    assert response.status_code == 200
    assert "It is not published yet" in response.content.decode()


def test_publish_then_pause(admin_client, organisation):
    service = ServiceFactory(organisation=organisation, status=ServiceStatus.DRAFT, national=True)
    status_url = reverse("providers:listing_status", args=[service.pk])
    admin_client.post(status_url, {"status": "published"})
    service.refresh_from_db()
    assert service.status == ServiceStatus.PUBLISHED and service.published_at
    assert (
        admin_client.get(reverse("providers:service_detail", args=[service.pk])).status_code == 200
    )
    admin_client.post(status_url, {"status": "paused"})
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED
    assert (
        admin_client.get(reverse("providers:service_detail", args=[service.pk])).status_code == 404
    )
    assert (
        AuditEvent.objects.filter(action="status_changed", object_id=str(service.pk)).count() == 2
    )


def test_an_incomplete_service_cannot_be_published(admin_client, organisation):
    service = ServiceFactory(
        organisation=organisation,
        status=ServiceStatus.DRAFT,
        pathways=[],
        self_referral=False,
    )
    response = admin_client.post(
        reverse("providers:listing_status", args=[service.pk]), {"status": "published"}, follow=True
    )
    body = response.content.decode()
    assert "Choose at least one resettlement pathway" in body
    assert "Say how people can be referred" in body
    service.refresh_from_db()
    assert service.status == ServiceStatus.DRAFT


def test_a_made_up_status_is_refused(admin_client, organisation):
    service = ServiceFactory(organisation=organisation)
    response = admin_client.post(
        reverse("providers:listing_status", args=[service.pk]), {"status": "deleted"}, follow=True
    )
    assert "Choose to publish or pause the service" in response.content.decode()
    service.refresh_from_db()
    assert service.status == ServiceStatus.PUBLISHED


def test_services_not_checked_for_6_months_are_flagged_until_confirmed(admin_client, organisation):
    stale = ServiceFactory(organisation=organisation, name="Stale")
    Service.objects.filter(pk=stale.pk).update(
        last_reviewed_at=timezone.localdate() - timedelta(days=200)
    )
    ServiceFactory(organisation=organisation, name="Fresh")
    body = admin_client.get(reverse("providers:listings")).content.decode()
    assert body.count("Check due") == 1
    admin_client.post(reverse("providers:listing_reviewed", args=[stale.pk]))
    assert "Check due" not in admin_client.get(reverse("providers:listings")).content.decode()
    assert AuditEvent.objects.filter(action="reviewed", object_id=str(stale.pk)).exists()


def test_listings_page_queries_are_bounded(
    admin_client, organisation, django_assert_max_num_queries
):
    for _ in range(15):
        ServiceFactory(organisation=organisation)
    with django_assert_max_num_queries(12):
        assert admin_client.get(reverse("providers:listings")).status_code == 200


def test_the_dashboard_counts_services_to_check(admin_client, organisation):
    stale = ServiceFactory(organisation=organisation)
    Service.objects.filter(pk=stale.pk).update(
        last_reviewed_at=timezone.localdate() - timedelta(days=190)
    )
    ServiceFactory(organisation=organisation)
    ServiceFactory()  # another organisation's, not counted
    body = admin_client.get(reverse("dashboard")).content.decode()
    assert "1 not checked for 6 months" in body


def test_a_service_sent_twice_is_added_once(admin_client, organisation):
    first, second = post_twice(admin_client, reverse("providers:listing_create"), valid_form())
    assert_same_confirmation(first, second)
    assert Service.objects.filter(name="Gate to Home").count() == 1
