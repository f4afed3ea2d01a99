"""One round trip through a real Celery worker on Redis (the broker we ship with): a committed
change's email is written to the outbox and the worker's relay sends it."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from config.celery import app
from core.models import OutboxMessage, OutboxStatus
from providers.constants import MembershipRole
from providers.models import Invitation
from providers.services.tenancy import invitation_create
from tests.factories import MembershipFactory


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)  # the worker thread cannot see an open transaction
def test_invitation_email_goes_through_a_real_worker(mailoutbox, settings):
    assert app.conf.broker_url.startswith("redis://"), "the worker test needs Redis"
    admin = MembershipFactory(role=MembershipRole.ORG_ADMIN)
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        invitation = invitation_create(
            actor=admin.user,
            organisation=admin.organisation,
            email="new.person@example.com",
            role=MembershipRole.COORDINATOR,
        )
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
    assert [message.to for message in mail.outbox] == [[invitation.email]]
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT
    assert Invitation.objects.filter(emailed_at__isnull=True).count() == 0
