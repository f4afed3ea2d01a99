"""A coordinator takes a request from the general inbox in a real browser, JavaScript off
(staff pages degrade to plain links and forms): the summary names no one, taking it needs a
confirmation, and then it is one of their referrals. axe on each page."""

import pytest

from mentees.constants import ReferralStatus, Situation
from mentees.models import Referral
from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, LocalAuthorityFactory, ServiceFactory, pathway
from tests.mentees.factories import ReferralFactory

from .conftest import assert_accessible, no_javascript_context, sign_in_through_the_forms, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_coordinator_takes_a_waiting_request_without_javascript(live_server, browser):
    wirral = LocalAuthorityFactory(name="Wirral")
    service = ServiceFactory(name="Wirral Gate", local_authorities=[wirral])
    waiting = ReferralFactory(
        organisation=None,
        status=ReferralStatus.WAITING,
        situation=Situation.IN_COMMUNITY,
        prison=None,
        local_authority=wirral,
        full_name="Robin Quiet",
    )
    waiting.needs.set([pathway("accommodation")])
    coordinator = staff(service.organisation, MembershipRole.COORDINATOR)

    context = no_javascript_context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/", timeout=120_000)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/organisation/referrals/")
    page.get_by_role("link", name="See requests waiting for a service near them").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Requests waiting for a service"
    card = page.locator(".govuk-summary-card").inner_text()
    assert "Wirral" in card and "Accommodation" in card and "Robin Quiet" not in card
    assert_accessible(page)

    page.get_by_role("link", name="Take this request").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Take this request?"
    assert_accessible(page)
    page.get_by_role("button", name="Take this request").click()

    assert "Robin Quiet" in page.locator("main").inner_text()
    assert f"You have taken request {waiting.reference}" in page.locator("main").inner_text()
    assert_accessible(page)
    assert Referral.objects.get().organisation == service.organisation
    context.close()
