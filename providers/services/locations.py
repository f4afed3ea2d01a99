"""Places where an organisation meets people, for service pages and distance searches."""

from django.db import transaction

from accounts.audit import audit_record
from accounts.constants import AuditAction
from core.once import create_once

from ..models import Location, Organisation


def _place_at_council_centre(location: Location) -> None:
    # Without a postcode geocoder we place it at its council area's centre: close enough to
    # sort services by distance, and honest about it on the form.
    council = location.local_authority
    location.latitude = council.latitude if council else None
    location.longitude = council.longitude if council else None


@transaction.atomic
def location_create(
    *, actor, organisation: Organisation, submission_key=None, request=None, **fields
) -> Location:
    """Add a location. The same form sent twice makes one (core/once.py)."""
    return create_once(
        actor=actor,
        key=submission_key,
        model=Location,
        create=lambda: _location_create(
            actor=actor, organisation=organisation, request=request, **fields
        ),
    )


@transaction.atomic
def _location_create(*, actor, organisation: Organisation, request=None, **fields) -> Location:
    location = Location(organisation=organisation, **fields)
    _place_at_council_centre(location)
    location.full_clean()
    location.save()
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=location,
        organisation=organisation,
        request=request,
    )
    return location


@transaction.atomic
def location_update(*, actor, location: Location, request=None, **fields) -> Location:
    location = Location.objects.select_for_update().get(pk=location.pk)
    for name, value in fields.items():
        setattr(location, name, value)
    _place_at_council_centre(location)
    location.full_clean()
    location.save()
    audit_record(
        actor=actor,
        action=AuditAction.UPDATED,
        obj=location,
        organisation=location.organisation,
        request=request,
        details={"fields": sorted(fields)},
    )
    return location


@transaction.atomic
def location_remove(*, actor, location: Location, request=None) -> None:
    """Remove a place; the services that met there simply no longer list it."""
    audit_record(
        actor=actor,
        action=AuditAction.REMOVED,
        obj=location,
        organisation=location.organisation,
        request=request,
    )
    location.delete()
