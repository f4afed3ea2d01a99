"""Relationship rules follow the facts (issue 19, item 2): a meeting at the prison gate needs
the release recorded and is dated on or after it; a meeting logged is never in the future (the
future is planned: the gate meeting, the next meeting) and plans stay within sensible bounds."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matching.constants import MatchStatus
from matching.models import Match, Meeting
from matching.services import matches as match_services
from matching.services import meetings as meeting_services
from tests.html import error_summary

from .factories import MatchFactory

pytestmark = pytest.mark.django_db
FAST = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def dated(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def meeting_form(day, place="community", **changes):
    return {
        **dated("held_on", day),
        "starts_at": "00:00",
        "ends_at": "00:30",
        "place": place,
        "attendees": ["mentor", "mentee"],
        **changes,
    }


@pytest.fixture
def in_custody(mentee, mentor):
    return MatchFactory(
        mentee=mentee,
        mentor=mentor,
        status=MatchStatus.ACTIVE_IN_CUSTODY,
        started_on=timezone.localdate() - timedelta(days=200),
    )


def log_url(match):
    return reverse("matching:meeting_create", args=[match.pk])


def test_a_gate_meeting_is_refused_while_the_person_is_still_in_custody(staff_client, in_custody):
    yesterday = timezone.localdate() - timedelta(days=1)
    response = staff_client.post(log_url(in_custody), meeting_form(yesterday, place="gate"))
    assert response.status_code == 400
    messages = [message for message, _ in error_summary(response.content.decode())]
    assert messages == [
        "A meeting at the prison gate can only be logged once the release is recorded. "
        "Record the release first, or choose where else you met"
    ]
    assert not Meeting.objects.exists()


def test_a_gate_meeting_before_the_release_is_refused_and_on_the_day_is_accepted(
    staff_client, in_custody
):
    released = timezone.localdate() - timedelta(days=3)
    Match.objects.filter(pk=in_custody.pk).update(status=MatchStatus.RELEASED, released_on=released)
    response = staff_client.post(
        log_url(in_custody), meeting_form(released - timedelta(days=1), place="gate")
    )
    assert response.status_code == 400
    assert f"on or after the release date, {released:%-d %B %Y}" in response.content.decode()
    assert not Meeting.objects.exists()
    response = staff_client.post(log_url(in_custody), meeting_form(released, place="gate"))
    assert response.status_code == 302
    assert Meeting.objects.get().held_on == released


def test_a_next_meeting_more_than_3_months_ahead_is_refused(staff_client, in_custody):
    Match.objects.filter(pk=in_custody.pk).update(status=MatchStatus.ONGOING)
    day = timezone.localdate() - timedelta(days=1)
    response = staff_client.post(
        log_url(in_custody),
        meeting_form(day, **dated("next_meeting_on", day + timedelta(days=200))),
    )
    assert response.status_code == 400
    assert "The next meeting must be within 3 months of this one" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_gate_meeting_is_planned_for_the_release_date_on_the_record(
    staff_client, in_custody, mentee
):
    url = reverse("matching:gate_meeting", args=[in_custody.pk])
    response = staff_client.post(url, dated("day", mentee.release_date + timedelta(days=1)))
    assert response.status_code == 400
    assert "The gate meeting is on the day of release" in response.content.decode()
    in_custody.refresh_from_db()
    assert in_custody.gate_meeting_planned_on is None
    staff_client.post(url, dated("day", mentee.release_date))
    in_custody.refresh_from_db()
    assert in_custody.gate_meeting_planned_on == mentee.release_date


@FAST
@given(offset=st.integers(min_value=-400, max_value=400), gate=st.booleans())
def test_a_logged_meeting_is_never_in_the_future_and_a_gate_one_never_before_release(
    in_custody, coordinator, offset, gate
):
    """Whatever date is given, what is saved follows the facts, and what is refused is
    refused with our own message."""
    today = timezone.localdate()
    released = today - timedelta(days=10)
    Match.objects.filter(pk=in_custody.pk).update(status=MatchStatus.ONGOING, released_on=released)
    in_custody.refresh_from_db()
    day = today + timedelta(days=offset)
    place = "gate" if gate else "community"
    try:
        meeting = meeting_services.meeting_log(
            actor=coordinator,
            match=in_custody,
            held_on=day,
            starts_at=time(0, 0),
            ends_at=time(0, 30),
            place=place,
            attendees=["mentor"],
        )
    except ValidationError as error:
        assert day > today or day < in_custody.started_on or (gate and day < released)
        assert all(m.startswith(("The ", "A meeting")) for m in error.messages)
    else:
        assert in_custody.started_on <= meeting.held_on <= today
        assert not gate or meeting.held_on >= released
        meeting.delete()


@FAST
@given(offset=st.integers(min_value=-800, max_value=800))
def test_a_gate_meeting_plan_is_never_in_the_past_nor_years_ahead(
    in_custody, coordinator, mentee, offset
):
    mentee.release_date = None
    mentee.save()
    in_custody.refresh_from_db()
    today = timezone.localdate()
    day = today + timedelta(days=offset)
    try:
        match_services.match_plan_gate_meeting(actor=coordinator, match=in_custody, day=day)
    except ValidationError as error:
        assert day < today or day > today + timedelta(days=730)
        assert error.message_dict["day"][0].startswith("The gate meeting must be")
    else:
        assert today <= day <= today + timedelta(days=730)
