"""The coordinators' side of referrals in a real browser: sign in through the forms with MFA,
work the inbox (decline one, accept another), then keep the case record (notes, a needs
assessment, a goal, a document); an org admin exports and erases. axe on every page type, and
the main path again with JavaScript off."""

import pytest

from mentees.constants import MenteeStatus, ReferralStatus
from mentees.models import Mentee, Referral
from providers.constants import MembershipRole
from providers.models import TaxonomyTerm
from tests.factories import (
    TEST_PASSWORD,
    LocalAuthorityFactory,
    OrganisationFactory,
    ServiceFactory,
)
from tests.files import pdf_bytes
from tests.mentees.factories import ReferralFactory

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
    watch_errors,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A real one-page PDF: uploads are opened with a PDF library, not judged by their first bytes.
SMALL_PDF = pdf_bytes()


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Wirral Gate Mentoring")


@pytest.fixture
def referrals(organisation):
    """Two open referrals of this organisation, and one of another that must not show."""
    return {
        "decline": ReferralFactory(organisation=organisation, full_name="Alex Declined"),
        "accept": ReferralFactory(organisation=organisation, full_name="Sam Accepted"),
        "elsewhere": ReferralFactory(full_name="Someone Elsewhere"),
    }


def heading(page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def banner(page) -> str:
    return page.locator(".govuk-notification-banner").inner_text()


def open_the_inbox(page) -> None:
    page.get_by_role("link", name="Referrals", exact=True).first.click()
    page.wait_for_url("**/organisation/referrals/")
    assert heading(page) == "Referrals"


def test_a_coordinator_works_the_inbox_and_keeps_a_case_record(
    live_server, browser, organisation, referrals
):
    coordinator = staff(organisation, MembershipRole.COORDINATOR)
    context = browser.new_context()
    page = context.new_page()
    page_errors = watch_errors(page)
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    open_the_inbox(page)
    table = page.locator("table").inner_text()
    assert "Alex Declined" in table and "Sam Accepted" in table
    assert "Someone Elsewhere" not in table
    assert page.locator("#result-count").inner_text() == "2 referrals"
    assert_accessible(page)

    # Decline one: the reason is needed, and the error says so beside the question.
    page.get_by_role("link", name="Alex Declined").click()
    assert heading(page) == "Alex Declined"
    assert "Being looked at" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Do not accept").click()
    assert heading(page) == "Do not accept this referral"
    assert_accessible(page)
    page.get_by_role("button", name="Do not accept").click()
    assert "Select why the referral is not accepted" in (
        page.locator(".govuk-error-summary").inner_text()
    )
    page.get_by_role("link", name="Select why the referral is not accepted").click()
    assert page.evaluate("document.activeElement.type") == "radio"
    assert_accessible(page)
    page.get_by_label("We have no places at the moment").check()
    page.get_by_label("Anything the person should know").fill(
        "Try Mersey Mentors, who work in Sefton."
    )
    page.get_by_role("button", name="Do not accept").click()
    assert heading(page) == "Tell Alex Declined you cannot accept their referral?"
    assert_accessible(page)
    page.get_by_role("button", name="Go back and change").click()
    assert page.get_by_label("We have no places at the moment").is_checked()
    page.get_by_role("button", name="Do not accept").click()
    page.get_by_role("button", name="Yes, do not accept it").click()
    assert "is marked as not accepted" in banner(page)
    assert heading(page) == "Referrals"
    assert "Alex Declined" not in page.locator("table").inner_text()
    assert Referral.objects.get(full_name="Alex Declined").status == ReferralStatus.DECLINED

    # Accept another: it becomes a case record, and the coordinator lands on it.
    page.get_by_role("link", name="Sam Accepted").click()
    page.get_by_role("button", name="Accept and open a case record").click()
    assert "accepted. This is Sam Accepted's case record." in banner(page)
    mentee = Mentee.objects.get()
    assert mentee.full_name == "Sam Accepted" and mentee.status == MenteeStatus.REFERRED
    assert heading(page) == "Sam Accepted"
    assert page.locator(".moj-sub-navigation [aria-current=page]").inner_text() == "Overview"
    # The way the person asked to be reached comes with them from the referral.
    assert "Through the prison's offender management unit (OMU)" in (
        page.locator(".govuk-summary-list").first.inner_text()
    )
    assert_accessible(page)

    # Status and details: forms of the record's own.
    page.get_by_role("link", name="Change the status").click()
    assert_accessible(page)
    page.get_by_label("Engaged in custody").check()
    page.get_by_role("button", name="Save").click()
    assert "The status is changed" in banner(page)
    assert "Status: Engaged in custody" in page.locator("main").inner_text()
    page.get_by_role("link", name="Change personal details and key dates").click()
    assert page.get_by_label("Full name").input_value() == "Sam Accepted"
    page.get_by_label("Preferred name (optional)").fill("Sammy")
    page.get_by_role("group", name="Prison induction (optional)").get_by_label("Day").fill("31")
    page.get_by_role("group", name="Prison induction (optional)").get_by_label("Month").fill("2")
    page.get_by_role("group", name="Prison induction (optional)").get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Save").click()
    assert "The prison induction date must be a real date" in (
        page.locator(".govuk-error-summary").inner_text()
    )
    assert page.get_by_label("Preferred name (optional)").input_value() == "Sammy"
    assert_accessible(page)
    page.get_by_role("group", name="Prison induction (optional)").get_by_label("Day").fill("28")
    page.get_by_role("button", name="Save").click()
    assert "The details are saved" in banner(page)
    assert "(known as Sammy)" in page.locator("main").inner_text()

    # Notes: an empty note is refused, then one is added.
    page.get_by_role("link", name="Notes", exact=True).click()
    page.get_by_role("button", name="Add the note").click()
    assert "Enter the note" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Add a note").fill("Met Sam at induction. Wants help with housing first.")
    page.get_by_role("button", name="Add the note").click()
    assert "The note is added" in banner(page)
    assert "Wants help with housing first." in page.locator(".govuk-summary-card").inner_text()
    assert_accessible(page)

    # Needs: the first assessment, one level of need for every resettlement pathway.
    page.get_by_role("link", name="Needs", exact=True).click()
    assert "No needs assessment yet" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Record the first assessment").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    assert "Enter the date of the assessment" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("At the start").check()
    when = page.get_by_role("group", name="Date of the assessment")
    when.get_by_label("Day").fill("2")
    when.get_by_label("Month").fill("3")
    when.get_by_label("Year").fill("2026")
    # What the person asked for comes first and needs a level; the others are optional, and
    # the two pathways for women are not shown for a man.
    for term in TaxonomyTerm.objects.pathways():
        level = "High" if term.code == "accommodation" else "No need"
        for name in (term.name, f"{term.name} (optional)"):
            group = page.get_by_role("group", name=name, exact=True)
            if group.count():
                group.get_by_label(level).check()
    page.get_by_label("Notes on accommodation (optional)").fill("No fixed address on release.")
    page.get_by_role("button", name="Save").click()
    assert "The needs assessment is saved" in banner(page)
    needs = page.locator("table").inner_text()
    assert "At the start, 2 March 2026" in needs and "No fixed address on release." in needs

    # Action plan: a goal.
    page.get_by_role("link", name="Action plan", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Add a goal").click()
    assert_accessible(page)
    page.get_by_label("Pathway").select_option(label="Accommodation")
    page.get_by_label("Goal").fill("A tenancy of his own within three months of release")
    page.get_by_label("In progress").check()
    page.get_by_role("button", name="Save").click()
    assert "The goal is saved" in banner(page)
    plan = page.locator("table").inner_text()
    assert "A tenancy of his own" in plan and "In progress" in plan

    # Documents: a small PDF, uploaded and downloaded again.
    page.get_by_role("link", name="Documents", exact=True).click()
    assert "No documents yet." in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("What is the document?").fill("Licence conditions")
    page.get_by_label("Choose the file").set_input_files(
        {"name": "licence.pdf", "mimeType": "application/pdf", "buffer": SMALL_PDF}
    )
    page.get_by_role("button", name="Upload").click()
    assert "The document is uploaded" in banner(page)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Licence conditions").click()
    assert download.value.suggested_filename == f"{mentee.reference}-" + (
        f"{mentee.documents.get().pk.hex[:8]}.pdf"
    )
    with open(download.value.path(), "rb") as saved:
        assert saved.read() == SMALL_PDF

    # The list of case records.
    page.get_by_role("link", name="Mentees", exact=True).first.click()
    assert page.locator("#result-count").inner_text() == "1 mentee"
    mentees = page.locator("table").inner_text()
    assert "Sam Accepted" in mentees and "Engaged in custody" in mentees
    assert_accessible(page)

    # The other referral is still decided, and both show under "All".
    open_the_inbox(page)
    page.get_by_label("Status").select_option(label="All")
    page.get_by_role("button", name="Apply filters").click()
    assert page.locator("#result-count").inner_text() == "2 referrals"
    assert page_errors == []
    context.close()


def test_an_org_admin_exports_and_erases_a_record(live_server, page, organisation):
    referral = ReferralFactory(organisation=organisation, full_name="Jo Erased")
    admin = staff(organisation, MembershipRole.ORG_ADMIN)
    sign_in_through_the_forms(page, live_server.url, admin.email, TEST_PASSWORD)
    open_the_inbox(page)
    page.get_by_role("link", name="Jo Erased").click()
    page.get_by_role("button", name="Accept and open a case record").click()
    mentee = Mentee.objects.get(referral=referral)

    page.get_by_role("link", name="Export everything held (subject access request)").click()
    assert "Everything held about Jo Erased" in page.locator("main").inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="download it as a JSON file").click()
    assert download.value.suggested_filename == f"{mentee.reference}-subject-access.json"

    page.get_by_role("link", name="Overview", exact=True).click()
    page.get_by_role("link", name="Erase the personal details").click()
    assert_accessible(page)
    page.get_by_label(f"To confirm, type the reference {mentee.reference}").fill("wrong")
    page.get_by_role("button", name="Erase the personal details").click()
    assert f"Type the reference {mentee.reference} to confirm" in (
        page.locator(".govuk-error-summary").inner_text()
    )
    assert_accessible(page)
    page.get_by_label(f"To confirm, type the reference {mentee.reference}").fill(mentee.reference)
    page.get_by_role("button", name="Erase the personal details").click()
    assert "are erased" in banner(page)
    mentee.refresh_from_db()
    assert mentee.erased_at is not None and mentee.full_name == ""


def test_staff_pages_work_without_javascript(live_server, browser, organisation, referrals):
    """Inbox, referral, decline, accept and a note: the forms are plain POSTs."""
    coordinator = staff(organisation, MembershipRole.COORDINATOR)
    context = no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    open_the_inbox(page)
    page.get_by_label("Status").select_option(label="All")
    page.get_by_role("button", name="Apply filters").click()
    assert "status=all" in page.url
    assert page.locator("#result-count").inner_text() == "2 referrals"
    assert_accessible(page)

    page.get_by_role("link", name="Alex Declined").click()
    page.get_by_role("button", name="Do not accept").click()
    page.get_by_label("The person no longer wants a mentor").check()
    page.get_by_role("button", name="Do not accept").click()
    page.get_by_role("button", name="Yes, do not accept it").click()
    assert "is marked as not accepted" in banner(page)

    page.get_by_role("link", name="Sam Accepted").click()
    assert_accessible(page)
    page.get_by_role("button", name="Accept and open a case record").click()
    assert heading(page) == "Sam Accepted"
    assert_accessible(page)

    page.get_by_role("link", name="Notes", exact=True).click()
    page.get_by_label("Add a note").fill("Phoned the OMU to book a first visit.")
    page.get_by_role("button", name="Add the note").click()
    assert "Phoned the OMU" in page.locator(".govuk-summary-card").inner_text()
    assert_accessible(page)
    assert Mentee.objects.get().notes.count() == 1
    context.close()


def test_a_likely_duplicate_is_compared_and_a_referral_passed_on_without_javascript(
    live_server, browser, organisation
):
    sefton = LocalAuthorityFactory(name="Sefton")
    first = ReferralFactory(
        organisation=organisation, full_name="Lee Twice", prison_number="A1111AA"
    )
    ReferralFactory(
        organisation=organisation,
        full_name="Lee Twice",
        prison_number="A1111AA",
        local_authority=sefton,
    )
    ServiceFactory(
        name="Sefton Links",
        organisation=OrganisationFactory(name="Mersey Mentors"),
        local_authorities=[sefton],
    )
    coordinator = staff(organisation, MembershipRole.COORDINATOR)
    context = no_javascript_context(browser)
    page = context.new_page()
    sign_in_through_the_forms(page, live_server.url, coordinator.email, TEST_PASSWORD)

    open_the_inbox(page)
    assert page.locator("table").get_by_text("Likely duplicate").count() == 2
    page.get_by_role("link", name="Lee Twice").last.click()
    page.get_by_role("link", name="Compare them side by side").click()
    assert heading(page) == "Is this the same person?"
    assert first.reference in page.locator("table").inner_text()
    assert_accessible(page)

    page.go_back()
    page.get_by_role("button", name="Pass to another provider").click()
    assert heading(page) == "Pass to another provider"
    assert_accessible(page)
    page.get_by_role("button", name="Pass on the referral").click()
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Choose the service to pass the referral to" in summary
    assert "Record how the person agreed" in summary
    assert_accessible(page)
    page.get_by_label("Which service should have the referral?").select_option(
        label="Sefton Links (Mersey Mentors)"
    )
    page.get_by_label("How did the person agree").fill("Agreed on the phone on 3 March")
    page.get_by_role("button", name="Pass on the referral").click()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, pass it on").click()
    assert "is passed to Mersey Mentors" in banner(page)
    onward = Referral.objects.get(organisation__name="Mersey Mentors")
    assert onward.full_name == "Lee Twice" and onward.status == ReferralStatus.RECEIVED
    context.close()
