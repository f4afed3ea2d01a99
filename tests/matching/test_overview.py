from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from matching.services.notifications import notify
from tests.mentees.factories import MenteeFactory

from .factories import MatchFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def test_the_coordinators_dashboard_shows_today(
    staff_client, organisation, mentee, mentor, coordinator
):
    quiet = MatchFactory(mentee=mentee, mentor=mentor)
    MeetingFactory(match=quiet, held_on=timezone.localdate() - timedelta(days=20))
    MenteeFactory(
        organisation=organisation,
        full_name="Out On Friday",
        release_date=timezone.localdate() + timedelta(days=3),
    )
    notify(
        user=coordinator,
        organisation=organisation,
        kind="referral_waiting",
        key="r",
        title="A referral has waited",
    )
    body = staff_client.get(reverse("dashboard")).content.decode()
    assert "Today" in body and "20 days ago" in body and "Overdue" in body
    assert "Out On Friday" in body and "A referral has waited" in body


def test_the_dashboard_does_not_grow_its_queries_with_relationships(
    staff_client, organisation, mentor, django_assert_max_num_queries
):
    MatchFactory(mentee__organisation=organisation, mentor=mentor)
    with django_assert_max_num_queries(40) as few:
        staff_client.get(reverse("dashboard"))
    for _ in range(6):
        MeetingFactory(match=MatchFactory(mentee__organisation=organisation, mentor=mentor))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert staff_client.get(reverse("dashboard")).status_code == 200
