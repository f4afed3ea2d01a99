"""Limits on signing in (below) and on our own public look-ups (checking a request, checking a
certificate).

The look-ups' rates are in settings.ACCOUNT_RATE_LIMITS beside allauth's, and are counted by
allauth's limiter in the shared cache. allauth's public `consume` counts POSTs only, but a
certificate is checked by following a link (a GET), so this is the one place that calls its
internal limiter, which can count GETs too. If an allauth upgrade moves it,
tests/accounts/test_ratelimits.py fails.
"""

import hashlib
import math
import time

from allauth.core.internal import ratelimit
from django.conf import settings
from django.core.cache import cache


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


# Signing in. allauth's own limit ("login_failed") counts failures per address and per account
# separately and then refuses everyone for a while: anyone could lock a whole prison or probation
# office (one address for all its staff) out, or lock one person out from everywhere. Ours keys on
# the account and the address together and slows down rather than blocks:
# - an account at an address has SIGNIN_FREE_TRIES wrong passwords, then must wait
#   SIGNIN_FIRST_WAIT seconds before each further try, doubling each time (capped);
# - an address as a whole has a far higher ceiling (SIGNIN_ADDRESS_FREE_TRIES wrong passwords
#   over any accounts, against password spraying); past it the same growing wait applies, but
#   not to an account that has signed in from that address before: an office's own staff still
#   get in while someone there tries other people's accounts.
# A refused try checks no password and does not make the wait longer. The counts live in the
# shared cache, and are forgotten SIGNIN_MEMORY seconds after the first failure.
SIGNIN_FREE_TRIES = 5
SIGNIN_ADDRESS_FREE_TRIES = 50
SIGNIN_FIRST_WAIT = 30
SIGNIN_LONGEST_WAIT = 60 * 60
SIGNIN_MEMORY = 24 * 60 * 60
SIGNIN_KNOWN_FOR = 90 * 24 * 60 * 60


def _signin_keys(request, email: str) -> tuple[str, str, str]:
    address = ratelimit.get_ip(request)
    pair = hashlib.sha256(f"{email.strip().lower()}\n{address}".encode()).hexdigest()
    return f"signin:pair:{pair}", f"signin:ip:{address}", f"signin:known:{pair}"


def signin_wait(request, email: str) -> int:
    """Seconds this account must wait before trying a password from this address (0: go on)."""
    pair, address, known = _signin_keys(request, email)
    now = time.time()
    waits = [cache.get(f"{pair}:until", 0) - now]
    if not cache.get(known):
        waits.append(cache.get(f"{address}:until", 0) - now)
    return max(0, math.ceil(max(waits)))


def signin_failed(request, email: str) -> None:
    """Count a wrong password, and make the account (and maybe the address) wait longer."""
    pair, address, _known = _signin_keys(request, email)
    for key, free in ((pair, SIGNIN_FREE_TRIES), (address, SIGNIN_ADDRESS_FREE_TRIES)):
        cache.add(f"{key}:failures", 0, SIGNIN_MEMORY)
        failures = cache.incr(f"{key}:failures")
        if failures >= free:
            wait = min(SIGNIN_FIRST_WAIT * 2 ** (failures - free), SIGNIN_LONGEST_WAIT)
            cache.set(f"{key}:until", time.time() + wait, SIGNIN_MEMORY)


def signin_succeeded(request, email: str) -> None:
    """The right password: this account starts afresh here, and is known at this address."""
    pair, _address, known = _signin_keys(request, email)
    cache.delete_many([f"{pair}:failures", f"{pair}:until"])
    cache.set(known, True, SIGNIN_KNOWN_FOR)


def wait_in_words(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} seconds"
    return f"{math.ceil(seconds / 60)} minutes"
