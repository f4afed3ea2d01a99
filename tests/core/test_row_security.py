"""Postgres row-level security on the tenant tables (core/row_security.py, issue 18 item 8).

The policies bind the application's own role, not the tables' owner (the tests' usual
connection is the owner, a superuser). So these tests create the application's role as
production has it (accounts.database.grant_app_role), connect Django as it, and check that a
request acting for one organisation cannot read another's rows even when the application's own
scoping is taken away. They commit, so they are transactional.
"""

import secrets
import sys

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse

from accounts.database import grant_app_role
from core.row_security import (
    POLICY,
    enable_row_security,
    model_named,
    tenant_scope,
    tenant_tables,
)
from mentees import tenancy
from mentees.models import Mentee
from providers.constants import MembershipRole
from providers.models import Organisation
from tests.accounts.test_database_role import CONNECTION_KEYS, _drop
from tests.factories import OrganisationFactory
from tests.mentees.factories import MenteeFactory
from tests.security.people import sign_in_member
from tests.security.routes import ROUTES, TenantObject

pytestmark = pytest.mark.django_db(transaction=True)

# Every staff page about one mentee (the walk's routes whose object is a mentee).
MENTEE_ROUTES = sorted(
    name
    for name, rule in ROUTES.items()
    if isinstance(rule, TenantObject) and name.startswith("mentees:mentee")
)


@pytest.fixture
def tenants():
    return OrganisationFactory(name="Tenant A"), OrganisationFactory(name="Tenant B")


@pytest.fixture
def as_app_role(settings):
    """Django's connection, as the application's role (owning nothing) for the test, with
    requests setting their organisation as production does with two roles."""
    settings.ROW_SECURITY_SCOPING = True
    role = f"{connection.settings_dict['NAME']}_rls"[:63].lower()
    _drop(role)
    password = secrets.token_urlsafe(16)
    grant_app_role(connection, role=role, password=password)
    owner = {key: connection.settings_dict[key] for key in CONNECTION_KEYS}
    connection.close()
    connection.settings_dict.update(USER=role, PASSWORD=password)
    yield role
    connection.close()
    connection.settings_dict.update(owner)
    _drop(role)


@pytest.fixture
def forgotten_filter(monkeypatch):
    """The application's scoping taken away: every mentee page finds a mentee by id alone, as a
    view that forgot its organisation filter would."""

    def any_mentee(user, organisation, pk):
        return get_object_or_404(Mentee.objects.all(), pk=pk)

    scoped = tenancy.get_mentee_for_user_or_404
    for module in list(sys.modules.values()):
        if getattr(module, "get_mentee_for_user_or_404", None) is scoped:
            monkeypatch.setattr(module, "get_mentee_for_user_or_404", any_mentee)


def test_every_model_with_a_required_organisation_is_covered_or_left_open_on_purpose(settings):
    """A new tenant model fails here until someone decides which list it belongs in."""
    required = {
        model.__name__
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation
        and field.related_model is Organisation
        and field.name == "organisation"
        and not field.null
    }
    covered, left_open = set(settings.ROW_SECURITY_MODELS), set(settings.ROW_SECURITY_OPEN_MODELS)
    assert not covered & left_open
    assert required == covered | left_open
    assert [model_named(name)._meta.db_table for name in sorted(covered)]  # each name is one


def test_every_tenant_table_has_row_security_and_our_policy_once():
    enable_row_security()  # again: changes nothing
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.relrowsecurity, array_agg(p.policyname)"
            " FROM pg_class c JOIN pg_policies p ON p.tablename = c.relname"
            " WHERE c.relname = ANY(%s) GROUP BY c.relname, c.relrowsecurity",
            [tenant_tables()],
        )
        found = {table: (enabled, policies) for table, enabled, policies in cursor.fetchall()}
    assert set(found) == set(tenant_tables())
    assert all(entry == (True, [POLICY]) for entry in found.values()), found


def test_a_query_without_the_organisation_filter_sees_only_the_scoped_one(tenants, as_app_role):
    a, b = tenants
    ours, theirs = MenteeFactory(organisation=a), MenteeFactory(organisation=b)
    assert Mentee.objects.count() == 2  # no organisation set: the application's scoping alone
    with tenant_scope(a.pk):
        assert list(Mentee.objects.all()) == [ours]
        assert Mentee.objects.filter(pk=theirs.pk).update(reference="CHANGED") == 0
        with pytest.raises(DatabaseError, match="row-level security"), transaction.atomic():
            MenteeFactory(organisation=b)
    assert Mentee.objects.count() == 2
    assert Mentee.objects.get(pk=theirs.pk).reference != "CHANGED"


def test_the_tables_owner_passes_the_policies(tenants, settings):
    """Why the other tests connect as the application's role: the owner (migrations, the demo,
    the tests' own connection) is not held by them."""
    settings.ROW_SECURITY_SCOPING = True
    a, b = tenants
    MenteeFactory(organisation=a), MenteeFactory(organisation=b)
    with tenant_scope(a.pk):
        assert Mentee.objects.count() == 2


def walk_mentee_pages(client, a, b) -> dict[str, int]:
    """What each mentee page answers a member of A asking for B's mentee (and checks A's own
    are found, so a 404 means something)."""
    answers = {}
    for name in MENTEE_ROUTES:
        rule = ROUTES[name]
        sign_in_member(client, a, rule.roles[0])
        theirs = reverse(name, kwargs=rule.make(b))
        answers[name] = getattr(client, rule.method)(theirs).status_code
        ours = getattr(client, rule.method)(reverse(name, kwargs=rule.make(a))).status_code
        assert ours in ((200, 302, 400) if rule.method == "post" else (200, 302)), name
        client.logout()
    return answers


def test_the_mentee_pages_hold_as_the_application_role(client, tenants, as_app_role):
    answers = walk_mentee_pages(client, *tenants)
    assert MENTEE_ROUTES and set(answers.values()) == {404}, answers


def test_the_mentee_pages_hold_with_the_filter_forgotten(
    client, tenants, as_app_role, forgotten_filter
):
    answers = walk_mentee_pages(client, *tenants)
    assert set(answers.values()) == {404}, answers


def test_without_row_security_a_forgotten_filter_would_leak(client, tenants, forgotten_filter):
    """The same walk as the owner, whom the policies do not hold: the check above can fail."""
    answers = walk_mentee_pages(client, *tenants)
    assert 404 not in {answers[name] for name in answers if ROUTES[name].method == "get"}


def test_scoping_follows_the_active_membership_and_ends_with_the_request(
    client, tenants, as_app_role
):
    a, b = tenants
    ours = MenteeFactory(organisation=a)
    theirs = MenteeFactory(organisation=b)
    sign_in_member(client, a, MembershipRole.COORDINATOR)
    page = client.get(reverse("mentees:mentee_list"))
    assert page.status_code == 200
    assert ours.reference in page.text and theirs.reference not in page.text
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('app.organisation_id', true)")
        assert cursor.fetchone()[0] in (None, "")  # nothing left set on the connection
