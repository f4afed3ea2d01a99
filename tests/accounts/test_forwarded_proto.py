"""Whether a request came over https is believed from X-Forwarded-Proto only when our own proxy
sent it: with no proxy declared (the default), a client saying "https" over plain http is still
sent to https (issue 18)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.config.test_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

PAGE = "providers:directory"


@pytest.fixture
def https_required(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return settings


def fetch(**headers):
    # a new client, so that SecurityMiddleware reads the settings of this test
    return Client().get(reverse(PAGE), REMOTE_ADDR="198.51.100.4", **headers)


def test_with_no_proxy_a_client_cannot_claim_https(https_required):
    https_required.TRUSTED_PROXIES = []
    response = fetch(HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response.url.startswith("https://")


def test_a_client_beside_our_proxy_cannot_claim_https(https_required):
    https_required.TRUSTED_PROXIES = ["10.0.0.0/8"]
    response = fetch(HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301


def test_our_proxy_is_believed(https_required):
    https_required.TRUSTED_PROXIES = ["198.51.100.0/24"]
    assert fetch(HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert fetch(HTTP_X_FORWARDED_PROTO="http").status_code == 301


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [("", "None"), ("10.0.0.0/8", "('HTTP_X_FORWARDED_PROTO', 'https')")],
)
def test_the_header_is_configured_only_with_a_proxy_declared(proxies, expected):
    code = "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER)"
    result = run_manage(
        "shell", "--no-imports", "-c", code, env={**PRODUCTION_ENV, "TRUSTED_PROXIES": proxies}
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
