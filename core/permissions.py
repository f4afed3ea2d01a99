"""A view decorator that needs an active membership, whatever the domain calls its roles.

The middleware of the providers app puts the person's active membership on `request.membership`
(None without one); this module only relies on that object having `organisation.is_active`.
Role-specific decorators are built from it where the roles are defined (providers.permissions),
and the audit log of accounts uses it with its own test.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def membership_passes(allowed: Callable[[object], bool]):
    """The user acts for an active organisation through a membership that `allowed` accepts.

    A wrong role gets 403; a membership of an organisation that is not active gets the
    "organisation not active" page, also with 403.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            membership = request.membership
            if membership is None or not allowed(membership):
                raise PermissionDenied("Your role in this organisation cannot use this page.")
            if not membership.organisation.is_active:
                return render(
                    request,
                    "providers/organisation_not_active.html",
                    {"organisation": membership.organisation},
                    status=403,
                )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
