"""Outcomes in a real browser: a coordinator records a follow-up (refused, then saved), reads
the dashboard and downloads it; a commissioner compares the providers of their region. axe on
the outcome record form, the dashboard and the comparison, with and without JavaScript."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.demo import enrol_demo_mfa
from outcomes.models import OutcomeRecord, OutcomeSettings
from outcomes.periods import quarters_in
from outcomes.views.common import latest_complete_published_year
from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, MembershipFactory, RegionFactory
from tests.factories_accreditation import accredited_organisation
from tests.outcomes.factories import bulk_cohort, commissioner, comparators, mentored

from .conftest import assert_accessible, no_javascript_context, sign_in_through_the_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def north_west():
    return RegionFactory(name="North West")


@pytest.fixture
def mersey(north_west):
    organisation = accredited_organisation(name="Mersey Gate", region=north_west)
    OutcomeSettings.objects.create(organisation=organisation, comparator=comparators()["60%"])
    bulk_cohort(
        organisation,
        people=228,
        reoffended=34,
        index_date=timezone.localdate() - timedelta(days=700),
    )
    return organisation


def fill_date(page, legend: str, day: date) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


@pytest.mark.parametrize("javascript", [True, False])
def test_a_coordinator_records_a_follow_up_and_reads_the_outcomes(
    live_server, browser, mersey, javascript
):
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    coordinator = MembershipFactory(organisation=mersey, role=MembershipRole.COORDINATOR).user
    enrol_demo_mfa(coordinator)
    today = timezone.localdate()
    record = mentored(mersey, index_date=today - timedelta(days=120))
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/organisation/mentees/{record.mentee_id}/")
    page.get_by_role("link", name="Outcomes", exact=True).last.click()
    assert "No follow-up" not in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="Record the follow-up").click()
    assert_accessible(page)
    # "No" cannot be known yet: the error summary says from when it can.
    page.get_by_role("group", name="Proven reoffending").get_by_label("No", exact=True).check()
    page.get_by_role("group", name="Where does the answer come from?").get_by_label(
        "Probation"
    ).check()
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    assert "You can answer no from" in summary.inner_text()
    assert_accessible(page)
    page.get_by_role("group", name="Proven reoffending").get_by_label("Yes", exact=True).check()
    fill_date(page, "Date of the offence (if yes)", today - timedelta(days=30))
    # A proof before the offence is impossible: said beside the field, nothing saved.
    proven = "Date it was proven by a conviction or caution (if yes)"
    fill_date(page, proven, today - timedelta(days=40))
    page.get_by_role("group", name="How was it proven? (if yes)").get_by_label(
        "A conviction"
    ).check()
    page.get_by_role("button", name="Save").click()
    assert (
        "must be on or after the offence date" in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    fill_date(page, proven, today - timedelta(days=5))
    page.get_by_role("button", name="Save").click()
    assert "The follow-up is saved." in page.locator(".govuk-notification-banner").inner_text()
    assert OutcomeRecord.objects.get(pk=record.pk).reoffended == "yes"

    page.get_by_role("link", name="Outcomes", exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Outcomes"
    assert_accessible(page)
    # The report opens on the latest 12 months with every follow-up complete: the rate shows.
    assert "15% (34 of 228)" in page.content()
    assert page.locator("svg.app-chart title").first.text_content() == "People and relationships"
    assert_accessible(page)
    if javascript:
        with page.expect_download() as download:
            page.get_by_role("link", name="as a PDF").first.click()
        assert download.value.suggested_filename.endswith(".pdf")
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_commissioner_compares_the_providers_of_their_region(
    live_server, browser, mersey, north_west, javascript
):
    small = accredited_organisation(name="Tiny Steps", region=north_west)
    bulk_cohort(
        small, people=3, reoffended=1, index_date=timezone.localdate() - timedelta(days=700)
    )
    # Commissioners open on a whole financial year, which shows a provider's figure only when
    # none of its quarters hides it: Mersey Gate has 20 people in each.
    for quarter in quarters_in(latest_complete_published_year(timezone.localdate())):
        bulk_cohort(mersey, people=20, reoffended=5, index_date=quarter.start + timedelta(days=9))
    user = commissioner(north_west)
    enrol_demo_mfa(user)
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, user.email, TEST_PASSWORD)
    page.get_by_role("link", name="Compare outcomes").click()
    assert_accessible(page)
    table = page.get_by_role("table", name="Providers compared: the figures").inner_text()
    assert "Mersey Gate" in table and "Tiny Steps" in table and "fewer than 5" in table
    mersey_row = next(line for line in table.splitlines() if line.startswith("Mersey Gate"))
    assert re.search(r"\d+% \(\d+ of \d+\)", mersey_row)  # its rate is shown
    assert "60%: National rate" in mersey_row  # beside the comparator it chose
    assert_accessible(page)
    # A bad period is explained beside the field.
    fill_date(page, "To", timezone.localdate() + timedelta(days=3))
    page.get_by_role("button", name="Show the report").click()
    assert (
        "The end date must be today or in the past"
        in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    context.close()
