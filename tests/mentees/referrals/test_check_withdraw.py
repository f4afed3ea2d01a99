"""Withdrawing a request from "Check your request": only one still open, with the provider's
staff told by email and the change audited; an accepted request says who to tell instead."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from mentees.constants import ReferralStatus
from providers.constants import MembershipRole
from tests.factories import MembershipFactory, ServiceFactory
from tests.mentees.factories import ReferralFactory

pytestmark = pytest.mark.django_db

CHECK = reverse("mentees:check_request")
RESULT = reverse("mentees:check_result")
WITHDRAW = reverse("mentees:check_withdraw")


def checked(client, referral):
    response = client.post(
        CHECK,
        {
            "reference": referral.reference,
            "date_of_birth_0": referral.date_of_birth.day,
            "date_of_birth_1": referral.date_of_birth.month,
            "date_of_birth_2": referral.date_of_birth.year,
        },
    )
    assert response["Location"] == RESULT
    return client.get(RESULT).content.decode()


def test_an_open_request_is_withdrawn_and_the_provider_told(
    client, django_capture_on_commit_callbacks
):
    referral = ReferralFactory(date_of_birth=date(1990, 3, 27))
    coordinator = MembershipFactory(
        organisation=referral.organisation, role=MembershipRole.COORDINATOR
    ).user
    MembershipFactory(organisation=referral.organisation, role=MembershipRole.MENTOR)
    MembershipFactory(role=MembershipRole.COORDINATOR)  # Another organisation's.
    assert "Withdraw this request" in checked(client, referral)

    page = client.get(WITHDRAW)
    assert page.status_code == 200 and page["Cache-Control"] == "no-store, private"
    assert "Are you sure you want to withdraw your request?" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(WITHDRAW)
    assert response["Location"] == RESULT
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.WITHDRAWN and referral.decided_at is not None
    assert list(referral.history.values_list("status", flat=True).order_by("changed_at")) == [
        ReferralStatus.RECEIVED,
        ReferralStatus.WITHDRAWN,
    ]
    assert AuditEvent.objects.filter(
        object_id=str(referral.pk), action="status_changed", details__to="withdrawn"
    ).exists()
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert referral.reference in mail.outbox[0].subject
    assert referral.full_name not in mail.outbox[0].body, "the email names no one"

    body = client.get(RESULT).content.decode()
    assert "Your request has been withdrawn" in body
    assert "Withdrawn by the person who asked" in body
    assert "Withdraw this request" not in body


def test_a_second_withdrawal_changes_nothing(client, django_capture_on_commit_callbacks):
    referral = ReferralFactory()
    MembershipFactory(organisation=referral.organisation, role=MembershipRole.ORG_ADMIN)
    checked(client, referral)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(WITHDRAW)
        second = client.post(WITHDRAW)
    assert second["Location"] == RESULT
    assert referral.history.count() == 2
    assert len(mail.outbox) == 1


def test_an_accepted_request_says_who_to_tell_instead(client):
    service = ServiceFactory(phone="0151 496 0000", email="hello@gate.example")
    referral = ReferralFactory(
        status=ReferralStatus.ACCEPTED, organisation=service.organisation, service=service
    )
    body = checked(client, referral)
    assert "Withdraw this request" not in body
    assert "cannot be withdrawn here" in body and "0151 496 0000" in body
    assert client.get(WITHDRAW)["Location"] == RESULT
    client.post(WITHDRAW)
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.ACCEPTED


def test_only_the_request_just_checked_can_be_withdrawn(client):
    referral = ReferralFactory()
    assert client.get(WITHDRAW)["Location"] == CHECK
    assert client.post(WITHDRAW)["Location"] == CHECK
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        checked(client, referral)
        traveller.shift(timedelta(minutes=11))
        assert client.post(WITHDRAW)["Location"] == CHECK
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.RECEIVED


def test_a_withdrawn_request_is_erased_after_the_retention_period(client):
    from mentees.services.privacy import referrals_erase_expired

    referral = ReferralFactory()
    checked(client, referral)
    client.post(WITHDRAW)
    assert referrals_erase_expired(before=timezone.now() + timedelta(days=1)) == 1
