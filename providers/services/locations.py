"""Places where an organisation meets people, for service pages and distance searches."""

from django.db import transaction

from accounts.audit import audit_record, audited_save, locked
from accounts.constants import AuditAction
from core.once import create_once

from ..models import LocalAuthority, Location, Organisation


def _place_at_council_centre(location: Location) -> None:
    # Without a postcode geocoder we place it at its council area's centre: close enough to
    # sort services by distance, and honest about it on the form.
    council = location.local_authority
    location.latitude = council.latitude if council else None
    location.longitude = council.longitude if council else None


@transaction.atomic
def location_create(
    *,
    actor,
    organisation: Organisation,
    name: str,
    address_1: str,
    city: str,
    postcode: str,
    local_authority: LocalAuthority | None,
    submission_key=None,
    request=None,
) -> Location:
    """Add a location. The same form sent twice makes one (core/once.py)."""
    location = Location(
        organisation=organisation,
        name=name,
        address_1=address_1,
        city=city,
        postcode=postcode,
        local_authority=local_authority,
    )

    def create() -> Location:
        audited_save(
            location,
            actor=actor,
            organisation=organisation,
            request=request,
            before_save=_place_at_council_centre,
        )
        return location

    return create_once(actor=actor, key=submission_key, model=Location, create=create)


@transaction.atomic
def location_update(
    *,
    actor,
    location: Location,
    name: str,
    address_1: str,
    city: str,
    postcode: str,
    local_authority: LocalAuthority | None,
    request=None,
) -> Location:
    location = locked(location)
    values = {
        "name": name,
        "address_1": address_1,
        "city": city,
        "postcode": postcode,
        "local_authority": local_authority,
    }
    audited_save(
        location,
        actor=actor,
        organisation=location.organisation,
        values=values,
        request=request,
        before_save=_place_at_council_centre,
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
