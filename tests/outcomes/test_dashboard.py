"""The organisation's outcomes dashboard through HTTP: the report, its chart beside its table,
downloads as CSV and PDF, bad periods, settings, subscription and who may see it."""

from datetime import timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from outcomes.models import OutcomeSettings, ReportSubscription
from tests.conftest import sign_in
from tests.factories import MembershipFactory
from tests.html import error_summary

from .factories import bulk_cohort, mentored

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


def period(start, end, **extra):
    return {
        "start_0": start.day,
        "start_1": start.month,
        "start_2": start.year,
        "end_0": end.day,
        "end_1": end.month,
        "end_2": end.year,
        **extra,
    }


@pytest.fixture
def cohort(organisation, today, named_comparators):
    OutcomeSettings.objects.create(organisation=organisation, comparator=named_comparators["60%"])
    bulk_cohort(organisation, people=228, reoffended=34, index_date=today - timedelta(days=700))


def test_the_dashboard_opens_on_the_latest_complete_year_with_its_rate(
    staff_client, organisation, today, named_comparators, django_assert_max_num_queries
):
    from outcomes.views.common import latest_complete_year

    complete = latest_complete_year(today)
    bulk_cohort(organisation, people=20, reoffended=6, index_date=complete.end)
    mentored(organisation, index_date=today - timedelta(days=30))  # still running
    with django_assert_max_num_queries(25):
        response = staff_client.get(reverse("outcomes:dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    soup = BeautifulSoup(content, "html.parser")
    assert soup.find("h2", string=complete.label) is not None
    assert "30% (6 of 20)" in content  # the headline rate, with no period chosen
    assert "People and relationships" in content
    assert '<svg class="app-chart"' in content and "<title id=" in content
    assert "<desc id=" in content
    # Each figure's definition is one click away: its label links to it on the same page.
    for label in ("Engaged", "Matched with a mentor", "People whose follow-up is complete"):
        link = soup.find("a", string=label)
        assert link is not None, label
        target = soup.find(id=link["href"].removeprefix("#"))
        assert target is not None and target.name == "div"
    matched = soup.find(id="definition-matched").get_text(" ", strip=True)
    assert "Matched can be more than Engaged" in matched
    links = BeautifulSoup(content, "html.parser").select("ul.app-inline-list a")
    for link in links:
        assert staff_client.get(link["href"]).status_code == 200


def test_org_admins_set_the_assumptions(client, organisation, named_comparators):
    admin = MembershipFactory(organisation=organisation, role="org_admin").user
    sign_in(client, admin)
    url = reverse("outcomes:settings")
    assert client.get(url).status_code == 200
    bad = client.post(url, {"comparator": named_comparators["60%"].pk, "cost_per_crime": "-3"})
    assert bad.status_code == 400
    messages = [text for text, _ in error_summary(bad.content.decode())]
    assert "The cost of a crime must be 0 or more" in messages
    assert "Enter the value of a volunteer hour" in messages
    good = {
        "comparator": named_comparators["60%"].pk,
        "cost_per_crime": "3097",
        "hourly_earnings": "13.1242",
        "hourly_earnings_source": "ONS ASHE 2025, Liverpool",
    }
    for rate, message in [
        ("0", "The value of a volunteer hour must be more than £0"),
        ("1000", "The value of a volunteer hour must be £100 or less"),
        ("13.12425", "Enter the value of a volunteer hour with no more than 4 decimal places"),
    ]:
        bad = client.post(url, {**good, "hourly_earnings": rate})
        assert bad.status_code == 400
        assert any(text.startswith(message) for text, _ in error_summary(bad.content.decode()))
    assert not OutcomeSettings.objects.filter(organisation=organisation).exists()
    response = client.post(url, good)
    assert response.status_code == 302
    saved = OutcomeSettings.objects.get(organisation=organisation)
    assert (saved.comparator, saved.hourly_earnings) == (
        named_comparators["60%"],
        Decimal("13.1242"),
    )
    page = client.get(reverse("outcomes:dashboard")).content.decode()
    assert "at £13.1242 an hour" in page


def test_coordinators_cannot_change_settings_and_mentors_see_nothing(client, organisation):
    sign_in(client, MembershipFactory(organisation=organisation, role="coordinator").user)
    assert client.get(reverse("outcomes:settings")).status_code == 403
    sign_in(client, MembershipFactory(organisation=organisation, role="mentor").user)
    assert client.get(reverse("outcomes:dashboard")).status_code == 403


def test_subscribe_and_unsubscribe(staff_client, coordinator, organisation):
    url = reverse("outcomes:subscription")
    assert staff_client.post(url, {"wanted": "yes"}).status_code == 302
    assert staff_client.post(url, {"wanted": "yes"}).status_code == 302  # twice: one row
    assert (
        ReportSubscription.objects.filter(user=coordinator, organisation=organisation).count() == 1
    )
    assert "Stop telling me" in staff_client.get(reverse("outcomes:dashboard")).content.decode()
    staff_client.post(url, {"wanted": "no"})
    assert not ReportSubscription.objects.exists()
    assert staff_client.get(url).status_code == 405
