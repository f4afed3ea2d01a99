"""MFA is mandatory for every staff role, through allauth's real forms."""

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

import config.settings as configured
from accounts.constants import PlatformRole
from accounts.demo import DEMO_TOTP_SECRET, enrol_demo_mfa
from providers.constants import MembershipRole
from tests.conftest import sign_in
from tests.factories import TEST_PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def password_login(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD})


def staff_user(role=MembershipRole.COORDINATOR):
    return MembershipFactory(role=role).user


@pytest.mark.parametrize("role", [MembershipRole.ORG_ADMIN, MembershipRole.COORDINATOR])
def test_staff_without_mfa_is_sent_to_set_it_up(client, role):
    user = staff_user(role)
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))
    assert "next=%2Fdashboard%2F" in response.url


@pytest.mark.parametrize(
    "platform_role",
    [PlatformRole.COMMISSIONER, PlatformRole.ASSESSOR, PlatformRole.PLATFORM_ADMIN],
)
def test_platform_roles_without_mfa_are_sent_to_set_it_up(client, platform_role):
    client.force_login(UserFactory(platform_role=platform_role))
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_mentor_without_mfa_is_sent_to_set_it_up(client):
    """Mentors read their mentees' custody status, release plans and goals: a password alone
    is not enough (issue 18)."""
    client.force_login(staff_user(MembershipRole.MENTOR))
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_mentor_session_that_did_not_pass_mfa_is_asked_for_a_code(client):
    mentor = staff_user(MembershipRole.MENTOR)
    enrol_demo_mfa(mentor)
    sign_in(client, mentor, mfa=False)
    response = client.get(reverse("matching:mentor_home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    sign_in(client, mentor)
    assert client.get(reverse("matching:mentor_home")).status_code == 200


def confirm_password(client):
    """allauth asks for the password again before MFA can be set up."""
    response = client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    assert response.status_code == 302


def test_volunteer_may_turn_mfa_on(client):
    sign_in(client, UserFactory(), mfa=False)
    assert client.get(reverse("mfa_activate_totp")).url.startswith(
        reverse("account_reauthenticate")
    )
    confirm_password(client)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert "Authenticator" in response.text


def test_staff_session_that_did_not_pass_mfa_is_asked_for_a_code(client):
    user = staff_user()
    enrol_demo_mfa(user)
    sign_in(client, user, mfa=False)  # a password step, but no MFA step in this session
    response = client.get(reverse("providers:team"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))


def test_staff_who_passed_mfa_reach_staff_pages(client):
    user = staff_user(MembershipRole.ORG_ADMIN)
    sign_in(client, user)
    assert client.get(reverse("providers:team")).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_setting_up_totp_then_using_it(client):
    user = staff_user()
    sign_in(client, user, mfa=False)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    # A real commit, so allauth's on-commit signal runs inside the request as in production.
    response = client.post(
        reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()}, follow=True
    )
    assert response.status_code == 200
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    # Typing a valid code to set it up counts as this session's MFA step.
    assert client.get(reverse("dashboard")).status_code == 200


def test_full_sign_in_through_password_and_totp(client):
    user = staff_user()
    enrol_demo_mfa(user)
    response = password_login(client, user)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("dashboard")).status_code == 302  # not signed in yet

    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert response.status_code == 200
    assert "The code is wrong. Check it and try again." in response.text

    response = client.post(
        reverse("mfa_authenticate"), {"code": pyotp.TOTP(DEMO_TOTP_SECRET).now()}
    )
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_recovery_code_works_once(client):
    user = staff_user()
    enrol_demo_mfa(user)
    code = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()[0]

    password_login(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 302
    client.post(reverse("account_logout"))

    password_login(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert "The code is wrong. Check it and try again." in response.text
    assert client.get(reverse("dashboard")).status_code == 302


def test_a_login_flood_is_refused_with_a_clear_message(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": "wrong-password"}
        )
        assert "Enter the email address and password of your account. One of them is wrong." in (
            response.text
        )
    response = password_login(client, user)  # even the right password waits now
    assert response.status_code == 200
    assert "too many wrong passwords for this account. Wait 30 seconds" in response.text
    assert "_auth_user_id" not in client.session


def test_passwords_are_hashed_with_argon2(user, settings):
    """The suite hashes with a fast hasher (tests/conftest.py); the service, as configured, with
    Argon2."""
    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS
    user.set_password("a-new-long-password-7")
    assert user.password.startswith("argon2")
    assert user.check_password("a-new-long-password-7")


def test_email_must_be_verified_before_signing_in(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new.volunteer@example.org",
            "password1": "a-long-new-password-77",
            "password2": "a-long-new-password-77",
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1
    assert "new.volunteer@example.org" in mailoutbox[0].to


def test_demo_code_hint_shows_only_when_the_debug_shortcut_is_on(client, settings):
    user = staff_user()
    enrol_demo_mfa(user)
    password_login(client, user)
    assert "Demo only" not in client.get(reverse("mfa_authenticate")).text
    settings.DEBUG = True
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = "000000"
    assert "accepts the authenticator code 000000" in client.get(reverse("mfa_authenticate")).text


def test_recovery_codes_are_shown_to_their_owner(client):
    user = staff_user()
    enrol_demo_mfa(user)
    sign_in(client, user)
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    response = client.get(reverse("mfa_view_recovery_codes"))
    assert response.status_code == 200
    codes = RecoveryCodes(
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert codes[0] in response.text
    assert '<textarea class="govuk-textarea"' in response.text


def test_sign_up_errors_are_specific(client):
    response = client.post(reverse("account_signup"), {})
    assert response.status_code == 200
    for message in ("Enter your email address", "Enter a password", "Enter the password again"):
        assert message in response.text
    response = client.post(
        reverse("account_signup"),
        {"email": "x@example.org", "password1": "short", "password2": "short"},
    )
    assert "Your password must be 12 characters or more" in response.text


def test_account_pages_use_our_sentence_case_wording(client):
    user = staff_user()
    sign_in(client, user)
    html = client.get(reverse("mfa_index")).text
    assert "Two-factor authentication" in html
    assert "Two-Factor Authentication" not in html
