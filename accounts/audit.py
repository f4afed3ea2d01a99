"""Writing the audit log. Every view or change of a person's record calls audit_record."""

from django.db import models

from .addresses import client_ip
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
