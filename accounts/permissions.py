"""Decorators for the pages of platform roles (commissioners, assessors, platform admins)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .roles import has_platform_role


def platform_role_required(*roles: str):
    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not has_platform_role(request.user, *roles):
                raise PermissionDenied("This page is for a different role.")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
