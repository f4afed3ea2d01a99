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
from dataclasses import dataclass

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
#
# Two-factor codes (MFA_...) are limited the same way, and only someone who has just typed the
# account's password (or is signed in to it) reaches them: an account at an address has
# MFA_FREE_TRIES wrong codes, then a growing wait; the account as a whole, over every address,
# has MFA_ACCOUNT_FREE_TRIES (against a stolen password tried from many places), except where it
# has passed the code step before. So someone who learnt a password cannot lock its owner out
# of their usual place, and a code is never refused for good.
SIGNIN_FREE_TRIES = 5
SIGNIN_ADDRESS_FREE_TRIES = 50
SIGNIN_FIRST_WAIT = 30
SIGNIN_LONGEST_WAIT = 60 * 60
SIGNIN_MEMORY = 24 * 60 * 60
SIGNIN_KNOWN_FOR = 90 * 24 * 60 * 60
MFA_FREE_TRIES = 5
MFA_ACCOUNT_FREE_TRIES = 20


@dataclass(frozen=True)
class GrowingWait:
    """Failed tries counted per (who, address) and per a wider `shared` key, each with its own
    free tries before a wait that doubles with every further failure."""

    prefix: str
    free_tries: int
    shared_free_tries: int

    def _keys(self, request, who: str) -> tuple[str, str, str]:
        address = ratelimit.get_ip(request)
        pair = hashlib.sha256(f"{who.strip().lower()}\n{address}".encode()).hexdigest()
        shared = self.shared_key(who=who, address=address)
        return f"{self.prefix}:pair:{pair}", shared, f"{self.prefix}:known:{pair}"

    def shared_key(self, *, who: str, address: str) -> str:
        return f"{self.prefix}:ip:{address}"

    def wait(self, request, who: str) -> int:
        """Seconds `who` must wait before trying again from this address (0: go on)."""
        pair, shared, known = self._keys(request, who)
        now = time.time()
        waits = [cache.get(f"{pair}:until", 0) - now]
        if not cache.get(known):
            waits.append(cache.get(f"{shared}:until", 0) - now)
        return max(0, math.ceil(max(waits)))

    def failed(self, request, who: str) -> None:
        """Count a failure, and make `who` here (and maybe everyone sharing the key) wait longer."""
        pair, shared, _known = self._keys(request, who)
        for key, free in ((pair, self.free_tries), (shared, self.shared_free_tries)):
            cache.add(f"{key}:failures", 0, SIGNIN_MEMORY)
            failures = cache.incr(f"{key}:failures")
            if failures >= free:
                wait = min(SIGNIN_FIRST_WAIT * 2 ** (failures - free), SIGNIN_LONGEST_WAIT)
                cache.set(f"{key}:until", time.time() + wait, SIGNIN_MEMORY)

    def succeeded(self, request, who: str) -> None:
        """`who` starts afresh at this address, and is known there."""
        pair, _shared, known = self._keys(request, who)
        cache.delete_many([f"{pair}:failures", f"{pair}:until"])
        cache.set(known, True, SIGNIN_KNOWN_FOR)


class _PerAccountWait(GrowingWait):
    def shared_key(self, *, who: str, address: str) -> str:
        return f"{self.prefix}:account:{hashlib.sha256(who.encode()).hexdigest()}"


SIGNIN = GrowingWait(
    prefix="signin", free_tries=SIGNIN_FREE_TRIES, shared_free_tries=SIGNIN_ADDRESS_FREE_TRIES
)
MFA_CODES = _PerAccountWait(
    prefix="mfa", free_tries=MFA_FREE_TRIES, shared_free_tries=MFA_ACCOUNT_FREE_TRIES
)


def signin_wait(request, email: str) -> int:
    """Seconds this account must wait before trying a password from this address (0: go on)."""
    return SIGNIN.wait(request, email)


def signin_failed(request, email: str) -> None:
    SIGNIN.failed(request, email)


def signin_succeeded(request, email: str) -> None:
    SIGNIN.succeeded(request, email)


def wait_in_words(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} seconds"
    return f"{math.ceil(seconds / 60)} minutes"
