"""The main journeys of the platform foundation in a real browser, with JavaScript on and off."""

import pytest

from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, MembershipFactory

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
    with_mfa,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_with_javascript(live_server, page, page_errors):
    page.goto(live_server.url)
    assert page.locator("body.govuk-frontend-supported").count() == 1, "nonce'd script ran"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Find a mentor for life after prison"
    )
    assert page.locator(".govuk-header").inner_text().strip() == "Open Gate"
    assert page.locator(".govuk-phase-banner").is_visible()
    footer = page.locator("footer")
    for link in ("Privacy", "Accessibility statement", "Cookies"):
        assert footer.get_by_role("link", name=link).is_visible()
    assert_accessible(page)
    assert page_errors == []


def test_home_page_without_javascript(live_server, no_js_page):
    page = no_js_page
    page.goto(live_server.url)
    assert page.locator("body.govuk-frontend-supported").count() == 0
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Find a mentor for life after prison"
    )
    assert_accessible(page)
    page.locator("main").get_by_role("link", name="Sign in").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"


def test_skip_link_is_the_first_stop_for_the_keyboard(live_server, page):
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_coordinator_signs_in_through_mfa(live_server, browser, javascript):
    user = staff("Wirral Gate Mentoring", MembershipRole.COORDINATOR)
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Sign in").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert "Enter your email address" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    sign_in_through_the_forms(page, live_server.url, user.email, TEST_PASSWORD)
    assert "Wirral Gate Mentoring" in page.locator("main").inner_text()
    assert "Working for Wirral Gate Mentoring as coordinator" in page.inner_text("body")
    assert_accessible(page)
    context.close()


def test_org_admin_pages_are_accessible(live_server, page):
    user = staff("Wirral Gate Mentoring", MembershipRole.ORG_ADMIN)
    MembershipFactory(organisation=user.memberships.get().organisation)
    sign_in_through_the_forms(page, live_server.url, user.email, TEST_PASSWORD)

    page.get_by_role("link", name="Manage your team").click()
    page.wait_for_url("**/organisation/team/")
    assert_accessible(page)

    page.get_by_role("button", name="Invite someone").click()
    page.get_by_role("button", name="Send invitation").click()
    assert (
        "Enter the email address of the person" in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    page.get_by_label("Email address").fill("new.mentor@example.org")
    page.get_by_label("Mentor").check()
    page.get_by_role("button", name="Send invitation").click()
    assert "Invitation sent to new.mentor@example.org" in page.inner_text("body")

    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="See who viewed or changed records").click()
    page.wait_for_url("**/organisation/audit/")
    assert "Invited" in page.locator("table").inner_text()
    assert_accessible(page)


def test_a_platform_admin_makes_someone_a_commissioner(live_server, page):
    from accounts.constants import PlatformRole
    from accounts.models import CommissionerRegion
    from tests.factories import RegionFactory, UserFactory

    admin = with_mfa(UserFactory(platform_role=PlatformRole.PLATFORM_ADMIN))
    casey = UserFactory(email="casey@example.org", full_name="Casey Commissioner")
    RegionFactory(name="North East")
    sign_in_through_the_forms(page, live_server.url, admin.email, TEST_PASSWORD)

    page.get_by_role("link", name="Roles", exact=True).click()  # in the primary navigation
    page.wait_for_url("**/platform/people/")
    assert_accessible(page)
    page.get_by_label("Their email address").fill("casey@example.org")
    page.get_by_role("radio", name="Commissioner").check()
    page.get_by_role("button", name="Give the role").click()
    summary = page.locator(".govuk-error-summary")
    assert "Choose the region this commissioner works in" in summary.inner_text()
    assert_accessible(page)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_region"
    page.get_by_label("Region (commissioners only)").select_option(label="North East")
    page.get_by_role("button", name="Give the role").click()
    assert "Casey Commissioner is now a Commissioner." in page.inner_text("body")
    assert CommissionerRegion.objects.get(user=casey).region.name == "North East"

    page.get_by_role("link", name="Change the role of Casey Commissioner").click()
    assert_accessible(page)
    page.get_by_label("No platform role").check()
    page.get_by_role("button", name="Save").click()
    assert "Casey Commissioner no longer has a platform role." in page.inner_text("body")


def test_the_accessibility_check_catches_a_real_violation(page):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Bad</title></head>'
        '<body><main><h1>Bad</h1><form><input type="text"></form></main></body></html>'
    )
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page)
