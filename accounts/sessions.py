"""How long a session lasts, and which responses no browser or proxy may keep.

Every session cookie ends when the browser closes (SESSION_EXPIRE_AT_BROWSER_CLOSE). On top of
that, this middleware ends a session that has been idle too long:
- an anonymous visitor's (the answers of "Ask for a mentor", a checked request) after
  SESSION_IDLE_SECONDS_ANONYMOUS, so the next person at a shared terminal starts afresh;
- a signed-in user's after SESSION_IDLE_SECONDS_SIGNED_IN idle, or SESSION_MOST_SECONDS_SIGNED_IN
  after signing in, whichever comes first. They land on a plain "You have been signed out" page.

Pages read `request.session_idle_seconds` (the idle limit that applies to this visitor) and
`request.session_warning_seconds` to warn a signed-in user before it runs out
(components/timeout_warning.html).
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect

LAST_SEEN = "_last_seen"
SIGNED_IN_AT = "_signed_in_at"


def idle_limit(request) -> int:
    if request.user.is_authenticated:
        return settings.SESSION_IDLE_SECONDS_SIGNED_IN
    return settings.SESSION_IDLE_SECONDS_ANONYMOUS


def _has_session(request) -> bool:
    """Whether this visitor has a session at all (without making one for them)."""
    return bool(request.session.session_key) or not request.session.is_empty()


class SessionTimeoutMiddleware:
    """Put after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        now = time.time()
        if _has_session(request):
            ended = self._end_if_over(request, now)
            if ended is not None:
                return ended
        request.session_idle_seconds = idle_limit(request)
        request.session_warning_seconds = settings.SESSION_WARNING_SECONDS
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            session[LAST_SEEN] = now
            if request.user.is_authenticated and SIGNED_IN_AT not in session:
                session[SIGNED_IN_AT] = now
        return response

    def _end_if_over(self, request, now: float):
        session = request.session
        last_seen = session.get(LAST_SEEN)
        if request.user.is_authenticated:
            signed_in_at = session.get(SIGNED_IN_AT, now)
            idle_over = last_seen is not None and now - last_seen > idle_limit(request)
            too_long = now - signed_in_at > settings.SESSION_MOST_SECONDS_SIGNED_IN
            if idle_over or too_long:
                logout(request)  # Flushes the session: a new key, nothing of the old one.
                return redirect("accounts:signed_out")
        elif last_seen is not None and now - last_seen > idle_limit(request):
            session.flush()  # Everything the last visitor entered goes with it.
        return None


class PrivateResponsesMiddleware:
    """`Cache-Control: no-store, private` on every response that may carry personal data:
    anything sent to a signed-in user, anything sent while the visitor's session holds something
    (their answers, a checked request), and every page whose URL name is in
    settings.PERSONAL_URL_NAMESPACES (the journey and "check your request", even before a
    session exists). Public pages for a visitor with nothing in their session stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        already = response.get("Cache-Control", "")
        if self._personal(request) and not ("no-store" in already and "private" in already):
            response["Cache-Control"] = "no-store, private"
            response.headers.pop("Expires", None)
        return response

    @staticmethod
    def _personal(request) -> bool:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty():
            return True
        match = getattr(request, "resolver_match", None)
        name = f"{match.namespace}:{match.url_name}" if match and match.namespace else ""
        return name.startswith(tuple(settings.PERSONAL_URL_NAMES))
