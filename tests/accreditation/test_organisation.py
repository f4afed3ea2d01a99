"""The organisation's side through HTTP: start, self-assess, evidence, send; bad input, roles,
timeline and audit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from accreditation.constants import ApplicationKind, ApplicationStatus, EventKind, SelfAssessment
from accreditation.models import Application, EvidenceFile, EvidenceSummary, SupportRequest
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import MembershipFactory, png_bytes
from tests.factories_accreditation import (
    AccreditationApplicationFactory,
    AwardFactory,
    answer_all,
    sent_application,
)
from tests.files import jpeg_bytes

from .conftest import office_bytes, pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(organisation, org_admin):
    return AccreditationApplicationFactory(organisation=organisation, started_by=org_admin)


def url(name, application, *args):
    return reverse(f"accreditation:{name}", args=[application.pk, *args])


def answer(client, application, code, **data):
    fields = {"self_assessment": "met", "narrative": "We do it.", "action_plan": "", **data}
    return client.post(url("requirement", application, code), fields)


def events(application, kind):
    return application.events.filter(kind=kind).count()


# --- Starting --------------------------------------------------------------------------------


def test_overview_offers_to_start(admin_client):
    response = admin_client.get(reverse("accreditation:overview"))
    assert response.status_code == 200
    assert "Start an application" in response.text


def test_starting_twice_makes_one_application(admin_client, organisation):
    first = admin_client.post(reverse("accreditation:start"))
    second = admin_client.post(reverse("accreditation:start"))
    application = Application.objects.get(organisation=organisation)
    assert first.url == second.url == url("application", application)
    assert application.responses.count() == 10
    assert events(application, EventKind.STARTED) == 1
    assert AuditEvent.objects.filter(
        object_type="accreditation.application", details__step="started"
    ).exists()


def test_an_accredited_organisation_cannot_start_a_first_application(admin_client, organisation):
    AwardFactory(organisation=organisation)
    response = admin_client.post(reverse("accreditation:start"), follow=True)
    assert "Start re-accreditation instead" in response.text
    assert not Application.objects.filter(organisation=organisation, status="draft").exists()


@pytest.mark.parametrize("role", [MembershipRole.COORDINATOR, MembershipRole.MENTOR])
def test_coordinators_and_mentors_cannot_use_the_organisation_pages(client, organisation, role):
    application = AccreditationApplicationFactory(organisation=organisation)
    sign_in(client, MembershipFactory(organisation=organisation, role=role).user)
    assert client.get(reverse("accreditation:overview")).status_code == 403
    assert client.get(url("application", application)).status_code == 403
    assert client.post(reverse("accreditation:start")).status_code == 403


def test_assessors_and_commissioners_cannot_use_the_organisation_pages(
    client, assessor, commissioner, application
):
    for user in (assessor, commissioner):
        sign_in(client, user)
        assert client.get(url("application", application)).status_code == 403


def test_another_organisations_application_is_not_found(admin_client):
    theirs = AccreditationApplicationFactory()
    assert admin_client.get(url("application", theirs)).status_code == 404
    assert admin_client.get(url("requirement", theirs, "aims")).status_code == 404
    assert answer(admin_client, theirs, "aims").status_code == 404
    assert not theirs.responses.exclude(self_assessment="").exists()


def test_a_forged_application_id_is_not_found(admin_client):
    assert (
        admin_client.get("/organisation/accreditation/applications/not-a-uuid/").status_code == 404
    )
    assert (
        admin_client.post(
            reverse("accreditation:submit", args=["0b9c4a3e-0000-4000-8000-000000000000"])
        ).status_code
        == 404
    )


# --- Self-assessment -------------------------------------------------------------------------


def test_task_list_shows_every_requirement(admin_client, application):
    response = admin_client.get(url("application", application))
    assert response.status_code == 200
    assert "You have completed 0 of 10 requirements" in response.text
    assert "3.1 Safe and effective recruitment and selection" in response.text


def test_saving_a_self_assessment(admin_client, application):
    response = answer(admin_client, application, "aims", narrative="Our aims are written down.")
    assert response.status_code == 302
    saved = application.responses.get(requirement__code="aims")
    assert saved.self_assessment == SelfAssessment.MET
    assert saved.narrative == "Our aims are written down."
    assert events(application, EventKind.ANSWERED) == 1
    assert AuditEvent.objects.filter(
        object_type="accreditation.requirementresponse", object_id=str(saved.pk)
    ).exists()


def test_partly_met_needs_an_action_plan(admin_client, application):
    response = answer(admin_client, application, "safety", self_assessment="partly_met")
    assert response.status_code == 400
    assert "Write an action plan for what is not yet met" in response.text
    assert "govuk-error-summary" in response.text
    assert not application.responses.get(requirement__code="safety").self_assessment


def test_blank_and_tampered_answers_are_refused(admin_client, application):
    response = answer(admin_client, application, "aims", self_assessment="", narrative="")
    assert response.status_code == 400
    assert "Select whether the requirement is met" in response.text
    assert "Describe how your organisation meets the requirement" in response.text
    response = answer(admin_client, application, "aims", self_assessment="excellent")
    assert response.status_code == 400
    assert admin_client.get(url("requirement", application, "no-such-thing")).status_code == 404


# --- Evidence --------------------------------------------------------------------------------


def add_evidence(client, application, name, content, title="Our policy"):
    return client.post(
        url("evidence_add", application, "safety"),
        {"title": title, "upload": upload(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("policy.pdf", pdf_bytes(), "pdf"),
        ("policy.docx", office_bytes("docx"), "docx"),
        ("budget.xlsx", office_bytes("xlsx"), "xlsx"),
        ("photo.png", png_bytes(), "png"),
        ("photo.jpeg", jpeg_bytes(), "jpg"),
    ],
)
def test_evidence_of_each_accepted_kind_is_stored_privately(
    admin_client, application, settings, name, content, extension
):
    response = add_evidence(admin_client, application, name, content)
    assert response.status_code == 302
    evidence = EvidenceFile.objects.get(application=application)
    assert evidence.extension == extension
    assert name not in evidence.file.name  # stored under a random name
    assert str(settings.MEDIA_ROOT) in evidence.file.path
    assert events(application, EventKind.EVIDENCE_ADDED) == 1


def test_the_same_file_sent_twice_is_kept_once(admin_client, application):
    add_evidence(admin_client, application, "policy.pdf", pdf_bytes())
    add_evidence(admin_client, application, "policy.pdf", pdf_bytes())
    assert EvidenceFile.objects.filter(application=application).count() == 1
    assert "1 piece of evidence" in admin_client.get(url("application", application)).text


def test_an_executable_renamed_to_pdf_is_refused(admin_client, application):
    response = add_evidence(admin_client, application, "policy.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    assert response.status_code == 400
    assert "The file must be a PDF, Word document (DOCX)" in response.text
    assert not EvidenceFile.objects.exists()


def test_a_50_mb_file_is_refused(admin_client, application):
    big = pdf_bytes() + b"\x00" * (50 * 1024 * 1024)
    response = add_evidence(admin_client, application, "big.pdf", big)
    assert response.status_code == 400
    assert "The file must be 10 MB or smaller" in response.text
    assert not EvidenceFile.objects.exists()


def test_an_upload_without_a_file_or_title_is_refused(admin_client, application):
    response = admin_client.post(url("evidence_add", application, "safety"), {"title": ""})
    assert response.status_code == 400
    assert "Choose a file to upload" in response.text
    assert "Enter what the document is" in response.text


def test_evidence_is_served_only_through_the_checked_view(admin_client, application, client):
    add_evidence(admin_client, application, "policy.pdf", pdf_bytes())
    evidence = EvidenceFile.objects.get()
    download = reverse("accreditation:evidence_download", args=[evidence.pk])
    response = admin_client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(
        action="viewed", object_type="accreditation.evidencefile", object_id=str(evidence.pk)
    ).exists()
    sign_in(client, MembershipFactory(role=MembershipRole.ORG_ADMIN).user)
    assert client.get(download).status_code == 404


def test_removing_evidence(admin_client, application):
    add_evidence(admin_client, application, "policy.pdf", pdf_bytes())
    evidence = EvidenceFile.objects.get()
    response = admin_client.post(reverse("accreditation:evidence_remove", args=[evidence.pk]))
    assert response.status_code == 302
    assert not EvidenceFile.objects.exists()
    assert events(application, EventKind.EVIDENCE_REMOVED) == 1


def test_attaching_a_summary_of_open_gate_records(admin_client, application):
    page = admin_client.get(url("requirement", application, "support-supervision"))
    assert "Attach ‘Supervision records’" in page.text
    admin_client.post(
        url("summary_attach", application, "support-supervision"), {"kind": "supervision"}
    )
    admin_client.post(
        url("summary_attach", application, "support-supervision"), {"kind": "supervision"}
    )
    summary = EvidenceSummary.objects.get(application=application)
    assert summary.generated_on == timezone.localdate()
    assert "Active mentors: 0" in summary.text
    # A summary that does not belong to the requirement is refused.
    response = admin_client.post(
        url("summary_attach", application, "aims"), {"kind": "supervision"}, follow=True
    )
    assert "There is no summary of that kind for this requirement" in response.text
    assert EvidenceSummary.objects.count() == 1


# --- Sending ---------------------------------------------------------------------------------


def test_a_submission_with_requirements_left_blank_is_refused(admin_client, application):
    answer(admin_client, application, "aims")
    response = admin_client.post(url("submit", application))
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "1.2 Appropriate resources: say whether it is met, partly met or not yet met" in (
        response.text
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert events(application, EventKind.SUBMITTED) == 0


def test_sending_a_complete_application(admin_client, application):
    answer_all(application)
    check = admin_client.get(url("submit", application))
    assert "Check your application before sending it" in check.text
    response = admin_client.post(url("submit", application))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.sent_at is not None
    # Sending again changes nothing.
    again = admin_client.post(url("submit", application), follow=True)
    assert "This application has already been sent" in again.text
    assert events(application, EventKind.SUBMITTED) == 1
    # It cannot be changed while it is with the assessors.
    response = answer(admin_client, application, "aims", narrative="Changed")
    assert response.status_code == 302
    assert application.responses.get(requirement__code="aims").narrative != "Changed"
    assert add_evidence(admin_client, application, "p.pdf", pdf_bytes()).status_code == 302
    assert not EvidenceFile.objects.exists()


def test_an_application_must_be_sent_within_12_months(admin_client, application):
    answer_all(application)
    Application.objects.filter(pk=application.pk).update(
        started_at=timezone.now() - timedelta(days=370)
    )
    response = admin_client.post(url("submit", application))
    assert response.status_code == 400
    assert "Applications must be sent within 12 months" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert "can no longer be sent" in admin_client.get(url("application", application)).text
    # Starting again closes the old one and begins a new one.
    admin_client.post(reverse("accreditation:start"))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.LAPSED
    assert Application.objects.filter(status=ApplicationStatus.DRAFT).count() == 1


# --- Re-accreditation ------------------------------------------------------------------------


def test_re_accreditation_carries_answers_and_asks_what_changed(admin_client, organisation):
    award = AwardFactory(
        organisation=organisation, awarded_on=timezone.localdate() - timedelta(days=1000)
    )
    overview = admin_client.get(reverse("accreditation:overview"))
    assert "Start re-accreditation" in overview.text
    admin_client.post(reverse("accreditation:renew"))
    admin_client.post(reverse("accreditation:renew"))
    renewal = Application.objects.get(kind=ApplicationKind.RENEWAL)
    assert renewal.previous_award == award
    assert renewal.responses.filter(self_assessment="met").count() == 10
    response = admin_client.post(url("submit", renewal))
    assert "Describe what has changed since your award" in response.text
    response = admin_client.post(url("changes", renewal), {"changes_since_award": ""})
    assert response.status_code == 400
    admin_client.post(url("changes", renewal), {"changes_since_award": "A new coordinator."})
    assert admin_client.post(url("submit", renewal)).status_code == 302
    renewal.refresh_from_db()
    assert renewal.status == ApplicationStatus.SUBMITTED
    assert not renewal.needs_visit


def test_re_accreditation_opens_6_months_before_expiry(admin_client, organisation):
    AwardFactory(organisation=organisation)
    response = admin_client.post(reverse("accreditation:renew"), follow=True)
    assert "You can start re-accreditation from" in response.text
    assert not Application.objects.filter(kind=ApplicationKind.RENEWAL).exists()


# --- Support ---------------------------------------------------------------------------------


def test_asking_for_support(admin_client, organisation):
    response = admin_client.post(reverse("accreditation:support"), {"message": ""})
    assert response.status_code == 400
    assert "Say what you would like help with" in response.text
    message = {"message": "What does good supervision look like?"}
    admin_client.post(reverse("accreditation:support"), message)
    admin_client.post(reverse("accreditation:support"), message)
    assert SupportRequest.objects.filter(organisation=organisation).count() == 1
    assert "Waiting for a reply" in admin_client.get(reverse("accreditation:support")).text


def test_the_application_page_shows_the_assessors_requests(admin_client, organisation, assessor):
    application = sent_application(organisation=organisation)
    application.status = ApplicationStatus.MORE_INFORMATION
    application.assessor = assessor
    application.save()
    response = application.responses.get(requirement__code="safety")
    response.review_outcome = "more_needed"
    response.review_comment = "Send your lone-working policy."
    response.save()
    page = admin_client.get(url("application", application))
    assert "The assessor has asked for more on 1 requirement" in page.text
    assert "Send your lone-working policy." in page.text
    assert "Check and send" in page.text
