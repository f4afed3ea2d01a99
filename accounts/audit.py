"""Writing the audit log. Every view or change of a person's record calls audit_record."""

from django.db import models

from .addresses import client_ip
from .constants import AuditAction
from .models import AuditEvent


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    organisation=None,
    request=None,
    details: dict | None = None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_email=actor.email if authenticated else "",
        organisation=organisation,
        action=action,
        object_type=object_type,
        object_id=object_id,
        object_repr=object_repr[:200],
        ip_address=client_ip(request),
        details=details or {},
    )


def audit_viewed(
    request, obj: models.Model, *, organisation, part: str = "", object_repr: str = ""
) -> AuditEvent:
    """Record that the signed-in person looked at `obj` (a person's record, a file, a part of a
    record named by `part`): the one way views write "viewed" events."""
    return audit_record(
        actor=request.user,
        action=AuditAction.VIEWED,
        obj=obj,
        object_repr=object_repr,
        organisation=organisation,
        request=request,
        details={"part": part} if part else None,
    )
