"""Applicants are emailed each update once, through Celery."""

import pytest
from celery.contrib.testing.worker import start_worker

from config.celery import app
from tests.factories_volunteering import SubmittedApplicationFactory
from volunteers.constants import ApplicationUpdateKind
from volunteers.models import ApplicationUpdate
from volunteers.tasks import send_application_update_email


def make_update():
    application = SubmittedApplicationFactory(applicant__email="jo@example.org")
    return ApplicationUpdate.objects.create(
        organisation=application.organisation,
        application=application,
        kind=ApplicationUpdateKind.INTERVIEW_ARRANGED,
        message="Your interview is on Monday 2 March 2026.",
    )


@pytest.mark.django_db
def test_an_update_is_emailed_once(mailoutbox):
    update = make_update()
    assert send_application_update_email(update.pk) is True
    assert send_application_update_email(update.pk) is False
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["jo@example.org"]
    assert email.subject.startswith("Interview arranged: your application to ")
    assert "Your interview is on Monday 2 March 2026." in email.body
    assert f"/volunteer/applications/{update.application.pk}/" in email.body
    update.refresh_from_db()
    assert update.emailed_at is not None


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)  # the worker thread cannot see an open transaction
def test_an_update_email_goes_through_a_real_worker(mailoutbox):
    import time

    from django.core import mail

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        from django.db import transaction

        from volunteers.services.volunteering import tell_applicant

        application = SubmittedApplicationFactory(applicant__email="jo@example.org")
        with transaction.atomic():  # writes the email to the outbox; the commit asks a worker
            tell_applicant(application, ApplicationUpdateKind.INTERVIEW_ARRANGED, "On Monday.")
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [m.to for m in mail.outbox] == [["jo@example.org"]]
    assert [m.to for m in mailoutbox] == [["jo@example.org"]]
