"""The assessor's side through HTTP: the queue, taking, reviewing, asking for more, visiting,
deciding and withdrawing; the member-of-the-organisation refusal; MFA; timeline and audit."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent
from accreditation.constants import ApplicationStatus, EventKind, ReviewOutcome
from accreditation.models import Award, award_expiry
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory
from tests.factories_accreditation import (
    AccreditationApplicationFactory,
    AssessorFactory,
    AwardFactory,
    SupportRequestFactory,
    accept_all,
    sent_application,
    taken_application,
)
from tests.files import pdf_bytes

pytestmark = pytest.mark.django_db


def url(name, application, *args):
    return reverse(f"accreditation:{name}", args=[application.pk, *args])


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def events(application, kind):
    return application.events.filter(kind=kind).count()


def audited(application, step):
    return AuditEvent.objects.filter(
        organisation=application.organisation, details__step=step
    ).count()


# --- The queue ----


def test_the_queue_lists_sent_applications_never_drafts(
    assessor_client, django_assert_max_num_queries
):
    sent_application(organisation=OrganisationFactory(name="Waiting Trust"))
    AccreditationApplicationFactory(organisation=OrganisationFactory(name="Draft Trust"))
    with django_assert_max_num_queries(12) as few:
        response = assessor_client.get(reverse("accreditation:queue"))
    assert "Waiting Trust" in response.text
    assert "Draft Trust" not in response.text
    for _ in range(10):
        sent_application()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assessor_client.get(reverse("accreditation:queue"))


def test_applications_waiting_10_working_days_are_flagged(assessor_client):
    application = sent_application(organisation=OrganisationFactory(name="Slow Trust"))
    application.sent_at = timezone.now() - timedelta(days=20)
    application.save()
    assert "Waiting 10 working days" in assessor_client.get(reverse("accreditation:queue")).text


def test_assessors_must_pass_mfa(client, assessor):
    application = sent_application()
    sign_in(client, assessor, mfa=False)
    response = client.get(url("assess", application))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("role", ["commissioner", "platform_admin", ""])
def test_other_platform_roles_cannot_assess(client, role):
    from tests.factories import UserFactory

    application = sent_application()
    sign_in(client, UserFactory(platform_role=role, is_staff=role == "platform_admin"))
    assert client.get(reverse("accreditation:queue")).status_code == 403
    assert client.post(url("take", application)).status_code == 403
    application.refresh_from_db()
    assert application.assessor is None


@pytest.mark.parametrize(
    "role", [MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR, MembershipRole.MENTOR]
)
def test_org_staff_cannot_use_assessor_pages(client, organisation, role):
    application = sent_application(organisation=organisation)
    sign_in(client, MembershipFactory(organisation=organisation, role=role).user)
    assert client.get(url("assess", application)).status_code == 403
    assert client.get(reverse("accreditation:queue")).status_code == 403


def test_a_draft_or_forged_id_is_not_found(assessor_client):
    draft = AccreditationApplicationFactory()
    assert assessor_client.get(url("assess", draft)).status_code == 404
    assert assessor_client.post(url("take", draft)).status_code == 404
    assert assessor_client.get("/assessment/applications/12345/").status_code == 404
    draft.refresh_from_db()
    assert draft.assessor is None


# --- Taking and the conflict of interest ----


def test_taking_an_application(assessor_client, assessor):
    application = sent_application()
    response = assessor_client.post(url("take", application))
    assert response.status_code == 302
    assessor_client.post(url("take", application))  # a double click
    application.refresh_from_db()
    assert application.assessor == assessor
    assert application.status == ApplicationStatus.IN_ASSESSMENT
    assert events(application, EventKind.TAKEN) == 1
    assert audited(application, "taken") == 1


def test_another_assessor_cannot_take_it_once_taken(client):
    """Once taken, an application is out of other assessors' reach: not found, not listed."""
    first = AssessorFactory()
    application = taken_application(first)
    sign_in(client, AssessorFactory())
    assert client.post(url("take", application)).status_code == 404
    assert application.organisation.name not in client.get(reverse("accreditation:queue")).text
    application.refresh_from_db()
    assert application.assessor == first


@pytest.mark.parametrize(
    "role", [MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR, MembershipRole.MENTOR]
)
def test_an_assessor_who_is_a_member_cannot_assess_the_organisation(
    assessor_client, assessor, role
):
    application = sent_application()
    MembershipFactory(user=assessor, organisation=application.organisation, role=role)
    page = assessor_client.get(url("assess", application))
    assert "you cannot assess it" in page.text
    assert "Take this application" not in page.text
    response = assessor_client.post(url("take", application), follow=True)
    assert "You cannot assess" in response.text
    application.refresh_from_db()
    assert application.assessor is None
    assert events(application, EventKind.TAKEN) == 0


def test_a_former_member_cannot_assess_either(assessor_client, assessor):
    application = sent_application()
    membership = MembershipFactory(user=assessor, organisation=application.organisation)
    membership.removed_at = timezone.now()
    membership.save()
    assessor_client.post(url("take", application))
    application.refresh_from_db()
    assert application.assessor is None


def test_an_assessor_who_joins_the_organisation_later_cannot_decide(assessor_client, assessor):
    application = accept_all(taken_application(assessor))
    MembershipFactory(user=assessor, organisation=application.organisation)
    response = assessor_client.post(url("decide", application), {"decision": "awarded"})
    assert response.status_code == 400
    assert "You cannot assess" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_ASSESSMENT
    assert not Award.objects.exists()


# --- Reviewing and asking for more ----


def test_reviewing_a_requirement(assessor_client, assessor):
    application = taken_application(assessor)
    page = assessor_client.get(url("review", application, "safety"))
    assert "We do this every week and keep records." in page.text
    accepted = {"outcome": "accepted", "comment": "Saw the weekly records on the visit."}
    response = assessor_client.post(url("review", application, "safety"), accepted)
    assert response.status_code == 302
    assessor_client.post(url("review", application, "safety"), accepted)
    reviewed = application.responses.get(requirement__code="safety")
    assert reviewed.review_outcome == ReviewOutcome.ACCEPTED
    assert events(application, EventKind.ACCEPTED) == 1
    assert AuditEvent.objects.filter(action="reviewed", object_id=str(reviewed.pk)).exists()


def test_asking_for_more_needs_a_comment(assessor_client, assessor):
    application = taken_application(assessor)
    response = assessor_client.post(
        url("review", application, "safety"), {"outcome": "more_needed", "comment": ""}
    )
    assert response.status_code == 400
    assert "Say what more the organisation needs to show" in response.text
    assert not application.responses.get(requirement__code="safety").review_outcome


def test_only_the_assessor_who_took_it_reviews(client):
    application = taken_application(AssessorFactory())
    sign_in(client, AssessorFactory())
    response = client.post(url("review", application, "aims"), {"outcome": "accepted"})
    assert response.status_code == 404
    assert not application.responses.get(requirement__code="aims").review_outcome


def test_asking_for_more_returns_it_and_the_organisation_sends_it_back(
    assessor_client, assessor, client
):
    application = taken_application(assessor)
    assessor_client.post(
        url("review", application, "safety"),
        {"outcome": "more_needed", "comment": "Send your lone-working policy."},
    )
    assessor_client.post(url("return", application))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.MORE_INFORMATION

    admin = MembershipFactory(
        organisation=application.organisation, role=MembershipRole.ORG_ADMIN
    ).user
    sign_in(client, admin)
    client.post(
        reverse("accreditation:requirement", args=[application.pk, "safety"]),
        {"self_assessment": "met", "narrative": "Our lone-working policy is attached."},
    )
    client.post(reverse("accreditation:submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_ASSESSMENT
    safety = application.responses.get(requirement__code="safety")
    assert safety.review_outcome == ReviewOutcome.PENDING  # to be looked at again
    assert events(application, EventKind.RETURNED) == 1
    assert events(application, EventKind.RESUBMITTED) == 1


def test_returning_with_nothing_asked_is_refused(assessor_client, assessor):
    application = taken_application(assessor)
    response = assessor_client.post(url("return", application), follow=True)
    assert "Ask for more on at least one requirement" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.IN_ASSESSMENT


# --- Visits and decisions ----


def test_recording_a_visit(assessor_client, assessor):
    application = taken_application(assessor)
    today = timezone.localdate()
    data = {**date_fields("visited_on", today), "interviewed": "The coordinator and two mentors"}
    assert assessor_client.post(url("visit", application), data).status_code == 302
    assessor_client.post(url("visit", application), data)  # a double click
    assert application.visits.count() == 1
    assert events(application, EventKind.VISIT) == 1


def test_a_visit_in_the_future_or_without_names_is_refused(assessor_client, assessor):
    application = taken_application(assessor)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = assessor_client.post(
        url("visit", application), {**date_fields("visited_on", tomorrow), "interviewed": "Two"}
    )
    assert response.status_code == 400
    assert "The date of the visit must be today or in the past" in response.text
    response = assessor_client.post(url("visit", application), {"interviewed": ""})
    assert "Enter the date of the visit" in response.text
    assert "Enter who was interviewed" in response.text
    assert not application.visits.exists()


def test_awarding_needs_every_requirement_accepted_and_a_visit(assessor_client, assessor):
    application = taken_application(assessor)
    response = assessor_client.post(url("decide", application), {"decision": "awarded"})
    assert response.status_code == 400
    assert "1.1 Clear aims is not accepted yet" in response.text
    assert "Record the visit before making an award" in response.text
    assert not Award.objects.exists()


def test_awarding_the_standard(assessor_client, assessor):
    application = accept_all(taken_application(assessor))
    today = timezone.localdate()
    assessor_client.post(
        url("visit", application), {**date_fields("visited_on", today), "interviewed": "Staff"}
    )
    response = assessor_client.post(url("decide", application), {"decision": "awarded"})
    assert "Award the standard to" in response.text and not Award.objects.exists()
    response = assessor_client.post(
        url("decide", application), {"decision": "awarded", "confirmed": "yes"}
    )
    assert response.status_code == 302
    award = Award.objects.get(application=application)
    assert award.awarded_on == today
    assert award.expires_on == award_expiry(today)
    assert award.standard == application.standard
    assert award.verification_code.startswith("APS-")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWARDED
    assert events(application, EventKind.AWARDED) == 1
    assert AuditEvent.objects.filter(object_type="accreditation.award", action="created").exists()
    # Deciding again changes nothing.
    again = assessor_client.post(url("decide", application), {"decision": "awarded"})
    assert "is awarded, so it cannot be assessed now" in again.text
    assert Award.objects.count() == 1


def test_re_accreditation_is_a_desk_review(assessor_client, assessor):
    award = AwardFactory()
    renewal = accept_all(
        taken_application(
            assessor, organisation=award.organisation, kind="renewal", previous_award=award
        )
    )
    page = assessor_client.get(url("assess", renewal))
    assert "A desk review: no visit is needed" in page.text
    assert "Record a visit" not in page.text
    assessor_client.post(url("decide", renewal), {"decision": "awarded", "confirmed": "yes"})
    assert Award.objects.filter(application=renewal).exists()


def test_not_yet_needs_feedback_on_each_requirement_not_accepted(assessor_client, assessor):
    application = taken_application(assessor)
    application.responses.exclude(requirement__code="safety").update(
        review_outcome=ReviewOutcome.ACCEPTED
    )
    response = assessor_client.post(url("decide", application), {"decision": "not_yet"})
    assert response.status_code == 400
    assert "Give feedback on what the organisation needs to do to meet 1.3" in response.text
    response = assessor_client.post(
        url("decide", application),
        {
            "decision": "not_yet",
            "feedback_safety": "Write a lone-working policy.",
            "confirmed": "yes",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NOT_YET
    assert (
        application.responses.get(requirement__code="safety").decision_feedback
        == "Write a lone-working policy."
    )
    assert not Award.objects.exists()
    assert events(application, EventKind.NOT_YET) == 1


def test_the_organisation_sees_every_step_in_its_timeline(assessor_client, client):
    application = sent_application()
    assessor_client.post(url("take", application))
    assessor_client.post(
        url("review", application, "aims"), {"outcome": "more_needed", "comment": "Which plan?"}
    )
    admin = MembershipFactory(
        organisation=application.organisation, role=MembershipRole.ORG_ADMIN
    ).user
    sign_in(client, admin)
    page = client.get(reverse("accreditation:application", args=[application.pk]))
    assert "Assessor assigned" in page.text
    assert "More asked for" in page.text
    assert "Which plan?" in page.text


# --- Withdrawing ----


def test_withdrawing_an_award_needs_a_reason(assessor_client, assessor):
    award = AwardFactory(awarded_by=assessor)
    page = url("withdraw", award.application)
    response = assessor_client.post(page, {"reason": ""})
    assert response.status_code == 400
    assert "Give the reason for withdrawing the award" in response.text
    reason = {"reason": "Safeguarding concerns found on a spot check."}
    confirm = assessor_client.post(page, reason)
    assert "Withdraw the award to" in confirm.text
    award.refresh_from_db()
    assert not award.is_withdrawn
    assessor_client.post(page, {**reason, "confirmed": "yes"})
    award.refresh_from_db()
    assert award.is_withdrawn
    assert award.withdrawal_reason == "Safeguarding concerns found on a spot check."
    assert events(award.application, EventKind.WITHDRAWN) == 1
    again = assessor_client.post(page, {"reason": "Again"})
    assert "already withdrawn" in again.text
    assert events(award.application, EventKind.WITHDRAWN) == 1


def test_an_assessor_cannot_withdraw_their_own_organisations_award(assessor_client, assessor):
    award = AwardFactory(awarded_by=assessor)
    MembershipFactory(user=assessor, organisation=award.organisation)
    assessor_client.post(url("withdraw", award.application), {"reason": "Because"})
    award.refresh_from_db()
    assert not award.is_withdrawn


# --- Support requests and lists ----


def test_assessors_see_and_answer_support_requests(assessor_client, django_assert_max_num_queries):
    support = SupportRequestFactory(organisation=OrganisationFactory(name="Asking Trust"))
    with django_assert_max_num_queries(12) as few:
        page = assessor_client.get(reverse("accreditation:support_requests"))
    assert "Asking Trust" in page.text
    SupportRequestFactory.create_batch(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assessor_client.get(reverse("accreditation:support_requests"))
    response = assessor_client.post(
        reverse("accreditation:support_requests"), {"support_id": support.pk, "reply": ""}
    )
    assert response.status_code == 400
    assert "Write your reply" in response.text
    assessor_client.post(
        reverse("accreditation:support_requests"),
        {"support_id": support.pk, "reply": "Monthly is a good rhythm."},
    )
    support.refresh_from_db()
    assert support.reply == "Monthly is a good rhythm."
    forged = assessor_client.post(
        reverse("accreditation:support_requests"), {"support_id": "nonsense", "reply": "x"}
    )
    assert forged.status_code == 302


def test_the_awards_list(assessor_client, django_assert_max_num_queries):
    AwardFactory(organisation=OrganisationFactory(name="Awarded Trust"))
    with django_assert_max_num_queries(10) as few:
        page = assessor_client.get(reverse("accreditation:awards"))
    assert "Awarded Trust" in page.text
    AwardFactory.create_batch(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assessor_client.get(reverse("accreditation:awards"))


def test_assessors_open_evidence_and_it_is_audited(assessor_client, assessor):
    from .test_organisation import add_evidence

    application = sent_application()
    admin = MembershipFactory(
        organisation=application.organisation, role=MembershipRole.ORG_ADMIN
    ).user
    from django.test import Client

    admin_client = sign_in(Client(), admin)
    application.status = ApplicationStatus.DRAFT
    application.save()
    add_evidence(admin_client, application, "policy.pdf", pdf_bytes())
    evidence = application.evidence_files.get()
    download = reverse("accreditation:assessor_evidence", args=[evidence.pk])
    assert assessor_client.get(download).status_code == 404  # still a draft
    application.status = ApplicationStatus.SUBMITTED
    application.save()
    assert assessor_client.get(download).status_code == 200
    assert AuditEvent.objects.filter(
        action="viewed", object_id=str(evidence.pk), organisation=application.organisation
    ).exists()
    # An assessor who is a member of the organisation does not open its evidence this way.
    MembershipFactory(user=assessor, organisation=application.organisation)
    assert assessor_client.get(download).status_code == 403


def test_a_member_of_the_organisation_sees_none_of_its_self_assessment_as_an_assessor(
    assessor_client, assessor
):
    application = sent_application()
    application.responses.update(narrative="Our secret ways of working")
    response = application.responses.select_related("requirement").first()
    url = reverse("accreditation:review", args=[application.pk, response.requirement.code])
    assert "Our secret ways of working" in assessor_client.get(url).content.decode()
    MembershipFactory(user=assessor, organisation=application.organisation)
    body = assessor_client.get(url).content.decode()
    assert "Our secret ways of working" not in body
    assert "you cannot see its self-assessment or evidence" in body
