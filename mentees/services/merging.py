"""Merging likely duplicates (issue 19): a referral into the person's case record, a referral
into another open referral of the same person, or one case record into another. Both
histories are kept: the kept record gains the other's notes, assessments, goals, documents,
status history, relationships and meetings; the merged one stays as a pointer to it; both are
audited, each naming the other."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction

from ..constants import OPEN_REFERRAL_STATUSES, ReferralStatus
from ..merging import MERGE_STEPS
from ..models import (
    CaseDocument,
    CaseNote,
    Goal,
    Mentee,
    MenteeStatusChange,
    NeedsAssessment,
    Referral,
    ReferralStatusChange,
)

MOVED = (MenteeStatusChange, NeedsAssessment, Goal, CaseNote, CaseDocument)


def _usable(mentee: Mentee, what: str) -> None:
    if mentee.erased_at:
        raise ValidationError(f"{what} has been erased, so it cannot be merged.")
    if mentee.merged_into_id:
        raise ValidationError(f"{what} has already been merged into another record.")


def _close(
    referral: Referral,
    *,
    actor,
    status: str,
    merged_into: Mentee | None = None,
    combined_into: Referral | None = None,
) -> None:
    """Decide the locked referral as merged into a case record or joined to another referral,
    pointing at where it went, with its history row."""
    referral.status = status
    referral.merged_into = merged_into or referral.merged_into
    referral.combined_into = combined_into or referral.combined_into
    referral.decided_at = timezone.now()
    referral.decided_by = actor
    referral.save(
        update_fields=[
            "status",
            "merged_into",
            "combined_into",
            "decided_at",
            "decided_by",
            "updated_at",
        ]
    )
    ReferralStatusChange.objects.create(
        referral=referral,
        organisation_id=referral.organisation_id,
        status=referral.status,
        changed_by=actor,
    )


def _audit_both(*, actor, kept, merged, request) -> None:
    """One audit event on each record of a merge, each naming the other."""
    for obj, other, role in ((kept, merged, "kept"), (merged, kept, "merged")):
        audit_record(
            actor=actor,
            action=AuditAction.MERGED,
            obj=obj,
            organisation=kept.organisation,
            request=request,
            details={"role": role, "other": str(other.pk), "other_reference": other.reference},
        )


@transaction.atomic
def mentee_merge(*, actor, merged: Mentee, kept: Mentee, request=None) -> Mentee:
    """Merge the case record `merged` into `kept`, of the same organisation. Both rows are
    locked in one order, so two coordinators merging the same pair either way round cannot
    both succeed."""
    if merged.pk == kept.pk:
        raise ValidationError("Choose two different records to merge.")
    if merged.organisation_id != kept.organisation_id:
        raise ValidationError("Only records of the same organisation can be merged.")
    locked = {
        row.pk: row
        for row in Mentee.objects.select_for_update()
        .filter(pk__in=[merged.pk, kept.pk])
        .order_by("pk")
    }
    merged, kept = locked[merged.pk], locked[kept.pk]
    _usable(kept, "The record to keep")
    _usable(merged, "The record to merge")
    for step in MERGE_STEPS:
        step(merged=merged, kept=kept)
    for model in MOVED:
        model.objects.filter(mentee=merged).update(mentee=kept)
    Referral.objects.filter(merged_into=merged).update(merged_into=kept)
    now = timezone.now()
    merged.merged_into = kept
    merged.merged_at = now
    merged.save(update_fields=["merged_into", "merged_at", "updated_at"])
    CaseNote.objects.create(
        mentee=kept,
        organisation=kept.organisation,
        created_by=actor,
        text=f"Case record {merged.reference} of the same person was merged into this one. "
        "Its notes, assessments, goals, documents, relationships and meetings are now here.",
    )
    _audit_both(actor=actor, kept=kept, merged=merged, request=request)
    return kept


@transaction.atomic
def referral_merge(*, actor, referral: Referral, into: Mentee, request=None) -> Referral:
    """An open referral from someone who already has a case record: the referral is closed as
    merged into that record, and the record notes what they asked for this time."""
    if referral.organisation_id != into.organisation_id:
        raise ValidationError("Only records of the same organisation can be merged.")
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if not referral.is_open:
        status = referral.get_status_display().lower()
        raise ValidationError(f"This referral has already been decided: it is {status}.")
    into = Mentee.objects.select_for_update().get(pk=into.pk)
    _usable(into, "The case record")
    _close(referral, actor=actor, status=ReferralStatus.MERGED, merged_into=into)
    asked = ", ".join(term.name.lower() for term in referral.needs.all()) or "nothing listed"
    CaseNote.objects.create(
        mentee=into,
        organisation=into.organisation,
        created_by=actor,
        text=f"Referral {referral.reference} of the same person was merged into this record. "
        f"They asked for help with: {asked}."
        + (f" They said: {referral.needs_details}" if referral.needs_details else ""),
    )
    _audit_both(actor=actor, kept=into, merged=referral, request=request)
    return referral


@transaction.atomic
def referral_combine(*, actor, merged: Referral, kept: Referral, request=None) -> Referral:
    """The same person asked twice: the open referral `merged` is closed as joined to `kept`,
    which goes on and gains what they asked for the second time. Each keeps its own history;
    the person checking either reference follows it to `kept`. Both rows are locked in one
    order, so two coordinators joining the same pair either way round cannot both succeed."""
    if merged.pk == kept.pk:
        raise ValidationError("Choose two different referrals to merge.")
    if merged.organisation_id is None or merged.organisation_id != kept.organisation_id:
        raise ValidationError("Only referrals of the same organisation can be merged.")
    locked = {
        row.pk: row
        for row in Referral.objects.select_for_update()
        .filter(pk__in=[merged.pk, kept.pk])
        .order_by("pk")
    }
    merged, kept = locked[merged.pk], locked[kept.pk]
    for referral in (kept, merged):
        if referral.status not in OPEN_REFERRAL_STATUSES or referral.erased_at:
            status = referral.get_status_display().lower()
            raise ValidationError(
                f"Referral {referral.reference} has already been decided: it is {status}."
            )
    kept.needs.add(*merged.needs.all())
    _close(merged, actor=actor, status=ReferralStatus.COMBINED, combined_into=kept)
    _audit_both(actor=actor, kept=kept, merged=merged, request=request)
    return kept
