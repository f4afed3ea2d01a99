"""The vetting pipeline: interview, references, DBS check, training, then approval or rejection.

Coordinators may do the checks in any order. An application's `stage` is the first check still
outstanding, kept up to date here after every change so the pipeline can be filtered by it.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.dates import add_months
from providers.constants import MembershipRole
from providers.models import Membership

from ..constants import (
    DBS_RENEW_AFTER_YEARS,
    ApplicationStatus,
    ApplicationUpdateKind,
    DBSResult,
    InterviewOutcome,
    MentorStatus,
    RiskDecision,
    VettingStage,
    dbs_level_meets,
)
from ..models import (
    DBSCheck,
    Interview,
    MentorProfile,
    TrainingModule,
    TrainingRecord,
    VolunteerApplication,
    VolunteerReference,
)
from .volunteering import tell_applicant


@dataclass
class Checklist:
    """Where an application stands on each check, worked out from its records."""

    interview: Interview | None
    interview_done: bool
    references: list[VolunteerReference]
    references_done: bool
    dbs_check: DBSCheck | None
    dbs_done: bool
    training: list[tuple[TrainingModule, TrainingRecord | None, bool]]  # (module, record, current)
    training_done: bool
    problems: list[str] = field(default_factory=list)

    @property
    def stage(self) -> str:
        for done, stage in (
            (self.interview_done, VettingStage.INTERVIEW),
            (self.references_done, VettingStage.REFERENCES),
            (self.dbs_done, VettingStage.DBS),
            (self.training_done, VettingStage.TRAINING),
        ):
            if not done:
                return stage
        return VettingStage.READY


def vetting_checklist(application: VolunteerApplication, on: date | None = None) -> Checklist:
    on = on or timezone.localdate()
    interviews = list(application.interviews.all())
    interview_done = any(i.outcome == InterviewOutcome.SUITABLE for i in interviews)
    references = list(application.references.all())
    references_done = len(references) == 2 and all(
        r.received_on and r.satisfactory for r in references
    )
    checks = list(application.dbs_checks.all())
    current = [
        c
        for c in checks
        if c.is_current(on) and dbs_level_meets(c.level, application.role.dbs_level)
    ]
    # What "required" and "current" mean comes from the querysets matching uses too
    # (MentorProfile.objects.matchable), so the record pages and matching cannot disagree.
    modules = list(
        TrainingModule.objects.required().filter(organisation_id=application.organisation_id)
    )
    current_training = {
        record.module_id: record
        for record in application.training_records.current(on).order_by("completed_on")
    }
    latest = {
        record.module_id: record
        for record in sorted(application.training_records.all(), key=lambda r: r.completed_on)
    }
    # Each module with the completion that counts (the latest current one, else the latest)
    # and whether it is current.
    training = [
        (
            module,
            current_training.get(module.pk) or latest.get(module.pk),
            module.pk in current_training,
        )
        for module in modules
    ]
    missing = [module.name for module in modules if module.pk not in current_training]
    training_done = not missing

    problems = []
    if not interview_done:
        problems.append("Record an interview with the outcome ‘suitable to go ahead’.")
    if not references_done:
        problems.append("Record two satisfactory references.")
    if not current:
        problems.append(
            f"Record a current DBS check at {application.role.get_dbs_level_display().lower()} "
            "level or higher. If information was disclosed, record the decision that it is safe "
            "to go ahead."
        )
    if missing:
        problems.append(f"Record the required training still to do: {', '.join(missing)}.")
    return Checklist(
        interview=interviews[0] if interviews else None,
        interview_done=interview_done,
        references=references,
        references_done=references_done,
        dbs_check=current[0] if current else (checks[0] if checks else None),
        dbs_done=bool(current),
        training=training,
        training_done=training_done,
        problems=problems,
    )


def _refresh_stage(application: VolunteerApplication) -> None:
    if application.status == ApplicationStatus.SUBMITTED:
        stage = vetting_checklist(application).stage
    else:
        stage = VettingStage.DECIDED
    if stage != application.stage:
        application.stage = stage
        application.save(update_fields=["stage", "updated_at"])


def _lock(application: VolunteerApplication, *allowed: str) -> VolunteerApplication:
    application = (
        VolunteerApplication.objects.select_for_update(of=("self",))
        .select_related("role", "organisation", "applicant")
        .get(pk=application.pk)
    )
    allowed = allowed or (ApplicationStatus.SUBMITTED,)
    if application.status not in allowed:
        raise ValidationError(
            f"This application is {application.get_status_display().lower()}, so this cannot be "
            "recorded."
        )
    return application


def _audit(actor, action, obj, application, request, **details):
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        organisation=application.organisation,
        request=request,
        details={"application": application.reference, **details},
    )


def _not_in_future(value: date | None, field_name: str, label: str) -> None:
    if value and value > timezone.localdate():
        raise ValidationError({field_name: f"The {label} must be today or in the past"})


# --- Interview -------------------------------------------------------------------------------


@transaction.atomic
def interview_save(
    *,
    actor,
    application: VolunteerApplication,
    interview: Interview | None = None,
    interview_date: date,
    arrangements: str = "",
    outcome: str = InterviewOutcome.PENDING,
    notes: str = "",
    request=None,
) -> Interview:
    """Arrange an interview, or change one and record how it went."""
    application = _lock(application)
    sent_on = timezone.localdate(application.submitted_at)
    if interview_date < sent_on:
        raise ValidationError(
            {
                "interview_date": "The interview date must be on or after the day the "
                f"application was sent ({sent_on:%-d %B %Y})"
            }
        )
    if interview_date > timezone.localdate() + timedelta(days=366):
        raise ValidationError({"interview_date": "The interview date must be within the next year"})
    if outcome and interview_date > timezone.localdate():
        raise ValidationError(
            {"outcome": "You can record the outcome once the interview has happened"}
        )
    created = interview is None
    if created:
        interview = Interview(
            organisation=application.organisation, application=application, created_by=actor
        )
    else:
        interview = Interview.objects.select_for_update().get(pk=interview.pk)
    previous_date, previous_outcome = interview.interview_date, interview.outcome
    interview.interview_date = interview_date
    interview.arrangements = arrangements
    interview.outcome = outcome
    interview.notes = notes
    interview.full_clean()
    interview.save()
    _audit(
        actor,
        AuditAction.CREATED if created else AuditAction.UPDATED,
        interview,
        application,
        request,
        outcome=outcome,
    )
    if interview_date != previous_date and not outcome:
        where = f" {arrangements}" if arrangements else ""
        tell_applicant(
            application,
            ApplicationUpdateKind.INTERVIEW_ARRANGED,
            f"Your interview with {application.organisation} is on "
            f"{interview_date:%A %-d %B %Y}.{where}",
        )
    if outcome == InterviewOutcome.SUITABLE and previous_outcome != outcome:
        tell_applicant(
            application,
            ApplicationUpdateKind.INTERVIEW_PASSED,
            "Thank you for coming to your interview. We would like to go ahead: next we will "
            "contact your referees and start your DBS check.",
            once=True,
        )
    _refresh_stage(application)
    return interview


# --- References ------------------------------------------------------------------------------


@transaction.atomic
def reference_record(
    *,
    actor,
    reference: VolunteerReference,
    requested_on: date | None,
    received_on: date | None,
    satisfactory: bool | None,
    notes: str = "",
    request=None,
) -> VolunteerReference:
    application = _lock(reference.application)
    reference = VolunteerReference.objects.select_for_update().get(pk=reference.pk)
    _not_in_future(requested_on, "requested_on", "date you asked")
    _not_in_future(received_on, "received_on", "date received")
    if received_on and satisfactory is None:
        raise ValidationError({"satisfactory": "Say whether the reference is satisfactory"})
    sent_on = timezone.localdate(application.submitted_at)
    if requested_on and requested_on < sent_on:
        raise ValidationError(
            {
                "requested_on": "The date you asked must be on or after the day the application "
                f"was sent ({sent_on:%-d %B %Y})"
            }
        )
    if received_on and not requested_on:
        raise ValidationError({"requested_on": "Enter the date you asked for the reference"})
    reference.requested_on = requested_on
    reference.received_on = received_on
    reference.satisfactory = satisfactory if received_on else None
    reference.notes = notes
    reference.recorded_by = actor
    reference.full_clean()
    reference.save()
    _audit(actor, AuditAction.UPDATED, reference, application, request)
    references = list(application.references.all())
    if len(references) == 2 and all(r.received_on and r.satisfactory for r in references):
        tell_applicant(
            application,
            ApplicationUpdateKind.REFERENCES_RECEIVED,
            "Both your referees have replied. Thank you for putting us in touch with them.",
            once=True,
        )
    _refresh_stage(application)
    return reference


# --- DBS -------------------------------------------------------------------------------------


def _default_renewal(issue_date: date) -> date:
    try:
        return issue_date.replace(year=issue_date.year + DBS_RENEW_AFTER_YEARS)
    except ValueError:  # 29 February
        return issue_date.replace(year=issue_date.year + DBS_RENEW_AFTER_YEARS, day=28)


def _tell_dbs_cleared(application: VolunteerApplication) -> None:
    if application.status == ApplicationStatus.SUBMITTED:
        tell_applicant(
            application,
            ApplicationUpdateKind.DBS_CLEARED,
            "Your DBS check is complete and you can go ahead.",
            once=True,
        )


@transaction.atomic
def dbs_check_record(
    *,
    actor,
    application: VolunteerApplication,
    level: str,
    certificate_number: str,
    issue_date: date,
    result: str,
    update_service: bool = False,
    renew_by: date | None = None,
    request=None,
) -> DBSCheck:
    """Record a DBS certificate (a new one for a renewal too; earlier ones stay on record)."""
    application = _lock(application, ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED)
    needed = application.role.dbs_level
    if not dbs_level_meets(level, needed):
        raise ValidationError(
            {
                "level": f"This role needs a check at {application.role.get_dbs_level_display()}"
                " level or higher"
            }
        )
    # The same certificate sent twice (a double click, a resent form) is recorded once.
    existing = application.dbs_checks.filter(certificate_number=certificate_number).first()
    if existing:
        return existing
    check = DBSCheck(
        organisation=application.organisation,
        application=application,
        level=level,
        certificate_number=certificate_number,
        issue_date=issue_date,
        result=result,
        update_service=update_service,
        renew_by=renew_by or _default_renewal(issue_date),
        recorded_by=actor,
    )
    check.full_clean()
    check.save()
    _audit(actor, AuditAction.CREATED, check, application, request, result=result)
    if result == DBSResult.CLEAR:
        _tell_dbs_cleared(application)
    _refresh_stage(application)
    return check


@transaction.atomic
def dbs_risk_decide(
    *,
    actor,
    check: DBSCheck,
    decision: str,
    decided_by,
    decided_on: date,
    reason: str,
    request=None,
) -> DBSCheck:
    """Record who decided, and why, whether it is safe to go ahead after a disclosure."""
    application = _lock(check.application, ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED)
    check = DBSCheck.objects.select_for_update().get(pk=check.pk)
    if check.result != DBSResult.DISCLOSED:
        raise ValidationError("A decision is only needed when the certificate discloses something.")
    staff = Membership.objects.active().filter(
        organisation=application.organisation,
        user=decided_by,
        role__in=(MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR),
    )
    if not staff.exists():
        raise ValidationError({"risk_decided_by": "Choose a member of your staff from the list"})
    _not_in_future(decided_on, "risk_decided_on", "date of the decision")
    if decided_on < check.issue_date:
        raise ValidationError(
            {
                "risk_decided_on": "The decision date must be on or after the "
                "certificate's issue date"
            }
        )
    if not reason.strip():
        raise ValidationError({"risk_decision_reason": "Give the reasons for the decision"})
    check.risk_decision = decision
    check.risk_decided_by = decided_by
    check.risk_decided_on = decided_on
    check.risk_decision_reason = reason
    check.full_clean()
    check.save()
    _audit(actor, AuditAction.UPDATED, check, application, request, risk_decision=decision)
    if decision == RiskDecision.PROCEED:
        _tell_dbs_cleared(application)
    _refresh_stage(application)
    return check


# --- Training --------------------------------------------------------------------------------


@transaction.atomic
def training_record_add(
    *,
    actor,
    application: VolunteerApplication,
    module: TrainingModule,
    completed_on: date,
    expires_on: date | None = None,
    notes: str = "",
    request=None,
) -> TrainingRecord:
    application = _lock(application, ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED)
    if module.organisation_id != application.organisation_id or not module.is_active:
        raise ValidationError({"module": "Choose a training module from the list"})
    if expires_on is None and module.valid_for_months:
        expires_on = add_months(completed_on, module.valid_for_months)
    existing = application.training_records.filter(module=module, completed_on=completed_on)
    if existing.exists():
        return existing.get()  # the same completion sent twice is recorded once
    record = TrainingRecord(
        organisation=application.organisation,
        application=application,
        module=module,
        completed_on=completed_on,
        expires_on=expires_on,
        notes=notes,
        recorded_by=actor,
    )
    record.full_clean()
    record.save()
    _audit(actor, AuditAction.CREATED, record, application, request, module=module.name)
    if (
        application.status == ApplicationStatus.SUBMITTED
        and vetting_checklist(application).training_done
    ):
        tell_applicant(
            application,
            ApplicationUpdateKind.TRAINING_COMPLETE,
            "You have finished the training we need before you start mentoring. Well done.",
            once=True,
        )
    _refresh_stage(application)
    return record


# --- Decision --------------------------------------------------------------------------------


@transaction.atomic
def application_approve(
    *, actor, application: VolunteerApplication, capacity: int, request=None
) -> MentorProfile:
    """Approve the applicant as a mentor: a mentor membership and a mentor record with the
    matching profile from their answers. Every check must be complete first."""
    application = _lock(application)
    problems = vetting_checklist(application).problems
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    application.status = ApplicationStatus.APPROVED
    application.stage = VettingStage.DECIDED
    application.decided_at = now
    application.decided_by = actor
    application.save(update_fields=["status", "stage", "decided_at", "decided_by", "updated_at"])
    _audit(
        actor,
        AuditAction.STATUS_CHANGED,
        application,
        application,
        request,
        to=ApplicationStatus.APPROVED,
    )
    _ensure_mentor_membership(actor, application)
    mentor = _mentor_profile_from(actor, application, capacity, now, request)
    tell_applicant(
        application,
        ApplicationUpdateKind.APPROVED,
        f"You are approved as a mentor with {application.organisation}. Your coordinator will "
        "be in touch about meeting your first mentee.",
    )
    return mentor


def _ensure_mentor_membership(actor, application: VolunteerApplication) -> None:
    """Create, or bring back, the applicant's mentor membership. Someone already in the team in
    another role keeps that role."""
    user, organisation = application.applicant, application.organisation
    if Membership.objects.active().filter(user=user, organisation=organisation).exists():
        return
    removed = (
        Membership.objects.filter(user=user, organisation=organisation, role=MembershipRole.MENTOR)
        .exclude(removed_at__isnull=True)
        .order_by("-removed_at")
        .first()
    )
    if removed:
        removed.removed_at = None
        removed.removed_by = None
        removed.save(update_fields=["removed_at", "removed_by"])
        membership, action = removed, AuditAction.UPDATED
    else:
        membership = Membership.objects.create(
            user=user, organisation=organisation, role=MembershipRole.MENTOR
        )
        action = AuditAction.CREATED
    audit_record(
        actor=actor,
        action=action,
        obj=membership,
        organisation=organisation,
        details={"role": MembershipRole.MENTOR, "application": application.reference},
    )


def _mentor_profile_from(actor, application, capacity, now, request) -> MentorProfile:
    profile = MentorProfile.objects.filter(
        organisation=application.organisation, user=application.applicant
    ).first()
    created = profile is None
    if created:
        profile = MentorProfile(organisation=application.organisation, user=application.applicant)
    profile.application = application
    profile.status = MentorStatus.ACTIVE
    profile.status_reason = ""
    profile.status_changed_at = now
    profile.approved_at = now
    profile.approved_by = actor
    profile.capacity = capacity
    profile.gender = application.gender
    profile.gender_description = application.gender_description
    profile.date_of_birth = application.date_of_birth
    profile.languages = application.languages
    profile.lived_experience = application.lived_experience
    profile.can_visit_prisons = bool(application.can_visit_prisons)
    profile.availability = application.availability
    profile.full_clean()
    profile.save()
    profile.pathways.set(application.pathways.all())
    profile.local_authorities.set(application.local_authorities.all())
    audit_record(
        actor=actor,
        action=AuditAction.CREATED if created else AuditAction.UPDATED,
        obj=profile,
        organisation=application.organisation,
        request=request,
        details={"application": application.reference, "capacity": capacity},
    )
    return profile


@transaction.atomic
def application_reject(
    *, actor, application: VolunteerApplication, reason: str, request=None
) -> VolunteerApplication:
    application = _lock(application)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason, so the applicant knows why"})
    application.status = ApplicationStatus.REJECTED
    application.stage = VettingStage.DECIDED
    application.decided_at = timezone.now()
    application.decided_by = actor
    application.decision_reason = reason.strip()
    application.save(
        update_fields=[
            "status",
            "stage",
            "decided_at",
            "decided_by",
            "decision_reason",
            "updated_at",
        ]
    )
    _audit(
        actor,
        AuditAction.STATUS_CHANGED,
        application,
        application,
        request,
        to=ApplicationStatus.REJECTED,
    )
    tell_applicant(
        application,
        ApplicationUpdateKind.REJECTED,
        f"{application.organisation} cannot offer you this role. {application.decision_reason}",
    )
    return application
