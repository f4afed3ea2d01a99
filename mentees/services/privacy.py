"""Subject access and erasure. An org admin can export everything held about a person, and
erase it: personal details go; what reports count (status, pathways, areas, dates to the
month) stays, attached to no one. Closed case records are erased the same way once their
organisation's retention period has passed."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core import outbox
from core.dates import add_months

from .. import record_parts
from ..constants import OPEN_REFERRAL_STATUSES, MenteeStatus, ReferralStatus
from ..models import (
    CaseDocument,
    CaseNote,
    Goal,
    Mentee,
    MenteeStatusChange,
    NeedRating,
    Referral,
)
from .cases import live_relationship_problem

REFERRAL_PERSONAL_FIELDS = {
    "worker_name": "",
    "worker_organisation": "",
    "worker_email": "",
    "worker_phone": "",
    "full_name": "",
    "date_of_birth": None,
    "prison_number": "",
    "needs_details": "",
    "contact_methods": [],
    "phone": "",
    "email": "",
    "postal_address": "",
    "probation_practitioner": "",
    "decision_note": "",
    "pass_on_consent": "",
}
MENTEE_PERSONAL_FIELDS = {
    "full_name": "",
    "preferred_name": "",
    "date_of_birth": None,
    "prison_number": "",
    "phone": "",
    "email": "",
    "postal_address": "",
    "contact_methods": [],
    "probation_practitioner": "",
}


def _month(day):
    return day.replace(day=1) if day else None


def _date(value):
    return value.isoformat() if value else None


def mentee_export(*, actor, mentee: Mentee, request=None) -> dict:
    """Everything held about the person, as plain data (for JSON and the printable page)."""
    referral = mentee.referral
    data = {
        "exported_at": timezone.now().isoformat(),
        "organisation": mentee.organisation.name,
        "case_record": {
            "reference": mentee.reference,
            "full_name": mentee.full_name,
            "preferred_name": mentee.preferred_name,
            "date_of_birth": _date(mentee.date_of_birth),
            "prison": str(mentee.prison or ""),
            "prison_number": mentee.prison_number,
            "council_area": str(mentee.local_authority or ""),
            "phone": mentee.phone,
            "email": mentee.email,
            "postal_address": mentee.postal_address,
            "contact_methods": mentee.contact_methods,
            "probation_practitioner": mentee.probation_practitioner,
            "mentor_gender_preference": mentee.get_mentor_gender_display(),
            "lived_experience_preference": mentee.get_lived_experience_display(),
            "language": mentee.get_language_display(),
            "prison_induction_date": _date(mentee.prison_induction_date),
            "release_date": _date(mentee.release_date),
            "licence_end_date": _date(mentee.licence_end_date),
            "status": mentee.get_status_display(),
            "closure_reason": mentee.get_closure_reason_display(),
            "opened": mentee.created_at.isoformat(),
        },
        "status_history": [
            {
                "status": change.get_status_display(),
                "closure_reason": change.get_closure_reason_display(),
                "note": change.note,
                "when": change.created_at.isoformat(),
            }
            for change in mentee.status_changes.all()
        ],
        "needs_assessments": [
            {
                "kind": assessment.get_kind_display(),
                "assessed_on": _date(assessment.assessed_on),
                "ratings": [
                    {
                        "pathway": rating.pathway.name,
                        "level": rating.get_level_display(),
                        "notes": rating.notes,
                    }
                    for rating in assessment.ratings.all()
                ],
            }
            for assessment in mentee.assessments.prefetch_related("ratings__pathway")
        ],
        "action_plan": [
            {
                "pathway": goal.pathway.name,
                "goal": goal.description,
                "target_date": _date(goal.target_date),
                "progress": goal.get_status_display(),
            }
            for goal in mentee.goals.select_related("pathway")
        ],
        "notes": [
            {"written": note.created_at.isoformat(), "text": note.text}
            for note in mentee.notes.all()
        ],
        "documents": [
            {"title": document.title, "uploaded": document.created_at.isoformat()}
            for document in mentee.documents.all()
        ],
        "referral": _referral_data(referral) if referral else None,
        **{part.key: part.export(mentee) for part in record_parts.parts()},
    }
    audit_record(
        actor=actor,
        action=AuditAction.EXPORTED,
        obj=mentee,
        organisation=mentee.organisation,
        request=request,
    )
    return data


def _referral_data(referral: Referral) -> dict:
    return {
        "reference": referral.reference,
        "sent": referral.created_at.isoformat(),
        "filled_in_by": referral.get_completed_by_display(),
        "worker": ", ".join(
            part
            for part in (referral.worker_name, referral.worker_organisation, referral.worker_email)
            if part
        ),
        "help_wanted": [term.name for term in referral.needs.all()],
        "anything_else": referral.needs_details,
        "agreed_to_sharing": referral.consented_at.isoformat(),
        "status": referral.get_status_display(),
    }


@transaction.atomic
def mentee_erase(*, actor, mentee: Mentee, request=None) -> Mentee:
    mentee = Mentee.objects.select_for_update().get(pk=mentee.pk)
    if mentee.erased_at:
        return mentee
    if problem := live_relationship_problem(mentee):
        raise ValidationError(f"The personal details cannot be erased yet. {problem}")
    _erase_mentee(mentee)
    audit_record(
        actor=actor,
        action=AuditAction.ERASED,
        obj=mentee,
        organisation=mentee.organisation,
        request=request,
    )
    return mentee


def _erase_mentee(mentee: Mentee) -> None:
    """Drop what identifies the person, on the case record and everything hanging off it; keep
    what reports count. The caller holds the row lock and audits."""
    outbox.forget_address(mentee.email)
    for name, blank in MENTEE_PERSONAL_FIELDS.items():
        setattr(mentee, name, blank)
    mentee.prison_induction_date = _month(mentee.prison_induction_date)
    mentee.release_date = _month(mentee.release_date)
    mentee.licence_end_date = _month(mentee.licence_end_date)
    mentee.erased_at = timezone.now()
    mentee.save()
    CaseNote.objects.filter(mentee=mentee).delete()
    for document in CaseDocument.objects.filter(mentee=mentee):
        document.file.delete(save=False)
        document.delete()
    Goal.objects.filter(mentee=mentee).update(description="")
    NeedRating.objects.filter(assessment__mentee=mentee).update(notes="")
    MenteeStatusChange.objects.filter(mentee=mentee).update(note="")
    for part in record_parts.parts():
        part.erase(mentee)
    if mentee.referral_id:
        _erase_referral(Referral.objects.select_for_update().get(pk=mentee.referral_id))


def _erase_referral(referral: Referral) -> None:
    outbox.forget_address(referral.email)
    for name, blank in REFERRAL_PERSONAL_FIELDS.items():
        setattr(referral, name, blank)
    referral.expected_release_date = _month(referral.expected_release_date)
    referral.erased_at = timezone.now()
    referral.save()


@transaction.atomic
def referrals_erase_expired(*, before) -> int:
    """Erase referrals decided before `before` that did not become a case record (the
    retention period), and requests no provider took from the general inbox in that time; open
    and accepted ones are kept. Safe to run again."""
    expired = (
        Referral.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(erased_at__isnull=True, mentee__isnull=True)
        .filter(
            Q(decided_at__lt=before)
            | Q(status=ReferralStatus.WAITING, organisation__isnull=True, created_at__lt=before)
        )
        .exclude(status__in=OPEN_REFERRAL_STATUSES)
    )
    count = 0
    for referral in expired:
        _erase_referral(referral)
        audit_record(
            actor=None,
            action=AuditAction.ERASED,
            obj=referral,
            organisation=referral.organisation,
            details={"reason": "retention period ended"},
        )
        count += 1
    return count


def retention_ends(closed_at, organisation) -> date:
    """The day a case record closed at `closed_at` is erased: the same calendar day (in UK time)
    its organisation's retention period later, the last day of February for 29 February. The
    job runs early each morning, so the record is gone on that day."""
    return add_months(timezone.localdate(closed_at), 12 * organisation.case_retention_years)


def erase_due_on(mentee: Mentee) -> date | None:
    """The day the retention job will erase this closed case record, or None."""
    if mentee.status != MenteeStatus.CLOSED or mentee.erased_at:
        return None
    closed = mentee.status_changes.filter(status=MenteeStatus.CLOSED).order_by("-created_at")
    # A record closed without a status change (imported, or written before the history was kept)
    # counts from its last change, so it is never kept for ever.
    closed_at = closed.values_list("created_at", flat=True).first() or mentee.updated_at
    return retention_ends(closed_at, mentee.organisation)


def case_records_erase_expired(*, now=None) -> int:
    """Erase case records whose day to be erased (erase_due_on) has come: closed longer ago than
    their organisation keeps them (Organisation.case_retention_years). Each is erased in its own
    transaction, and one already erased, reopened (or closed again since) or taken by another
    worker is skipped, so running twice erases nothing twice."""
    today = timezone.localdate(now or timezone.now())
    closed_at = (
        MenteeStatusChange.objects.filter(mentee=OuterRef("pk"), status=MenteeStatus.CLOSED)
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    candidates = (
        Mentee.objects.filter(status=MenteeStatus.CLOSED, erased_at__isnull=True)
        .annotate(closed_at=Coalesce(Subquery(closed_at), F("updated_at")))
        .select_related("organisation")
    )
    count = 0
    for mentee in candidates.iterator():
        if (
            mentee.closed_at is None
            or retention_ends(mentee.closed_at, mentee.organisation) > today
        ):
            continue
        with transaction.atomic():
            locked = (
                Mentee.objects.select_for_update(skip_locked=True)
                .filter(pk=mentee.pk, status=MenteeStatus.CLOSED, erased_at__isnull=True)
                .first()
            )
            # Under the lock, so a record reopened and closed again since is judged afresh.
            due = erase_due_on(locked) if locked else None
            if due is None or due > today or live_relationship_problem(locked):
                continue
            _erase_mentee(locked)
            audit_record(
                actor=None,
                action=AuditAction.ERASED,
                obj=locked,
                organisation=locked.organisation,
                details={
                    "reason": f"closed more than {locked.organisation.case_retention_years} "
                    "years ago (retention period)"
                },
            )
        count += 1
    return count
