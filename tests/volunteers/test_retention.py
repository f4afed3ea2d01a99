"""Retention of volunteer applications: a draft never sent, a withdrawn application and one not
approved are erased 12 months after they ended, by a daily job that erases nothing twice; the
pages of an erased application show that it was, and nothing more can be done with it, except
applying to the role again."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditEvent, User
from config.celery import app as celery_app
from core.dates import add_months
from tests.concurrency import another_transaction
from tests.conftest import sign_in
from tests.factories_volunteering import (
    ApplicationFactory,
    DBSCheckFactory,
    InterviewFactory,
    MentorProfileFactory,
    SubmittedApplicationFactory,
    TrainingRecordFactory,
    VolunteerRoleFactory,
    complete_application,
)
from volunteers.constants import (
    ApplicationStatus,
    ApplicationUpdateKind,
    DBSResult,
    InterviewOutcome,
    RiskDecision,
)
from volunteers.models import (
    ApplicationUpdate,
    CriminalRecordDisclosure,
    DBSCheck,
    Interview,
    TrainingRecord,
    VolunteerApplication,
    VolunteerReference,
)
from volunteers.services import application_reject, application_save_step, application_withdraw
from volunteers.tasks import erase_expired_volunteer_applications
from volunteers.views.vetting import ERASED

pytestmark = pytest.mark.django_db


def months_ago(months: int):
    return add_months(timezone.now(), -months)


def erase():
    return erase_expired_volunteer_applications.delay().get()


@pytest.fixture
def staff_client(coordinator):
    return sign_in(Client(), coordinator)


def sent(role, applicant):
    application = SubmittedApplicationFactory(role=role, applicant=applicant)
    application.gender_description = "Two-spirit"
    application.lived_experience = ["prison", "addiction"]
    application.lived_experience_details = "Six years in HMP Walton"
    application.other_languages = "Shelta"
    application.experience = "Peer support at the Whitechapel Centre"
    application.save()
    application.disclosure.has_record = True
    application.disclosure.details = "Robbery, 2009"
    application.disclosure.save()
    return application


def rejected(role, applicant, coordinator, *, months: int):
    with time_machine.travel(months_ago(months)):
        application = sent(role, applicant)
        return application_reject(
            actor=coordinator, application=application, reason="Your offence was too recent."
        )


def withdrawn_after_sending(role, applicant, coordinator, *, months: int):
    with time_machine.travel(months_ago(months)):
        application = sent(role, applicant)
        return application_withdraw(actor=applicant, application=application)


def draft(role, applicant, coordinator, *, months: int):
    with time_machine.travel(months_ago(months)):
        return complete_application(
            ApplicationFactory(role=role, applicant=applicant, full_name="Sam Hughes")
        )


def withdrawn_draft(role, applicant, coordinator, *, months: int):
    with time_machine.travel(months_ago(months)):
        application = draft(role, applicant, coordinator, months=0)
        return application_withdraw(actor=applicant, application=application)


@pytest.fixture
def vetted_and_rejected(role, applicant, coordinator):
    """Not approved 13 months ago, after every check was recorded (and written about)."""
    with time_machine.travel(months_ago(13)):
        application = sent(role, applicant)
        application.references.update(phone="0151 496 0999", notes="Knew him at the hostel")
        InterviewFactory(
            application=application,
            arrangements="2pm at 12 Dale Street",
            notes="Talked about his sister's death",
            outcome=InterviewOutcome.SUITABLE,
        )
        DBSCheckFactory(application=application)
        DBSCheckFactory(
            application=application,
            result=DBSResult.DISCLOSED,
            risk_decision=RiskDecision.DO_NOT_PROCEED,
            risk_decided_by=coordinator,
            risk_decided_on=timezone.localdate(),
            risk_decision_reason="A conviction for violence last year",
        )
        TrainingRecordFactory(application=application, notes="Upset by the module on victims")
        ApplicationUpdate.objects.create(
            organisation=application.organisation,
            application=application,
            kind=ApplicationUpdateKind.INTERVIEW_ARRANGED,
            message="Your interview is at 2pm at 12 Dale Street.",
        )
        return application_reject(
            actor=coordinator, application=application, reason="Your offence was too recent."
        )


# --- What the daily job erases and keeps -------------------------------------------------------


def test_an_application_not_approved_is_erased_a_year_on_keeping_what_counts_need(
    vetted_and_rejected, applicant, organisation
):
    application = vetted_and_rejected
    decided_at = application.decided_at
    areas = list(application.local_authorities.values_list("pk", flat=True))
    pathways = list(application.pathways.values_list("pk", flat=True))

    assert erase() == 1

    application.refresh_from_db()
    assert application.erased_at is not None
    assert application.full_name == "" and application.date_of_birth is None
    assert application.phone == "" and application.postcode == ""
    assert application.gender_description == "" and application.lived_experience == []
    assert application.lived_experience_details == "" and application.experience == ""
    assert application.motivation == "" and application.other_languages == ""
    assert application.decision_reason == ""
    assert not CriminalRecordDisclosure.objects.exists()
    for referee in VolunteerReference.objects.all():
        assert (referee.name, referee.relationship, referee.email) == ("", "", "")
        assert (referee.phone, referee.notes) == ("", "")
    interview = Interview.objects.get()
    assert interview.notes == "" and interview.arrangements == ""
    assert interview.outcome == InterviewOutcome.SUITABLE
    checks = DBSCheck.objects.order_by("result")
    assert [check.certificate_number for check in checks] == ["", ""]
    assert checks[1].risk_decision_reason == ""
    assert checks[1].risk_decision == RiskDecision.DO_NOT_PROCEED
    assert TrainingRecord.objects.get().notes == ""
    assert set(ApplicationUpdate.objects.values_list("message", flat=True)) == {""}
    assert ApplicationUpdate.objects.filter(kind=ApplicationUpdateKind.REJECTED).exists()

    # What the counts need stays: status, role, organisation, areas, pathways, dates to the month.
    assert application.status == ApplicationStatus.REJECTED
    assert application.role.title == "Gate mentor" and application.organisation == organisation
    assert list(application.local_authorities.values_list("pk", flat=True)) == areas
    assert list(application.pathways.values_list("pk", flat=True)) == pathways
    decided = timezone.localtime(application.decided_at)
    assert (decided.year, decided.month, decided.day, decided.hour) == (
        timezone.localtime(decided_at).year,
        timezone.localtime(decided_at).month,
        1,
        0,
    )
    assert timezone.localtime(application.submitted_at).day == 1
    # The account stays: the applicant may have other applications.
    assert User.objects.filter(pk=applicant.pk, email="sam@example.org").exists()

    event = AuditEvent.objects.get(action="erased", object_id=str(application.pk))
    assert event.actor is None and event.organisation == organisation
    assert event.details["reason"] == "not approved more than 12 months ago (retention period)"
    assert "Sam" not in event.object_repr


def test_every_answer_about_the_applicant_goes_as_their_page_says(
    role, applicant, coordinator, applicant_client
):
    """The erased application stays linked to the applicant's account, so the answers no count
    reads (gender, languages, when they are free, whether they can visit prisons) go too."""
    application = rejected(role, applicant, coordinator, months=13)
    application.languages = ["sgn", "pa"]
    application.save()
    assert application.gender and application.availability and application.can_visit_prisons

    erase()

    page = applicant_client.get(reverse("volunteers:volunteer_application", args=[application.pk]))
    assert "then erase your answers" in page.text
    application.refresh_from_db()
    assert application.gender == "" and application.languages == []
    assert application.availability == [] and application.can_visit_prisons is None


def test_running_again_erases_nothing_twice(vetted_and_rejected):
    assert erase() == 1
    erased_at = VolunteerApplication.objects.get().erased_at
    assert erase() == 0
    assert VolunteerApplication.objects.get().erased_at == erased_at
    assert AuditEvent.objects.filter(action="erased").count() == 1


@pytest.mark.parametrize("make", [rejected, withdrawn_after_sending, draft, withdrawn_draft])
def test_applications_are_kept_for_twelve_months_after_they_end(make, role, applicant, coordinator):
    kept = make(role, applicant, coordinator, months=11)
    gone = make(
        VolunteerRoleFactory(organisation=role.organisation), applicant, coordinator, months=13
    )

    assert erase() == 1

    kept.refresh_from_db()
    gone.refresh_from_db()
    assert kept.erased_at is None and kept.full_name == "Sam Hughes"
    assert gone.erased_at is not None and gone.full_name == ""


def test_a_draft_is_counted_from_the_last_time_it_was_saved(role, applicant, coordinator):
    application = draft(role, applicant, coordinator, months=13)
    with time_machine.travel(months_ago(2)):
        application_save_step(
            actor=applicant,
            application=application,
            step="motivation",
            answers={"motivation": "I still want to."},
        )
    assert erase() == 0
    with time_machine.travel(add_months(timezone.now(), 11)):
        assert erase() == 1


def test_drafts_never_sent_are_erased_out_of_the_organisations_log(
    role, applicant, coordinator, organisation
):
    unsent = draft(role, applicant, coordinator, months=13)
    cancelled = withdrawn_draft(
        VolunteerRoleFactory(organisation=organisation), applicant, coordinator, months=13
    )
    left = withdrawn_after_sending(
        VolunteerRoleFactory(organisation=organisation), applicant, coordinator, months=13
    )
    assert erase() == 3

    def event(application):
        return AuditEvent.objects.get(action="erased", object_id=str(application.pk))

    assert event(unsent).organisation is None and event(cancelled).organisation is None
    assert event(unsent).details["reason"] == (
        "not sent, and last changed more than 12 months ago (retention period)"
    )
    assert (
        event(cancelled).details["reason"] == "withdrawn more than 12 months ago (retention period)"
    )
    assert event(left).organisation == organisation


def test_approved_and_open_applications_are_never_erased(organisation, role, applicant):
    mentor = MentorProfileFactory(organisation=organisation)
    long_ago = months_ago(36)
    VolunteerApplication.objects.filter(pk=mentor.application_id).update(
        decided_at=long_ago, updated_at=long_ago, submitted_at=long_ago
    )
    waiting = SubmittedApplicationFactory(role=role, applicant=applicant)
    VolunteerApplication.objects.filter(pk=waiting.pk).update(
        submitted_at=long_ago, updated_at=long_ago
    )

    assert erase() == 0

    for application in VolunteerApplication.objects.all():
        assert application.erased_at is None and application.full_name
    assert CriminalRecordDisclosure.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_an_application_another_worker_is_erasing_is_left_to_it(role, applicant, coordinator):
    application = rejected(role, applicant, coordinator, months=13)
    with another_transaction(
        lambda: VolunteerApplication.objects.select_for_update().get(pk=application.pk)
    ):
        assert erase() == 0, "a row locked elsewhere is skipped, not waited for"
    assert erase() == 1
    assert AuditEvent.objects.filter(action="erased").count() == 1


def test_the_job_runs_every_day(settings):
    scheduled = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert "volunteers.tasks.erase_expired_volunteer_applications" in scheduled
    assert "volunteers.tasks.erase_expired_volunteer_applications" in celery_app.tasks


# --- Pages before and after ------------------------------------------------------------------


def test_staff_and_applicant_are_told_when_the_details_will_go(
    role, applicant, coordinator, staff_client, applicant_client
):
    application = rejected(role, applicant, coordinator, months=1)
    due = timezone.localdate(add_months(application.decided_at, 12))
    when = f"{due.day} {due:%B %Y}"
    page = staff_client.get(reverse("volunteers:vetting_application", args=[application.pk])).text
    assert f"will be erased on {when}" in page
    own = reverse("volunteers:volunteer_application", args=[application.pk])
    assert f"erase the details of this one on {when}" in applicant_client.get(own).text
    unsent = draft(VolunteerRoleFactory(organisation=role.organisation), applicant, None, months=0)
    due = timezone.localdate(add_months(unsent.updated_at, 12))
    page = applicant_client.get(reverse("volunteers:volunteer_application", args=[unsent.pk])).text
    assert f"we will erase it on {due.day} {due:%B %Y}" in page


def test_staff_see_an_erased_application_as_erased_with_nothing_to_change(
    vetted_and_rejected, staff_client
):
    application = vetted_and_rejected
    referee = application.references.first()
    check = application.dbs_checks.first()
    erase()

    page = staff_client.get(reverse("volunteers:vetting_application", args=[application.pk]))
    assert page.status_code == 200
    assert "Erased application" in page.text and ">Erased<" in page.text
    for gone in ("Sam Hughes", "sam@example.org", "Referee 1", "Dale Street", "too recent"):
        assert gone not in page.text
    assert "Make a decision" not in page.text and "/interview/" not in page.text

    listed = staff_client.get(reverse("volunteers:vetting"), {"stage": "decided"}).text
    assert "Name erased" in listed and application.reference in listed
    assert "Sam Hughes" not in listed

    for name, args in [
        ("vetting_disclosure", []),
        ("vetting_interview", []),
        ("vetting_reference", [referee.pk]),
        ("vetting_dbs", []),
        ("vetting_risk_decision", [check.pk]),
        ("vetting_training", []),
        ("vetting_decision", []),
    ]:
        url = reverse(f"volunteers:{name}", args=[application.pk, *args])
        for response in (staff_client.get(url), staff_client.post(url, {"decision": "approve"})):
            assert response.status_code == 404, name
            assert ERASED in response.text, name
    assert not AuditEvent.objects.filter(
        action="viewed", object_type="volunteers.criminalrecorddisclosure"
    ).exists()
    assert Interview.objects.count() == 1 and DBSCheck.objects.count() == 2


def test_the_applicant_sees_their_erased_application_and_can_change_nothing(
    role, applicant, coordinator, applicant_client
):
    old_draft = draft(role, applicant, coordinator, months=13)
    other_role = VolunteerRoleFactory(organisation=role.organisation, title="Befriender")
    live = SubmittedApplicationFactory(role=other_role, applicant=applicant)
    erase()

    listed = applicant_client.get(reverse("volunteers:volunteer_applications")).text
    assert listed.count(">Erased<") == 1 and "Befriender" in listed
    page = applicant_client.get(
        reverse("volunteers:volunteer_application", args=[old_draft.pk])
    ).text
    assert "We erased the details of this application on" in page
    assert "apply for this role again" in page
    assert "Check your answers" not in page and "Cancel this application" not in page

    step = reverse("volunteers:volunteer_application_step", args=[old_draft.pk, "about-you"])
    response = applicant_client.post(
        step, {"full_name": "Sam Hughes", "phone": "0151 496 0123"}, follow=True
    )
    assert "so it cannot be changed or sent" in response.text
    check = reverse("volunteers:volunteer_application_check", args=[old_draft.pk])
    applicant_client.post(check)
    withdraw = reverse("volunteers:volunteer_application_withdraw", args=[old_draft.pk])
    applicant_client.post(withdraw)
    old_draft.refresh_from_db()
    assert old_draft.full_name == "" and old_draft.phone == ""
    assert old_draft.status == ApplicationStatus.DRAFT and old_draft.submitted_at is None
    live.refresh_from_db()
    assert live.erased_at is None


# --- Applying again ------------------------------------------------------------------------------


def test_after_erasure_the_applicant_may_apply_to_the_same_role_again(
    role, applicant, coordinator, applicant_client
):
    old = rejected(role, applicant, coordinator, months=13)
    apply = reverse("volunteers:volunteer_apply", args=[role.pk])
    # While it is kept, the application not approved is still their one for this role.
    response = applicant_client.post(apply)
    assert response.url == reverse("volunteers:volunteer_application", args=[old.pk])

    before = applicant_client.get(apply).text
    assert "did not take your application for this role forward" in before
    assert "Continue your application" not in before
    assert "You can apply for it again from" in before

    erase()
    assert "did not take your application" not in applicant_client.get(apply).text
    response = applicant_client.post(apply)
    new = VolunteerApplication.objects.exclude(pk=old.pk).get()
    assert response.url == reverse("volunteers:volunteer_application", args=[new.pk])
    assert new.status == ApplicationStatus.DRAFT and new.role == role
    assert new.full_name == "Sam Hughes"
    assert applicant_client.post(apply).url == response.url, "starting twice gives one"


def test_the_database_allows_one_application_per_role_not_counting_erased_ones(
    role, applicant, coordinator
):
    old = rejected(role, applicant, coordinator, months=13)

    def another():
        return VolunteerApplication.objects.create(
            reference="VTWICE01", organisation=role.organisation, role=role, applicant=applicant
        )

    with pytest.raises(IntegrityError), transaction.atomic():
        another()
    VolunteerApplication.objects.filter(pk=old.pk).update(erased_at=timezone.now())
    assert another().pk != old.pk


def test_the_services_refuse_an_erased_draft_even_when_the_page_checked_first(
    role, applicant, coordinator
):
    """The views refuse first; this is the job erasing between the page's check and the save."""
    from django.core.exceptions import ValidationError

    from volunteers.services import application_submit

    old_draft = draft(role, applicant, coordinator, months=13)
    erase()
    with pytest.raises(ValidationError, match="This application was erased"):
        application_save_step(
            actor=applicant, application=old_draft, step="about-you", answers={"full_name": "Sam"}
        )
    with pytest.raises(ValidationError, match="This application was erased"):
        application_submit(actor=applicant, application=old_draft)
    with pytest.raises(ValidationError, match="This application was erased"):
        application_withdraw(actor=applicant, application=old_draft)
    old_draft.refresh_from_db()
    assert old_draft.status == ApplicationStatus.DRAFT and old_draft.withdrawn_at is None


def test_an_update_never_emailed_is_not_sent_once_its_application_is_erased(
    vetted_and_rejected, mailoutbox
):
    from volunteers.models import ApplicationUpdate
    from volunteers.tasks import send_application_update_email

    update = ApplicationUpdate.objects.filter(application=vetted_and_rejected).first()
    assert update is not None
    ApplicationUpdate.objects.filter(pk=update.pk).update(emailed_at=None)
    erase()
    mailoutbox.clear()
    assert send_application_update_email(update.pk) is False
    assert mailoutbox == []


def test_on_the_day_an_applicant_may_apply_again_they_can(role, applicant, coordinator):
    """The page names a day; the job, early that morning (02:45), has erased the application by
    then, so the role takes a new one that day, not the next."""
    london = ZoneInfo("Europe/London")
    apply = reverse("volunteers:volunteer_apply", args=[role.pk])
    with time_machine.travel(datetime(2025, 5, 9, 16, 0, tzinfo=london), tick=False):
        application = sent(role, applicant)
        application_reject(actor=coordinator, application=application, reason="Not now.")
        before = sign_in(Client(), applicant, mfa=False).get(apply).text
        assert "You can apply for it again from 9 May 2026" in before
    with time_machine.travel(datetime(2026, 5, 8, 2, 45, tzinfo=london), tick=False):
        assert erase() == 0
    with time_machine.travel(datetime(2026, 5, 9, 2, 45, tzinfo=london), tick=False):
        assert erase() == 1
        page = sign_in(Client(), applicant, mfa=False).get(apply).text
        assert "did not take your application" not in page


def test_a_draft_last_saved_on_29_february_is_erased_on_28_february(role, applicant):
    london = ZoneInfo("Europe/London")
    with time_machine.travel(datetime(2024, 2, 29, 18, 0, tzinfo=london), tick=False):
        application = complete_application(ApplicationFactory(role=role, applicant=applicant))
        client = sign_in(Client(), applicant, mfa=False)
        page = client.get(reverse("volunteers:volunteer_application", args=[application.pk])).text
        assert "we will erase it on 28 February 2025" in page
    with time_machine.travel(datetime(2025, 2, 28, 2, 45, tzinfo=london), tick=False):
        assert erase() == 1
