"""The end of a signed-in session: the page a timed-out user lands on, and the "Stay signed in"
request of the timeout warning."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ..middleware import public_page


@public_page
@require_GET
def signed_out(request):
    """Where a user lands once signed out for being idle. The warning's own countdown also comes
    here; if another tab kept the session alive, the user goes back to what they were doing."""
    if request.user.is_authenticated:
        back = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            back = "dashboard"
        return redirect(back)
    return render(
        request,
        "accounts/signed_out.html",
        {
            "idle_minutes": settings.SESSION_IDLE_SECONDS_SIGNED_IN // 60,
            "most_hours": settings.SESSION_MOST_SECONDS_SIGNED_IN // 3600,
        },
    )


@public_page
@login_required
@require_POST
def stay_signed_in(request):
    """The session middleware counts this request as activity; nothing else to do."""
    return HttpResponse(status=204)
