import time
from collections.abc import Sequence

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from django.core import mail
from django.core.cache import cache

from accounts.demo import enrol_demo_mfa
from config.celery import app as celery_app
from core import outbox
from providers.constants import MembershipRole

from .factories import MembershipFactory, OrganisationFactory, UserFactory


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
