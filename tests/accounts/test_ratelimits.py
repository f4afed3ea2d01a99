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


@pytest.mark.django_db
def test_behind_our_proxy_each_visitor_has_their_own_limit(settings):
    """Every request reaches us from the load balancer's address; the limits count the address
    it says it is passing on (settings.TRUSTED_PROXIES, as the audit log does)."""
    from django.test import Client
    from django.urls import reverse

    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "verify_certificate": "2/1h/ip"}
    url = reverse("accreditation:verify", args=["APS-3333-4444"])
    proxy = {"REMOTE_ADDR": "10.0.0.9"}
    first = Client(HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert [first.get(url).status_code == 429 for _ in range(3)] == [False, False, True]
    second = Client(HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy)
    assert second.get(url).status_code != 429
    forged = Client(HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.7", **proxy)
    assert forged.get(url).status_code == 429, "an address the client adds itself is not trusted"


@pytest.mark.django_db
def test_with_no_proxy_configured_a_rotating_forwarded_header_changes_nothing(settings):
    """The default: gunicorn reached directly. Whatever the client puts in X-Forwarded-For,
    it is counted (and audited) under the address it connects from."""
    from django.test import Client
    from django.urls import reverse

    assert settings.TRUSTED_PROXIES == []
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "verify_certificate": "3/1h/ip"}
    url = reverse("accreditation:verify", args=["APS-3333-4444"])
    refused = [
        Client(REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").get(url)
        for n in range(10)
    ]
    assert [r.status_code == 429 for r in refused] == [False] * 3 + [True] * 7
