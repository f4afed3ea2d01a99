"""pytest-xdist runs the suite in several processes at once (`make test` uses two). Each gets a
test database of its own from pytest-django; this gives each a Redis database of its own too:
tests empty the cache with `cache.clear()` (FLUSHDB), and some start a real Celery worker on the
broker, so two processes sharing one would undo each other's work."""

import os
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

# Redis has this many databases unless redis.conf says otherwise.
REDIS_DATABASES = 16


def worker_redis_url(url: str, *, worker: str, workers: int) -> str:
    """Worker n of N ("gwn") uses the configured database plus n * 16 / N, wrapping at 16: with
    two workers, databases 0 and 8 (or 7 and 15), far from the next run's if each run on the
    machine has a number of its own."""
    parts = urlsplit(url)
    first = int(parts.path.strip("/") or 0)
    index = int(worker.removeprefix("gw"))
    database = (first + index * max(1, REDIS_DATABASES // workers)) % REDIS_DATABASES
    return urlunsplit(parts._replace(path=f"/{database}"))


def use_a_redis_database_of_this_workers_own() -> None:
    """Point the cache and Celery at this process's database. Called from pytest_configure:
    neither has read its settings yet (both do on first use). The environment is for the Celery
    processes that fault tests start."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    configured = settings.REDIS_URL
    if not worker or not configured:
        return
    url = worker_redis_url(
        configured, worker=worker, workers=int(os.environ["PYTEST_XDIST_WORKER_COUNT"])
    )
    settings.REDIS_URL = url
    settings.CACHES["default"]["LOCATION"] = url
    if configured == settings.CELERY_BROKER_URL:
        settings.CELERY_BROKER_URL = url
    if configured == settings.CELERY_RESULT_BACKEND:
        settings.CELERY_RESULT_BACKEND = url
    os.environ["REDIS_URL"] = url
