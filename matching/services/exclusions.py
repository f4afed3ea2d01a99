"""Must-not-match pairs (co-defendants, known associates): added and removed by coordinators.

Both are safe when two requests act on the same pair at once. Adding relies on the unique
constraint, not on a look first: the second insert waits for the first transaction and then
fails, and the coordinator is told the pair is already listed. Removing locks the row, so the
second removal finds nothing left and neither audits twice.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.audit import audit_record
from accounts.constants import AuditAction
from mentees.models import Mentee
from volunteers.models import MentorProfile

from ..models import Exclusion

ALREADY_LISTED = "This pair is already on the must-not-match list"


@transaction.atomic
def exclusion_create(
    *, actor, mentee: Mentee, mentor: MentorProfile, reason: str, request=None
) -> Exclusion:
    try:
        with transaction.atomic():
            exclusion = Exclusion.objects.create(
                organisation=mentee.organisation,
                mentee=mentee,
                mentor=mentor,
                reason=reason,
                created_by=actor,
            )
    except IntegrityError as error:
        raise ValidationError({"mentor": ALREADY_LISTED}) from error
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=exclusion,
        organisation=mentee.organisation,
        request=request,
    )
    return exclusion


@transaction.atomic
def exclusion_remove(*, actor, exclusion: Exclusion, request=None) -> bool:
    """Remove the pair; False when another request removed it first (nothing to do)."""
    locked = Exclusion.objects.select_for_update().filter(pk=exclusion.pk).first()
    if locked is None:
        return False
    audit_record(
        actor=actor,
        action=AuditAction.REMOVED,
        obj=locked,
        organisation=locked.organisation,
        request=request,
    )
    locked.delete()
    return True
