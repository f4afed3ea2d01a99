"""The organisation's outcomes dashboard through HTTP: the report, its chart beside its table,
downloads as CSV and PDF, bad periods, settings, subscription and who may see it."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

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


def test_the_dashboard_shows_the_last_twelve_months_by_default(
    staff_client, organisation, today, named_comparators, django_assert_max_num_queries
):
    mentored(organisation, index_date=today - timedelta(days=30))
    with django_assert_max_num_queries(25):
        response = staff_client.get(reverse("outcomes:dashboard"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "People and relationships" in content
    assert '<svg class="app-chart"' in content and "<title id=" in content
    assert "<desc id=" in content
    assert "Proven reoffending" in content
    assert (
        "No one whose follow-up started in this period has a complete 18-month follow-up" in content
    )


def test_the_published_example_on_the_page_and_in_both_downloads(staff_client, today, cohort):
    query = period(today - timedelta(days=730), today)
    content = staff_client.get(reverse("outcomes:dashboard"), query).content.decode()
    assert "15% (34 of 228)" in content
    assert "not a comparison group matched" in content
    assert "£318,991" in content

    response = staff_client.get(reverse("outcomes:dashboard_csv"), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["Proven reoffending", "15% (34 of 228)"] in rows
    assert ["Crimes prevented (at least)", "103"] in rows

    response = staff_client.get(reverse("outcomes:dashboard_pdf"), query)
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "15% (34 of 228)" in text
    assert "318,991" in text


def test_a_period_with_no_data_is_a_clear_empty_report(staff_client, today):
    start = today - timedelta(days=40)
    response = staff_client.get(reverse("outcomes:dashboard"), period(start, today))
    assert response.status_code == 200
    content = response.content.decode()
    assert "No relationship ended in this period." in content
    assert "None to count" in content
    assert (
        staff_client.get(reverse("outcomes:dashboard_pdf"), period(start, today)).status_code == 200
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("end-before-start", "The end date must be the same as or after the start date"),
        ("future", "The end date must be today or in the past"),
        (
            {"start_0": "31", "start_1": "2", "start_2": "2025"},
            "The start date must be a real date, like 27 3 2026",
        ),
        ({"start_0": "1", "start_1": "", "start_2": "2025"}, "The start date must include a month"),
        ({"comparator": "999999"}, "Choose a comparator from the list"),
    ],
)
def test_a_bad_period_is_explained_beside_the_field(staff_client, today, query, message):
    if query == "end-before-start":
        query = period(today, today - timedelta(days=10))
    elif query == "future":
        query = period(today, today + timedelta(days=10))
    elif "comparator" not in query:
        query = {**period(today - timedelta(days=10), today), **query}
    for name in ("outcomes:dashboard", "outcomes:dashboard_csv", "outcomes:dashboard_pdf"):
        response = staff_client.get(reverse(name), query)
        assert response.status_code == 400
        assert message in [text for text, _ in error_summary(response.content.decode())]


def test_quick_periods_are_links_that_work(staff_client):
    content = staff_client.get(reverse("outcomes:dashboard")).content.decode()
    assert "Last financial year" not in content
    for label in ("Last 12 months", "Last quarter", "Last month"):
        assert label in content
    from bs4 import BeautifulSoup

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
    response = client.post(
        url,
        {
            "comparator": named_comparators["60%"].pk,
            "cost_per_crime": "3097",
            "hourly_earnings": "14.50",
            "hourly_earnings_source": "ONS ASHE 2025, Liverpool",
        },
    )
    assert response.status_code == 302
    saved = OutcomeSettings.objects.get(organisation=organisation)
    assert (saved.comparator, str(saved.hourly_earnings)) == (named_comparators["60%"], "14.50")


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
