"""Passkeys (allauth's WebAuthn) are offered to every account, on our own GOV.UK pages.

The WebAuthn ceremonies themselves need a browser's authenticator; these tests cover the pages
around them through HTTP: reachable from the account page, in our words, no inline script the
CSP would block, and a broken credential refused with a message rather than a 500.
"""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import TEST_PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

ALLAUTH_WORDING = (
    "This functionality requires JavaScript",
    "Security Keys",
    "Add Security Key",
    "Passwordless",
    "Alternative options",
)
# Inline scripts run only with the request's nonce (the base layout's); any other is refused.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(?:src|nonce)=)(?![^>]*application/json)[^>]*>")


def confirm_password(client) -> None:
    """allauth asks for the password again before a passkey is added (as for an app)."""
    response = client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    assert response.status_code == 302


def assert_ours(html: str) -> None:
    for words in ALLAUTH_WORDING:
        assert words not in html, words
    assert not INLINE_SCRIPT.search(html), "an inline script the CSP would refuse"


@pytest.mark.parametrize("role", [MembershipRole.MENTOR, MembershipRole.COORDINATOR, None])
def test_the_account_page_offers_a_passkey_to_everyone(client, role):
    user = MembershipFactory(role=role).user if role else UserFactory()
    sign_in(client, user)
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    assert f'href="{reverse("mfa_add_webauthn")}"' in page.text
    assert "Add a passkey" in page.text
    assert_ours(page.text)


def test_the_add_a_passkey_page_is_ours_and_ready_for_the_ceremony(client):
    sign_in(client, MembershipFactory(role=MembershipRole.MENTOR).user)
    assert client.get(reverse("mfa_add_webauthn")).url.startswith(reverse("account_reauthenticate"))
    confirm_password(client)
    page = client.get(reverse("mfa_add_webauthn"))
    assert page.status_code == 200
    assert "Name for this passkey" in page.text
    assert 'id="mfa_webauthn_add"' in page.text
    assert '"creation_options"' in page.text  # what the browser needs to make the passkey
    assert "/static/mfa/js/webauthn.js" in page.text
    assert_ours(page.text)


def test_a_broken_passkey_is_refused_with_a_message(client):
    user = MembershipFactory(role=MembershipRole.MENTOR).user
    sign_in(client, user)
    confirm_password(client)
    response = client.post(
        reverse("mfa_add_webauthn"), {"name": "My phone", "credential": '{"id": "forged"}'}
    )
    assert response.status_code == 200
    assert "Your passkey could not be checked" in response.text
    assert "govuk-error-summary" in response.text
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()


def test_your_passkeys_are_listed_with_rename_and_remove(client):
    user = MembershipFactory(role=MembershipRole.COORDINATOR).user
    sign_in(client, user)
    passkey = Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={
            "name": "Work laptop",
            "credential": {"clientExtensionResults": {"credProps": {"rk": True}}},
        },
    )
    account = client.get(reverse("mfa_index")).text
    assert "1 passkey" in account and f'href="{reverse("mfa_list_webauthn")}"' in account
    page = client.get(reverse("mfa_list_webauthn"))
    assert page.status_code == 200
    assert "Work laptop" in page.text and "Signs you in alone" in page.text
    assert reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk}) in page.text
    assert_ours(page.text)


def test_sign_in_offers_a_passkey(client):
    page = client.get(reverse("account_login"))
    assert 'id="passkey_login"' in page.text and 'id="mfa_login"' in page.text
    assert "You need JavaScript turned on to sign in with a passkey" in page.text
    assert_ours(page.text)


def test_the_second_step_offers_a_passkey_or_a_code(client):
    from accounts.demo import enrol_demo_mfa

    user = MembershipFactory(role=MembershipRole.MENTOR).user
    enrol_demo_mfa(user)
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    assert "Enter the 6-digit code" in page.text and 'id="mfa_webauthn_authenticate"' in page.text
    assert_ours(page.text)


@pytest.mark.parametrize("credential", ['{"id": "forged"}', "[]", '{"rawId": 5}', "not json"])
def test_a_forged_passkey_at_sign_in_is_refused_with_a_message(client, credential):
    response = client.post(reverse("mfa_login_webauthn"), {"credential": credential}, follow=True)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Your passkey could not be checked" in response.text


def test_a_forged_passkey_at_the_second_step_is_refused_with_a_message(client):
    from accounts.demo import enrol_demo_mfa

    user = MembershipFactory(role=MembershipRole.MENTOR).user
    enrol_demo_mfa(user)
    client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"credential": '{"id": "forged"}'})
    assert response.status_code == 200
    assert "Your passkey could not be checked" in response.text
    assert "_auth_user_id" not in client.session


def a_passkey(user, name="Work laptop"):
    return Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": name, "credential": {"clientExtensionResults": {}}},
    )


def passkey_name(passkey) -> str:
    passkey.refresh_from_db()
    return passkey.wrap().name


def test_renaming_a_passkey_on_our_page(client):
    user = MembershipFactory(role=MembershipRole.COORDINATOR).user
    sign_in(client, user)
    confirm_password(client)  # allauth asks again before a passkey is changed
    passkey = a_passkey(user)
    url = reverse("mfa_edit_webauthn", kwargs={"pk": passkey.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert "Rename a passkey" in page.text and 'value="Work laptop"' in page.text
    assert "Edit Security Key" not in page.text
    assert_ours(page.text)

    for name, message in [
        ("   ", "Enter a name for this passkey"),
        ("x" * 101, "The name must be 100 characters or fewer"),
    ]:
        response = client.post(url, {"name": name})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.text and message in response.text
        assert passkey_name(passkey) == "Work laptop"

    response = client.post(url, {"name": "  My phone "})
    assert response.status_code == 302 and response.url == reverse("mfa_list_webauthn")
    assert passkey_name(passkey) == "My phone"


def test_removing_a_passkey_asks_first_on_our_page(client):
    user = MembershipFactory(role=MembershipRole.COORDINATOR).user
    sign_in(client, user)
    confirm_password(client)  # allauth asks again before a passkey is changed
    passkey = a_passkey(user)
    url = reverse("mfa_remove_webauthn", kwargs={"pk": passkey.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert 'Remove the passkey "Work laptop"?' in page.text and "Remove this passkey" in page.text
    assert "Remove Security Key" not in page.text and "Are you sure" not in page.text
    assert_ours(page.text)
    assert Authenticator.objects.filter(pk=passkey.pk).exists()  # asking removes nothing

    response = client.post(url)
    assert response.status_code == 302 and response.url == reverse("mfa_list_webauthn")
    assert not Authenticator.objects.filter(pk=passkey.pk).exists()


def test_someone_elses_passkey_cannot_be_renamed_or_removed(client):
    user = MembershipFactory(role=MembershipRole.COORDINATOR).user
    sign_in(client, user)
    confirm_password(client)
    theirs = a_passkey(UserFactory())
    for name in ("mfa_edit_webauthn", "mfa_remove_webauthn"):
        url = reverse(name, kwargs={"pk": theirs.pk})
        assert client.get(url).status_code == 404
        assert client.post(url, {"name": "Mine now"}).status_code == 404
    assert passkey_name(theirs) == "Work laptop"
