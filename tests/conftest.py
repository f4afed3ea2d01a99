import io
import time
from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings
from hypothesis import settings as hypothesis_settings

from accounts.demo import enrol_demo_mfa
from config.celery import app as celery_app
from core import outbox
from providers.constants import MembershipRole

from .factories import MembershipFactory, OrganisationFactory, UserFactory
from .xdist_workers import use_a_redis_database_of_this_workers_own


def pytest_configure(config):
    use_a_redis_database_of_this_workers_own()


# Our property tests check what a function returns, never how fast: on a shared, loaded build
# machine Hypothesis's 200 ms deadline per example failed correct code.
hypothesis_settings.register_profile("opengate", deadline=None)
hypothesis_settings.load_profile("opengate")


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """Argon2 is slow on purpose (about 0.3 s of CPU a password here): the demo's thirty-odd
    sign-ins and every password form would spend minutes on it. Tests hash with MD5 instead;
    tests/accounts/test_mfa.py checks that the service itself hashes with Argon2."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and used TOTP codes live in Redis: start every test with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Uploads go to a folder of the test's own, never the real MEDIA_ROOT."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _email_through_the_outbox(settings):
    """Emails go to the outbox as in production (Django's test set-up would send them straight
    to its in-memory mailbox); the relay delivers them to that mailbox."""
    settings.EMAIL_BACKEND = "core.mail.OutboxEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


class DeliveredMail(Sequence):
    """pytest-django's `mailoutbox`, as the relay would leave it: each look first sends what the
    outbox holds (in the test's own transaction, so before any commit)."""

    def _delivered(self) -> list:
        outbox.relay(seconds=10)
        return mail.outbox

    def __getitem__(self, index):
        return self._delivered()[index]

    def __len__(self):
        return len(self._delivered())

    def __iter__(self):
        return iter(list(self._delivered()))

    def __eq__(self, other):
        return list(self._delivered()) == list(other)

    def clear(self):
        self._delivered()
        mail.outbox.clear()


@pytest.fixture
def mailoutbox(django_mail_patch_dns, _dj_autoclear_mailbox):
    return DeliveredMail()


@pytest.fixture(autouse=True)
def _eager_celery(request):
    """Tasks run in-process, except in tests marked `worker`, which start a real worker."""
    eager = request.node.get_closest_marker("worker") is None
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _pathway_taxonomy(request):
    """The pathway taxonomy comes from a data migration; transactional tests flush it away, so
    put it back for any test that uses the database."""
    uses_db = {"db", "transactional_db"} & set(request.fixturenames)
    if not uses_db and request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("db")
    from providers.models import Taxonomy, TaxonomyTerm
    from providers.pathways import load_pathways

    if not TaxonomyTerm.objects.exists():
        load_pathways(Taxonomy, TaxonomyTerm)


# Seconds the first test a process runs may take: it waits for the test database to be created
# (the migrations), and the first test on the demo waits for the seeding (a test alone has 180).
SET_UP_TIMEOUT = 600

_set_up_already = {"database": False, "demo": False}


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_protocol(item):
    """Give the slow set-ups of a session time, on whichever test meets them first: which one
    that is depends on the order, and under pytest-xdist on the process a test is sent to.
    (pytest-timeout reads the marker just after this, in a hook of its own.)"""
    fixtures = getattr(item, "fixturenames", ())
    uses = {
        "database": "django_db_setup" in fixtures or item.get_closest_marker("django_db"),
        "demo": "demo_database" in fixtures,
    }
    for set_up, needed in uses.items():
        if needed and not _set_up_already[set_up]:
            _set_up_already[set_up] = True
            item.add_marker(pytest.mark.timeout(SET_UP_TIMEOUT), append=False)
    return (yield)


@dataclass(frozen=True)
class Demo:
    """The demo as seed_demo made it once for the whole test session."""

    media_root: object  # where its evidence files and documents were stored
    output: str  # what seed_demo printed (the sign-ins)
    emails: tuple  # the emails seeding sent (none, it should be)


# Tests that start servers of their own (SMTP, a proxy, redis-server) or a real Celery worker, and
# wait on them with timeouts: under pytest-xdist they run one after another in one process
# (`--dist loadgroup`), never two at once, as in a run in one process.
ONE_AT_A_TIME = pytest.mark.xdist_group("one-at-a-time")


def pytest_collection_modifyitems(config, items):
    """Tests on the seeded demo run last: the demo stays in one transaction from the first of them
    to the end of the session (see `demo_database`), so no test after them may expect an empty
    database. The sort is stable, so everything else keeps its order. pytest-xdist hands each of
    its processes tests in this order, so there too they come last, and each process seeds its
    own demo (in its own database)."""
    items.sort(key=lambda item: "demo_database" in getattr(item, "fixturenames", ()))
    for item in items:
        if item.get_closest_marker("worker"):
            item.add_marker(ONE_AT_A_TIME)


@pytest.fixture(scope="session")
def demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed the demo once for the session, in a transaction rolled back at its end.

    Seeding takes tens of seconds; a dozen tests read the demo, and each runs in a savepoint
    inside this transaction (the `db` fixture), so what one changes the next never sees. Tests
    that use it are moved to the end of the run (pytest_collection_modifyitems above)."""
    from providers.models import Taxonomy, TaxonomyTerm
    from providers.pathways import load_pathways

    media = tmp_path_factory.mktemp("demo-media")
    output = io.StringIO()
    sent_before = len(mail.outbox)
    through_the_outbox = override_settings(
        MEDIA_ROOT=media,
        EMAIL_BACKEND="core.mail.OutboxEmailBackend",
        OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    with through_the_outbox, django_db_blocker.unblock(), transaction.atomic():
        if not TaxonomyTerm.objects.exists():  # flushed by a transactional test
            load_pathways(Taxonomy, TaxonomyTerm)
        call_command("seed_demo", force=True, stdout=output)
        outbox.relay(seconds=10)  # whatever seeding left in the outbox would now be sent
        yield Demo(media, output.getvalue(), tuple(mail.outbox[sent_before:]))
        transaction.set_rollback(True)


@pytest.fixture
def demo(_media_in_a_temporary_folder, demo_database, settings, db):
    """The session's seeded demo for one test (changes it makes are rolled back after it)."""
    settings.MEDIA_ROOT = demo_database.media_root
    return demo_database


def sign_in(client, user, *, mfa: bool = True):
    """Sign a test client in as if through the login form, and through MFA if asked.

    The session records the steps allauth records after a real password (and code);
    tests/accounts/test_mfa.py and the browser tests drive the real forms.
    """
    client.force_login(user)
    records = [{"method": "password", "at": time.time(), "email": user.email}]
    if mfa:
        enrol_demo_mfa(user)
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        records.append({"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"})
    session = client.session
    session["account_authentication_methods_user"] = str(user.pk)
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session.save()
    return client


@pytest.fixture
def organisation(db):
    return OrganisationFactory()


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory()


@pytest.fixture
def org_admin(organisation):
    return MembershipFactory(organisation=organisation, role=MembershipRole.ORG_ADMIN).user


@pytest.fixture
def coordinator(organisation):
    return MembershipFactory(organisation=organisation, role=MembershipRole.COORDINATOR).user


@pytest.fixture
def mentor(organisation):
    return MembershipFactory(organisation=organisation, role=MembershipRole.MENTOR).user


@pytest.fixture
def admin_client(client, org_admin):
    return sign_in(client, org_admin)


@pytest.fixture
def user(db):
    return UserFactory()
