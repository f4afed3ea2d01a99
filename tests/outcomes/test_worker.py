"""A monthly report through a real Celery worker on Redis: made once, however often it runs."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from config.celery import app
from outcomes import tasks
from outcomes.models import ReportSnapshot
from outcomes.periods import previous_month
from tests.factories import OrganisationFactory

from .factories import comparators


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)  # the worker thread cannot see an open transaction
def test_a_monthly_report_goes_through_a_real_worker_once():
    assert app.conf.broker_url.startswith("redis://"), "the worker test needs Redis"
    comparators()
    organisation = OrganisationFactory()
    month = previous_month(timezone.localdate()).start.isoformat()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        first = tasks.organisation_snapshot.delay(organisation.pk, month).get(timeout=30)
        second = tasks.organisation_snapshot.delay(organisation.pk, month).get(timeout=30)
    assert (first, second) == (True, False)
    assert ReportSnapshot.objects.filter(organisation=organisation).count() == 1
