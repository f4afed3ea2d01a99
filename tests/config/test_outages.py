"""Postgres down: a plain 503 page with Retry-After, health endpoints for a load balancer, and
recovery by itself once Postgres is back. Postgres is "stopped" by closing a proxy in front of
it (tests/faults.py), which drops every connection as a stopped server would."""

import pytest
from django.db import connection
from django.test import Client

from tests.conftest import ONE_AT_A_TIME
from tests.faults import TcpProxy, spare_port

pytestmark = ONE_AT_A_TIME  # cuts Postgres off through a proxy of its own

PROXY_PORT = spare_port()


def test_liveness_answers_without_anything_else(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readiness_checks_postgres_and_redis(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "postgres": "ok", "redis": "ok"}


@pytest.mark.django_db
def test_readiness_with_redis_down_reports_it_but_stays_in_service(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6399/0"  # nothing listens there
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["redis"] == "down (pages carry on without it)"


@pytest.fixture
def database_through_a_proxy(transactional_db):
    """Point Django's connection at a proxy to the test database, for the test to cut."""
    real = dict(connection.settings_dict)
    proxy = TcpProxy(real["HOST"] or "127.0.0.1", int(real["PORT"] or 5432), PROXY_PORT).start()
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(PROXY_PORT))
    try:
        yield proxy
    finally:
        proxy.stop()
        connection.close()
        connection.settings_dict.update(HOST=real["HOST"], PORT=real["PORT"])


def test_with_postgres_down_pages_answer_503_and_recover_by_themselves(database_through_a_proxy):
    browser = Client(raise_request_exception=False)
    pages = ["/services/", "/ask-for-a-mentor/", "/accounts/login/", "/check-your-request/"]
    for page in pages:
        assert browser.get(page).status_code == 200, page
    assert browser.get("/readyz").status_code == 200

    database_through_a_proxy.stop()  # every connection dropped, none can be made

    answers = {page: browser.get(page) for page in [*pages, "/services/?q=never+searched"]}
    # A page that needs nothing from the database (a form not yet sent, or a search already
    # answered and kept under the directory version) is still served; a new search is not.
    assert {page: answer.status_code for page, answer in answers.items()} == {
        "/services/": 200,
        "/services/?q=never+searched": 503,
        "/ask-for-a-mentor/": 200,
        "/accounts/login/": 200,
        "/check-your-request/": 200,
    }
    answers["sign in"] = browser.post("/accounts/login/", {"login": "a@b.example", "password": "x"})
    answers["check"] = browser.post(
        "/check-your-request/",
        {
            "reference": "JM-7K3Q-9XRT",
            "date_of_birth_0": "1",
            "date_of_birth_1": "2",
            "date_of_birth_2": "1990",
        },
    )
    assert answers["sign in"].status_code == answers["check"].status_code == 503
    for page, response in answers.items():
        if response.status_code == 503:
            assert response["Retry-After"] == "30"
            text = response.content.decode()
            assert "Sorry, there is a problem with the service" in text
            assert "Traceback" not in text and "OperationalError" not in text, page
    assert browser.get("/healthz").status_code == 200  # alive: do not restart it
    ready = browser.get("/readyz")
    assert ready.status_code == 503 and ready.json()["postgres"] == "down"

    database_through_a_proxy.start()  # Postgres is back: nothing to restart on our side

    for page in pages:
        assert browser.get(page).status_code == 200, page
    assert browser.get("/readyz").status_code == 200
