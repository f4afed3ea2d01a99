"""Volunteering in a real browser: a volunteer applies (JavaScript on and off), a coordinator
vets and approves them and records supervision, an org admin manages roles and training. axe on
every page type."""

import re

import pytest
import time_machine
from django.utils import timezone

from core.dates import add_months
from providers.constants import MembershipRole
from tests.factories import (
    TEST_PASSWORD,
    LocalAuthorityFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
    pathway,
)
from tests.factories_volunteering import (
    SubmittedApplicationFactory,
    TrainingModuleFactory,
    VolunteerRoleFactory,
)
from volunteers.constants import ApplicationStatus, DBSLevel
from volunteers.models import MentorProfile, VolunteerApplication
from volunteers.services import application_reject
from volunteers.tasks import erase_expired_volunteer_applications

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Mersey Gate")


@pytest.fixture
def role(organisation):
    LocalAuthorityFactory(name="Liverpool", region=RegionFactory(name="North West"))
    pathway("accommodation")
    return VolunteerRoleFactory(
        organisation=organisation, title="Gate mentor", dbs_level=DBSLevel.ENHANCED
    )


def continue_(page):
    page.get_by_role("button", name="Save and continue").click()


@pytest.mark.parametrize("javascript", [False, True])
def test_a_volunteer_applies(live_server, browser, role, javascript):
    UserFactory(email="sam@example.org", full_name="Sam Hughes")
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()

    page.goto(f"{live_server.url}/volunteer/")
    assert_accessible(page)
    page.get_by_role("link", name="Gate mentor").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gate mentor"
    assert_accessible(page)
    page.get_by_role("button", name="Apply for this role").click()
    assert_accessible(page)
    page.get_by_role("link", name="Sign in if you have an account").click()
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # No two-factor step for a volunteer: straight back to the start page.
    page.get_by_role("button", name="Start now").click()
    assert "You have completed 0 of 9 sections" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="About you").click()
    page.get_by_label("Full name").fill("")
    continue_(page)
    assert page.locator(".govuk-error-summary").is_visible()
    assert "Enter your full name" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Full name").fill("Sam Hughes")
    page.get_by_label("Day").fill("17")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("1980")
    page.get_by_label("Man", exact=True).check()
    page.get_by_label("Telephone number").fill("0151 496 0123")
    page.get_by_label("Postcode").fill("L1 8JQ")
    continue_(page)

    assert "You do not have to answer this page" in page.content()
    assert_accessible(page)
    page.get_by_label("I have been in prison").check()
    continue_(page)

    assert_accessible(page)
    page.get_by_label("Monday evening").check()
    page.get_by_label("Saturday morning").check()
    continue_(page)

    assert_accessible(page)
    page.locator("summary", has_text="North West").click()
    page.get_by_label("Liverpool").check()
    page.locator("input[name=can_visit_prisons][value=True]").check()
    continue_(page)

    page.get_by_label("English").check()
    continue_(page)

    page.get_by_label("Accommodation").check()
    continue_(page)

    page.get_by_label("Why do you want to be a mentor?").fill("Someone did it for me.")
    continue_(page)

    assert_accessible(page)
    page.locator("#id_referee_1_name").fill("Pat Jones")
    page.locator("#id_referee_1_relationship").fill("My manager for 3 years")
    page.locator("#id_referee_1_email").fill("pat@example.org")
    page.locator("#id_referee_2_name").fill("Chris Lee")
    page.locator("#id_referee_2_relationship").fill("Support worker")
    page.locator("#id_referee_2_phone").fill("0151 496 0999")
    continue_(page)

    assert "does not usually stop you being a mentor" in page.content()
    assert_accessible(page)
    page.locator("input[name=has_record][value=True]").check()
    page.get_by_label("If yes, tell us what you are comfortable telling us now").fill("Theft, 2009")
    continue_(page)

    continue_(page)  # no consent given
    assert (
        "Confirm that you agree to a DBS check" in page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    page.get_by_label("I agree to a DBS check for this role").check()
    continue_(page)

    assert "You have completed 9 of 9 sections" in page.content()
    page.get_by_role("link", name="Check your answers and send your application").click()
    assert_accessible(page)
    page.get_by_role("button", name="Accept and send").click()
    application = VolunteerApplication.objects.get()
    assert page.locator(".govuk-panel").inner_text().count(application.reference)
    assert_accessible(page)
    assert application.status == ApplicationStatus.SUBMITTED
    page.get_by_role("link", name="see how your application is going").click()
    assert "Being checked" in page.content()
    assert_accessible(page)
    context.close()


@pytest.fixture
def coordinator(organisation):
    return staff(organisation, MembershipRole.COORDINATOR)


def fill_date(page, name, day):
    page.locator(f"#id_{name}_0").fill(str(day.day))
    page.locator(f"#id_{name}_1").fill(str(day.month))
    page.locator(f"#id_{name}_2").fill(str(day.year))


def save(page):
    page.get_by_role("button", name=re.compile(r"^(Save|Record the decision)")).click()


def test_a_coordinator_vets_approves_and_supervises(live_server, page, role, coordinator):
    TrainingModuleFactory(organisation=role.organisation, name="Safeguarding adults")
    application = SubmittedApplicationFactory(role=role, full_name="Jo Bloggs")
    today = timezone.localdate()
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)
    page.get_by_role("link", name="Volunteers", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Jo Bloggs").click()
    assert_accessible(page)

    page.get_by_role("link", name="Arrange an interview").click()
    save(page)
    assert "Enter the interview date" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    fill_date(page, "interview_date", today)
    page.get_by_label("Suitable to go ahead").check()
    save(page)

    for position in (1, 2):
        page.get_by_role("link", name=f"Record reference {position}").click()
        if position == 1:
            assert_accessible(page)
        fill_date(page, "requested_on", today)
        fill_date(page, "received_on", today)
        page.locator("input[name=satisfactory][value=True]").check()
        save(page)

    page.get_by_role("link", name="Record a DBS check").click()
    assert_accessible(page)
    page.get_by_label("Enhanced", exact=True).check()
    page.get_by_label("Certificate number").fill("001234567890")
    fill_date(page, "issue_date", today)
    page.get_by_label("Information disclosed", exact=True).check()
    page.locator("input[name=update_service][value=False]").check()
    save(page)
    assert "record the risk decision" in page.content()
    assert_accessible(page)
    page.get_by_label("Safe to go ahead", exact=True).check()
    page.get_by_label("Who made the decision?").select_option(label=coordinator.display_name)
    fill_date(page, "decided_on", today)
    page.get_by_label("Reasons for the decision").fill("Old and unrelated to the role.")
    save(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Criminal record"
    assert_accessible(page)
    page.get_by_role("link", name="Back to the application").click()

    page.get_by_role("link", name="Record training").click()
    assert_accessible(page)
    page.get_by_label("Safeguarding adults").check()
    fill_date(page, "completed_on", today)
    save(page)

    page.get_by_role("button", name="Make a decision").click()
    assert "Every check is complete" in page.content()
    assert_accessible(page)
    page.get_by_label("Approve as a mentor").check()
    page.get_by_label("If approving, how many mentees can they have at once?").fill("2")
    save(page)
    mentor = MentorProfile.objects.get(application=application)
    assert "is approved as a mentor" in page.content()
    assert "Can be matched with a mentee" in page.content()
    assert_accessible(page)

    page.get_by_role("button", name="Record a supervision session").click()
    assert_accessible(page)
    fill_date(page, "held_on", today)
    page.get_by_label("Notes").fill("Settling in well.")
    save(page)
    assert "Settling in well." in page.content()

    page.get_by_role("button", name="Change profile").click()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the mentor").click()
    page.get_by_role("button", name="Change status").click()
    assert_accessible(page)
    page.get_by_label("Paused").check()
    save(page)
    assert "Give the reason" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Reason").fill("On holiday for a month")
    save(page)
    mentor.refresh_from_db()
    assert mentor.status == "paused"
    page.get_by_role("link", name="Mentors", exact=True).first.click()
    assert_accessible(page)


def test_an_org_admin_manages_roles_and_training(live_server, page, organisation):
    admin = staff(organisation, MembershipRole.ORG_ADMIN)
    sign_in_through_the_forms(page, live_server.url, admin.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/organisation/volunteer-roles/")
    assert_accessible(page)
    page.get_by_role("button", name="Add a role").click()
    page.get_by_role("button", name="Save").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Role title").fill("Befriender")
    page.get_by_label("Summary").fill("A weekly phone call.")
    page.get_by_label("What does a mentor do?").fill("Call the same person each week.")
    page.get_by_label("How much time do you ask for?").fill("An hour a week")
    page.get_by_label("What training do you give?").fill("One evening.")
    page.get_by_label("What expenses do you pay?").fill("None")
    page.get_by_label("A criminal record does not stop you applying").check()
    page.get_by_label("Basic").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Publish Befriender").click()
    assert "is published" in page.content()
    page.get_by_role("link", name="Training modules").click()
    assert_accessible(page)
    page.get_by_role("button", name="Add a module").click()
    assert_accessible(page)
    page.get_by_label("Module name").fill("Safeguarding adults")
    page.locator("input[name=required][value=True]").check()
    page.get_by_role("button", name="Save").click()
    assert "Safeguarding adults is added" in page.content()


def test_public_volunteering_pages_without_javascript(live_server, no_js_page, role):
    page = no_js_page
    organisation = role.organisation
    for path in (
        f"/organisations/{organisation.slug}/",
        f"/organisations/{organisation.slug}/volunteer/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/organisations/{organisation.slug}/volunteer/")
    page.get_by_role("button", name="Apply to be a gate mentor").click()
    assert "Create an account" in page.content()


def test_an_erased_application_seen_by_staff_and_by_the_applicant(
    live_server, browser, page, role, coordinator
):
    applicant = UserFactory(email="sam@example.org", full_name="Sam Hughes")
    with time_machine.travel(add_months(timezone.now(), -13)):
        application = SubmittedApplicationFactory(role=role, applicant=applicant)
        application_reject(
            actor=coordinator, application=application, reason="Too soon after release."
        )
    assert erase_expired_volunteer_applications.delay().get() == 1

    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)
    page.goto(f"{live_server.url}/organisation/volunteers/?stage=decided")
    assert_accessible(page)
    page.get_by_role("link", name="Name erased").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Erased application"
    assert "Sam Hughes" not in page.content() and "Too soon" not in page.content()
    assert_accessible(page)

    context = no_javascript_context(browser)
    own = context.new_page()
    own.goto(f"{live_server.url}/accounts/login/?next=/volunteer/applications/")
    own.get_by_label("Email address").fill("sam@example.org")
    own.get_by_label("Password").fill(TEST_PASSWORD)
    own.get_by_role("button", name="Sign in").click()
    own.wait_for_url("**/volunteer/applications/")
    assert "Erased" in own.locator("table").inner_text()
    assert_accessible(own)
    own.get_by_role("link", name="Gate mentor").click()
    assert "We erased the details of this application" in own.content()
    assert_accessible(own)
    own.get_by_role("link", name="apply for this role again").click()
    own.get_by_role("button", name="Start now").click()
    assert "You have completed 0 of 9 sections" in own.content()
    assert VolunteerApplication.objects.filter(applicant=applicant, role=role).count() == 2
    context.close()
