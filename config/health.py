"""/healthz and /readyz for a load balancer, answered before any other middleware (no session,
no host check, no HTTPS redirect), and quickly.

- /healthz (liveness): the process answers. Nothing else is checked, so a database outage does
  not get every web process restarted.
- /readyz (readiness): Postgres answers `SELECT 1` (else 503: take this process out of service),
  and Redis answers PING. Redis being down is reported but still 200: pages work without it
  (core/cache.py, the outbox), so taking every process out would turn a Redis outage into a
  site outage.
"""

import json

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpResponse

PATHS = {"/healthz", "/healthz/", "/readyz", "/readyz/"}


def postgres_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 (down, refused, timed out: all "not ready")
        connection.close_if_unusable_or_obsolete()
        return False


def redis_ok() -> bool | None:
    if not settings.REDIS_URL:
        return None  # The demo runs without Redis.
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5
        )
        try:
            return bool(client.ping())
        finally:
            client.close()
    except redis.RedisError:
        return False


def answer(body: dict, status: int) -> HttpResponse:
    response = HttpResponse(json.dumps(body), content_type="application/json", status=status)
    response["Cache-Control"] = "no-store"
    return response


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path not in PATHS or request.method not in {"GET", "HEAD"}:
            return self.get_response(request)
        if request.path.startswith("/healthz"):
            return answer({"status": "ok"}, 200)
        database, cache = postgres_ok(), redis_ok()
        body = {
            "status": "ready" if database else "not ready",
            "postgres": "ok" if database else "down",
            "redis": {True: "ok", False: "down (pages carry on without it)", None: "not used"}[
                cache
            ],
        }
        return answer(body, 200 if database else 503)
