"""Each pytest-xdist process has a Redis database of its own (tests/xdist_workers.py)."""

import redis
from django.conf import settings
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st

from config.celery import app
from tests.xdist_workers import REDIS_DATABASES, worker_redis_url


def test_two_workers_use_databases_half_the_range_apart():
    urls = [
        worker_redis_url("redis://127.0.0.1:6379/7", worker=w, workers=2) for w in ("gw0", "gw1")
    ]
    assert urls == ["redis://127.0.0.1:6379/7", "redis://127.0.0.1:6379/15"]
    assert worker_redis_url("redis://127.0.0.1:6379", worker="gw1", workers=2).endswith(":6379/8")


@given(first=st.integers(0, REDIS_DATABASES - 1), workers=st.integers(1, REDIS_DATABASES))
def test_no_two_workers_share_a_database(first, workers):
    url = f"redis://127.0.0.1:6379/{first}"
    urls = {worker_redis_url(url, worker=f"gw{n}", workers=workers) for n in range(workers)}
    assert len(urls) == workers
    assert worker_redis_url(url, worker="gw0", workers=workers) == url


def test_the_cache_and_celery_use_this_processs_database():
    """Run under xdist, this fails if the cache or Celery read the settings before the switch."""
    assert app.conf.broker_url == settings.CELERY_BROKER_URL == settings.REDIS_URL
    cache.set("xdist-probe", "here")
    raw = redis.Redis.from_url(settings.REDIS_URL)
    assert any(b"xdist-probe" in key for key in raw.keys("*xdist-probe*"))
