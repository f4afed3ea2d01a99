"""accounts.ratelimits counts GETs as well as POSTs, per address and per key."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from accounts.ratelimits import allowed

RATES = {"look_up": "2/1h/ip", "look_up_by_key": "1/1h/key"}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@override_settings(ACCOUNT_RATE_LIMITS=RATES)
def test_gets_from_one_address_are_counted():
    get = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1")
    assert [allowed(get, "look_up") for _ in range(3)] == [True, True, False]
    elsewhere = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2")
    assert allowed(elsewhere, "look_up")


@override_settings(ACCOUNT_RATE_LIMITS=RATES)
def test_a_key_is_limited_whichever_address_asks():
    first = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1")
    second = RequestFactory().post("/", REMOTE_ADDR="10.0.0.2")
    assert allowed(first, "look_up_by_key", key="JM-AAAA-AAAA")
    assert not allowed(second, "look_up_by_key", key="JM-AAAA-AAAA")
    assert allowed(second, "look_up_by_key", key="JM-CCCC-CCCC")
