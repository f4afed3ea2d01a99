"""Every change to a mentee's case record. Each one is audited; none copies personal details
into the audit log (records are named by their reference)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.audit import audit_record, audited_save
from accounts.constants import AuditAction
from core.once import create_once
from core.references import new_reference
from providers.models import TaxonomyTerm

from .. import record_parts
from ..constants import AssessmentKind, ClosureReason, MenteeStatus
from ..models import (
    CaseDocument,
    CaseNote,
    Goal,
    Mentee,
    MenteeStatusChange,
    NeedRating,
    NeedsAssessment,
    Referral,
)
from ..models.cases import CASE_REFERENCE_PREFIX

# What a case record takes from the referral it was opened from.
FROM_REFERRAL = (
    "full_name",
    "date_of_birth",
    "prison",
    "prison_number",
    "local_authority",
    "phone",
    "email",
    "postal_address",
    "contact_methods",
    "probation_practitioner",
    "mentor_gender",
    "lived_experience",
    "language",
)
EDITABLE = (
    "full_name",
    "preferred_name",
    "date_of_birth",
    "prison",
    "prison_number",
    "local_authority",
    "phone",
    "email",
    "postal_address",
    "probation_practitioner",
    "mentor_gender",
    "lived_experience",
    "language",
    "availability",
    "prison_induction_date",
    "release_date",
    "licence_end_date",
)


def _audit(actor, action, obj, mentee: Mentee, request, **details):
    audit_record(
        actor=actor,
        action=action,
        obj=obj,
        organisation=mentee.organisation,
        request=request,
        details=details,
    )


def mentee_create_from_referral(*, actor, referral: Referral, request=None) -> Mentee:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                mentee = Mentee.objects.create(
                    organisation=referral.organisation,
                    referral=referral,
                    reference=new_reference(CASE_REFERENCE_PREFIX),
                    release_date=referral.expected_release_date,
                    **{name: getattr(referral, name) for name in FROM_REFERRAL},
                )
            break
        except IntegrityError:
            continue  # A reference already in use: draw another.
    else:
        raise RuntimeError("Could not find a free case reference.")
    MenteeStatusChange.objects.create(
        mentee=mentee,
        organisation=mentee.organisation,
        status=mentee.status,
        created_by=actor,
        note=f"Accepted from {referral.reference}",
    )
    _audit(actor, AuditAction.CREATED, mentee, mentee, request, referral=referral.reference)
    return mentee


@transaction.atomic
def mentee_update(*, actor, mentee: Mentee, request=None, **fields) -> Mentee:
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    _refuse_if_erased(mentee)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    audited_save(
        mentee,
        actor=actor,
        organisation=mentee.organisation,
        values=fields,
        request=request,
        before_save=_check_dates,
    )
    return mentee


def _check_dates(mentee: Mentee) -> None:
    errors = {}
    induction, release, licence_end = (
        mentee.prison_induction_date,
        mentee.release_date,
        mentee.licence_end_date,
    )
    if induction and release and release < induction:
        errors["release_date"] = "Release date must be after the prison induction date"
    if release and licence_end and licence_end < release:
        errors["licence_end_date"] = "Licence end date must be after the release date"
    if errors:
        raise ValidationError(errors)


def _refuse_if_erased(mentee: Mentee) -> None:
    if mentee.erased_at:
        raise ValidationError("This record has been erased and cannot be changed.")


def live_relationship_problem(mentee: Mentee) -> str | None:
    """Why the record cannot be closed or erased yet (matching says: a mentor is proposed to the
    mentee, or mentoring them), or None."""
    for part in record_parts.parts():
        if problem := part.blocker(mentee):
            return problem
    return None


def _lock_unerased(mentee: Mentee) -> Mentee:
    """The record, locked, for adding to it: an erasure under way (an org admin's, or the
    retention job's) finishes first and the addition is refused, so nothing lands on an erased
    record after its erasure has swept it."""
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    _refuse_if_erased(mentee)
    return mentee


@transaction.atomic
def mentee_set_status(
    *, actor, mentee: Mentee, status: str, closure_reason: str = "", note: str = "", request=None
) -> Mentee:
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    _refuse_if_erased(mentee)
    if status not in MenteeStatus.values:
        raise ValidationError({"status": "Select a status from the list"})
    if status == MenteeStatus.CLOSED and closure_reason not in ClosureReason.values:
        raise ValidationError({"closure_reason": "Select why the case is closed"})
    if status == MenteeStatus.CLOSED and closure_reason == ClosureReason.OTHER and not note.strip():
        raise ValidationError({"note": "Explain why the case is closed"})
    if status == MenteeStatus.CLOSED and (problem := live_relationship_problem(mentee)):
        raise ValidationError({"status": f"The case cannot be closed yet. {problem}"})
    if status == mentee.status and status != MenteeStatus.CLOSED:
        raise ValidationError(
            {"status": f"The case is already {mentee.get_status_display().lower()}"}
        )
    previous = mentee.status
    mentee.status = status
    mentee.closure_reason = closure_reason if status == MenteeStatus.CLOSED else ""
    mentee.save(update_fields=["status", "closure_reason", "updated_at"])
    MenteeStatusChange.objects.create(
        mentee=mentee,
        organisation=mentee.organisation,
        status=status,
        closure_reason=mentee.closure_reason,
        note=note.strip(),
        created_by=actor,
    )
    _audit(actor, AuditAction.STATUS_CHANGED, mentee, mentee, request, to=status, previous=previous)
    return mentee


@transaction.atomic
def assessment_record(
    *,
    actor,
    mentee: Mentee,
    kind: str,
    assessed_on,
    ratings: list[tuple],
    submission_key=None,
    request=None,
) -> NeedsAssessment:
    """Record a needs assessment. The same form sent twice makes one (core/once.py)."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=NeedsAssessment,
        create=lambda: _assessment_record(
            actor=actor,
            mentee=mentee,
            kind=kind,
            assessed_on=assessed_on,
            ratings=ratings,
            request=request,
        ),
    )


# A goal's target date is at most this far ahead.
GOAL_MAX_DAYS_AHEAD = 730
# An assessment is recorded within this many days of being made.
ASSESSMENT_MAX_AGE_DAYS = 365


def _check_assessment_date(mentee: Mentee, kind: str, assessed_on) -> None:
    """The date of an assessment is checked against the facts: not in the future, not more
    than a year ago, and a review comes after the assessment it reviews."""
    today = timezone.localdate()
    last = mentee.assessments.order_by("-assessed_on").values_list("assessed_on", flat=True)
    last = last.first()
    if assessed_on > today:
        message = "Assessment date must be today or in the past"
    elif (today - assessed_on).days > ASSESSMENT_MAX_AGE_DAYS:
        message = (
            "Assessment date must be within the last 12 months. "
            "Record an older assessment as a note instead"
        )
    elif kind == AssessmentKind.REVIEW and last is None:
        raise ValidationError(
            {"kind": "There is no earlier assessment to review, so this is the first assessment"}
        )
    elif kind == AssessmentKind.INITIAL and last is not None:
        raise ValidationError(
            {"kind": "They already have a first assessment, so this one is a review"}
        )
    elif kind == AssessmentKind.REVIEW and assessed_on < last:
        message = f"A review must be on or after the last assessment, {last:%-d %B %Y}"
    else:
        return
    raise ValidationError({"assessed_on": message})


@transaction.atomic
def _assessment_record(
    *, actor, mentee: Mentee, kind: str, assessed_on, ratings: list[tuple], request=None
) -> NeedsAssessment:
    """ratings: (pathway, level, notes) for each pathway assessed."""
    mentee = _lock_unerased(mentee)
    _check_assessment_date(mentee, kind, assessed_on)
    assessment = NeedsAssessment.objects.create(
        mentee=mentee,
        organisation=mentee.organisation,
        kind=kind,
        assessed_on=assessed_on,
        created_by=actor,
    )
    NeedRating.objects.bulk_create(
        NeedRating(assessment=assessment, pathway=pathway, level=level, notes=notes)
        for pathway, level, notes in ratings
    )
    _audit(actor, AuditAction.CREATED, assessment, mentee, request)
    return assessment


@transaction.atomic
def goal_save(
    *,
    actor,
    mentee: Mentee,
    pathway: TaxonomyTerm,
    description: str,
    target_date: date | None,
    status: str,
    goal: Goal | None = None,
    submission_key=None,
    request=None,
) -> Goal:
    """Add a goal, or change one. The same new goal sent twice is added once (core/once.py)."""
    values = {
        "pathway": pathway,
        "description": description,
        "target_date": target_date,
        "status": status,
    }

    def save() -> Goal:
        return _goal_save(actor=actor, mentee=mentee, goal=goal, values=values, request=request)

    if goal is not None:
        return save()
    return create_once(actor=actor, key=submission_key, model=Goal, create=save)


def _goal_save(*, actor, mentee: Mentee, goal: Goal | None, values: dict, request) -> Goal:
    mentee = _lock_unerased(mentee)
    if goal is None:
        goal = Goal(mentee=mentee, organisation=mentee.organisation, created_by=actor)
    target = values["target_date"]
    if target and target != goal.target_date:
        today = timezone.localdate()
        if target < today:
            raise ValidationError({"target_date": "The target date must be today or in the future"})
        if (target - today).days > GOAL_MAX_DAYS_AHEAD:
            raise ValidationError(
                {
                    "target_date": "The target date must be within 2 years. "
                    "Break a longer goal into steps"
                }
            )
    audited_save(
        goal, actor=actor, organisation=mentee.organisation, values=values, request=request
    )
    return goal


@transaction.atomic
def note_add(*, actor, mentee: Mentee, text: str, submission_key=None, request=None) -> CaseNote:
    """The same form sent twice adds one note (core/once.py)."""

    def create() -> CaseNote:
        locked = _lock_unerased(mentee)
        if not text.strip():
            raise ValidationError({"text": "Enter the note"})
        note = CaseNote.objects.create(
            mentee=locked, organisation=locked.organisation, text=text.strip(), created_by=actor
        )
        _audit(actor, AuditAction.CREATED, note, locked, request)
        return note

    return create_once(actor=actor, key=submission_key, model=CaseNote, create=create)


@transaction.atomic
def document_add(
    *,
    actor,
    mentee: Mentee,
    title: str,
    upload,
    content_type: str,
    extension: str,
    submission_key=None,
    request=None,
) -> CaseDocument:
    """`upload` has been checked by content (see forms.cases.DocumentForm). The same form sent
    twice adds one document (core/once.py)."""

    def create() -> CaseDocument:
        locked = _lock_unerased(mentee)
        document = CaseDocument(
            mentee=locked,
            organisation=locked.organisation,
            title=title.strip(),
            content_type=content_type,
            extension=extension,
            size=upload.size,
            created_by=actor,
        )
        document.file.save("upload", upload, save=False)
        document.save()
        _audit(actor, AuditAction.CREATED, document, locked, request)
        return document

    return create_once(actor=actor, key=submission_key, model=CaseDocument, create=create)


def record_view(*, actor, mentee: Mentee, request=None, part: str = "case record") -> None:
    _audit(actor, AuditAction.VIEWED, mentee, mentee, request, part=part)
