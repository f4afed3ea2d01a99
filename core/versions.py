"""Version numbers kept in the shared cache, for things worked out once and kept (in a process or
in the cache) until what they were worked out from changes.

A version starts from the clock, so a cache emptied and started again never hands back a number
an older key used; each change moves it by one, now and again after the transaction commits (so
nothing read inside the transaction is kept under the new number once the change is visible).
"""

import contextlib
import time

from django.core.cache import cache
from django.db import transaction


def current_version(key: str) -> int:
    version = cache.get(key)
    if version is None:
        cache.add(key, time.time_ns(), timeout=None)
        version = cache.get(key)
    return int(version)


def _move(key: str) -> None:
    with contextlib.suppress(ValueError):  # not set yet: the next read starts a fresh number
        cache.incr(key)


def version_changed(key: str) -> None:
    """Call within the transaction that changes what the version stands for."""
    _move(key)
    transaction.on_commit(lambda: _move(key))
