"""Organisations asking for support to reach the standard, and assessors answering."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from providers.models import Organisation

from ..constants import SupportStatus
from ..models import SupportRequest


@transaction.atomic
def support_request_create(
    *, actor, organisation: Organisation, message: str, areas=(), request=None
) -> SupportRequest:
    """Ask for support. The same message sent twice while unanswered is kept once."""
    message = message.strip()
    if not message:
        raise ValidationError({"message": "Say what you would like help with"})
    same = SupportRequest.objects.filter(
        organisation=organisation, message=message, status=SupportStatus.OPEN
    ).first()
    if same is not None:
        return same
    support = SupportRequest.objects.create(
        organisation=organisation, message=message, requested_by=actor
    )
    support.areas.set(areas)
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=support,
        organisation=organisation,
        request=request,
    )
    return support


@transaction.atomic
def support_request_reply(
    *, actor, support: SupportRequest, reply: str, request=None
) -> SupportRequest:
    support = SupportRequest.objects.select_for_update().get(pk=support.pk)
    reply = reply.strip()
    if not reply:
        raise ValidationError({"reply": "Write your reply"})
    support.reply = reply
    support.replied_by = actor
    support.replied_at = timezone.now()
    support.status = SupportStatus.ANSWERED
    support.save(update_fields=["reply", "replied_by", "replied_at", "status"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=support,
        organisation=support.organisation,
        request=request,
        details={"step": "replied"},
    )
    return support
