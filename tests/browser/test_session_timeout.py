"""Signed-in sessions in a real browser: the GOV.UK timeout warning with JavaScript (accessible,
"Stay signed in" keeps the session), and the plain "You have been signed out" page it, or the
server alone without JavaScript, ends on."""

import pytest

from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, MembershipFactory

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    watch_errors,
    with_mfa,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coordinator():
    return with_mfa(MembershipFactory(role=MembershipRole.COORDINATOR).user)


def test_a_coordinator_is_warned_stays_signed_in_and_is_later_signed_out(
    live_server, page, coordinator, settings
):
    errors = watch_errors(page)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)
    settings.SESSION_IDLE_SECONDS_SIGNED_IN = 9
    settings.SESSION_WARNING_SECONDS = 6
    page.goto(f"{live_server.url}/dashboard/")

    dialog = page.get_by_role("dialog", name="You will be signed out soon")
    dialog.wait_for(state="visible", timeout=8000)
    assert page.evaluate("document.activeElement.textContent.trim()") == "Stay signed in"
    assert_accessible(page)
    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    assert page.url.endswith("/dashboard/")

    # Warned again, and this time nothing is done: the signed-out page, signed out for real.
    dialog.wait_for(state="visible", timeout=8000)
    page.wait_for_url(lambda url: "/signed-out/" in url, timeout=12000)
    assert page.get_by_role("heading", level=1).inner_text() == "You have been signed out"
    assert_accessible(page)
    page.goto(f"{live_server.url}/dashboard/")
    assert "/accounts/login/" in page.url
    assert errors == []


def test_without_javascript_the_server_signs_out_and_says_so(
    live_server, browser, coordinator, settings
):
    context = no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)
    settings.SESSION_IDLE_SECONDS_SIGNED_IN = 2
    assert not page.get_by_role("dialog").is_visible()
    page.wait_for_timeout(2500)
    page.goto(f"{live_server.url}/dashboard/")
    assert page.get_by_role("heading", level=1).inner_text() == "You have been signed out"
    assert_accessible(page)
    context.close()
