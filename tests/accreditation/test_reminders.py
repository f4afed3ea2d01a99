"""The selections the reminder jobs will use: awards expiring in N days, applications idle for
60 days, and applications waiting for an assessor for 10 working days."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from accreditation.constants import ApplicationStatus
from accreditation.models import Application, Award
from tests.factories_accreditation import (
    AccreditationApplicationFactory,
    AwardFactory,
    sent_application,
)

pytestmark = pytest.mark.django_db


def at(day: date, hour: int = 10):
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def test_awards_expiring_in_n_days():
    today = date(2026, 11, 24)
    in_90 = AwardFactory(awarded_on=today - timedelta(days=900), expires_on=today + timedelta(90))
    AwardFactory(awarded_on=today - timedelta(days=900), expires_on=today + timedelta(91))
    AwardFactory(
        awarded_on=today - timedelta(days=900),
        expires_on=today + timedelta(90),
        withdrawn_at=timezone.now(),
    )
    assert list(Award.objects.expiring_in(90, on=today)) == [in_90]
    assert set(Award.objects.expiring_within(91, on=today)) == set(Award.objects.current(on=today))


def test_applications_idle_for_60_days():
    today = date(2026, 11, 24)
    idle = AccreditationApplicationFactory(last_activity_at=at(today - timedelta(days=60)))
    AccreditationApplicationFactory(last_activity_at=at(today - timedelta(days=59)))
    returned = AccreditationApplicationFactory(
        status=ApplicationStatus.MORE_INFORMATION, last_activity_at=at(date(2026, 1, 1))
    )
    sent_application(last_activity_at=at(date(2026, 1, 1)))  # with the assessors: not idle
    assert set(Application.objects.idle(on=today)) == {idle, returned}


def test_applications_waiting_for_an_assessor_for_10_working_days():
    # 24 November 2026 is a Tuesday; 10 working days before it is Tuesday 10 November.
    today = date(2026, 11, 24)
    waiting = sent_application(sent_at=at(date(2026, 11, 10)))
    sent_application(sent_at=at(date(2026, 11, 11)))
    taken = sent_application(sent_at=at(date(2026, 11, 1)))
    taken.status = ApplicationStatus.IN_ASSESSMENT
    taken.save()
    assert list(Application.objects.waiting_for_assessor_for(on=today)) == [waiting]


def test_bank_holidays_do_not_count_as_waiting():
    # Sent on Thursday 24 December 2026: Christmas Day, the weekend, Boxing Day (observed on
    # Monday 28th) and New Year's Day do not count, so the 10th working day is 12 January
    # (counting weekends out but bank holidays in, it would be 7 January).
    sent = sent_application(sent_at=at(date(2026, 12, 24)))
    assert not Application.objects.waiting_for_assessor_for(on=date(2027, 1, 11)).exists()
    assert list(Application.objects.waiting_for_assessor_for(on=date(2027, 1, 12))) == [sent]


def test_the_daily_job_reminds_each_person_once(organisation):
    from accounts.constants import PlatformRole
    from accreditation.tasks import send_accreditation_reminders
    from matching.models import Notification
    from providers.constants import MembershipRole
    from tests.factories import MembershipFactory, UserFactory

    today = timezone.localdate()
    admin = MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN).user
    coordinator = MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR).user
    assessor = UserFactory(platform_role=PlatformRole.ASSESSOR)
    AwardFactory(
        organisation=organisation,
        awarded_on=today - timedelta(days=1000),
        expires_on=today + timedelta(days=30),
    )
    AccreditationApplicationFactory(
        organisation=organisation, last_activity_at=timezone.now() - timedelta(days=61)
    )
    sent_application(sent_at=timezone.now() - timedelta(days=30))

    first = send_accreditation_reminders.delay().get()
    assessors = UserFactory._meta.model.objects.filter(platform_role=PlatformRole.ASSESSOR)
    assert first == {
        "renewals_due": 1,
        "idle_applications": 1,
        "waiting_for_an_assessor": assessors.count(),
    }
    assert send_accreditation_reminders.delay().get() == dict.fromkeys(first, 0)
    assert sorted(Notification.objects.filter(user=admin).values_list("kind", flat=True)) == [
        "aps_application_idle",
        "aps_renewal_due",
    ]
    assert not Notification.objects.filter(user=coordinator).exists()
    assert Notification.objects.get(user=assessor).kind == "aps_waiting"
