"""Each daily reminder fires when it is due, to whom it is for, and never twice."""

from datetime import date, timedelta

import pytest
import time_machine
from django.utils import timezone

from matching import reminders
from matching.constants import MatchStatus
from matching.models import Notification
from matching.tasks import send_daily_reminders
from tests.factories import ServiceFactory
from tests.factories_volunteering import SupervisionSessionFactory
from tests.mentees.factories import ReferralFactory
from volunteers.models import DBSCheck

from .factories import MatchFactory, MeetingFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 24)


def kinds(user):
    return sorted(Notification.objects.filter(user=user).values_list("kind", flat=True))


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_a_meeting_due_tomorrow_reminds_the_mentor_once(mentee, mentor):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(
        match=match, held_on=TODAY - timedelta(days=6), next_meeting_on=TODAY + timedelta(days=1)
    )
    assert reminders.meeting_tomorrow(TODAY) == 1
    assert reminders.meeting_tomorrow(TODAY) == 0
    assert kinds(mentor.user) == ["meeting_tomorrow"]


def test_seven_days_without_a_meeting_nudges_the_mentor_and_fourteen_tells_coordinators(
    mentee, mentor, coordinator
):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(match=match, held_on=TODAY - timedelta(days=8))
    reminders.no_recent_meeting(TODAY)
    assert kinds(mentor.user) == ["no_meeting_mentor"] and kinds(coordinator) == []
    with time_machine.travel(TODAY + timedelta(days=7), tick=False):
        reminders.no_recent_meeting(TODAY + timedelta(days=7))
        reminders.no_recent_meeting(TODAY + timedelta(days=7))
    assert kinds(mentor.user) == ["no_meeting_mentor"], "one nudge per gap"
    assert kinds(coordinator) == ["no_meeting_coordinator"]


def test_release_in_a_week_with_no_gate_meeting_alerts_coordinators(mentee, mentor, coordinator):
    mentee.release_date = TODAY + timedelta(days=5)
    mentee.save()
    match = MatchFactory(mentee=mentee, mentor=mentor, status=MatchStatus.ACTIVE_IN_CUSTODY)
    assert reminders.release_without_gate_meeting(TODAY) == 1
    match.gate_meeting_planned_on = mentee.release_date
    match.save()
    Notification.objects.all().delete()
    assert reminders.release_without_gate_meeting(TODAY) == 0


def test_released_three_working_days_ago_with_no_meeting_alerts_coordinators(
    mentee, mentor, coordinator
):
    MatchFactory(
        mentee=mentee,
        mentor=mentor,
        status=MatchStatus.RELEASED,
        released_on=TODAY - timedelta(days=6),
        first_meeting_due_by=TODAY - timedelta(days=1),
    )
    assert reminders.released_without_meeting(TODAY) == 1
    assert reminders.released_without_meeting(TODAY) == 0
    assert kinds(coordinator) == ["released_no_meeting"]


def test_a_referral_waiting_over_five_working_days(organisation, coordinator):
    ReferralFactory(
        organisation=organisation,
        created_at=timezone.make_aware(timezone.datetime(2026, 11, 16, 9)),
    )
    ReferralFactory(
        organisation=organisation,
        created_at=timezone.make_aware(timezone.datetime(2026, 11, 18, 9)),
    )
    assert reminders.referrals_waiting(TODAY) == 1  # 6 working days; the other only 4


def test_a_dbs_check_expiring_within_thirty_days(mentor, coordinator):
    DBSCheck.objects.filter(application=mentor.application).update(
        renew_by=TODAY + timedelta(days=20)
    )
    reminders.vetting_expiring(TODAY)
    reminders.vetting_expiring(TODAY)
    assert kinds(mentor.user) == ["vetting_expiring"] and kinds(coordinator) == ["vetting_expiring"]


def test_supervision_overdue_after_eight_weeks(mentor, coordinator):
    SupervisionSessionFactory(mentor=mentor, held_on=TODAY - timedelta(days=60))
    assert reminders.supervision_overdue(TODAY) == 1
    SupervisionSessionFactory(mentor=mentor, held_on=TODAY - timedelta(days=3))
    assert reminders.supervision_overdue(TODAY) == 0


def test_a_listing_unchecked_for_six_months_goes_to_org_admins(
    organisation, org_admin, coordinator
):
    ServiceFactory(organisation=organisation, last_reviewed_at=TODAY - timedelta(days=200))
    assert reminders.listings_to_review(TODAY) == 1
    assert kinds(org_admin) == ["listing_review_due"] and kinds(coordinator) == []


def test_the_daily_task_runs_every_job_and_twice_sends_nothing_more(mentee, mentor, coordinator):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(match=match, held_on=TODAY - timedelta(days=20))
    first = send_daily_reminders.delay().get()
    assert set(first) == {job.__name__ for job in reminders.DAILY}
    assert first["no_recent_meeting"] >= 2
    second = send_daily_reminders.delay().get()
    assert all(count == 0 for count in second.values())
