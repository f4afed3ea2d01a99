"""Must-not-match pairs under two requests at once: one pair, one audit event, no error page."""

import pytest
from django.urls import reverse

from accounts.constants import AuditAction
from accounts.models import AuditEvent
from matching.models import Exclusion
from matching.services.exclusions import exclusion_create, exclusion_remove
from tests.concurrency import another_transaction

pytestmark = pytest.mark.django_db(transaction=True)


def _audited(action, exclusion_id) -> int:
    return AuditEvent.objects.filter(action=action, object_id=str(exclusion_id)).count()


def test_adding_a_pair_another_coordinator_is_adding_says_it_is_listed(
    staff_client, coordinator, mentee, mentor
):
    url = reverse("matching:exclusion_add", args=[mentee.pk])

    def first():
        exclusion_create(actor=coordinator, mentee=mentee, mentor=mentor, reason="Co-defendants")

    # The other insert is not committed yet, so a look first would see nothing: this request's
    # insert waits for it, then meets the unique constraint.
    with another_transaction(first, seconds=1):
        response = staff_client.post(url, {"mentor": str(mentor.pk), "reason": "Associates"})

    assert response.status_code == 400
    assert "already on the must-not-match list" in response.content.decode()
    exclusion = Exclusion.objects.get()
    assert exclusion.reason == "Co-defendants"
    assert _audited(AuditAction.CREATED, exclusion.pk) == 1


def test_removing_a_pair_another_coordinator_is_removing_audits_once(
    staff_client, coordinator, mentee, mentor
):
    exclusion = exclusion_create(actor=coordinator, mentee=mentee, mentor=mentor, reason="x")
    url = reverse("matching:exclusion_remove", args=[mentee.pk, exclusion.pk])

    with another_transaction(
        lambda: exclusion_remove(actor=coordinator, exclusion=exclusion), seconds=1
    ):
        response = staff_client.post(url)

    assert response.status_code == 302
    assert not Exclusion.objects.exists()
    assert _audited(AuditAction.REMOVED, exclusion.pk) == 1
