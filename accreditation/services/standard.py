"""Versions of the standard: platform admins copy the current version as a draft, edit it in the
platform admin, and publish it. Published versions never change."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.audit import audit_record
from accounts.constants import AuditAction

from ..constants import StandardStatus
from ..models import Area, Requirement, Standard


@transaction.atomic
def standard_copy(*, actor, standard: Standard, version: str, request=None) -> Standard:
    """A draft copy of `standard`, numbered `version`, to edit into the next version."""
    version = version.strip()
    if Standard.objects.filter(version=version).exists():
        raise ValidationError({"version": f"There is already a version {version}"})
    copy = Standard.objects.create(
        version=version,
        title=standard.title,
        introduction=standard.introduction,
        status=StandardStatus.DRAFT,
    )
    for area in standard.areas.prefetch_related("requirements"):
        new_area = Area.objects.create(
            standard=copy, position=area.position, title=area.title, description=area.description
        )
        Requirement.objects.bulk_create(
            Requirement(
                standard=copy,
                area=new_area,
                position=requirement.position,
                code=requirement.code,
                title=requirement.title,
                description=requirement.description,
                guidance=requirement.guidance,
            )
            for requirement in area.requirements.all()
        )
    audit_record(
        actor=actor,
        action=AuditAction.CREATED,
        obj=copy,
        request=request,
        details={"copied_from": standard.version},
    )
    return copy


@transaction.atomic
def standard_publish(*, actor, standard: Standard, request=None) -> Standard:
    """Make a draft the version new applications use. It can no longer be changed."""
    standard = Standard.objects.select_for_update().get(pk=standard.pk)
    if standard.is_published:
        raise ValidationError(f"Version {standard.version} is already published.")
    if not standard.requirements.exists():
        raise ValidationError(f"Version {standard.version} has no requirements yet.")
    standard.status = StandardStatus.PUBLISHED
    standard.published_at = timezone.now()
    standard.save(update_fields=["status", "published_at"])
    audit_record(
        actor=actor,
        action=AuditAction.STATUS_CHANGED,
        obj=standard,
        request=request,
        details={"status": StandardStatus.PUBLISHED},
    )
    return standard
