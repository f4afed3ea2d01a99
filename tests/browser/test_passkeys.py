"""A mentor adds a passkey and then signs in with it alone, in Chromium with a virtual
authenticator (the DevTools protocol's WebAuthn domain stands in for a phone or security key)."""

import pytest
from allauth.mfa.models import Authenticator

from accounts.demo import enrol_demo_mfa
from providers.constants import MembershipRole
from tests.factories import TEST_PASSWORD, MembershipFactory

from .conftest import assert_accessible, sign_in_through_the_forms, watch_errors

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def add_virtual_authenticator(page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )


def test_a_mentor_adds_a_passkey_and_signs_in_with_it(live_server, page, settings):
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True  # the live server is plain http
    mentor = MembershipFactory(role=MembershipRole.MENTOR).user
    enrol_demo_mfa(mentor)
    errors = watch_errors(page)
    add_virtual_authenticator(page)
    sign_in_through_the_forms(page, live_server.url, mentor.email, TEST_PASSWORD)

    page.goto(f"{live_server.url}/accounts/2fa/")
    assert_accessible(page)
    page.get_by_role("link", name="Add a passkey").click()
    page.wait_for_url("**/reauthenticate/**")  # allauth asks for the password again first
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url("**/webauthn/add/")
    assert_accessible(page)
    page.get_by_label("Name for this passkey").fill("Work laptop")
    page.get_by_role("button", name="Add a passkey").click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    passkey = Authenticator.objects.get(user=mentor, type=Authenticator.Type.WEBAUTHN)
    assert passkey.wrap().name == "Work laptop"

    page.goto(f"{live_server.url}/accounts/2fa/webauthn/")
    assert "Work laptop" in page.locator("main").inner_text()
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Use a passkey").click()
    page.wait_for_url("**/dashboard/")
    assert "Sign out" in page.inner_text("body")
    assert errors == []
