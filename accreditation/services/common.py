"""What every accreditation service shares: the timeline, the audit log, stored files.
(References come from core.references, shared by every kind of record.)"""

from django.db import transaction

from accounts.audit import audit_record

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


def on_commit_delete(field_file) -> None:
    """Delete a stored file once the transaction that forgot it has committed."""
    storage, name = field_file.storage, field_file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
