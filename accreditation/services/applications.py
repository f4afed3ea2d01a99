"""The organisation's side: start an application (or re-accreditation), self-assess each
requirement with evidence, describe changes since the award, and send it for assessment."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.constants import AuditAction
from core.references import unique_reference
from providers.models import Organisation

from .. import evidence as summaries
from ..constants import (
    APPLICATION_PREFIX,
    RENEWAL_WINDOW_DAYS,
    ApplicationKind,
    ApplicationStatus,
    EventKind,
    ReviewOutcome,
    SelfAssessment,
)
from ..models import (
    Application,
    Award,
    EvidenceFile,
    EvidenceSummary,
    RequirementResponse,
    Standard,
)
from .common import on_commit_delete, record_step

NOT_EDITABLE = "This application cannot be changed now: it is with the assessors."


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("organisation", "standard")
        .get(pk=application.pk)
    )


def _touch(application: Application) -> None:
    Application.objects.filter(pk=application.pk).update(last_activity_at=timezone.now())


def _check_editable(application: Application) -> None:
    if not application.is_editable:
        raise ValidationError(NOT_EDITABLE)


def open_application(organisation: Organisation) -> Application | None:
    return Application.objects.filter(organisation=organisation).open().first()


def current_award(organisation: Organisation) -> Award | None:
    return Award.objects.current().filter(organisation=organisation).order_by("-expires_on").first()


def renewal_opens_on(award: Award):
    return award.expires_on - timedelta(days=RENEWAL_WINDOW_DAYS)


def _lapse_if_past_deadline(application: Application | None, actor, request) -> None:
    """A draft not sent within 12 months closes when a new one is started."""
    if application is not None and application.is_past_deadline:
        application.status = ApplicationStatus.LAPSED
        application.save(update_fields=["status"])
        record_step(
            actor=actor,
            application=application,
            kind=EventKind.LAPSED,
            action=AuditAction.STATUS_CHANGED,
            request=request,
        )


@transaction.atomic
def application_start(
    *, actor, organisation: Organisation, renewal: bool = False, request=None
) -> Application:
    """Start a first application, or with `renewal` a re-accreditation of the current award.

    Starting twice (a double click) returns the application already started.
    """
    Organisation.objects.select_for_update().get(pk=organisation.pk)  # one start at a time
    existing = open_application(organisation)
    _lapse_if_past_deadline(existing, actor, request)
    existing = open_application(organisation)
    if existing is not None:
        return existing
    standard = Standard.objects.current()
    if standard is None:
        raise ValidationError("The standard is not published yet. Try again later.")
    award = current_award(organisation)
    if renewal:
        if award is None:
            raise ValidationError(
                "Your organisation has no current award to renew. Start a first application."
            )
        if timezone.localdate() < renewal_opens_on(award):
            raise ValidationError(
                "You can start re-accreditation from "
                f"{renewal_opens_on(award):%-d %B %Y}, 6 months before your award expires."
            )
    elif award is not None:
        raise ValidationError(
            f"Your organisation holds the standard until {award.expires_on:%-d %B %Y}. "
            "Start re-accreditation instead, in the 6 months before it expires."
        )
    now = timezone.now()
    application = Application.objects.create(
        reference=unique_reference(Application, "reference", APPLICATION_PREFIX),
        organisation=organisation,
        standard=standard,
        kind=ApplicationKind.RENEWAL if renewal else ApplicationKind.INITIAL,
        previous_award=award if renewal else None,
        started_at=now,
        started_by=actor,
        last_activity_at=now,
    )
    carried = _carried_answers(award) if renewal else {}
    RequirementResponse.objects.bulk_create(
        RequirementResponse(
            organisation=organisation,
            application=application,
            requirement=requirement,
            **carried.get(requirement.code, {}),
        )
        for requirement in standard.requirements.all()
    )
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.STARTED,
        action=AuditAction.CREATED,
        request=request,
        message="Re-accreditation started." if renewal else "",
    )
    return application


def _carried_answers(award: Award) -> dict[str, dict]:
    """Re-accreditation starts from the answers the award was made on, by requirement code."""
    return {
        response.requirement.code: {
            "self_assessment": response.self_assessment,
            "narrative": response.narrative,
            "action_plan": response.action_plan,
        }
        for response in award.application.responses.select_related("requirement")
    }


@transaction.atomic
def response_save(
    *,
    actor,
    response: RequirementResponse,
    self_assessment: str,
    narrative: str,
    action_plan: str,
    request=None,
) -> RequirementResponse:
    application = _locked(response.application)
    _check_editable(application)
    response = RequirementResponse.objects.select_related("requirement").get(pk=response.pk)
    answer = (
        self_assessment,
        narrative.strip(),
        action_plan.strip() if self_assessment != SelfAssessment.MET else "",
    )
    if answer == (response.self_assessment, response.narrative, response.action_plan):
        return response  # nothing changed (or the same answer sent twice)
    response.self_assessment, response.narrative, response.action_plan = answer
    response.updated_at = timezone.now()
    response.updated_by = actor
    response.full_clean()
    response.save()
    _touch(application)
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.ANSWERED,
        action=AuditAction.UPDATED,
        obj=response,
        requirement=response.requirement,
        request=request,
        message=f"{response.requirement.number} {response.requirement.title}: "
        f"{response.get_self_assessment_display().lower()}.",
    )
    return response


@transaction.atomic
def changes_save(*, actor, application: Application, text: str, request=None) -> Application:
    application = _locked(application)
    _check_editable(application)
    application.changes_since_award = text.strip()
    application.last_activity_at = timezone.now()
    application.save(update_fields=["changes_since_award", "last_activity_at"])
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.CHANGES_DESCRIBED,
        action=AuditAction.UPDATED,
        request=request,
    )
    return application


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@transaction.atomic
def evidence_add(
    *,
    actor,
    response: RequirementResponse,
    title: str,
    upload,
    content_type: str,
    extension: str,
    request=None,
) -> EvidenceFile:
    """Attach a checked file (forms.EvidenceUploadForm checks its kind and size). The same file
    sent twice to one requirement is kept once."""
    application = _locked(response.application)
    _check_editable(application)
    checksum = _sha256(upload)
    same = EvidenceFile.objects.filter(response=response, sha256=checksum).first()
    if same is not None:
        return same
    evidence = EvidenceFile(
        organisation=application.organisation,
        application=application,
        response=response,
        title=title.strip(),
        content_type=content_type,
        extension=extension,
        size=upload.size,
        sha256=checksum,
        uploaded_by=actor,
    )
    evidence.full_clean(exclude=["file"])
    evidence.file.save("upload", upload, save=False)
    try:
        evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    _touch(application)
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.EVIDENCE_ADDED,
        action=AuditAction.CREATED,
        obj=evidence,
        requirement=response.requirement,
        request=request,
        message=f"{evidence.title} ({extension.upper()})",
    )
    return evidence


@transaction.atomic
def evidence_remove(*, actor, evidence: EvidenceFile, request=None) -> None:
    application = _locked(evidence.application)
    _check_editable(application)
    title, requirement = evidence.title, evidence.response.requirement
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.EVIDENCE_REMOVED,
        action=AuditAction.REMOVED,
        obj=evidence,
        requirement=requirement,
        request=request,
        message=title,
    )
    on_commit_delete(evidence.file)
    evidence.delete()
    _touch(application)


@transaction.atomic
def summary_attach(
    *, actor, response: RequirementResponse, kind: str, request=None
) -> EvidenceSummary:
    """Attach a summary of Open Gate's records as they stand today. Attaching the same kind
    again on the same day keeps one."""
    application = _locked(response.application)
    _check_editable(application)
    response = RequirementResponse.objects.select_related("requirement").get(pk=response.pk)
    source = next(
        (s for s in summaries.sources_for(response.requirement.code) if s.kind == kind), None
    )
    if source is None:
        raise ValidationError("There is no summary of that kind for this requirement.")
    today = timezone.localdate()
    existing = response.summaries.filter(kind=kind, generated_on=today).first()
    if existing is not None:
        return existing
    snapshot = EvidenceSummary.objects.create(
        organisation=application.organisation,
        application=application,
        response=response,
        kind=kind,
        title=source.title,
        text=summaries.generate(kind, application.organisation, today),
        generated_on=today,
        created_by=actor,
    )
    _touch(application)
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.SUMMARY_ATTACHED,
        action=AuditAction.CREATED,
        obj=snapshot,
        requirement=response.requirement,
        request=request,
        message=source.title,
    )
    return snapshot


@dataclass(frozen=True)
class Problem:
    """Something that stops sending, with the page that puts it right."""

    message: str
    requirement_code: str = ""


def submission_problems(application: Application) -> list[Problem]:
    problems = []
    if application.is_renewal and not application.changes_since_award.strip():
        problems.append(Problem("Describe what has changed since your award"))
    responses = application.responses.select_related("requirement__area")
    for response in responses:
        requirement = response.requirement
        name = f"{requirement.number} {requirement.title}"
        if not response.self_assessment:
            problems.append(
                Problem(
                    f"{name}: say whether it is met, partly met or not yet met", requirement.code
                )
            )
        elif not response.narrative.strip():
            problems.append(Problem(f"{name}: describe how you meet it", requirement.code))
        elif response.needs_action_plan and not response.action_plan.strip():
            problems.append(
                Problem(f"{name}: write an action plan for what is not yet met", requirement.code)
            )
    return problems


@transaction.atomic
def application_submit(*, actor, application: Application, request=None) -> Application:
    """Send for assessment, or send back the more information the assessor asked for."""
    application = _locked(application)
    if not application.is_editable:
        raise ValidationError("This application has already been sent.")
    if application.is_past_deadline:
        raise ValidationError(
            f"Applications must be sent within 12 months of being started. This one was due by "
            f"{application.submit_by:%-d %B %Y}. Start a new application."
        )
    problems = submission_problems(application)
    if problems:
        raise ValidationError([problem.message for problem in problems])
    now = timezone.now()
    returning = application.status == ApplicationStatus.MORE_INFORMATION
    application.sent_at = now
    application.last_activity_at = now
    if returning:
        application.status = ApplicationStatus.IN_ASSESSMENT
        application.responses.filter(review_outcome=ReviewOutcome.MORE_NEEDED).update(
            review_outcome=ReviewOutcome.PENDING
        )
    else:
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = now
    application.save()
    record_step(
        actor=actor,
        application=application,
        kind=EventKind.RESUBMITTED if returning else EventKind.SUBMITTED,
        action=AuditAction.STATUS_CHANGED,
        request=request,
        details={"status": application.status},
    )
    return application
