import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from matching.models import Meeting
from mentees.models import Goal
from tests.conftest import sign_in
from tests.factories import pathway
from tests.html import error_summary
from tests.mentees.factories import MenteeFactory

from .factories import MatchFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def match(mentee, mentor):
    return MatchFactory(mentee=mentee, mentor=mentor)


@pytest.fixture
def mentor_client(client, mentor_user, match):
    return sign_in(client, mentor_user)


def form(day=None, **changes):
    day = day or timezone.localdate() - timedelta(days=1)
    data = {
        "held_on_0": day.day,
        "held_on_1": day.month,
        "held_on_2": day.year,
        "starts_at": "10:00",
        "ends_at": "11:15",
        "place": "community",
        "attendees": ["mentor", "mentee", "probation"],
        "submission_key": str(uuid.uuid4()),
    }
    data.update(changes)
    return data


def log_url(match):
    return reverse("matching:mentor_meeting_create", args=[match.pk])


def test_a_mentor_logs_a_meeting_with_pathways_goals_and_expenses(mentor_client, match, mentee):
    goal = Goal.objects.create(
        mentee=mentee,
        organisation=mentee.organisation,
        pathway=pathway("accommodation"),
        description="Flat",
    )
    response = mentor_client.post(
        log_url(match),
        form(
            pathways=[pathway("accommodation").pk],
            goals=[goal.pk],
            expenses="4.50",
            expenses_description="Bus fare",
            notes="Went to the housing office together",
        ),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.minutes == 75 and meeting.expenses_pence == 450
    assert "probation" in meeting.attendees
    assert list(meeting.goals.all()) == [goal]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_at": "09:30"}, "The meeting must end after it starts"),
        ({"starts_at": "25:00"}, "Enter the start time as hours and minutes"),
        ({"expenses": "4.50"}, "Say what the expenses were for"),
        ({"expenses": "lots"}, "Enter the expenses as an amount in pounds, like 4.50"),
        ({"attendees": []}, "Select who was there"),
    ],
)
def test_bad_meetings_are_refused_with_a_clear_message(mentor_client, match, changes, message):
    response = mentor_client.post(log_url(match), form(**changes))
    assert response.status_code == 400
    assert any(message in text for text, _ in error_summary(response.content.decode()))
    assert not Meeting.objects.exists()


def test_a_meeting_in_the_future_or_before_the_match_is_refused(mentor_client, match):
    future = mentor_client.post(log_url(match), form(day=timezone.localdate() + timedelta(days=1)))
    assert "The meeting date must be today or in the past" in future.content.decode()
    before = mentor_client.post(log_url(match), form(day=match.started_on - timedelta(days=1)))
    assert "when the match began" in before.content.decode()
    assert not Meeting.objects.exists()


def test_another_mentees_goal_is_refused(mentor_client, match, organisation):
    other = MenteeFactory(organisation=organisation)
    goal = Goal.objects.create(
        mentee=other, organisation=organisation, pathway=pathway("health"), description="GP"
    )
    response = mentor_client.post(log_url(match), form(goals=[goal.pk]))
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_the_same_meeting_sent_twice_is_logged_once(mentor_client, match):
    data = form()
    mentor_client.post(log_url(match), data)
    mentor_client.post(log_url(match), data)
    assert Meeting.objects.count() == 1


def test_a_coordinator_corrects_a_meeting_and_it_is_audited(staff_client, match, coordinator):
    meeting = MeetingFactory(match=match)
    url = reverse("matching:meeting_edit", args=[match.pk, meeting.pk])
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, form(day=meeting.held_on, ends_at="12:00"))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.corrected_at is not None and meeting.minutes == 120
    event = AuditEvent.objects.get(actor=coordinator, action="updated", object_id=str(meeting.pk))
    assert "ends_at" in event.details["fields"]


def test_meetings_cannot_be_logged_on_an_ended_relationship(mentor_client, match):
    match.status = "ended"
    match.save()
    response = mentor_client.post(log_url(match), form(), follow=True)
    assert "only be logged while the relationship is under way" in response.content.decode()
