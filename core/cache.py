"""Django's Redis cache, made not to fail the page when Redis is down.

Every call goes to Redis while it answers. When a call cannot reach it (refused, or no answer
within the short socket timeouts in settings), that call and every call for the next
RETRY_AFTER_SECONDS go to a local-memory cache of this process instead, and then Redis is tried
again. So with Redis gone a page pays the connection timeout at most once every few seconds per
process, not on every call; cached choices are worked out again; and rate limits go on being
counted, by each web process on its own (see docs/decisions/0046-redis-not-a-single-point-of-
failure.md for what that means for each limit).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER_SECONDS", 5))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self.local = LocMemCache(
            f"redis-fallback-{id(self)}",
            {
                "TIMEOUT": params.get("TIMEOUT", 300),
                "KEY_PREFIX": params.get("KEY_PREFIX", ""),
                "VERSION": params.get("VERSION", 1),
                "OPTIONS": {"MAX_ENTRIES": 10_000},
            },
        )
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def redis_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, name: str, *args, **kwargs):
        if not self.redis_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except REDIS_DOWN as error:
                with self._lock:
                    self._down_until = time.monotonic() + self.retry_after
                logger.warning("Redis cache unreachable, using this process's memory: %r", error)
        return getattr(self.local, name)(*args, **kwargs)

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        self.local.clear()
        return self._call("clear")
