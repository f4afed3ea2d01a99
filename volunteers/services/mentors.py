"""Every change of a mentor record: matching profile, capacity, status, supervision."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.once import create_once
from providers.constants import STAFF_ROLES, MembershipRole
from providers.models import Membership
from providers.services import membership_remove

from ..constants import MentorStatus
from ..models import MentorProfile, SupervisionSession

RELATED_FIELDS = ("pathways", "local_authorities")


@transaction.atomic
def mentor_update(*, actor, mentor: MentorProfile, request=None, **fields) -> MentorProfile:
    """Correct the matching profile or the capacity."""
    mentor = MentorProfile.objects.select_for_update().get(pk=mentor.pk)
    related = {name: fields.pop(name) for name in RELATED_FIELDS if name in fields}
    changed = sorted(name for name, value in fields.items() if getattr(mentor, name) != value)
    for name, value in fields.items():
        setattr(mentor, name, value)
    mentor.full_clean()
    mentor.save()
    for name, values in related.items():
        if set(getattr(mentor, name).all()) != set(values):
            changed.append(name)
        getattr(mentor, name).set(values)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=mentor,
        organisation=mentor.organisation,
        request=request,
        details={"fields": sorted(changed)},
    )
    return mentor


@transaction.atomic
def mentor_set_status(
    *, actor, mentor: MentorProfile, status: str, reason: str = "", request=None
) -> MentorProfile:
    """Pause a mentor, bring them back, or record that they have left.

    Leaving is final here: their mentor membership ends. If they come back they apply again, and
    approving that application makes them active once more.
    """
    mentor = (
        MentorProfile.objects.select_for_update().select_related("organisation").get(pk=mentor.pk)
    )
    if status not in MentorStatus.values:
        raise ValidationError({"status": "Choose a status from the list"})
    if mentor.status == MentorStatus.LEFT:
        raise ValidationError(
            {"status": "This mentor has left. If they come back, they apply again."}
        )
    if status == mentor.status:
        raise ValidationError(
            {"status": f"This mentor is already {mentor.get_status_display().lower()}"}
        )
    if status in (MentorStatus.PAUSED, MentorStatus.LEFT) and not reason.strip():
        raise ValidationError({"reason": "Give the reason, for the mentor's record"})
    previous = mentor.status
    mentor.status = status
    mentor.status_reason = reason.strip()
    mentor.status_changed_at = timezone.now()
    mentor.save(update_fields=["status", "status_reason", "status_changed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=mentor,
        organisation=mentor.organisation,
        request=request,
        details={"from": previous, "to": status},
    )
    if status == MentorStatus.LEFT:
        membership = (
            Membership.objects.active()
            .filter(
                user_id=mentor.user_id, organisation=mentor.organisation, role=MembershipRole.MENTOR
            )
            .first()
        )
        if membership:
            membership_remove(actor=actor, membership=membership, request=request)
    return mentor


@transaction.atomic
def supervision_create(
    *,
    actor,
    mentor: MentorProfile,
    held_on: date,
    supervisor,
    notes: str,
    concerns: str = "",
    submission_key=None,
    request=None,
) -> SupervisionSession:
    """Record a supervision session. The same form sent twice makes one (core/once.py)."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=SupervisionSession,
        create=lambda: _supervision_create(
            actor=actor,
            mentor=mentor,
            held_on=held_on,
            supervisor=supervisor,
            notes=notes,
            concerns=concerns,
            request=request,
        ),
    )


@transaction.atomic
def _supervision_create(
    *,
    actor,
    mentor: MentorProfile,
    held_on: date,
    supervisor,
    notes: str,
    concerns: str = "",
    request=None,
) -> SupervisionSession:
    mentor = (
        MentorProfile.objects.select_for_update().select_related("application").get(pk=mentor.pk)
    )
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": "The date of the session must be today or in the past"})
    applied_on = timezone.localdate(mentor.application.submitted_at or mentor.approved_at)
    if held_on < applied_on:
        raise ValidationError(
            {
                "held_on": "The date of the session must be on or after the day the mentor "
                f"applied ({applied_on:%-d %B %Y})"
            }
        )
    is_staff = Membership.objects.active().filter(
        organisation_id=mentor.organisation_id, user=supervisor, role__in=STAFF_ROLES
    )
    if not is_staff.exists():
        raise ValidationError({"supervisor": "Choose a member of your staff from the list"})
    # The same session sent twice (a double click, a resent form) is recorded once.
    existing = mentor.supervision_sessions.filter(
        held_on=held_on, supervisor=supervisor, notes=notes, concerns=concerns
    ).first()
    if existing:
        return existing
    session = SupervisionSession(
        organisation=mentor.organisation,
        mentor=mentor,
        held_on=held_on,
        supervisor=supervisor,
        notes=notes,
        concerns=concerns,
        recorded_by=actor,
    )
    session.full_clean()
    session.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=session,
        organisation=mentor.organisation,
        request=request,
        details={"mentor": str(mentor.pk), "concerns": bool(concerns.strip())},
    )
    return session
