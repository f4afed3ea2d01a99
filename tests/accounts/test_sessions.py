"""How long sessions last, and which responses no browser or proxy may keep."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard")
SIGNED_OUT = reverse("accounts:signed_out")


def test_session_cookies_end_when_the_browser_closes(client, coordinator):
    sign_in(client, coordinator)
    client.get(DASHBOARD)
    cookie = client.cookies["sessionid"]
    assert cookie["expires"] == "" and cookie["max-age"] == ""


def test_a_signed_in_user_is_signed_out_after_30_idle_minutes(client, coordinator):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, coordinator)
        assert client.get(DASHBOARD).status_code == 200
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert client.get(DASHBOARD).status_code == 200, "29 minutes idle is still signed in"
    with time_machine.travel(start + timedelta(minutes=29 + 31), tick=False):
        response = client.get(DASHBOARD)
        assert response.status_code == 302 and response["Location"] == SIGNED_OUT
        assert "_auth_user_id" not in client.session
        page = client.get(SIGNED_OUT)
        assert page.status_code == 200
        assert "You have been signed out" in page.content.decode()
        assert "<script" not in page.content.decode().split("</header>")[1].split("<footer")[0]


def test_a_post_after_the_idle_limit_changes_nothing_and_signs_out(client, coordinator):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, coordinator)
        client.get(DASHBOARD)
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        response = client.post(reverse("accounts:stay_signed_in"))
        assert response["Location"] == SIGNED_OUT


def test_activity_keeps_a_user_signed_in_for_8_hours_at_most(client, coordinator):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        sign_in(client, coordinator)
        for _ in range(15):  # Busy all day: a request every 25 minutes.
            assert client.get(DASHBOARD).status_code == 200
            traveller.shift(timedelta(minutes=25))
        assert client.post(reverse("accounts:stay_signed_in")).status_code == 204
        traveller.shift(timedelta(hours=8) - timedelta(minutes=25 * 15) + timedelta(minutes=1))
        assert client.get(DASHBOARD)["Location"] == SIGNED_OUT


def test_stay_signed_in_counts_as_activity(client, coordinator):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        sign_in(client, coordinator)
        client.get(DASHBOARD)
        traveller.shift(timedelta(minutes=28))
        assert client.post(reverse("accounts:stay_signed_in")).status_code == 204
        traveller.shift(timedelta(minutes=28))
        assert client.get(DASHBOARD).status_code == 200


def test_stay_signed_in_needs_a_post(client, coordinator):
    sign_in(client, coordinator)
    assert client.get(reverse("accounts:stay_signed_in")).status_code == 405


def test_the_signed_out_page_sends_a_user_still_signed_in_back(client, coordinator):
    sign_in(client, coordinator)
    response = client.get(SIGNED_OUT, {"next": "/organisation/audit/"})
    assert response["Location"] == "/organisation/audit/"
    response = client.get(SIGNED_OUT, {"next": "https://evil.example/"})
    assert response["Location"] == DASHBOARD


def test_the_limits_come_from_settings(client, coordinator, settings):
    settings.SESSION_IDLE_SECONDS_SIGNED_IN = 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        sign_in(client, coordinator)
        client.get(DASHBOARD)
        traveller.shift(timedelta(seconds=61))
        assert client.get(DASHBOARD)["Location"] == SIGNED_OUT


def test_a_public_page_for_a_visitor_without_a_session_makes_none(client):
    response = client.get(reverse("providers:directory"))
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "name",
    ["dashboard", "accounts:audit_log", "mentees:referral_inbox", "providers:directory"],
)
def test_every_response_to_a_signed_in_user_is_no_store(admin_client, name):
    response = admin_client.get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
