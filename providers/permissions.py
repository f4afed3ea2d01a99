"""Decorators that say who may use a view. A wrong role gets 403; other tenants' objects 404."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts.constants import PlatformRole
from accounts.roles import has_platform_role
from core.permissions import membership_passes

from .constants import MembershipRole


def membership_required(*roles: str):
    """The user acts for an active organisation with one of these roles (any role if none)."""
    return membership_passes(lambda membership: not roles or membership.role in roles)


org_admin_required = membership_required(MembershipRole.ORG_ADMIN)
staff_required = membership_required(MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR)


def may_print_directory(request) -> bool:
    """Provider staff (org admin or coordinator) of an active organisation, commissioners and
    platform admins: the people who print the directory for a prison or area."""
    if has_platform_role(request.user, PlatformRole.COMMISSIONER, PlatformRole.PLATFORM_ADMIN):
        return True
    membership = getattr(request, "membership", None)
    return membership is not None and membership.is_staff_role and membership.organisation.is_active


def staff_or_commissioner_required(view):
    """Only for the people may_print_directory allows; anyone else signed in gets 403."""

    @wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not may_print_directory(request):
            raise PermissionDenied("This page is for provider staff and commissioners.")
        return view(request, *args, **kwargs)

    return wrapped
