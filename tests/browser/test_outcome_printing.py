"""The outcome pages printed from a real browser: tables in black on white (no filled cells),
no word broken across two lines, and every label of every chart inside the chart."""

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.demo import enrol_demo_mfa
from outcomes.models import OutcomeSettings
from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, MembershipFactory, RegionFactory
from tests.factories_accreditation import accredited_organisation
from tests.outcomes.factories import bulk_cohort, commissioner, comparators

from .conftest import sign_in_through_the_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What each check finds on the page as printed; each returns a list of problems.
FILLED_CELLS = """() => [...document.querySelectorAll('main th, main td')]
  .filter(cell => {
    const colour = getComputedStyle(cell).backgroundColor;
    return !['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)', 'transparent'].includes(colour);
  })
  .map(cell => `${cell.textContent.trim()}: ${getComputedStyle(cell).backgroundColor}`)"""

# A word drawn on two lines has two boxes: one for each part. A break after a hyphen
# ("substance-" / "misuse") is a proper place to break, so each part is checked on its own.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('main th, main td, main h1, main h2')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""

# Every text of every chart lies inside the chart's own box (what is outside is cut off).
CUT_LABELS = """() => {
  const cut = [];
  for (const svg of document.querySelectorAll('svg.app-chart')) {
    const box = svg.viewBox.baseVal;
    for (const text of svg.querySelectorAll('text')) {
      const b = text.getBBox();
      if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5
          || b.y < box.y - 0.5 || b.y + b.height > box.y + box.height + 0.5) {
        cut.push(text.textContent);
      }
    }
  }
  return cut;
}"""


# Every table within the width of the paper (what is beyond it is not printed).
WIDE_TABLES = """() => [...document.querySelectorAll('main table')]
  .filter(table => table.getBoundingClientRect().right > document.documentElement.clientWidth)
  .map(table => table.caption ? table.caption.textContent.trim() : 'a table')"""


def assert_prints_well(page, name: str) -> None:
    page.emulate_media(media="print")
    problems = {
        "filled cells": page.evaluate(FILLED_CELLS),
        "words broken across lines": page.evaluate(BROKEN_WORDS),
        "chart labels cut off": page.evaluate(CUT_LABELS),
        "tables wider than the paper": page.evaluate(WIDE_TABLES),
    }
    if os.environ.get("PRINT_PDF_DIR"):  # to look at the printout: PRINT_PDF_DIR=/tmp/x
        page.pdf(path=os.path.join(os.environ["PRINT_PDF_DIR"], f"{name}.pdf"), format="A4")
    assert page.locator("svg.app-chart").count() >= 1
    assert page.locator("main table").count() >= 1
    assert problems == {key: [] for key in problems}


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


def test_the_dashboard_and_the_comparison_print_legibly(live_server, browser, mersey, north_west):
    small = accredited_organisation(name="Tiny Steps", region=north_west)
    bulk_cohort(
        small, people=3, reoffended=1, index_date=timezone.localdate() - timedelta(days=700)
    )
    context = browser.new_context(viewport={"width": 720, "height": 1000})
    page = context.new_page()
    # The first request imports every view: give it time on a busy machine.
    page.goto(f"{live_server.url}/accounts/login/", timeout=120_000)
    coordinator = MembershipFactory(organisation=mersey, role=MembershipRole.COORDINATOR).user
    enrol_demo_mfa(coordinator)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/organisation/outcomes/")
    assert "15% (34 of 228)" in page.content()
    assert_prints_well(page, "dashboard")
    context.close()

    user = commissioner(north_west)
    enrol_demo_mfa(user)
    context = browser.new_context(viewport={"width": 720, "height": 1000})
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, user.email, TEST_PASSWORD)
    page.get_by_role("link", name="Compare outcomes").click()
    assert "Tiny Steps" in page.content()
    assert_prints_well(page, "comparison")
    context.close()
