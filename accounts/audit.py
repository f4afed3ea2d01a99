"""Writing the audit log. Every view or change of a person's record calls audit_record."""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.db import models

from .addresses import client_ip
from .constants import AuditAction
from .models import AuditEvent

M = TypeVar("M", bound=models.Model)


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


def changed_fields(obj: models.Model, values: Mapping[str, Any]) -> list[str]:
    """The names in `values` whose value differs from `obj`'s, sorted: what an update's audit
    event lists as changed. The one diff helper every service uses."""
    return sorted(name for name, value in values.items() if getattr(obj, name) != value)


def locked(obj: M) -> M:
    """The row of `obj` again, locked for the rest of the transaction."""
    return type(obj).objects.select_for_update().get(pk=obj.pk)


def audited_save(
    obj: M,
    *,
    actor,
    organisation,
    values: Mapping[str, Any] | None = None,
    request=None,
    before_save: Callable[[M], None] | None = None,
    details: dict | None = None,
) -> list[str]:
    """Create or update `obj` the one way services do: set `values` on it, run `before_save`
    (fields worked out from others), check it (full_clean, so a ValidationError changes
    nothing) and save it, then write one audit event: "created" for a new row, else "updated"
    with the fields that changed. An update's `obj` is locked by the caller (`locked`).
    Returns the names of the fields changed."""
    values = values or {}
    creating = obj._state.adding
    # A new row has nothing to compare with (and may not have its required relations yet).
    changed = sorted(values) if creating else changed_fields(obj, values)
    for name, value in values.items():
        setattr(obj, name, value)
    if before_save is not None:
        before_save(obj)
    obj.full_clean()
    obj.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATED if creating else AuditAction.UPDATED,
        obj=obj,
        organisation=organisation,
        request=request,
        details=details if creating else {"fields": changed, **(details or {})},
    )
    return changed
