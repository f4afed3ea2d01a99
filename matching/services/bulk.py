"""Suggest matches for everyone waiting, then let a coordinator review, edit and confirm them.
Nothing reaches a mentor until confirmation, which proposes every included row or none."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.dates import govuk_datetime

from .. import assignment
from ..constants import BulkProposalStatus
from ..models import BulkProposal, BulkProposalRow
from ..profiles import mentee_profiles, mentor_profiles_of, weights_for
from ..waiting import waiting_mentees
from .matches import match_propose


@transaction.atomic
def bulk_suggest(*, actor, organisation, request=None) -> BulkProposal:
    mentees = waiting_mentees(organisation)
    mentee_list = mentee_profiles(mentees)
    mentors = mentor_profiles_of(organisation)
    weights = weights_for(organisation)
    best = assignment.optimal(mentee_list, mentors, weights)
    one_by_one = assignment.greedy(mentee_list, mentors, weights)
    proposal = BulkProposal.objects.create(
        organisation=organisation,
        created_by=actor,
        waiting=len(mentee_list),
        optimal_total=best.total_score,
        optimal_matched=best.matched,
        greedy_total=one_by_one.total_score,
        greedy_matched=one_by_one.matched,
    )
    BulkProposalRow.objects.bulk_create(
        BulkProposalRow(
            proposal=proposal,
            mentee_id=pair.mentee_id,
            mentor_id=pair.mentor_id,
            score=pair.score,
            reasons=list(pair.reasons),
        )
        for pair in best.pairs
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=proposal,
        organisation=organisation,
        request=request,
    )
    return proposal


@transaction.atomic
def bulk_set_included(*, actor, proposal: BulkProposal, included_row_ids: set[int]) -> None:
    proposal = _lock_draft(proposal)
    rows = proposal.rows.all()
    rows.filter(pk__in=included_row_ids).update(included=True)
    rows.exclude(pk__in=included_row_ids).update(included=False)


def _lock_draft(proposal: BulkProposal) -> BulkProposal:
    proposal = BulkProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != BulkProposalStatus.DRAFT:
        by = proposal.decided_by.display_name if proposal.decided_by else "someone"
        raise ValidationError(
            f"These suggestions were already {proposal.get_status_display().lower()} by {by} "
            f"on {govuk_datetime(proposal.decided_at)}. Nothing was changed."
        )
    return proposal


@transaction.atomic
def bulk_confirm(*, actor, proposal: BulkProposal, request=None) -> int:
    """Propose every included row, or none: if one can no longer be proposed (a mentor filled
    up, a mentee was matched meanwhile), nothing is proposed and the reasons are given. Two
    coordinators confirming at once: the second is told it was done."""
    proposal = _lock_draft(proposal)
    rows = list(proposal.rows.filter(included=True).select_related("mentee", "mentor"))
    if not rows:
        raise ValidationError("Choose at least one suggested match to confirm.")
    problems = []
    try:
        with transaction.atomic():
            for row in rows:
                try:
                    match_propose(
                        actor=actor, mentee=row.mentee, mentor=row.mentor, request=request
                    )
                except ValidationError as error:
                    name = row.mentee.display_name
                    problems += [f"{name}: {message}" for message in error.messages]
            if problems:
                raise ValidationError(problems)
    except ValidationError:
        raise ValidationError(
            ["Nothing was proposed, because some suggestions no longer hold:", *problems]
        ) from None
    proposal.status = BulkProposalStatus.CONFIRMED
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor
    proposal.save()
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=proposal,
        organisation=proposal.organisation,
        request=request,
        details={"to": "confirmed", "proposed": len(rows)},
    )
    return len(rows)


@transaction.atomic
def bulk_discard(*, actor, proposal: BulkProposal) -> None:
    proposal = _lock_draft(proposal)
    proposal.status = BulkProposalStatus.DISCARDED
    proposal.decided_at = timezone.now()
    proposal.decided_by = actor
    proposal.save()
