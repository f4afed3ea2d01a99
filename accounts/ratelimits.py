"""Limits on our own public look-ups (checking a request, checking a certificate).

The rates are in settings.ACCOUNT_RATE_LIMITS beside allauth's, and are counted by allauth's
limiter in the shared cache. allauth's public `consume` counts POSTs only, but a certificate is
checked by following a link (a GET), so this is the one place that calls its internal limiter,
which can count GETs too. If an allauth upgrade moves it, tests/accounts/test_ratelimits.py fails.
"""

from allauth.core.internal import ratelimit
from django.conf import settings


def allowed(request, action: str, key: str | None = None) -> bool:
    """Count this request against `action`'s rates; False once any of them is used up."""
    usage = ratelimit.consume(
        request,
        app="allauth.account",
        action=action,
        config=settings.ACCOUNT_RATE_LIMITS,
        key=key,
        limit_get=True,
    )
    return usage is not None


def failures_left(request, action: str, key: str) -> bool:
    """Whether `action`'s failed tries for `key` (say, one reference) are not used up yet.
    Counts nothing: record a failure with `allowed(request, action, key=key)`."""
    usage = ratelimit.consume(
        request,
        app="allauth.account",
        action=action,
        config=settings.ACCOUNT_RATE_LIMITS,
        key=key,
        limit_get=True,
        dry_run=True,
    )
    return usage is not None
