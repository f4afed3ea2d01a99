"""Redis is not a single point of failure for people. With the test's own redis-server stopped
(SIGKILL by its pid) the directory, a service's page, signing in, checking a request, the whole
"ask for a mentor" journey and a coordinator's decision all work: the cache falls back to each
process's memory (core/cache.py), sessions are in Postgres, and emails wait in the outbox for a
worker rather than failing the page."""

from datetime import date, timedelta

import kombu.pools
import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from config.celery import app
from core.models import OutboxMessage
from mentees.models import Referral
from tests.conftest import ONE_AT_A_TIME, sign_in
from tests.factories import (
    TEST_PASSWORD,
    LocalAuthorityFactory,
    MembershipFactory,
    PrisonFactory,
    ServiceFactory,
    UserFactory,
    pathway,
)
from tests.faults import RedisServer, spare_port
from tests.mentees.factories import ReferralFactory
from tests.mentees.referrals.journey import custody_answers, finishing_pages, walk

pytestmark = [pytest.mark.django_db, ONE_AT_A_TIME]  # starts a redis-server and stops it

REDIS_PORT = spare_port()


@pytest.fixture
def own_redis(settings):
    """Cache and broker on a redis-server of this test's own, and tasks queued, not run here."""
    redis = RedisServer(REDIS_PORT).start()
    settings.REDIS_URL = redis.url
    settings.CACHES = {
        "default": {
            **settings.CACHES["default"],
            "BACKEND": "core.cache.FallbackRedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 0.5,
                "RETRY_AFTER_SECONDS": 5,
            },
        }
    }
    broker, eager = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = redis.url, False
    forget_broker_connections()  # the next task is sent through the new broker
    yield redis
    redis.stop()
    app.conf.broker_url, app.conf.task_always_eager = broker, eager
    forget_broker_connections()


def forget_broker_connections():
    """Close every pooled broker connection and make Celery open new ones on the next send.

    Kombu keeps its pools in module-level registries that Celery's connection pool and its
    producer pool both point into: closing one and clearing only the other leaves the app
    holding a closed pool, and every later test that sends a task fails.
    """
    kombu.pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def test_with_redis_down_people_can_still_do_everything(own_redis):
    council, prison = LocalAuthorityFactory(name="Sefton"), PrisonFactory(name="HMP Liverpool")
    service = ServiceFactory(local_authorities=[council], pathways=[pathway("accommodation")])
    referral = ReferralFactory(
        organisation=service.organisation,
        date_of_birth=date(1990, 3, 27),
        contact_methods=["email"],
        email="sam@example.org",
    )
    coordinator = MembershipFactory(organisation=service.organisation, role="coordinator").user
    volunteer = UserFactory()

    assert Client().get("/services/").status_code == 200  # with Redis up: the cache is used
    assert caches["default"].get("anything", "missing") == "missing"
    assert not caches["default"].redis_down

    own_redis.stop()

    visitor = Client()
    assert visitor.get("/services/", {"q": "housing"}).status_code == 200
    assert visitor.get(reverse("providers:service_detail", args=[service.pk])).status_code == 200
    assert caches["default"].redis_down, "Redis is not asked again on every call"

    # Signing in (the limits are counted in this process's memory meanwhile).
    signing_in = Client()
    response = signing_in.post(
        reverse("account_login"), {"login": volunteer.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302 and "_auth_user_id" in signing_in.session

    # Checking a request.
    response = visitor.post(
        reverse("mentees:check_request"),
        {
            "reference": referral.reference,
            "date_of_birth_0": "27",
            "date_of_birth_1": "3",
            "date_of_birth_2": "1990",
        },
    )
    assert response["Location"] == reverse("mentees:check_result")
    assert referral.reference in visitor.get(reverse("mentees:check_result")).content.decode()

    # The whole "ask for a mentor" journey, and the request is saved.
    asking = Client()
    release = timezone.localdate() + timedelta(days=90)
    walk(
        asking,
        custody_answers(prison=prison, local_authority=council, release=release)
        + finishing_pages(service),
    )
    assert asking.post(reverse("mentees:ask_check")).status_code == 302
    assert Referral.objects.filter(full_name="Sam Example").exists()
    assert asking.get(reverse("mentees:ask_confirmation")).status_code == 200

    # A coordinator declines a request: saved, and the email waits in the outbox.
    staff = sign_in(Client(), coordinator)
    response = staff.post(
        reverse("mentees:referral_decline", args=[referral.pk]),
        {"reason": "no_capacity", "confirmed": "yes"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "declined"
    assert OutboxMessage.objects.filter(subject__contains=referral.reference).exists()
