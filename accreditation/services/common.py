"""What every accreditation service shares: the timeline, the audit log, references."""

from django.db import IntegrityError, transaction

from accounts.audit import audit_record
from mentees.references import new_reference

from ..models import Application, ApplicationEvent


def record_step(
    *,
    actor,
    application: Application,
    kind: str,
    action: str,
    obj=None,
    requirement=None,
    message: str = "",
    request=None,
    details: dict | None = None,
) -> ApplicationEvent:
    """One step: a line in the application's timeline and an event in the audit log."""
    event = ApplicationEvent.objects.create(
        organisation=application.organisation,
        application=application,
        kind=kind,
        requirement=requirement,
        message=message,
        actor=actor,
    )
    audit_record(
        actor=actor,
        action=action,
        obj=obj if obj is not None else application,
        organisation=application.organisation,
        request=request,
        details={"step": kind, **(details or {})},
    )
    return event


def unique_reference(model, field: str, prefix: str) -> str:
    """A reference not yet used in `model.field` (a clash among 8·10^10 is rare, not impossible)."""
    for _ in range(10):
        candidate = new_reference(prefix)
        if not model.objects.filter(**{field: candidate}).exists():
            return candidate
    raise IntegrityError(f"Could not find an unused {prefix} reference")


def on_commit_delete(field_file) -> None:
    """Delete a stored file once the transaction that forgot it has committed."""
    storage, name = field_file.storage, field_file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
