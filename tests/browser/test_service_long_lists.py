"""The service form's long lists of councils and prisons (issue 19, item 5): checkboxes grouped
by region without JavaScript; with it, a box to find one by typing that ticks it. axe on both."""

import pytest

from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, LocalAuthorityFactory, OrganisationFactory, RegionFactory

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [False, True])
def test_a_council_is_found_by_typing_or_in_its_region(live_server, browser, javascript):
    north_west = RegionFactory(name="North West")
    LocalAuthorityFactory(name="Liverpool", region=north_west)
    LocalAuthorityFactory(name="Sefton", region=north_west)
    LocalAuthorityFactory(name="Leeds", region=RegionFactory(name="Yorkshire"))
    admin = staff(OrganisationFactory(name="Mersey Gate"), MembershipRole.ORG_ADMIN)
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/organisation/services/new/")
    sefton = page.get_by_label("Sefton", exact=True)

    if javascript:
        find = page.get_by_label("Find a council area")
        assert find.get_attribute("name") in (None, "")  # Only the checkboxes are sent.
        find.fill("sef")
        page.get_by_role("option", name="Sefton").click()
        assert sefton.is_checked() and sefton.is_visible()
        assert "Sefton is ticked." in page.get_by_role("status").all_inner_texts()
        find.fill("zzz")
        assert page.get_by_text("No match in the list").is_visible()
    else:
        assert page.get_by_label("Find a council area").count() == 0
        assert not sefton.is_visible()
        page.locator("summary", has_text="North West").first.click()
        sefton.check()
        assert sefton.is_checked()
    assert not page.get_by_label("Liverpool", exact=True).is_checked()
    assert_accessible(page)
    context.close()
