"""Every state change of a directory listing: create, edit, publish, pause, review."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.once import create_once

from ..constants import OrganisationStatus, ServiceStatus
from ..models import Organisation, Service
from ..search import rebuild_search_words, refresh_search_index

# Many-to-many fields a listing form sets; the rest are plain fields.
RELATED_FIELDS = ("pathways", "regions", "local_authorities", "prisons", "locations")


def _changed_fields(before: dict, service: Service) -> list[str]:
    return sorted(name for name, value in before.items() if getattr(service, name) != value)


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


@transaction.atomic
def service_update(*, actor, service: Service, request=None, **fields) -> Service:
    """Change a listing's details. Editing it counts as reviewing it."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    related = {name: fields.pop(name) for name in RELATED_FIELDS if name in fields}
    before = {name: getattr(service, name) for name in fields}
    for name, value in fields.items():
        setattr(service, name, value)
    service.last_reviewed_at = timezone.localdate()
    service.full_clean()
    service.save()
    related_before = {name: set(getattr(service, name).all()) for name in related}
    _set_related(service, related)
    changed = _changed_fields(before, service) + sorted(
        name for name, values in related.items() if set(values) != related_before[name]
    )
    refresh_search_index([service.pk])
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
