"""Two-factor codes are limited per account and address with a growing wait, like passwords:
someone who learnt a password cannot keep its owner out of their second factor, and nobody is
refused for good (issue 18)."""

import re

import pyotp
import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from accounts.demo import DEMO_TOTP_SECRET, enrol_demo_mfa
from accounts.ratelimits import MFA_ACCOUNT_FREE_TRIES, MFA_FREE_TRIES
from tests.factories import TEST_PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.10"
WAIT = re.compile(r"Wait (\d+) (seconds|minutes), then try again")
WRONG = "wrong1"


@pytest.fixture
def owner():
    user = MembershipFactory().user
    enrol_demo_mfa(user)
    return user


def code_step(address: str, user, code: str):
    """Password, then a code, from one address: the session and the page answered."""
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.url == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    return "_auth_user_id" in client.session, response


def right_code() -> str:
    return pyotp.TOTP(DEMO_TOTP_SECRET).now()


def wait_asked(response) -> int | None:
    match = WAIT.search(response.text)
    if match is None:
        return None
    return int(match[1]) * (60 if match[2] == "minutes" else 1)


def test_wrong_codes_make_the_account_wait_longer_each_time_at_that_address(owner):
    with time_machine.travel("2026-03-02 09:00:00 +0000", tick=False) as clock:
        for _ in range(MFA_FREE_TRIES):
            passed, response = code_step(OFFICE, owner, WRONG)
            assert not passed and wait_asked(response) is None
        waits = []
        for _ in range(3):
            passed, response = code_step(OFFICE, owner, right_code())
            assert not passed, "while it waits, not even the right code is checked"
            waits.append(wait_asked(response))
            clock.shift(waits[-1])
            passed, response = code_step(OFFICE, owner, WRONG)
            assert not passed
        assert waits == [30, 60, 120]
        clock.shift(240)
        passed, response = code_step(OFFICE, owner, right_code())
        assert passed, response.text


def test_someone_with_the_password_elsewhere_does_not_keep_the_owner_out(owner):
    with time_machine.travel("2026-03-02 09:00:00 +0000", tick=False) as clock:
        assert code_step(OFFICE, owner, right_code())[0]  # the owner's usual place
        clock.shift(60)
        # someone else with the password, from many addresses, past the account's ceiling
        for number in range(MFA_ACCOUNT_FREE_TRIES + 10):
            code_step(f"198.51.100.{number + 1}", owner, WRONG)
        _passed, response = code_step("198.51.100.250", owner, right_code())
        assert wait_asked(response), "a new address waits once the account is past its ceiling"
        clock.shift(60)
        passed, response = code_step(OFFICE, owner, right_code())
        assert passed, response.text


def test_a_stranger_without_the_password_counts_nothing(owner):
    stranger = Client(REMOTE_ADDR=OFFICE)
    for _ in range(MFA_FREE_TRIES * 3):
        stranger.post(reverse("account_login"), {"login": owner.email, "password": "guess"})
        response = stranger.post(reverse("mfa_authenticate"), {"code": WRONG})
        assert response.status_code == 302  # no code step without the password
    passed, response = code_step("198.51.100.7", owner, right_code())
    assert passed, response.text
