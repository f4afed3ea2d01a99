"""The needs assessment starts from what the person asked for, shows only the pathways that
apply to them, and checks its date against the facts (issue 19, item 2)."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentees.models import NeedsAssessment
from tests.conftest import sign_in
from tests.factories import PrisonFactory, pathway
from tests.html import error_summary
from tests.mentees.factories import MenteeFactory, ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.fixture
def mentee(organisation):
    referral = ReferralFactory(organisation=organisation)
    referral.needs.set([pathway("accommodation"), pathway("drugs-alcohol")])
    return MenteeFactory(organisation=organisation, referral=referral)


def url(mentee):
    return reverse("mentees:assessment_create", args=[mentee.pk])


def dated(day):
    return {"assessed_on_0": day.day, "assessed_on_1": day.month, "assessed_on_2": day.year}


def level_names(body: str) -> list[str]:
    soup = BeautifulSoup(body, "html.parser")
    names = []
    for radio in soup.select("input[type=radio][name^=level_]"):
        if radio["name"] not in names:
            names.append(radio["name"])
    return names


def test_the_form_starts_from_what_they_asked_for_and_leaves_out_the_pathways_for_women(
    staff_client, mentee
):
    body = staff_client.get(url(mentee)).content.decode()
    names = level_names(body)
    assert names[:2] == ["level_accommodation", "level_drugs-alcohol"]
    assert len(names) == 7
    assert not any("women" in name for name in names)
    assert "What they asked for help with" in body


def test_a_woman_in_the_womens_estate_is_asked_about_the_pathways_for_women(
    staff_client, organisation
):
    mentee = MenteeFactory(organisation=organisation, prison=PrisonFactory(womens_estate=True))
    names = level_names(staff_client.get(url(mentee)).content.decode())
    assert "level_women-abuse-survivors" in names and "level_women-sex-work" in names


def test_what_they_asked_for_needs_a_level_and_the_rest_is_optional(staff_client, mentee):
    data = {"kind": "initial", **dated(timezone.localdate())}
    response = staff_client.post(url(mentee), {**data, "level_accommodation": "high"})
    assert response.status_code == 400
    assert error_summary(response.content.decode()) == [
        ("Select the level of need for drugs and alcohol", "id_level_drugs-alcohol_1")
    ]
    response = staff_client.post(
        url(mentee),
        {
            **data,
            "level_accommodation": "high",
            "level_drugs-alcohol": "low",
            "level_women-sex-work": "high",  # does not apply to him: not recorded
        },
    )
    assert response.status_code == 302
    ratings = NeedsAssessment.objects.get().ratings.values_list("pathway__code", "level")
    assert sorted(ratings) == [("accommodation", "high"), ("drugs-alcohol", "low")]


def test_a_review_starts_from_the_last_levels_and_cannot_come_before_it(staff_client, mentee):
    first_day = timezone.localdate() - timedelta(days=30)
    staff_client.post(
        url(mentee),
        {
            "kind": "initial",
            **dated(first_day),
            "level_accommodation": "high",
            "level_drugs-alcohol": "low",
        },
    )
    page = BeautifulSoup(staff_client.get(url(mentee)).content, "html.parser")
    assert page.select_one("input[name=level_accommodation][checked]")["value"] == "high"
    assert page.select_one("input[name=kind][checked]")["value"] == "review"
    response = staff_client.post(
        url(mentee),
        {
            "kind": "review",
            **dated(first_day - timedelta(days=1)),
            "level_accommodation": "medium",
            "level_drugs-alcohol": "none",
        },
    )
    assert response.status_code == 400
    assert (
        f"A review must be on or after the last assessment, {first_day:%-d %B %Y}"
        in response.content.decode()
    )
    assert NeedsAssessment.objects.count() == 1


def test_a_second_first_assessment_is_refused(staff_client, mentee):
    data = {"level_accommodation": "high", "level_drugs-alcohol": "low"}
    staff_client.post(url(mentee), {"kind": "initial", **dated(timezone.localdate()), **data})
    response = staff_client.post(
        url(mentee), {"kind": "initial", **dated(timezone.localdate()), **data}
    )
    assert response.status_code == 400
    assert "They already have a first assessment, so this one is a review" in (
        response.content.decode()
    )
    assert NeedsAssessment.objects.count() == 1


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(offset=st.integers(min_value=-800, max_value=800))
def test_the_assessment_date_is_within_the_last_12_months(staff_client, mentee, offset):
    NeedsAssessment.objects.all().delete()
    today = timezone.localdate()
    day = today + timedelta(days=offset)
    response = staff_client.post(
        url(mentee),
        {
            "kind": "initial",
            **dated(day),
            "level_accommodation": "high",
            "level_drugs-alcohol": "low",
        },
    )
    if today - timedelta(days=365) <= day <= today:
        assert response.status_code == 302
        assert NeedsAssessment.objects.get().assessed_on == day
    else:
        assert response.status_code == 400
        body = response.content.decode()
        assert "must be today or in the past" in body or "must be within the last 12 months" in body
        assert not NeedsAssessment.objects.exists()


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-1, "The target date must be today or in the future"),
        (800, "The target date must be within 2 years"),
    ],
)
def test_a_goal_target_date_is_checked_against_sensible_bounds(staff_client, mentee, days, message):
    day = timezone.localdate() + timedelta(days=days)
    response = staff_client.post(
        reverse("mentees:goal_create", args=[mentee.pk]),
        {
            "pathway": pathway("accommodation").pk,
            "description": "Find a flat",
            "status": "not_started",
            "target_date_0": day.day,
            "target_date_1": day.month,
            "target_date_2": day.year,
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not mentee.goals.exists()
