"""In a real browser, JavaScript on and off: a volunteer saves a half-filled page for later, the
task list says it is in progress, an error link lands on a visible, focused box in a section that
was closed, and "send the email again" works. axe on each page."""

import pytest

from tests.factories import (
    TEST_PASSWORD,
    LocalAuthorityFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)
from tests.factories_volunteering import VolunteerRoleFactory
from volunteers.constants import DBSLevel

from .conftest import assert_accessible, no_javascript_context, sign_in_through_the_forms, with_mfa

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def role():
    north_west = RegionFactory(name="North West")
    LocalAuthorityFactory(name="Liverpool", region=north_west)
    LocalAuthorityFactory(name="Sefton", region=north_west)
    LocalAuthorityFactory(name="Leeds", region=RegionFactory(name="Yorkshire"))
    return VolunteerRoleFactory(
        organisation=OrganisationFactory(name="Mersey Gate"),
        title="Gate mentor",
        dbs_level=DBSLevel.ENHANCED_BARRED,
    )


@pytest.mark.parametrize("javascript", [False, True])
def test_save_for_later_and_error_links(live_server, browser, role, javascript):
    # Enrolled on the demo authenticator, as the shared sign-in walk asks for a code.
    with_mfa(UserFactory(email="sam@example.org", full_name="Sam Hughes"))
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, "sam@example.org", TEST_PASSWORD)
    page.goto(f"{live_server.url}/volunteer/roles/{role.pk}/apply/")
    page.get_by_role("button", name="Start now").click()
    assert page.locator("#about-you-status").inner_text() == "Not yet started"
    assert page.locator("#send-status").inner_text() == "Cannot start yet"
    assert_accessible(page)

    page.get_by_role("link", name="About you").click()
    page.get_by_label("Postcode").fill("L1 8JQ")
    page.get_by_role("button", name="Save and come back later").click()
    assert "‘About you’ is in progress" in page.content()
    assert page.locator("#about-you-status").inner_text() == "In progress"
    assert_accessible(page)

    page.get_by_role("link", name="When you are free").click()
    assert page.locator(".govuk-checkboxes--small").count() == 0
    assert_accessible(page)
    page.get_by_label("Tuesday Afternoon").check()
    page.get_by_role("button", name="Save and continue").click()

    # Where you can get to: no council chosen, so the error points into a closed region.
    page.locator("input[name=can_visit_prisons][value=True]").check()
    page.get_by_role("button", name="Save and continue").click()
    assert page.title() == "Error: Where you can get to – your application – Open Gate"
    assert_accessible(page)
    page.locator(".govuk-error-summary a").first.click()
    target = page.locator("#id_local_authorities_1")
    assert target.is_visible()
    if javascript:
        assert page.evaluate("document.activeElement.id") == "id_local_authorities_1"
    context.close()


def test_send_the_email_again_page(live_server, browser):
    page = no_javascript_context(browser).new_page()
    page.goto(f"{live_server.url}/confirm-your-email/send-again/")
    assert_accessible(page)
    page.get_by_role("button", name="Send the email again").click()
    assert "Enter the email address you used to create your account" in page.content()
    assert page.title() == "Error: Send the email again – Open Gate"
    assert_accessible(page)
    page.get_by_label("Email address").fill("nobody@example.org")
    page.get_by_role("button", name="Send the email again").click()
    assert "If nobody@example.org is waiting to be confirmed" in page.content()
    assert_accessible(page)
