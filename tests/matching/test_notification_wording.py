"""Notifications name the person and the thing, come once for one event, and are grouped by
day; counts and durations read as people say them."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.wording import counted, days_ago
from matching import reminders
from matching.models import Notification
from matching.services.matches import lapse_overdue_proposals, match_propose, match_respond
from matching.services.notifications import notify
from tests.conftest import sign_in

from .factories import MatchFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(mentee, mentor, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return match_propose(actor=coordinator, mentee=mentee, mentor=mentor)


def titles(user) -> list[str]:
    return list(Notification.objects.filter(user=user).values_list("title", flat=True))


def test_the_mentor_is_told_who_proposed_whom_without_the_mentee_s_name(
    proposal, mentor_user, coordinator
):
    (title,) = titles(mentor_user)
    assert title == f"{coordinator.display_name} proposed mentee {proposal.mentee.reference} to you"
    assert "Sam" not in title


def test_an_answer_names_the_mentor_and_the_mentee_and_comes_once(
    proposal, mentor_user, coordinator
):
    match_respond(actor=mentor_user, match=proposal, accept=True)
    with pytest.raises(ValidationError):
        match_respond(actor=mentor_user, match=proposal, accept=True)  # A second click.
    assert titles(coordinator) == [f"Tony Walsh accepted mentee {proposal.mentee.reference}"]


def test_a_decline_says_why(proposal, mentor_user, coordinator):
    match_respond(actor=mentor_user, match=proposal, accept=False, reason="I work nights now")
    notification = Notification.objects.get(user=coordinator)
    assert notification.title == f"Tony Walsh declined mentee {proposal.mentee.reference}"
    assert notification.body == "Their reason: I work nights now"


def test_a_lapse_names_who_did_not_answer(proposal, coordinator):
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        lapse_overdue_proposals()
    assert titles(coordinator) == [
        f"Tony Walsh did not answer in time about mentee {proposal.mentee.reference}"
    ]


def test_no_meeting_reminders_name_the_pair(mentee, mentor, coordinator):
    today = timezone.localdate()
    match = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(match=match, held_on=today - timedelta(days=15))
    reminders.no_recent_meeting(today)
    assert titles(mentor.user) == [f"No meeting with mentee {mentee.reference} logged for 15 days"]
    assert titles(coordinator) == [
        f"Tony Walsh and mentee {mentee.reference} have not met for 15 days"
    ]


def test_the_list_is_grouped_by_day(client, user):
    now = timezone.now()
    for days, title in ((0, "Made today"), (1, "Made yesterday"), (9, "Made earlier")):
        with time_machine.travel(now - timedelta(days=days), tick=False):
            notify(user=user, kind="proposal", key=title, title=title)
    sign_in(client, user)
    body = client.get(reverse("matching:notifications")).text
    earlier = timezone.localdate(now - timedelta(days=9))
    headings = ["Today", "Yesterday", f"{earlier:%-d %B %Y}"]
    positions = [
        body.index(f'<h2 class="govuk-heading-m govuk-!-margin-top-6">{h}</h2>') for h in headings
    ]
    assert positions == sorted(positions)
    assert body.index("Made today") < positions[1] < body.index("Made yesterday") < positions[2]
    assert "3 unread" in body


def test_relationships_last_met_today_reads_naturally(client, coordinator, mentee, mentor):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(match=match, held_on=timezone.localdate())
    sign_in(client, coordinator)
    body = client.get(reverse("matching:relationships")).text
    assert "0 days ago" not in body
    assert "Today" in body


@pytest.mark.parametrize(
    ("days", "words"), [(0, "today"), (1, "yesterday"), (2, "2 days ago"), (-1, "today")]
)
def test_days_ago(days, words):
    assert days_ago(days) == words


@pytest.mark.parametrize(("number", "words"), [(0, "0 mentors"), (1, "1 mentor"), (2, "2 mentors")])
def test_counted(number, words):
    assert counted(number, "mentor") == words
    assert counted(number, "person", "people").split()[1] in ("person", "people")
