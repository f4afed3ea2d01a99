"""The assessor's side: take an application, review each requirement, ask the organisation for
more, record visits, decide, and withdraw an award.

An assessor who is, or has been, a member of an organisation (in any role) never assesses it:
every step checks, not only taking the application, so a membership that starts later still
stops them.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.constants import AuditAction, PlatformRole
from accounts.roles import has_platform_role
from core.references import unique_reference
from providers.directory_version import directory_changed
from providers.models import Membership

from ..constants import (
    VERIFICATION_PREFIX,
    ApplicationStatus,
    Decision,
    EventKind,
    ReviewOutcome,
)
from ..models import Application, Award, RequirementResponse, Visit, award_expiry
from .common import record_step


def is_member(user, organisation) -> bool:
    return Membership.objects.filter(user=user, organisation=organisation).exists()


def assessor_must_finish(user, role: str) -> None:
    """Refuse to take the assessor role from someone in the middle of an assessment: one cannot
    be handed to someone else part way through. Registered in accounts.services'
    role_change_checks by this app's AppConfig.ready."""
    if user.platform_role != PlatformRole.ASSESSOR or role == PlatformRole.ASSESSOR:
        return
    busy = (ApplicationStatus.IN_ASSESSMENT, ApplicationStatus.MORE_INFORMATION)
    assessing = list(
        Application.objects.filter(assessor=user, status__in=busy)
        .order_by("reference")
        .values_list("reference", flat=True)
    )
    if assessing:
        raise ValidationError(
            f"{user.display_name} is assessing {', '.join(assessing)}. They must finish "
            "first: an assessment cannot be handed to someone else part way through."
        )


def conflict_message(organisation) -> str:
    return (
        f"You cannot assess {organisation.name}: you are or have been a member of it. "
        "Another assessor must do this."
    )


def _check_may_assess(actor, application: Application) -> None:
    if not has_platform_role(actor, PlatformRole.ASSESSOR):
        raise PermissionDenied("Only assessors can assess applications.")
    if is_member(actor, application.organisation):
        raise ValidationError(conflict_message(application.organisation))


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("organisation", "assessor")
        .get(pk=application.pk)
    )


def _check_assigned(actor, application: Application) -> None:
    _check_may_assess(actor, application)
    if application.status != ApplicationStatus.IN_ASSESSMENT:
        raise ValidationError(
            f"This application is {application.get_status_display().lower()}, so it cannot be "
            "assessed now."
        )
    if application.assessor_id != actor.pk:
        raise ValidationError("Another assessor has taken this application.")


@transaction.atomic
def application_take(*, actor, application: Application, request=None) -> Application:
    application = _locked(application)
    _check_may_assess(actor, application)
    if application.assessor_id == actor.pk:
        return application  # taken already, by this assessor (a double click)
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError("This application is no longer waiting for an assessor.")
    application.assessor = actor
    application.taken_at = timezone.now()
    application.status = ApplicationStatus.IN_ASSESSMENT
    application.save(update_fields=["assessor", "taken_at", "status"])
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.TAKEN,
        action=AuditAction.STATUS_CHANGED,
        request=request,
        message=f"{actor.display_name} is assessing this application.",
    )
    return application


@transaction.atomic
def requirement_review(
    *, actor, response: RequirementResponse, outcome: str, comment: str, request=None
) -> RequirementResponse:
    application = _locked(response.application)
    _check_assigned(actor, application)
    comment = comment.strip()
    if outcome == ReviewOutcome.MORE_NEEDED and not comment:
        raise ValidationError({"comment": "Say what more the organisation needs to show"})
    if outcome not in (ReviewOutcome.ACCEPTED, ReviewOutcome.MORE_NEEDED):
        raise ValidationError({"outcome": "Choose whether to accept it or ask for more"})
    response = RequirementResponse.objects.select_related("requirement").get(pk=response.pk)
    if (
        outcome == ReviewOutcome.ACCEPTED
        and not comment
        and not response.files.exists()
        and not response.summaries.exists()
    ):
        raise ValidationError(
            {
                "comment": "No evidence is added to this requirement. To accept it, say in the "
                "comment what shows it is met, for example what you saw on the visit"
            }
        )
    if response.review_outcome == outcome and response.review_comment == comment:
        return response  # the same review sent twice
    response.review_outcome = outcome
    response.review_comment = comment
    response.reviewed_at = timezone.now()
    response.reviewed_by = actor
    response.save(update_fields=["review_outcome", "review_comment", "reviewed_at", "reviewed_by"])
    requirement = response.requirement
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.ACCEPTED if outcome == ReviewOutcome.ACCEPTED else EventKind.MORE_NEEDED,
        action=AuditAction.REVIEWED,
        obj=response,
        requirement=requirement,
        request=request,
        message=f"{requirement.number} {requirement.title}" + (f": {comment}" if comment else ""),
    )
    return response


@transaction.atomic
def application_return(*, actor, application: Application, request=None) -> Application:
    """Send the application back to the organisation with the requirements needing more."""
    application = _locked(application)
    _check_assigned(actor, application)
    asked = list(
        application.responses.filter(review_outcome=ReviewOutcome.MORE_NEEDED).select_related(
            "requirement__area"
        )
    )
    if not asked:
        raise ValidationError(
            "Ask for more on at least one requirement before returning the application."
        )
    application.status = ApplicationStatus.MORE_INFORMATION
    application.last_activity_at = timezone.now()
    application.save(update_fields=["status", "last_activity_at"])
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.RETURNED,
        action=AuditAction.STATUS_CHANGED,
        request=request,
        message="More is needed on "
        + ", ".join(f"{r.requirement.number} {r.requirement.title}" for r in asked)
        + ".",
    )
    return application


@transaction.atomic
def visit_record(
    *,
    actor,
    application: Application,
    visited_on: date,
    interviewed: str,
    notes: str = "",
    request=None,
) -> Visit:
    application = _locked(application)
    _check_assigned(actor, application)
    if visited_on > timezone.localdate():
        raise ValidationError({"visited_on": "The date of the visit must be today or in the past"})
    if visited_on < timezone.localdate(application.submitted_at):
        raise ValidationError(
            {"visited_on": "The date of the visit must be after the application was sent"}
        )
    interviewed = interviewed.strip()
    same = application.visits.filter(visited_on=visited_on, interviewed=interviewed).first()
    if same is not None:
        return same
    visit = Visit(
        organisation=application.organisation,
        application=application,
        visited_on=visited_on,
        interviewed=interviewed,
        notes=notes.strip(),
        recorded_by=actor,
    )
    visit.full_clean()
    visit.save()
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.VISIT,
        action=AuditAction.CREATED,
        obj=visit,
        request=request,
        message=f"Visited on {visited_on:%-d %B %Y}. Interviewed: {interviewed}",
    )
    return visit


def decision_problems(application: Application, decision: str) -> list[str]:
    """What stops an award being made now."""
    if decision != Decision.AWARDED:
        return []
    problems = []
    not_accepted = [
        response
        for response in application.responses.select_related("requirement__area")
        if response.review_outcome != ReviewOutcome.ACCEPTED
    ]
    for response in not_accepted:
        problems.append(
            f"{response.requirement.number} {response.requirement.title} is not accepted yet"
        )
    if application.needs_visit and not application.visits.exists():
        problems.append("Record the visit before making an award")
    return problems


@transaction.atomic
def application_decide(
    *,
    actor,
    application: Application,
    decision: str,
    feedback: str = "",
    requirement_feedback: dict | None = None,
    request=None,
    check_only: bool = False,
) -> Award | None:
    """Award the standard (valid 3 years from today) or decide it is not yet met, with feedback
    on each requirement not accepted. Returns the award, if one is made. With `check_only`,
    refuses what would be refused and changes nothing (the confirmation page asks first)."""
    application = _locked(application)
    _check_assigned(actor, application)
    requirement_feedback = {
        key: text.strip() for key, text in (requirement_feedback or {}).items() if text.strip()
    }
    problems = decision_problems(application, decision)
    if problems:
        raise ValidationError(problems)
    responses = list(application.responses.select_related("requirement__area"))
    if decision == Decision.NOT_YET:
        errors = {
            f"feedback_{r.requirement.code}": "Give feedback on what the organisation needs to "
            f"do to meet {r.requirement.number}"
            for r in responses
            if r.review_outcome != ReviewOutcome.ACCEPTED
            and r.requirement.code not in requirement_feedback
        }
        if errors:
            raise ValidationError(errors)
        if not requirement_feedback and not feedback.strip():
            raise ValidationError({"feedback": "Say why the standard is not met yet"})
    elif decision != Decision.AWARDED:
        raise ValidationError({"decision": "Choose whether to award the standard"})
    if check_only:
        return None
    if decision == Decision.NOT_YET:
        for response in responses:
            response.decision_feedback = requirement_feedback.get(response.requirement.code, "")
        RequirementResponse.objects.bulk_update(responses, ["decision_feedback"])

    now = timezone.now()
    application.status = (
        ApplicationStatus.AWARDED if decision == Decision.AWARDED else ApplicationStatus.NOT_YET
    )
    application.decided_at = now
    application.decided_by = actor
    application.feedback = feedback.strip()
    application.save(update_fields=["status", "decided_at", "decided_by", "feedback"])
    award = None
    if decision == Decision.AWARDED:
        today = timezone.localdate(now)
        award = Award.objects.create(
            organisation=application.organisation,
            application=application,
            standard=application.standard,
            awarded_on=today,
            expires_on=award_expiry(today),
            verification_code=unique_reference(Award, "verification_code", VERIFICATION_PREFIX),
            awarded_by=actor,
        )
        directory_changed()  # the badge and the "holders only" filter
        record_step(
            actor=actor,
            application=application,
            kind=EventKind.AWARDED,
            action=AuditAction.CREATED,
            obj=award,
            request=request,
            message=f"Valid until {award.expires_on:%-d %B %Y}. "
            f"Verification code {award.verification_code}.",
        )
    else:
        record_step(
            actor=actor,
            application=application,
            kind=EventKind.NOT_YET,
            action=AuditAction.STATUS_CHANGED,
            request=request,
            message=application.feedback,
        )
    return award


@transaction.atomic
def award_withdraw(
    *, actor, award: Award, reason: str, request=None, check_only: bool = False
) -> Award:
    award = (
        Award.objects.select_for_update(of=("self",))
        .select_related("application__organisation")
        .get(pk=award.pk)
    )
    application = award.application
    _check_may_assess(actor, application)
    if award.is_withdrawn:
        raise ValidationError(
            f"This award was already withdrawn on {award.withdrawn_at:%-d %B %Y}."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for withdrawing the award"})
    if check_only:
        return award
    award.withdrawn_at = timezone.now()
    award.withdrawn_by = actor
    award.withdrawal_reason = reason.strip()
    award.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    directory_changed()
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.WITHDRAWN,
        action=AuditAction.STATUS_CHANGED,
        obj=award,
        request=request,
        message=award.withdrawal_reason,
    )
    return award
