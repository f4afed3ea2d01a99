"""Who holds a platform role: commissioners, assessors and platform administrators.

Platform administrators give and take these roles on the "People with platform roles" page; a
commissioner also needs the region they compare providers in (CommissionerRegion).
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from .audit import audit_record
from .constants import AuditAction, PlatformRole
from .models import CommissionerRegion, User

# Checks other apps register (in their AppConfig.ready) to refuse taking a platform role away
# while the person is in the middle of work that needs it: each gets the user and the new role
# and raises ValidationError to refuse. Accreditation registers one for assessors. A list read
# here, so this app imports nothing of the apps above it.
role_change_checks: list[Callable[[User, str], None]] = []


@transaction.atomic
def platform_role_set(*, actor, user, role: str, region=None, request=None) -> User:
    """Give `user` the platform role `role` (PlatformRole.NONE takes it away)."""
    if user.pk == actor.pk:
        raise ValidationError(
            {"role": "You cannot change your own role. Ask another platform administrator."}
        )
    if role not in PlatformRole.values:
        raise ValidationError({"role": "Choose a role from the list"})
    if role == PlatformRole.COMMISSIONER and region is None:
        raise ValidationError({"region": "Choose the region this commissioner works in"})
    # Both rows, in one order, so two administrators changing each other's roles at once wait
    # for each other instead of deadlocking; then the actor is checked again, as another
    # administrator may have taken their role since the page let them in.
    locked = {
        row.pk: row
        for row in User.objects.select_for_update()
        .filter(pk__in=[user.pk, actor.pk])
        .order_by("pk")
    }
    if locked[actor.pk].platform_role != PlatformRole.PLATFORM_ADMIN:
        raise PermissionDenied("Only a platform administrator can give or change platform roles.")
    user = locked[user.pk]
    for check in role_change_checks:
        check(user, role)
    before = {"role": user.platform_role, "region": _region_name(user)}
    user.platform_role = role
    user.save(update_fields=["platform_role"])
    if role == PlatformRole.COMMISSIONER:
        CommissionerRegion.objects.update_or_create(user=user, defaults={"region": region})
    else:
        CommissionerRegion.objects.filter(user=user).delete()
    after = {"role": role, "region": region.name if role == PlatformRole.COMMISSIONER else ""}
    if after != before:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATED,
            obj=user,
            request=request,
            details={
                "platform_role": [before["role"], role],
                "region": [before["region"], after["region"]],
            },
        )
    return user


def _region_name(user) -> str:
    found = CommissionerRegion.objects.filter(user=user).select_related("region").first()
    return found.region.name if found else ""
