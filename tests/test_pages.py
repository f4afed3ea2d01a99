"""Public pages, security headers and the strict content security policy."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["home", "privacy", "accessibility", "cookies"])
def test_public_pages_have_the_layout(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.text
    assert 'href="#main-content"' in html
    assert 'class="govuk-skip-link"' in html
    assert "Open Gate" in html
    assert "govuk-phase-banner" in html
    for page in ("privacy", "accessibility", "cookies"):
        assert f'href="{reverse(page)}"' in html


def test_strict_csp_with_a_nonce_for_the_one_inline_script(client):
    response = client.get(reverse("home"))
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "'unsafe-inline'" not in policy
    nonce = re.search(r"script-src 'self' 'nonce-([^']+)'", policy).group(1)
    inline_scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.text)
    assert inline_scripts, "the page should have its js-enabled inline script"
    for attributes in inline_scripts:
        assert f'nonce="{nonce}"' in attributes
    second = client.get(reverse("home")).headers["Content-Security-Policy"]
    assert nonce not in second


def test_security_headers(client):
    response = client.get(reverse("home"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_not_found_page_is_friendly(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_pages_load_no_third_party_assets(client):
    html = client.get(reverse("home")).text
    own = "http://testserver/"  # hreflang alternates must be absolute: our own site only
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert url.startswith(own) or not url.startswith(("http://", "https://", "//")), url


def test_cookies_page_lists_each_cookie_in_a_table(client):
    html = client.get(reverse("cookies")).text
    assert html.count('<td class="govuk-table__cell">') == 6
    assert "sessionid" in html
    assert "csrftoken" in html
