"""Staff pages (issue 19, items 2, 6 and 7): MoJ Frontend's primary navigation on one line at
1024 px with the organisation switcher; every part of the page inside a landmark; axe finds no
violation of any level on the pages visited, with JavaScript on and off."""

from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from accounts.demo import enrol_demo_mfa
from matching.constants import MatchStatus
from providers.constants import MembershipRole
from tests.factories import (
    TEST_PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    pathway,
)
from tests.factories_accreditation import AssessorFactory, accept_all, taken_application
from tests.matching.factories import MatchFactory, mentor_for
from tests.mentees.factories import MenteeFactory, ReferralFactory

from .conftest import no_javascript_context, sign_in_through_the_forms

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

_axe = Axe()
# The test machine is shared: pages may take longer than Playwright's 30 seconds to load.
SLOW_MACHINE_MS = 120_000


def assert_no_violations(page) -> None:
    """No axe-core violation of any level (not only serious and critical ones). Where
    JavaScript is off, the same markup is audited in a page that can run axe."""
    audit = page
    if getattr(page.context, "javascript_off", False):
        html = page.content()
        audit = page.context.browser.new_page()
        audit.goto(page.url)
        audit.set_content(html)
    try:
        violations = _axe.run(audit).response["violations"]
    finally:
        if audit is not page:
            audit.close()
    details = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"axe found problems on {page.url}:\n{details}"


def one_line(page, selector: str) -> bool:
    tops = page.eval_on_selector_all(
        selector, "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
    )
    return len(tops) > 0 and len(set(tops)) == 1


@pytest.fixture
def coordinator_with_two_organisations():
    membership = MembershipFactory(
        role=MembershipRole.ORG_ADMIN,
        organisation=OrganisationFactory(name="Wirral Gate Mentoring Partnership"),
    )
    MembershipFactory(
        user=membership.user,
        role=MembershipRole.COORDINATOR,
        organisation=OrganisationFactory(name="Tyneside Through the Gate"),
    )
    enrol_demo_mfa(membership.user)
    return membership


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_staff_navigation_is_one_line_in_landmarks_and_axe_finds_nothing(
    live_server, browser, coordinator_with_two_organisations, javascript
):
    membership = coordinator_with_two_organisations
    organisation = membership.organisation
    referral = ReferralFactory(organisation=organisation)
    referral.needs.set([pathway("accommodation")])
    mentee = MenteeFactory(organisation=organisation, referral=referral, full_name="Sam Example")
    mentor = mentor_for(UserFactory(full_name="Tony Walsh"), organisation)
    match = MatchFactory(
        mentee=mentee,
        mentor=mentor,
        status=MatchStatus.ACTIVE_IN_CUSTODY,
        started_on=timezone.localdate() - timedelta(days=30),
    )

    context = (
        browser.new_context(viewport={"width": 1024, "height": 768})
        if javascript
        else no_javascript_context(browser)
    )
    context.set_default_timeout(SLOW_MACHINE_MS)
    page = context.new_page()
    page.set_viewport_size({"width": 1024, "height": 768})
    sign_in_through_the_forms(page, live_server.url, membership.user.email, TEST_PASSWORD)
    # An org admin and coordinator: every item of the primary navigation on one line.
    main_nav = page.get_by_role("navigation", name="Main")
    assert main_nav.get_by_role("link").count() >= 7
    assert main_nav.get_by_role("link", name="Relationships").is_visible()
    assert one_line(page, ".moj-primary-navigation__item")
    assert one_line(page, ".app-account-navigation__item")
    switcher = page.locator(".moj-organisation-nav")
    assert "Working for" in switcher.inner_text()
    switcher.get_by_role("link", name="Switch organisation").click()
    page.get_by_label("Wirral Gate Mentoring Partnership").check()
    page.locator("main").get_by_role("button").first.click()
    assert "Wirral Gate Mentoring Partnership as organisation admin" in (
        page.locator(".moj-organisation-nav").inner_text()
    )
    # An org admin and coordinator: 8 items, still on one line at 1024 pixels.
    assert main_nav.get_by_role("link").count() == 8
    assert one_line(page, ".moj-primary-navigation__item")
    assert_no_violations(page)

    page.goto(f"{live_server.url}/organisation/relationships/")
    current = page.get_by_role("navigation", name="Main").locator("[aria-current]")
    assert current.inner_text() == "Relationships"
    assert_no_violations(page)

    # A gate meeting while the person is still in custody is refused, with our message.
    page.goto(f"{live_server.url}/organisation/relationships/{match.pk}/meetings/new/")
    yesterday = timezone.localdate() - timedelta(days=1)
    for part, value in enumerate((yesterday.day, yesterday.month, yesterday.year)):
        page.fill(f"[name=held_on_{part}]", str(value))
    page.get_by_label("Start time").fill("10:00")
    page.get_by_label("End time").fill("11:00")
    page.get_by_label("At the prison gate on release day").check()
    page.get_by_label("Mentee", exact=True).check()
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    assert "once the release is recorded" in summary.inner_text()
    assert_no_violations(page)

    # The needs assessment starts from what they asked for.
    page.goto(f"{live_server.url}/organisation/mentees/{mentee.pk}/needs/new/")
    assert page.get_by_role("heading", name="What they asked for help with").is_visible()
    assert page.get_by_text("Women who have been involved in prostitution").count() == 0
    assert_no_violations(page)
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_an_assessor_confirms_an_award_on_a_page_of_its_own(live_server, browser, javascript):
    assessor = AssessorFactory(full_name="Beth Carter")
    enrol_demo_mfa(assessor)
    application = accept_all(taken_application(assessor))
    application.visits.create(
        organisation=application.organisation,
        visited_on=timezone.localdate(),
        interviewed="Staff",
        recorded_by=assessor,
    )
    context = browser.new_context() if javascript else no_javascript_context(browser)
    context.set_default_timeout(SLOW_MACHINE_MS)
    page = context.new_page()
    page.set_viewport_size({"width": 1024, "height": 768})
    sign_in_through_the_forms(page, live_server.url, assessor.email, TEST_PASSWORD)
    assert one_line(page, ".moj-primary-navigation__item")
    assert_no_violations(page)
    page.goto(f"{live_server.url}/assessment/applications/{application.pk}/decision/")
    assert_no_violations(page)
    page.get_by_label("Awarded: the organisation meets the standard").check()
    page.get_by_role("button", name="Save the decision").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == f"Award the standard to {application.organisation.name}?"
    assert_no_violations(page)
    page.get_by_role("button", name="Yes, award the standard").click()
    banner = page.locator(".govuk-notification-banner")
    assert "is awarded the standard until" in banner.inner_text()
    assert_no_violations(page)
    context.close()
