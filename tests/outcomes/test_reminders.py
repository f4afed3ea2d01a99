"""Coordinators are reminded once when a follow-up can be answered."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matching.models import Notification
from outcomes import tasks
from outcomes.reminders import follow_ups_due
from tests.factories import MembershipFactory
from tests.matching.factories import MatchFactory
from tests.mentees.factories import MenteeFactory

from .factories import mentored

pytestmark = pytest.mark.django_db


def test_a_follow_up_past_18_months_is_reminded_once(organisation, coordinator):
    today = timezone.localdate()
    due = mentored(organisation, index_date=today - timedelta(days=560))
    mentored(organisation, index_date=today - timedelta(days=560), reoffended="no")  # answered
    mentored(organisation, index_date=today - timedelta(days=300))  # not yet
    # Mentored, no outcome record yet: the start is their release date.
    no_record = MenteeFactory(organisation=organisation, release_date=today - timedelta(days=600))
    MatchFactory(mentee=no_record, started_on=today - timedelta(days=610))
    # Never had a mentor: not followed up.
    MenteeFactory(organisation=organisation, release_date=today - timedelta(days=600))

    assert {m.pk for m in follow_ups_due(today)} == {due.mentee_id, no_record.pk}
    assert tasks.remind_follow_ups() == 2
    assert tasks.remind_follow_ups() == 0
    notes = Notification.objects.filter(user=coordinator, kind="follow_up_due")
    assert notes.count() == 2
    assert all(note.link.endswith("/outcomes/") for note in notes)
    assert due.mentee.full_name not in " ".join(n.title + n.body for n in notes)


def test_mentors_are_not_reminded(organisation):
    mentor = MembershipFactory(organisation=organisation, role="mentor").user
    mentored(organisation, index_date=timezone.localdate() - timedelta(days=560))
    tasks.remind_follow_ups()
    assert not Notification.objects.filter(user=mentor).exists()
