"""The directory in a real browser: a person on a prison terminal (no JavaScript) searches and
filters; an org admin lists a service; a commissioner compares. axe on every page type."""

import pytest

from accounts.constants import PlatformRole
from providers.constants import MembershipRole, ServiceStatus
from providers.models import Service
from tests.factories import (
    TEST_PASSWORD,
    LocalAuthorityFactory,
    OrganisationFactory,
    RegionFactory,
    ServiceFactory,
    UserFactory,
    pathway,
)

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
    with_mfa,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def listings():
    north_west = RegionFactory(name="North West")
    liverpool = LocalAuthorityFactory(name="Liverpool", region=north_west)
    ServiceFactory(
        name="Gate to Home",
        organisation=OrganisationFactory(name="Mersey Mentors"),
        summary="Housing and benefits help through the gate.",
        pathways=[pathway("accommodation")],
        local_authorities=[liverpool],
        lived_experience_mentors=True,
    )
    ServiceFactory(
        name="Working Futures",
        summary="Into training and work.",
        pathways=[pathway("education-training-employment")],
        national=True,
    )
    return liverpool


@pytest.mark.parametrize("javascript", [False, True])
def test_search_filter_and_open_a_service(live_server, browser, listings, javascript):
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/services/")
    assert_accessible(page)
    page.get_by_label("Search for a mentoring service").fill("housing")
    page.get_by_role("button", name="Search", exact=True).click()
    assert page.locator("#result-count").inner_text() == "1 service matching ‘housing’"
    page.get_by_label("Search for a mentoring service").fill("")
    page.get_by_label("Help with").select_option(label="Education, training and employment")
    page.get_by_role("button", name="Apply filters").click()
    assert "pathway=education-training-employment" in page.url  # a shareable GET URL
    assert page.locator("#result-count").inner_text() == "1 service"
    assert_accessible(page)
    page.get_by_role("link", name="Help with: Education, training and employment").click()
    assert page.locator("#result-count").inner_text() == "2 services"
    page.get_by_role("link", name="Gate to Home").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gate to Home"
    assert_accessible(page)
    page.get_by_role("button", name="Ask for a mentor from this service").click()
    assert "Ask for a mentor from Gate to Home" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    context.close()


def test_no_results_and_bad_input_pages_are_accessible(live_server, no_js_page, listings):
    page = no_js_page
    page.goto(f"{live_server.url}/services/?q=zebra")
    assert "No services match your search" in page.content()
    assert_accessible(page)
    page.goto(f"{live_server.url}/services/?age=old")
    assert page.locator(".govuk-error-summary").inner_text().count("Enter age as a whole number")
    assert_accessible(page)


def test_org_admin_lists_and_publishes_a_service(live_server, page, listings):
    admin = staff("Wirral Gate", MembershipRole.ORG_ADMIN)
    sign_in_through_the_forms(page, live_server.url, admin.email, TEST_PASSWORD)
    page.get_by_role("link", name="Your services in the directory").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add a service").click()
    page.get_by_role("button", name="Save").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Service name").fill("Wirral peer mentors")
    page.get_by_label("Summary").fill("Peer mentors for men leaving HMP Altcourse.")
    page.get_by_label("Description").fill("Weekly meetings for a year.")
    page.get_by_label("Accommodation").check()
    page.get_by_label("Through the gate").check()
    page.get_by_label("Anyone").check()
    page.get_by_label("The service covers all of England and Wales").check()
    page.get_by_label("Volunteer mentors").check()
    page.locator("input[name=is_free][value=True]").check()
    page.get_by_label("You can ask yourself").check()
    page.locator("input[name=accepting_referrals][value=True]").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Wirral peer mentors"
    assert_accessible(page)
    page.get_by_role("link", name="Preview").click()
    assert "It is not published yet" in page.content()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("button", name="Publish").click()
    assert "is published" in page.locator(".govuk-notification-banner").inner_text()
    service = Service.objects.get(name="Wirral peer mentors")
    assert service.status == ServiceStatus.PUBLISHED


def test_commissioner_compares_services(live_server, page, listings):
    commissioner = with_mfa(UserFactory(platform_role=PlatformRole.COMMISSIONER))
    sign_in_through_the_forms(page, live_server.url, commissioner.email, TEST_PASSWORD)
    page.get_by_role("link", name="Compare services").click()
    assert page.locator("#result-count").inner_text() == "2 services"
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download these 2 services as CSV").click()
    assert download.value.suggested_filename.startswith("mentoring-services-")
