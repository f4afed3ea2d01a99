"""The printable directory in a real browser: a coordinator chooses a prison, opens the light
web page (which must load nothing but itself) and downloads the PDF; axe on both page types."""

import pytest

from accounts.constants import PlatformRole
from accounts.demo import enrol_demo_mfa
from providers.constants import MembershipRole
from tests.factories import (
    TEST_PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    PrisonFactory,
    ServiceFactory,
    UserFactory,
    pathway,
)

from .conftest import assert_accessible, no_javascript_context, sign_in_through_the_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def prison():
    prison = PrisonFactory(name="HMP Liverpool")
    ServiceFactory(
        name="Gate to Home",
        organisation=OrganisationFactory(name="Mersey Mentors"),
        pathways=[pathway("accommodation"), pathway("finance-benefit-debt")],
        prisons=[prison],
        how_to_refer="Ask the offender management unit to email us.",
    )
    ServiceFactory(
        name="Cŵtsh “Family” Links", pathways=[pathway("children-families")], prisons=[prison]
    )
    return prison


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_coordinator_prints_the_directory_for_a_prison(live_server, browser, prison, javascript):
    membership = MembershipFactory(role=MembershipRole.COORDINATOR)
    enrol_demo_mfa(membership.user)
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, membership.user.email, TEST_PASSWORD)
    page.get_by_role("link", name="Print the directory for a prison or area").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Print the directory for a prison or area"
    )
    assert_accessible(page)

    page.get_by_role("button", name="Download").click()
    summary = page.locator(".govuk-error-summary")
    assert "Choose a prison or an area" in summary.inner_text()
    assert "Choose PDF or web page" in summary.inner_text()
    assert_accessible(page)

    page.get_by_label("A prison").select_option(label="HMP Liverpool")
    page.get_by_label("Web page, to save").check()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_role("button", name="Open in this browser").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Mentoring services: HMP Liverpool"
    assert requests == [page.url], "the printable page loads nothing but itself"
    # The embedded styles applied (the CSP nonce let them through).
    weight = page.locator(".date").evaluate("el => getComputedStyle(el).fontWeight")
    assert weight in ("700", "bold")
    assert "Cŵtsh “Family” Links" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="1. Gate to Home").click()
    assert page.url.endswith("#service-1")

    page.go_back()
    page.go_back()
    page.get_by_label("A prison").select_option(label="HMP Liverpool")
    page.get_by_label("PDF, to print on paper").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    assert download.value.suggested_filename.startswith("mentoring-services-hmp-liverpool-")
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as saved:
        assert saved.read(5) == b"%PDF-"
    context.close()


def test_saved_web_page_opens_on_its_own(live_server, browser, prison, tmp_path):
    """Saved to a file and opened with no server, as on a screened content system."""
    commissioner = UserFactory(platform_role=PlatformRole.COMMISSIONER)
    enrol_demo_mfa(commissioner)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, commissioner.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/services/print/")
    page.get_by_label("A prison").select_option(label="HMP Liverpool")
    page.get_by_label("Web page, to save").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    offline = browser.new_context(java_script_enabled=False, offline=True)
    file_page = offline.new_page()
    requests: list[str] = []
    file_page.on("request", lambda request: requests.append(request.url))
    file_page.goto(saved.as_uri())
    assert file_page.get_by_role("heading", level=1).inner_text() == (
        "Mentoring services: HMP Liverpool"
    )
    assert requests == [saved.as_uri()]
    weight = file_page.locator(".date").evaluate("el => getComputedStyle(el).fontWeight")
    assert weight in ("700", "bold")
    offline.close()
    context.close()
