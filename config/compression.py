"""Gzip for pages that hold no secret, so the public pages stay light on a slow link.

A compressed page that holds a secret and reflects what an attacker sends can leak the secret
through its size (BREACH). So only answers to visitors who are not signed in are compressed, and
only when they have nothing in their session (every personal answer lives there, so the page can
show nothing personal) or the view is marked `shows_nothing_personal` (accounts.middleware: the
directory's pages). Django masks the CSRF token afresh on every response and pads each gzip body
with random bytes, so a form's token is not a secret BREACH can read.
Anything a view marks no-store or private is never compressed. docs/decisions/0032a.
"""

from django.middleware.gzip import GZipMiddleware

SAFE_METHODS = frozenset({"GET", "HEAD"})


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not holds_no_secret(request, response):
            return response
        return super().process_response(request, response)


def holds_no_secret(request, response) -> bool:
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    cache_control = response.get("Cache-Control", "")
    return (
        request.method in SAFE_METHODS
        and not (user is not None and user.is_authenticated)
        and (session is None or session.is_empty() or _marked(request))
        and "no-store" not in cache_control
        and "private" not in cache_control
    )


def _marked(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return match is not None and getattr(match.func, "shows_nothing_personal", False)
