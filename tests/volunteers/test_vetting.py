"""The vetting pipeline: interview, references, DBS check and risk decision, training, and the
decision. Each step through HTTP, its bad input, what the applicant is told and what is audited."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts.models import AuditEvent
from providers.constants import MembershipRole
from providers.models import Membership
from tests.conftest import sign_in
from tests.factories import MembershipFactory, OrganisationFactory
from tests.factories_volunteering import (
    ApplicationFactory,
    DBSCheckFactory,
    InterviewFactory,
    SubmittedApplicationFactory,
    TrainingModuleFactory,
    VolunteerRoleFactory,
    complete_application,
    fully_vetted,
)
from tests.html import error_beside
from volunteers.constants import (
    ApplicationStatus,
    ApplicationUpdateKind,
    DBSLevel,
    DBSResult,
    MentorStatus,
    RiskDecision,
    VettingStage,
)
from volunteers.models import DBSCheck, Interview, MentorProfile, TrainingRecord
from volunteers.services import application_withdraw

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


@pytest.fixture
def staff_client(client, coordinator):
    return sign_in(client, coordinator)


@pytest.fixture
def role(organisation):
    return VolunteerRoleFactory(organisation=organisation, dbs_level=DBSLevel.ENHANCED)


@pytest.fixture
def application(role):
    return SubmittedApplicationFactory(role=role, full_name="Jo Bloggs")


def url(name, application, *args):
    return reverse(f"volunteers:{name}", args=[application.pk, *args])


def updates(application, kind):
    return application.updates.filter(kind=kind).count()


# --- The pipeline and an application ----------------------------------------------------------


def test_the_pipeline_lists_sent_applications_of_this_organisation_only(
    staff_client, role, django_assert_max_num_queries
):
    SubmittedApplicationFactory.create_batch(4, role=role)
    ApplicationFactory(role=role, full_name="Still a draft")
    SubmittedApplicationFactory(full_name="Someone elsewhere")
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("volunteers:vetting"))
    assert response.status_code == 200
    assert "4 applications" in response.text
    assert "Still a draft" not in response.text
    assert "Someone elsewhere" not in response.text


def test_the_pipeline_filters_by_stage_and_role(staff_client, role, organisation):
    other_role = VolunteerRoleFactory(organisation=organisation, title="Befriender")
    SubmittedApplicationFactory(role=role, full_name="At interview")
    SubmittedApplicationFactory(role=role, full_name="At DBS", stage=VettingStage.DBS)
    SubmittedApplicationFactory(role=other_role, full_name="Other role")
    SubmittedApplicationFactory(
        role=role, full_name="Approved already", stage=VettingStage.DECIDED, status="approved"
    )
    page = staff_client.get(reverse("volunteers:vetting"), {"stage": "dbs"}).text
    assert "At DBS" in page and "At interview" not in page
    page = staff_client.get(reverse("volunteers:vetting"), {"role": other_role.pk}).text
    assert "Other role" in page and "At DBS" not in page
    default = staff_client.get(reverse("volunteers:vetting")).text
    assert "Approved already" not in default
    decided = staff_client.get(reverse("volunteers:vetting"), {"stage": "decided"}).text
    assert "Approved already" in decided


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"stage": "on_the_moon"}, "Select a stage from the list"),
        ({"role": "00000000-0000-0000-0000-000000000000"}, "Select a role from the list"),
    ],
)
def test_a_forged_filter_is_explained(staff_client, query, message):
    another_organisations_role = VolunteerRoleFactory()
    response = staff_client.get(reverse("volunteers:vetting"), query)
    assert response.status_code == 400 and message in response.text
    response = staff_client.get(
        reverse("volunteers:vetting"), {"role": another_organisations_role.pk}
    )
    assert response.status_code == 400


def test_viewing_an_application_is_audited_and_keeps_the_disclosure_on_its_own_page(
    staff_client, application
):
    application.disclosure.has_record = True
    application.disclosure.details = "Theft, 2012"
    application.disclosure.save()
    page = staff_client.get(url("vetting_application", application)).text
    assert "Jo Bloggs" in page and "Referee 1" in page
    assert "Theft, 2012" not in page
    assert AuditEvent.objects.filter(
        action="viewed", object_id=str(application.pk), organisation=application.organisation
    ).exists()
    disclosure_page = staff_client.get(url("vetting_disclosure", application)).text
    assert "Theft, 2012" in disclosure_page
    assert AuditEvent.objects.filter(
        action="viewed", object_type="volunteers.criminalrecorddisclosure"
    ).exists()


def test_a_draft_is_not_visible_to_staff(staff_client, role):
    draft = ApplicationFactory(role=role)
    assert staff_client.get(url("vetting_application", draft)).status_code == 404
    assert staff_client.get(url("vetting_disclosure", draft)).status_code == 404


def test_a_draft_withdrawn_before_it_was_sent_stays_private(staff_client, role):
    draft = complete_application(ApplicationFactory(role=role, full_name="Never Sent"))
    draft.disclosure.has_record = True
    draft.disclosure.details = "Burglary, 2001"
    draft.disclosure.save()
    application_withdraw(actor=draft.applicant, application=draft)
    withdrawn_after_sending = SubmittedApplicationFactory(role=role, full_name="Sent Then Left")
    application_withdraw(
        actor=withdrawn_after_sending.applicant, application=withdrawn_after_sending
    )

    page = staff_client.get(reverse("volunteers:vetting"), {"stage": "decided"}).text
    assert "Never Sent" not in page and "Sent Then Left" in page
    assert "Never Sent" not in staff_client.get(reverse("volunteers:vetting")).text
    assert staff_client.get(url("vetting_application", draft)).status_code == 404
    assert staff_client.get(url("vetting_disclosure", draft)).status_code == 404
    referee = draft.references.first()
    assert staff_client.get(url("vetting_reference", draft, referee.pk)).status_code == 404


# --- Interview ---------------------------------------------------------------------------------


def test_arranging_an_interview_tells_the_applicant(
    staff_client, application, mailoutbox, django_capture_on_commit_callbacks
):
    day = TODAY() + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("vetting_interview", application),
            {**date_fields("interview_date", day), "arrangements": "2pm at 12 Dale Street"},
        )
    assert response.url == url("vetting_application", application)
    interview = Interview.objects.get()
    assert interview.interview_date == day and interview.outcome == ""
    assert len(mailoutbox) == 1
    assert "2pm at 12 Dale Street" in mailoutbox[0].body
    assert updates(application, ApplicationUpdateKind.INTERVIEW_ARRANGED) == 1


def test_recording_a_good_interview_moves_the_application_on(staff_client, application):
    day = TODAY() - timedelta(days=1)
    data = {**date_fields("interview_date", day), "outcome": "suitable", "notes": "Warm."}
    staff_client.post(url("vetting_interview", application), data)
    staff_client.post(url("vetting_interview", application), data)  # saved again: told once
    application.refresh_from_db()
    assert application.stage == VettingStage.REFERENCES
    assert Interview.objects.count() == 1
    assert updates(application, ApplicationUpdateKind.INTERVIEW_PASSED) == 1


def test_after_a_missed_interview_another_is_arranged(staff_client, application):
    InterviewFactory(application=application, outcome="did_not_attend")
    day = TODAY() + timedelta(days=3)
    staff_client.post(url("vetting_interview", application), date_fields("interview_date", day))
    assert Interview.objects.filter(application=application).count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Enter the interview date"),
        (
            {"interview_date_0": "31", "interview_date_1": "2", "interview_date_2": "2026"},
            "The interview date must be a real date",
        ),
        (
            {**date_fields("interview_date", TODAY() + timedelta(days=2)), "outcome": "suitable"},
            "You can record the outcome once the interview has happened",
        ),
        (
            date_fields("interview_date", TODAY() - timedelta(days=60)),
            "must be on or after the day the application was sent",
        ),
        (
            date_fields("interview_date", TODAY() + timedelta(days=400)),
            "must be within the next year",
        ),
        (
            {**date_fields("interview_date", TODAY()), "outcome": "brilliant"},
            "Select an outcome from the list",
        ),
    ],
)
def test_interview_dates_that_make_no_sense_are_refused(staff_client, application, data, message):
    response = staff_client.post(url("vetting_interview", application), data)
    assert response.status_code == 400
    assert message in response.text
    assert not Interview.objects.exists()


# --- References --------------------------------------------------------------------------------


def test_recording_both_references_tells_the_applicant_once(staff_client, application):
    asked, back = TODAY() - timedelta(days=10), TODAY() - timedelta(days=2)
    for referee in application.references.all():
        response = staff_client.post(
            url("vetting_reference", application, referee.pk),
            {
                **date_fields("requested_on", asked),
                **date_fields("received_on", back),
                "satisfactory": "True",
            },
        )
        assert response.status_code == 302
    referee = application.references.first()
    referee.refresh_from_db()
    assert referee.received_on == back and referee.satisfactory and referee.recorded_by
    assert updates(application, ApplicationUpdateKind.REFERENCES_RECEIVED) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                **date_fields("requested_on", TODAY() - timedelta(days=3)),
                **date_fields("received_on", TODAY() - timedelta(days=5)),
                "satisfactory": "True",
            },
            "The date received must be the same as or after the date asked",
        ),
        (
            date_fields("requested_on", TODAY() + timedelta(days=1)),
            "The date you asked must be today or in the past",
        ),
        (
            {**date_fields("requested_on", TODAY()), **date_fields("received_on", TODAY())},
            "Say whether the reference is satisfactory",
        ),
        (
            {**date_fields("received_on", TODAY()), "satisfactory": "True"},
            "Enter the date you asked for the reference",
        ),
        (
            date_fields("requested_on", TODAY() - timedelta(days=90)),
            "must be on or after the day the application was sent",
        ),
    ],
)
def test_reference_dates_that_make_no_sense_are_refused(staff_client, application, data, message):
    referee = application.references.first()
    response = staff_client.post(url("vetting_reference", application, referee.pk), data)
    assert response.status_code == 400
    assert message in response.text
    referee.refresh_from_db()
    assert referee.requested_on is None and referee.received_on is None


def test_a_reference_of_another_application_is_not_found(staff_client, application, role):
    other = SubmittedApplicationFactory(role=role)
    referee = other.references.first()
    response = staff_client.get(url("vetting_reference", application, referee.pk))
    assert response.status_code == 404


# --- DBS ---------------------------------------------------------------------------------------

DBS_FORM = {
    "level": "enhanced",
    "certificate_number": "0012 3456 7890",
    "result": "clear",
    "update_service": "True",
}


def dbs_form(**overrides):
    return {**DBS_FORM, **date_fields("issue_date", TODAY() - timedelta(days=3)), **overrides}


def test_a_clear_dbs_check_is_current_for_three_years(staff_client, application):
    response = staff_client.post(url("vetting_dbs", application), dbs_form())
    assert response.url == url("vetting_application", application)
    check = DBSCheck.objects.get()
    assert check.certificate_number == "001234567890"
    assert check.renew_by == (TODAY() - timedelta(days=3)).replace(year=TODAY().year + 3)
    assert check.is_current()
    assert updates(application, ApplicationUpdateKind.DBS_CLEARED) == 1


def test_a_disclosure_needs_a_named_persons_decision(
    staff_client, application, coordinator, organisation
):
    response = staff_client.post(url("vetting_dbs", application), dbs_form(result="disclosed"))
    check = DBSCheck.objects.get()
    assert response.url == url("vetting_risk_decision", application, check.pk)
    assert not check.is_current()
    assert updates(application, ApplicationUpdateKind.DBS_CLEARED) == 0
    decision_url = url("vetting_risk_decision", application, check.pk)
    outsider = MembershipFactory(role=MembershipRole.ORG_ADMIN).user  # another organisation
    mentor = MembershipFactory(organisation=organisation, role=MembershipRole.MENTOR).user
    for forged in (outsider, mentor):
        response = staff_client.post(
            decision_url,
            {
                "decision": "proceed",
                "decided_by": forged.pk,
                **date_fields("decided_on", TODAY()),
                "reason": "Old and unrelated.",
            },
        )
        assert response.status_code == 400
        assert "Choose a member of your staff from the list" in response.text
    response = staff_client.post(
        decision_url,
        {
            "decision": "proceed",
            "decided_by": coordinator.pk,
            **date_fields("decided_on", TODAY()),
            "reason": "A single conviction 15 years ago, unrelated to the role.",
        },
    )
    assert response.url == url("vetting_disclosure", application)
    check.refresh_from_db()
    assert check.risk_decision == RiskDecision.PROCEED
    assert check.risk_decided_by == coordinator
    assert check.is_current()
    assert updates(application, ApplicationUpdateKind.DBS_CLEARED) == 1
    page = staff_client.get(url("vetting_disclosure", application)).text
    assert "unrelated to the role" in page and escape(coordinator.display_name) in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"certificate_number": "12345"}, "Enter the certificate number as 12 digits"),
        ({"level": "basic"}, "This role needs a check at Enhanced level or higher"),
        (
            date_fields("issue_date", TODAY() + timedelta(days=1)),
            "The issue date must be today or in the past",
        ),
        (
            date_fields("renew_by", TODAY() - timedelta(days=30)),
            "The renewal date must be after the issue date",
        ),
        ({"result": ""}, "Select what the certificate shows"),
        ({"level": "platinum"}, "Select an answer from the list"),
    ],
)
def test_bad_dbs_input_is_explained(staff_client, application, overrides, message):
    response = staff_client.post(url("vetting_dbs", application), dbs_form(**overrides))
    assert response.status_code == 400
    assert message in response.text
    assert not DBSCheck.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"reason": ""}, "Give the reasons for the decision"),
        (
            date_fields("decided_on", TODAY() + timedelta(days=1)),
            "The date of the decision must be today or in the past",
        ),
        (
            date_fields("decided_on", TODAY() - timedelta(days=400)),
            "on or after the certificate&#x27;s issue date",
        ),
        ({"decision": ""}, "Select whether it is safe for them to mentor"),
    ],
)
def test_bad_risk_decisions_are_explained(
    staff_client, application, coordinator, overrides, message
):
    check = DBSCheckFactory(application=application, result=DBSResult.DISCLOSED)
    data = {
        "decision": "proceed",
        "decided_by": coordinator.pk,
        **date_fields("decided_on", TODAY()),
        "reason": "Weighed up.",
        **overrides,
    }
    response = staff_client.post(url("vetting_risk_decision", application, check.pk), data)
    assert response.status_code == 400
    assert message in response.text
    check.refresh_from_db()
    assert check.risk_decision == ""


# --- Training ----------------------------------------------------------------------------------


def test_training_expiry_comes_from_the_module(staff_client, application, organisation):
    module = TrainingModuleFactory(organisation=organisation, valid_for_months=12)
    day = TODAY() - timedelta(days=1)
    response = staff_client.post(
        url("vetting_training", application),
        {"module": module.pk, **date_fields("completed_on", day)},
    )
    assert response.status_code == 302
    record = TrainingRecord.objects.get()
    assert record.expires_on == day.replace(year=day.year + 1)
    assert updates(application, ApplicationUpdateKind.TRAINING_COMPLETE) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"module": "forged"}, "Choose a training module from the list"),
        ({"module": "other"}, "Choose a training module from the list"),
        ({"module": "retired"}, "Choose a training module from the list"),
        (
            {**date_fields("completed_on", TODAY() + timedelta(days=2))},
            "The date completed must be today or in the past",
        ),
        (
            {**date_fields("expires_on", TODAY() - timedelta(days=9))},
            "The expiry date must be after the date completed",
        ),
    ],
)
def test_bad_training_input_is_explained(staff_client, application, organisation, data, message):
    modules = {
        "forged": "00000000-0000-0000-0000-000000000000",
        "other": TrainingModuleFactory().pk,  # another organisation's
        "retired": TrainingModuleFactory(organisation=organisation, is_active=False).pk,
    }
    own = TrainingModuleFactory(organisation=organisation)
    form = {"module": own.pk, **date_fields("completed_on", TODAY() - timedelta(days=3)), **data}
    form["module"] = modules.get(form["module"], form["module"])
    response = staff_client.post(url("vetting_training", application), form)
    assert response.status_code == 400
    assert message in response.text
    assert not TrainingRecord.objects.exists()


# --- Decision ----------------------------------------------------------------------------------


def test_approval_waits_for_every_check(staff_client, application, organisation):
    TrainingModuleFactory(organisation=organisation, name="Safeguarding")
    page = staff_client.get(url("vetting_decision", application)).text
    assert "You cannot approve them yet" in page
    response = staff_client.post(
        url("vetting_decision", application), {"decision": "approve", "capacity": "2"}
    )
    assert response.status_code == 400
    for text in (
        "Record an interview",
        "two satisfactory references",
        "current DBS check",
        "Safeguarding",
    ):
        assert text in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not MentorProfile.objects.exists()


def test_approval_makes_a_mentor_with_a_profile_and_tells_them(
    staff_client, application, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    TrainingModuleFactory(organisation=organisation, name="Safeguarding")
    fully_vetted(application)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            url("vetting_decision", application), {"decision": "approve", "capacity": "3"}
        )
    mentor = MentorProfile.objects.get()
    assert response.url == reverse("volunteers:mentor", args=[mentor.pk])
    assert mentor.user == application.applicant and mentor.organisation == organisation
    assert mentor.capacity == 3 and mentor.status == MentorStatus.ACTIVE
    assert mentor.availability == application.availability
    assert list(mentor.local_authorities.all()) == list(application.local_authorities.all())
    assert MentorProfile.objects.matchable().filter(pk=mentor.pk).exists()
    membership = Membership.objects.active().get(user=application.applicant)
    assert membership.role == MembershipRole.MENTOR and membership.organisation == organisation
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.stage == VettingStage.DECIDED
    assert [m.to for m in mailoutbox] == [[application.applicant.email]]
    assert "approved as a mentor" in mailoutbox[0].body
    # Posting the decision again changes nothing.
    response = staff_client.post(
        url("vetting_decision", application),
        {"decision": "reject", "reason": "Oops"},
        follow=True,
    )
    assert "already been decided" in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED


def test_approving_someone_who_left_brings_back_their_membership_and_record(
    staff_client, organisation, role
):
    first = fully_vetted(SubmittedApplicationFactory(role=role))
    staff_client.post(url("vetting_decision", first), {"decision": "approve", "capacity": "1"})
    mentor = MentorProfile.objects.get()
    staff_client.post(
        reverse("volunteers:mentor_status", args=[mentor.pk]), {"status": "left", "reason": "Moved"}
    )
    assert not Membership.objects.active().filter(user=first.applicant).exists()
    again = fully_vetted(
        SubmittedApplicationFactory(
            role=VolunteerRoleFactory(organisation=organisation), applicant=first.applicant
        )
    )
    staff_client.post(url("vetting_decision", again), {"decision": "approve", "capacity": "2"})
    mentor.refresh_from_db()
    assert mentor.status == MentorStatus.ACTIVE and mentor.application == again
    assert MentorProfile.objects.count() == 1
    assert Membership.objects.filter(user=first.applicant).count() == 1
    assert Membership.objects.active().filter(user=first.applicant, role="mentor").exists()


def test_rejection_needs_a_reason_which_the_applicant_is_told(
    staff_client, application, mailoutbox, django_capture_on_commit_callbacks
):
    response = staff_client.post(url("vetting_decision", application), {"decision": "reject"})
    assert response.status_code == 400
    assert "Give the reason, so the applicant knows why" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            url("vetting_decision", application),
            {"decision": "reject", "reason": "We need mentors who can meet on weekdays."},
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REJECTED
    assert "weekdays" in mailoutbox[0].body
    assert not Membership.objects.filter(user=application.applicant).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select whether to approve the applicant"),
        ({"decision": "approve"}, "Enter how many mentees they can have at once"),
        ({"decision": "approve", "capacity": "0"}, "Enter a number of mentees from 1 to 10"),
        ({"decision": "approve", "capacity": "two"}, "as a whole number"),
    ],
)
def test_bad_decisions_are_explained(staff_client, application, data, message):
    fully_vetted(application)
    response = staff_client.post(url("vetting_decision", application), data)
    assert response.status_code == 400
    assert message in response.text
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_an_existing_team_member_keeps_their_role_when_approved(staff_client, organisation, role):
    coordinator_too = MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR)
    application = fully_vetted(
        SubmittedApplicationFactory(role=role, applicant=coordinator_too.user)
    )
    staff_client.post(
        url("vetting_decision", application), {"decision": "approve", "capacity": "1"}
    )
    assert Membership.objects.filter(user=coordinator_too.user).get().role == "coordinator"
    assert MentorProfile.objects.filter(user=coordinator_too.user).exists()


def test_staff_of_another_organisation_cannot_reach_the_application(client, application):
    outsider = MembershipFactory(
        organisation=OrganisationFactory(), role=MembershipRole.COORDINATOR
    ).user
    sign_in(client, outsider)
    for name in ("vetting_application", "vetting_disclosure", "vetting_decision"):
        assert client.get(url(name, application)).status_code == 404


# --- Double submissions ------------------------------------------------------------------------


def test_sending_the_same_dbs_training_or_supervision_form_twice_records_it_once(
    staff_client, application, organisation, coordinator
):
    staff_client.post(url("vetting_dbs", application), dbs_form())
    staff_client.post(url("vetting_dbs", application), dbs_form())
    assert DBSCheck.objects.count() == 1
    module = TrainingModuleFactory(organisation=organisation)
    training = {"module": module.pk, **date_fields("completed_on", TODAY())}
    staff_client.post(url("vetting_training", application), training)
    staff_client.post(url("vetting_training", application), training)
    assert TrainingRecord.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="volunteers.trainingrecord").count() == 1
    for _ in range(2):
        InterviewFactory(application=application)
    application.references.update(requested_on=TODAY(), received_on=TODAY(), satisfactory=True)
    staff_client.post(
        url("vetting_decision", application), {"decision": "approve", "capacity": "1"}
    )
    mentor = MentorProfile.objects.get()
    session = {
        **date_fields("held_on", TODAY()),
        "supervisor": coordinator.pk,
        "notes": "Fine.",
    }
    for _ in range(2):
        staff_client.post(reverse("volunteers:supervision_create", args=[mentor.pk]), session)
    assert mentor.supervision_sessions.count() == 1


# --- What each step says once saved -----------------------------------------------------------


def _banner(response) -> str:
    banner = BeautifulSoup(response.text, "html.parser").select_one(
        ".govuk-notification-banner--success .govuk-notification-banner__heading"
    )
    return banner.get_text(strip=True) if banner else ""


def test_each_vetting_step_says_what_it_saved(staff_client, application, organisation):
    interview = staff_client.post(
        url("vetting_interview", application),
        {**date_fields("interview_date", TODAY()), "outcome": "suitable"},
        follow=True,
    )
    assert _banner(interview) == "The interview is saved."
    assert interview.redirect_chain == [(url("vetting_application", application), 302)]

    referee = application.references.first()
    reference = staff_client.post(
        url("vetting_reference", application, referee.pk),
        {**date_fields("requested_on", TODAY()), "satisfactory": "True"},
        follow=True,
    )
    assert _banner(reference) == f"The reference from {referee.name} is saved."

    module = TrainingModuleFactory(organisation=organisation, name="Safeguarding")
    training = staff_client.post(
        url("vetting_training", application),
        {"module": module.pk, **date_fields("completed_on", TODAY())},
        follow=True,
    )
    assert _banner(training) == "Safeguarding is recorded."


def test_a_risk_decision_says_it_is_recorded_and_a_refusal_is_shown_beside_its_field(
    staff_client, application, coordinator
):
    check = DBSCheckFactory(application=application, result=DBSResult.DISCLOSED)
    decision = {
        "decision": "proceed",
        "decided_by": coordinator.pk,
        **date_fields("decided_on", check.issue_date - timedelta(days=1)),
        "reason": "Weighed up.",
    }
    decision_url = url("vetting_risk_decision", application, check.pk)
    refused = staff_client.post(decision_url, decision)
    assert refused.status_code == 400
    assert "issue date" in error_beside(refused.text, "decided_on")
    recorded = staff_client.post(
        decision_url, {**decision, **date_fields("decided_on", TODAY())}, follow=True
    )
    assert _banner(recorded) == "The risk decision is recorded."
    assert recorded.redirect_chain == [(url("vetting_disclosure", application), 302)]


def test_a_decision_says_what_was_decided(staff_client, role):
    approved, rejected = (
        fully_vetted(SubmittedApplicationFactory(role=role, full_name=name))
        for name in ("Jo Bloggs", "Sam Smith")
    )
    response = staff_client.post(
        url("vetting_decision", approved), {"decision": "approve", "capacity": "2"}, follow=True
    )
    mentor = MentorProfile.objects.get(application=approved)
    assert response.redirect_chain == [(reverse("volunteers:mentor", args=[mentor.pk]), 302)]
    assert _banner(response) == "Jo Bloggs is approved as a mentor."
    response = staff_client.post(
        url("vetting_decision", rejected),
        {"decision": "reject", "reason": "No weekday evenings."},
        follow=True,
    )
    assert response.redirect_chain == [(url("vetting_application", rejected), 302)]
    assert _banner(response) == "Sam Smith is told they are not approved."
