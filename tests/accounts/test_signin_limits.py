"""Sign-in limits key on the account and the address together and slow down rather than block,
so no one at a prison or probation office (one address for all its staff) can lock it out."""

import re

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from accounts.ratelimits import SIGNIN_ADDRESS_FREE_TRIES, SIGNIN_FREE_TRIES
from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.10"
WAIT = re.compile(r"Wait (\d+) (seconds|minutes), then try again")


def sign_in_from(address: str, email: str, password: str):
    client = Client(REMOTE_ADDR=address)
    response = client.post(reverse("account_login"), {"login": email, "password": password})
    return client, response


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def wait_asked(response) -> int | None:
    match = WAIT.search(response.text)
    if match is None:
        return None
    return int(match[1]) * (60 if match[2] == "minutes" else 1)


def test_an_attacker_at_the_office_does_not_stop_a_colleague_signing_in():
    target, colleague = UserFactory(), UserFactory()
    for _ in range(40):
        sign_in_from(OFFICE, target.email, "not-the-password")
    client, response = sign_in_from(OFFICE, colleague.email, TEST_PASSWORD)
    assert signed_in(client), response.text


def test_the_attacked_account_waits_longer_after_each_wrong_password():
    target = UserFactory()
    with time_machine.travel("2026-03-02 09:00:00 +0000", tick=False) as clock:
        for _ in range(SIGNIN_FREE_TRIES):
            _client, response = sign_in_from(OFFICE, target.email, "not-the-password")
            assert wait_asked(response) is None
        waits = []
        for _ in range(4):
            client, response = sign_in_from(OFFICE, target.email, TEST_PASSWORD)
            assert not signed_in(client), "while it waits, not even the right password is checked"
            waits.append(wait_asked(response))
            clock.shift(waits[-1] - 1)
            client, response = sign_in_from(OFFICE, target.email, TEST_PASSWORD)
            assert not signed_in(client) and wait_asked(response) == 1
            clock.shift(1)
            _client, response = sign_in_from(OFFICE, target.email, "not-the-password")
            assert "One of them is wrong" in response.text
        assert waits == [30, 60, 120, 240]
        clock.shift(480)
        client, _response = sign_in_from(OFFICE, target.email, TEST_PASSWORD)
        assert signed_in(client)


def test_the_right_password_from_another_address_is_not_held_up():
    target = UserFactory()
    for _ in range(SIGNIN_FREE_TRIES + 3):
        sign_in_from("198.51.100.66", target.email, "not-the-password")
    client, _response = sign_in_from(OFFICE, target.email, TEST_PASSWORD)
    assert signed_in(client)


def test_spraying_many_accounts_from_one_address_slows_newcomers_but_not_its_own_staff():
    regular, newcomer = UserFactory(), UserFactory()
    client, _response = sign_in_from(OFFICE, regular.email, TEST_PASSWORD)
    assert signed_in(client)
    for number in range(SIGNIN_ADDRESS_FREE_TRIES):
        sign_in_from(OFFICE, f"guess{number}@example.org", "Winter2026!")
    client, response = sign_in_from(OFFICE, newcomer.email, TEST_PASSWORD)
    assert not signed_in(client) and wait_asked(response) == 30
    client, response = sign_in_from(OFFICE, regular.email, TEST_PASSWORD)
    assert signed_in(client), response.text
    client, response = sign_in_from("198.51.100.67", newcomer.email, TEST_PASSWORD)
    assert signed_in(client), "the address's wait is only for that address"


def test_rotating_x_forwarded_for_does_not_escape_the_wait():
    """With no proxy configured (the default) the header is the client's own words."""
    target = UserFactory()
    for number in range(SIGNIN_FREE_TRIES + 1):
        client = Client(REMOTE_ADDR=OFFICE, HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
        response = client.post(
            reverse("account_login"), {"login": target.email, "password": "not-the-password"}
        )
    assert wait_asked(response) == 30
