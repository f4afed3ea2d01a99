"""One round trip through a real Celery worker on Redis (the broker we ship with)."""

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app
from providers.models import Invitation
from providers.tasks import send_invitation_email
from tests.factories import InvitationFactory


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)  # the worker thread cannot see an open transaction
def test_invitation_email_goes_through_a_real_worker(mailoutbox, settings):
    assert app.conf.broker_url.startswith("redis://"), "the worker test needs Redis"
    invitation = InvitationFactory()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        result = send_invitation_email.delay(invitation.pk)
        assert result.get(timeout=20) is True
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [invitation.email]
    invitation.refresh_from_db()
    assert invitation.emailed_at is not None
    assert Invitation.objects.filter(emailed_at__isnull=True).count() == 0
