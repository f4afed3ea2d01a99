"""The Approved Provider Standard in a real browser: an org admin self-assesses and sends, an
assessor reviews and awards, and the public checks the register and a certificate with
JavaScript off. axe on every page type."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accreditation.constants import ApplicationStatus
from accreditation.models import Application, Award
from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, OrganisationFactory
from tests.factories_accreditation import (
    AssessorFactory,
    AwardFactory,
    accept_all,
    current_standard,
    sent_application,
)
from tests.files import pdf_bytes

from .conftest import (
    assert_accessible,
    no_javascript_context,
    sign_in_through_the_forms,
    staff,
    with_mfa,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def standard():
    return current_standard()


@pytest.fixture
def org_admin():
    return staff("Wirral Gate", MembershipRole.ORG_ADMIN)


@pytest.fixture
def assessor():
    return with_mfa(AssessorFactory(full_name="Beth Carter"))


def test_an_org_admin_self_assesses_and_sends(live_server, page, org_admin, tmp_path):
    sign_in_through_the_forms(page, live_server.url, org_admin.email, TEST_PASSWORD)
    page.get_by_role("link", name="Accreditation", exact=True).click()
    assert_accessible(page)
    page.get_by_role("button", name="Start an application").click()
    assert "You have completed 0 of 10 requirements" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="1.3 Safety of staff, service users and mentors").click()
    page.get_by_role("button", name="Save your self-assessment").click()
    summary = page.locator(".govuk-error-summary")
    assert "Select whether the requirement is met" in summary.inner_text()
    assert_accessible(page)
    page.get_by_label("Partly met", exact=True).check()
    page.get_by_label("How you meet it").fill("Lone-working policy; risk assessments.")
    page.get_by_label("Action plan", exact=True).fill("Train every mentor in the policy by March.")
    page.get_by_role("button", name="Save your self-assessment").click()
    assert "Your self-assessment of 1.3 is saved" in page.content()

    page.get_by_role("link", name="1.3 Safety of staff, service users and mentors").click()
    renamed = tmp_path / "policy.pdf"
    renamed.write_bytes(b"MZ" + b"\x00" * 200)  # an executable wearing a .pdf name
    page.get_by_label("What is the document?").fill("Lone-working policy")
    page.get_by_label("Choose the file").set_input_files(str(renamed))
    page.get_by_role("button", name="Add the file").click()
    assert "The file must be a PDF" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    real = tmp_path / "real.pdf"
    real.write_bytes(pdf_bytes())
    page.get_by_label("What is the document?").fill("Lone-working policy")
    page.get_by_label("Choose the file").set_input_files(str(real))
    page.get_by_role("button", name="Add the file").click()
    assert page.get_by_role("link", name="Lone-working policy").is_visible()

    page.get_by_role("link", name="Back to the application").click()
    page.get_by_role("button", name="Check and send").click()
    assert "You cannot send it yet" in page.content()
    assert_accessible(page)
    page.get_by_role("button", name="Send the application").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    application = Application.objects.get()
    assert application.status == ApplicationStatus.DRAFT


def test_an_assessor_reviews_and_awards(live_server, page, assessor):
    application = sent_application(organisation=OrganisationFactory(name="Sefton Mentors"))
    sign_in_through_the_forms(page, live_server.url, assessor.email, TEST_PASSWORD)
    page.get_by_role("link", name="Assess applications").click()
    assert_accessible(page)
    page.get_by_role("link", name="Sefton Mentors").click()
    page.get_by_role("button", name="Take this application").click()
    assert "You are assessing Sefton Mentors" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Review 1.1 Clear aims").click()
    assert_accessible(page)
    page.get_by_label("Ask for more").check()
    page.get_by_role("button", name="Save your review").click()
    assert "Say what more the organisation needs to show" in page.content()
    assert_accessible(page)
    page.get_by_label("Accept: the evidence shows the requirement is met").check()
    # No evidence is added to this requirement, so accepting it needs the reason written.
    page.get_by_label("Comment").fill("The aims were shown to us at the visit.")
    page.get_by_role("button", name="Save your review").click()
    accept_all(application)

    page.get_by_role("button", name="Record a visit").click()
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Who was interviewed").fill("The coordinator and two mentors")
    assert_accessible(page)
    page.get_by_role("button", name="Save the visit").click()

    page.get_by_role("button", name="Make a decision").click()
    assert_accessible(page)
    page.get_by_label("Awarded: the organisation meets the standard").check()
    page.get_by_role("button", name="Save the decision").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Award the standard to")
    assert_accessible(page)
    page.get_by_role("button", name="Yes, award the standard").click()
    assert "is awarded the standard until" in page.content()
    assert Award.objects.filter(application=application).exists()


@pytest.mark.parametrize("javascript", [False, True])
def test_the_public_check_the_register_and_a_certificate(live_server, browser, javascript):
    award = AwardFactory(organisation=OrganisationFactory(name="Tyne Mentors"))
    context = browser.new_context() if javascript else no_javascript_context(browser)
    page = context.new_page()
    page.goto(f"{live_server.url}/accreditation/register/")
    assert page.get_by_role("link", name="Tyne Mentors").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="enter its verification code").click()
    page.get_by_label("Verification code").fill("not a code")
    page.get_by_role("button", name="Check").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Verification code").fill(award.verification_code.lower())
    page.get_by_role("button", name="Check").click()
    assert page.get_by_role("heading", level=1).inner_text() == "This certificate is valid"
    assert_accessible(page)
    page.goto(f"{live_server.url}/accreditation/standard/")
    assert_accessible(page)
    context.close()


def test_every_other_accreditation_page_is_accessible(live_server, browser, org_admin, assessor):
    from accounts.constants import PlatformRole
    from tests.factories import UserFactory
    from tests.factories_accreditation import SupportRequestFactory

    organisation = org_admin.memberships.get().organisation
    award = AwardFactory(
        organisation=organisation, awarded_on=timezone.localdate() - timedelta(days=1000)
    )
    SupportRequestFactory(organisation=organisation)
    commissioner = with_mfa(UserFactory(platform_role=PlatformRole.COMMISSIONER))

    def signed_in(user):
        context = browser.new_context()
        page = context.new_page()
        sign_in_through_the_forms(page, live_server.url, user.email, TEST_PASSWORD)
        return page

    page = signed_in(org_admin)
    for path in ("/organisation/accreditation/", "/organisation/accreditation/support/"):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
    page.goto(f"{live_server.url}/organisation/accreditation/")
    page.get_by_role("button", name="Start re-accreditation").click()
    page.get_by_role("link", name="Changes since your award").click()
    page.get_by_role("button", name="Save").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)

    page = signed_in(assessor)
    for path in (
        "/assessment/support/",
        "/assessment/awards/",
        f"/assessment/applications/{award.application_id}/",
        f"/assessment/applications/{award.application_id}/withdraw/",
        "/accreditation/verify/APS-3333-4444/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)

    page = signed_in(commissioner)
    page.get_by_role("link", name="Approved providers", exact=True).click()
    assert page.get_by_role("link", name=organisation.name).is_visible()
    assert_accessible(page)
