from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from matching.constants import MatchStatus
from matching.models import Match
from tests.factories import UserFactory

from .factories import MatchFactory, MeetingFactory, mentor_for

pytestmark = pytest.mark.django_db


def d(day):
    return {"day_0": day.day, "day_1": day.month, "day_2": day.year}


@pytest.fixture
def in_custody(mentee, mentor):
    return MatchFactory(mentee=mentee, mentor=mentor, status=MatchStatus.ACTIVE_IN_CUSTODY)


def url(name, match, *args):
    return reverse(f"matching:{name}", args=[match.pk, *args])


def test_release_makes_the_first_meeting_due_within_three_working_days(staff_client, in_custody):
    in_custody.started_on = date(2026, 8, 1)
    in_custody.save()
    # Released on the Friday before the August bank holiday.
    response = staff_client.post(url("release", in_custody), d(date(2026, 8, 28)))
    assert response["Location"] == url("relationship", in_custody)
    in_custody.refresh_from_db()
    assert in_custody.status == MatchStatus.RELEASED
    assert in_custody.first_meeting_due_by == date(2026, 9, 3)
    assert in_custody.mentee.status == "active_after_release"


def test_a_release_in_the_future_is_refused(staff_client, in_custody):
    response = staff_client.post(
        url("release", in_custody), d(timezone.localdate() + timedelta(days=2))
    )
    assert response.status_code == 400
    assert "The release date must be today or in the past" in response.content.decode()
    in_custody.refresh_from_db()
    assert in_custody.status == MatchStatus.ACTIVE_IN_CUSTODY


def test_the_first_meeting_after_release_makes_it_ongoing(client, in_custody, mentor_user):
    from tests.conftest import sign_in

    today = timezone.localdate()
    Match.objects.filter(pk=in_custody.pk).update(
        status=MatchStatus.RELEASED, released_on=today - timedelta(days=1)
    )
    sign_in(client, mentor_user)
    response = client.post(
        reverse("matching:mentor_meeting_create", args=[in_custody.pk]),
        {
            "held_on_0": today.day,
            "held_on_1": today.month,
            "held_on_2": today.year,
            "starts_at": "00:00",
            "ends_at": "00:45",
            "place": "gate",
            "attendees": ["mentor", "mentee"],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    in_custody.refresh_from_db()
    assert in_custody.status == MatchStatus.ONGOING


def test_planning_the_gate_meeting(staff_client, in_custody):
    day = in_custody.mentee.release_date  # the gate meeting is on the day of release
    staff_client.post(url("gate_meeting", in_custody), d(day))
    in_custody.refresh_from_db()
    assert in_custody.gate_meeting_planned_on == day


def test_ending_early_needs_a_reason_and_a_short_relationship_is_flagged(
    staff_client, mentee, mentor
):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    today = timezone.localdate()
    response = staff_client.post(
        url("end", match),
        {
            **{f"ended_on_{i}": v for i, v in enumerate((today.day, today.month, today.year))},
            "ending": "early",
        },
    )
    assert response.status_code == 400
    assert "Select why it ended early" in response.content.decode()
    staff_client.post(
        url("end", match),
        {
            **{f"ended_on_{i}": v for i, v in enumerate((today.day, today.month, today.year))},
            "ending": "early",
            "early_reason": "mentee_disengaged",
            "confirmed": "yes",
        },
    )
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED and match.shorter_than_advised
    page = staff_client.get(url("relationship", match)).content.decode()
    assert "Shorter than 6 months" in page


def test_a_planned_ending_after_ten_months_is_not_flagged(staff_client, mentee, mentor):
    match = MatchFactory(
        mentee=mentee, mentor=mentor, started_on=timezone.localdate() - timedelta(days=310)
    )
    today = timezone.localdate()
    staff_client.post(
        url("end", match),
        {
            **{f"ended_on_{i}": v for i, v in enumerate((today.day, today.month, today.year))},
            "ending": "planned",
            "confirmed": "yes",
        },
    )
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED and not match.shorter_than_advised


def test_changing_mentor_keeps_the_history(staff_client, organisation, mentee, mentor, wirral):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    second = mentor_for(UserFactory(full_name="Sue Parry"), organisation)
    second.local_authorities.set([wirral])
    response = staff_client.post(
        url("change_mentor", match), {"mentor": str(second.pk), "note": "Moved", "confirmed": "yes"}
    )
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ENDED and match.early_reason == "change_of_mentor"
    new = Match.objects.get(replaces=match)
    assert new.mentor == second and new.status == MatchStatus.PROPOSED


def test_changing_to_a_forged_mentor_is_refused(staff_client, organisation, mentee, mentor):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    unvetted_area = mentor_for(UserFactory(), organisation)  # covers nowhere
    response = staff_client.post(url("change_mentor", match), {"mentor": str(unvetted_area.pk)})
    assert response.status_code == 400
    assert "Choose a mentor from the list" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MatchStatus.ONGOING


def test_the_list_shows_days_since_the_last_meeting(
    staff_client, mentee, mentor, django_assert_max_num_queries
):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(match=match, held_on=timezone.localdate() - timedelta(days=20))
    body = staff_client.get(reverse("matching:relationships")).content.decode()
    assert "20 days ago" in body and "Overdue" in body
    for _ in range(5):
        MatchFactory(mentee__organisation=mentee.organisation, mentor=mentor)
    with django_assert_max_num_queries(14):
        assert staff_client.get(reverse("matching:relationships")).status_code == 200


def test_viewing_a_relationship_is_audited(staff_client, mentee, mentor, coordinator):
    match = MatchFactory(mentee=mentee, mentor=mentor)
    staff_client.get(url("relationship", match))
    assert AuditEvent.objects.filter(
        actor=coordinator, action="viewed", object_id=str(match.pk)
    ).exists()


def test_the_relationship_shows_the_programmes_target_length(
    staff_client, organisation, mentee, mentor
):
    from matching.models import MatchingSettings

    match = MatchFactory(mentee=mentee, mentor=mentor, started_on=date(2026, 1, 31))
    body = staff_client.get(url("relationship", match)).content.decode()
    assert "aims for 10 months, until 30 November 2026" in body
    MatchingSettings.objects.create(organisation=organisation, target_months=12)
    body = staff_client.get(url("relationship", match)).content.decode()
    assert "aims for 12 months, until 31 January 2027" in body


def test_the_list_shows_those_under_way_unless_another_status_is_chosen(
    staff_client, organisation, mentee, mentor
):
    MatchFactory(mentee=mentee, mentor=mentor)
    MatchFactory(
        mentee__organisation=organisation,
        mentee__full_name="Ended Person",
        mentor=mentor,
        status=MatchStatus.ENDED,
    )
    listed = reverse("matching:relationships")
    for shown in (staff_client.get(listed), staff_client.get(listed, {"status": "active"})):
        body = shown.content.decode()
        assert "Sam Example" in body and "Ended Person" not in body
    ended = staff_client.get(listed, {"status": "ended"}).content.decode()
    assert "Ended Person" in ended and "Sam Example" not in ended
    unknown = staff_client.get(listed, {"status": "hacked"}).content.decode()
    assert "Choose a status from the list." in unknown
    assert "Sam Example" in unknown and "Ended Person" not in unknown
