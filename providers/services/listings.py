"""Every state change of a directory listing: create, edit, publish, pause, review."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record, changed_fields
from accounts.constants import AuditAction
from core.once import create_once

from ..constants import OrganisationStatus, ServiceStatus
from ..models import Organisation, Service
from ..search import rebuild_search_words, refresh_search_index

# Many-to-many fields a listing form sets; the rest are plain fields.
RELATED_FIELDS = ("pathways", "regions", "local_authorities", "prisons", "locations")


def _set_related(service: Service, related: dict) -> None:
    for name, values in related.items():
        getattr(service, name).set(values)


@transaction.atomic
def service_create(
    *, actor, organisation: Organisation, submission_key=None, request=None, **fields
) -> Service:
    """Add a service as a draft. The same form sent twice makes one (core/once.py)."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=Service,
        create=lambda: _service_create(
            actor=actor, organisation=organisation, request=request, **fields
        ),
    )


@transaction.atomic
def _service_create(*, actor, organisation: Organisation, request=None, **fields) -> Service:
    related = {name: fields.pop(name) for name in RELATED_FIELDS if name in fields}
    service = Service(organisation=organisation, status=ServiceStatus.DRAFT, **fields)
    service.full_clean()
    service.save()
    _set_related(service, related)
    refresh_search_index([service.pk])
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=service,
        organisation=organisation,
        request=request,
    )
    return service


def _as_draft(fields: dict) -> dict:
    """The listing form's values as JSON: related rows by their ids."""
    return {
        name: [str(obj.pk) for obj in value] if name in RELATED_FIELDS else value
        for name, value in fields.items()
    }


def draft_fields(service: Service) -> dict:
    """The draft's values as the form and service_update take them (related rows by id)."""
    return dict(service.draft_changes or {})


@transaction.atomic
def service_save_draft(*, actor, service: Service, request=None, **fields) -> Service:
    """Edits to a published service: checked like any edit, then kept as a draft while the
    directory goes on showing the published version."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    with transaction.atomic():
        trial = transaction.savepoint()
        _apply(service, dict(fields), index=False)  # refuses what service_update refuses
        transaction.savepoint_rollback(trial)
    service = Service.objects.select_for_update().get(pk=service.pk)
    service.draft_changes = _as_draft(fields)
    service.draft_saved_at = timezone.now()
    service.save(update_fields=["draft_changes", "draft_saved_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=service,
        organisation=service.organisation,
        request=request,
        details={"draft": True, "fields": sorted(fields)},
    )
    return service


@transaction.atomic
def service_publish_draft(*, actor, service: Service, request=None) -> Service:
    service = Service.objects.select_for_update().get(pk=service.pk)
    if not service.draft_changes:
        raise ValidationError("There are no changes waiting to be published.")
    fields = draft_fields(service)
    service.draft_changes, service.draft_saved_at = None, None
    service.save(update_fields=["draft_changes", "draft_saved_at", "updated_at"])
    return service_update(actor=actor, service=service, request=request, **fields)


@transaction.atomic
def service_discard_draft(*, actor, service: Service, request=None) -> Service:
    service = Service.objects.select_for_update().get(pk=service.pk)
    if service.draft_changes:
        service.draft_changes, service.draft_saved_at = None, None
        service.save(update_fields=["draft_changes", "draft_saved_at", "updated_at"])
        audit_record(
            actor=actor,
            action=AuditAction.UPDATED,
            obj=service,
            organisation=service.organisation,
            request=request,
            details={"draft": "discarded"},
        )
    return service


def _apply(service: Service, fields: dict, *, index: bool = True) -> list[str]:
    """Set the fields and related rows on the locked `service`; the names of those changed."""
    related = {name: fields.pop(name) for name in RELATED_FIELDS if name in fields}
    changed = changed_fields(service, fields)
    for name, value in fields.items():
        setattr(service, name, value)
    service.last_reviewed_at = timezone.localdate()
    service.full_clean()
    service.save()
    related_before = {name: {obj.pk for obj in getattr(service, name).all()} for name in related}
    _set_related(service, related)
    after = {name: {obj.pk for obj in getattr(service, name).all()} for name in related}
    if index:
        refresh_search_index([service.pk])
    return changed + sorted(name for name in related if after[name] != related_before[name])


@transaction.atomic
def service_update(*, actor, service: Service, request=None, **fields) -> Service:
    """Change a listing's details. Editing it counts as reviewing it."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    changed = _apply(service, fields)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=service,
        organisation=service.organisation,
        request=request,
        details={"fields": changed},
    )
    return service


def publish_problems(service: Service) -> list[str]:
    """What stops a listing being published, in words for the page."""
    problems = []
    if service.organisation.status != OrganisationStatus.ACTIVE:
        problems.append("Your organisation must be approved before its services can be published.")
    if not service.pathways.exists():
        problems.append("Choose at least one resettlement pathway the service helps with.")
    if not (service.in_custody or service.through_the_gate or service.in_community):
        problems.append("Choose where the service is delivered.")
    covers_somewhere = (
        service.national
        or service.regions.exists()
        or service.local_authorities.exists()
        or service.prisons.exists()
    )
    if not covers_somewhere:
        problems.append("Choose the areas or prisons the service covers.")
    if not (service.self_referral or service.probation_referral or service.prison_staff_referral):
        problems.append("Say how people can be referred to the service.")
    return problems


@transaction.atomic
def service_set_status(*, actor, service: Service, status: str, request=None) -> Service:
    service = Service.objects.select_for_update().select_related("organisation").get(pk=service.pk)
    if status not in ServiceStatus.values:
        raise ValidationError("Choose a valid status.")
    if status == service.status:
        raise ValidationError(f"This service is already {service.get_status_display().lower()}.")
    if status == ServiceStatus.PUBLISHED:
        problems = publish_problems(service)
        if problems:
            raise ValidationError(problems)
        service.published_at = service.published_at or timezone.now()
    previous = service.status
    service.status = status
    service.save(update_fields=["status", "published_at", "updated_at"])
    if status == ServiceStatus.PUBLISHED:
        refresh_search_index([service.pk])  # its words join the spelling list
    else:
        rebuild_search_words()  # its words may now belong to no public listing
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=service,
        organisation=service.organisation,
        request=request,
        details={"from": previous, "to": status},
    )
    return service


@transaction.atomic
def service_mark_reviewed(*, actor, service: Service, request=None) -> Service:
    """Confirm the listing is still right without changing it."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    service.last_reviewed_at = timezone.localdate()
    service.save(update_fields=["last_reviewed_at", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.REVIEWED,
        obj=service,
        organisation=service.organisation,
        request=request,
    )
    return service
