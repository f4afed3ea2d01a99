"""Every state change of organisations, memberships and invitations."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.audit import audit_record, audited_save
from accounts.constants import AuditAction
from core.once import create_once

from ..constants import MembershipRole, OrganisationStatus
from ..models import Invitation, Membership, Organisation, Region
from ..search import rebuild_search_words
from ..tasks import send_invitation_email

# Paths under /organisations/ that an organisation's slug must not take.
RESERVED_SLUGS = {"register"}


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "organisation"
    if base in RESERVED_SLUGS:
        base = f"{base}-organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def organisation_create(
    *,
    actor,
    name: str,
    region: Region | None = None,
    status: str = OrganisationStatus.PENDING,
    description: str = "",
    charity_number: str = "",
    company_number: str = "",
    website: str = "",
    email: str = "",
    phone: str = "",
    address_1: str = "",
    city: str = "",
    postcode: str = "",
) -> Organisation:
    organisation = Organisation(
        name=name,
        slug=_unique_slug(name),
        region=region,
        status=status,
        description=description,
        charity_number=charity_number,
        company_number=company_number,
        website=website,
        email=email,
        phone=phone,
        address_1=address_1,
        city=city,
        postcode=postcode,
    )
    audited_save(organisation, actor=actor, organisation=organisation)
    return organisation


@transaction.atomic
def organisation_set_status(
    *, actor, organisation: Organisation, status: str, reason: str = "", request=None
) -> Organisation:
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if status not in OrganisationStatus.values:
        raise ValidationError({"status": "Choose a valid status."})
    if status in (OrganisationStatus.SUSPENDED, OrganisationStatus.REJECTED) and not reason:
        raise ValidationError({"reason": "Give the reason, so the organisation knows why."})
    previous = organisation.status
    organisation.status = status
    organisation.status_reason = reason
    organisation.save(update_fields=["status", "status_reason"])
    if OrganisationStatus.ACTIVE in (previous, status) and previous != status:
        rebuild_search_words()  # its listings join or leave the directory
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=organisation,
        organisation=organisation,
        request=request,
        details={"from": previous, "to": status, "reason": reason},
    )
    return organisation


@transaction.atomic
def membership_create(*, actor, organisation: Organisation, user, role: str) -> Membership:
    if Membership.objects.active().filter(organisation=organisation, user=user).exists():
        raise ValidationError(f"{user.email} is already a member of {organisation}.")
    membership = Membership(organisation=organisation, user=user, role=role)
    audited_save(membership, actor=actor, organisation=organisation, details={"role": role})
    return membership


@transaction.atomic
def membership_remove(*, actor, membership: Membership, request=None) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.removed_at is not None:
        raise ValidationError("This person has already been removed.")
    if membership.role == MembershipRole.ORG_ADMIN:
        other_admins = (
            Membership.objects.active()
            .filter(organisation_id=membership.organisation_id, role=MembershipRole.ORG_ADMIN)
            .exclude(pk=membership.pk)
        )
        if not other_admins.exists():
            raise ValidationError(
                "You cannot remove the only organisation admin. Invite another admin first."
            )
    membership.removed_at = timezone.now()
    membership.removed_by = actor
    membership.save(update_fields=["removed_at", "removed_by"])
    audit_record(
        actor=actor,
        action=AuditAction.REMOVED,
        obj=membership,
        organisation=membership.organisation,
        request=request,
        details={"role": membership.role},
    )
    return membership


@transaction.atomic
def invitation_create(
    *, actor, organisation: Organisation, email: str, role: str, submission_key=None, request=None
) -> Invitation:
    """Invite someone by email. The same form sent twice sends one invitation (core/once.py);
    two admins inviting the same person at once are taken in turn, so the second is told an
    invitation is already waiting."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=Invitation,
        create=lambda: _invitation_create(actor, organisation, email, role, request),
    )


def _invitation_create(actor, organisation: Organisation, email: str, role: str, request):
    # One invitation at a time per organisation: the check below then sees any made meanwhile.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    email = email.strip().lower()
    if Membership.objects.active().filter(organisation=organisation, user__email=email).exists():
        raise ValidationError({"email": f"{email} is already a member of {organisation}."})
    if Invitation.objects.pending().filter(organisation=organisation, email=email).exists():
        raise ValidationError(
            {"email": f"{email} already has an invitation waiting. Revoke it to send a new one."}
        )
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    audit_record(
        actor=actor,
        action=AuditAction.INVITED,
        obj=invitation,
        organisation=organisation,
        request=request,
        details={"role": role},
    )
    send_invitation_email(invitation.pk)  # to the outbox, in this transaction
    return invitation


@transaction.atomic
def invitation_revoke(*, actor, invitation: Invitation, request=None) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError(f"This invitation is already {invitation.status_label.lower()}.")
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit_record(
        actor=actor,
        action=AuditAction.INVITATION_REVOKED,
        obj=invitation,
        organisation=invitation.organisation,
        request=request,
    )
    return invitation


def invitation_problem(invitation: Invitation, user=None) -> str | None:
    """Why this invitation cannot be accepted (by this user), in words for the page."""
    if invitation.revoked_at:
        return "This invitation has been withdrawn. Ask the organisation to invite you again."
    if invitation.accepted_at:
        return "This invitation has already been used."
    if invitation.is_expired:
        return (
            f"This invitation expired on {timezone.localtime(invitation.expires_at):%-d %B %Y}. "
            "Ask the organisation to send you a new one."
        )
    if user is not None and user.is_authenticated and user.email.lower() != invitation.email:
        return (
            f"This invitation was sent to {invitation.email}, but you are signed in as "
            f"{user.email}. Sign out and sign in with the invited address."
        )
    return None


@transaction.atomic
def invitation_accept(*, user, invitation: Invitation, request=None) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation, user)
    if problem:
        raise ValidationError(problem)
    membership = membership_create(
        actor=user, organisation=invitation.organisation, user=user, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        actor=user,
        action=AuditAction.INVITATION_ACCEPTED,
        obj=invitation,
        organisation=invitation.organisation,
        request=request,
    )
    return membership
