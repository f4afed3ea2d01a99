from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

# Pages a staff user may reach before MFA is set up or passed: signing in and out, setting up
# MFA, and the static statements linked from every footer.
EXEMPT_PREFIXES = ("/accounts/", "/static/", "/privacy/", "/accessibility/", "/cookies/")


class StaffMFAMiddleware:
    """MFA is mandatory for every staff role and for mentors; allauth has no per-role switch,
    so this is it.

    A staff user without an authenticator is sent to set one up; a session that signed in
    without passing MFA (for example before the role was given) is asked for a code.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and not getattr(view_func, "public_page", False)
            and _requires_mfa(request)
        ):
            if not is_mfa_enabled(user):
                messages.info(
                    request,
                    "Staff and mentor accounts must use two-factor authentication. "
                    "Set up an authenticator app to continue.",
                )
                return redirect(_with_next("mfa_activate_totp", request))
            records = get_authentication_records(request, user)
            if not any(record.get("method") == "mfa" for record in records):
                return redirect(_with_next("mfa_reauthenticate", request))
        return None


def _with_next(url_name: str, request) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"


def _requires_mfa(request) -> bool:
    """Every staff role (platform roles, Django admin users, org admins and coordinators) and
    every mentor: mentors read their mentees' custody status, release plans and goals.

    Anyone else (a volunteer still applying) may turn it on but is not made to.
    """
    user = request.user
    if user.platform_role or user.is_staff:
        return True
    return bool(getattr(request, "memberships", []))


def public_page(view):
    """Mark a view anyone may use, so staff who have not passed MFA can still read it."""
    view.public_page = True
    return view


def shows_nothing_personal(view):
    """Mark a public view whose page never shows anything from the visitor's session, so it is
    compressed even for a visitor part-way through asking for a mentor (config/compression.py)."""
    view.shows_nothing_personal = True
    return view
