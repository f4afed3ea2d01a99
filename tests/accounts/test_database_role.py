"""The application's database role may only read and add to the audit log (issue 18).

These tests create a real role on the test database's server, connect as it and try what an
attacker holding the application's credentials would try. They commit (the other connection
must see the role and the rows), so they use transactional tests.
"""

import secrets

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from accounts.audit import audit_record
from accounts.constants import AuditAction
from accounts.database import grant_app_role
from accounts.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

CONNECTION_KEYS = ("NAME", "USER", "PASSWORD", "HOST", "PORT")


def _role_name() -> str:
    return f"{connection.settings_dict['NAME']}_app"[:63].lower()


def _drop(role: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        if cursor.fetchone():
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')


@pytest.fixture
def app_role():
    role, password = _role_name(), secrets.token_urlsafe(16)
    _drop(role)
    grant_app_role(connection, role=role, password=password)
    yield role, password
    _drop(role)


def connect_as(role: str, password: str) -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(
        dbname=settings["NAME"],
        user=role,
        password=password,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    )


@pytest.fixture
def event():
    user = UserFactory()
    return audit_record(
        actor=user, action=AuditAction.VIEWED, object_type="mentees.mentee", object_id="42"
    )


REFUSED = [
    "UPDATE accounts_auditevent SET object_id = 'forged'",
    "DELETE FROM accounts_auditevent",
    "TRUNCATE accounts_auditevent",
    "ALTER TABLE accounts_auditevent DISABLE TRIGGER accounts_auditevent_append_only",
    "ALTER TABLE accounts_auditevent DISABLE TRIGGER ALL",
    "DROP TRIGGER accounts_auditevent_append_only ON accounts_auditevent",
    "DROP TABLE accounts_auditevent",
]


def test_the_application_role_can_change_nothing_in_the_audit_log(app_role, event):
    with connect_as(*app_role) as app:
        # Postgres only warns that a role without the grant option granted nothing.
        app.execute("GRANT UPDATE, DELETE, TRUNCATE ON accounts_auditevent TO CURRENT_USER")
        for statement in REFUSED:
            with pytest.raises(
                psycopg.errors.InsufficientPrivilege, match="permission denied|owner"
            ):
                app.execute(statement)
    assert AuditEvent.objects.filter(pk=event.pk, object_id="42").exists()


def test_the_application_role_reads_and_adds_to_the_audit_log(app_role, event):
    with connect_as(*app_role) as app:
        app.execute(
            "INSERT INTO accounts_auditevent (occurred_at, actor_email, action, object_type,"
            " object_id, object_repr, details) VALUES (now(), '', 'viewed', 'x', '7', '', '{}')"
        )
        count = app.execute("SELECT count(*) FROM accounts_auditevent").fetchone()[0]
    assert count == 2 == AuditEvent.objects.count()


def test_the_application_role_still_does_its_work_elsewhere(app_role, event):
    with connect_as(*app_role) as app:
        app.execute(
            "UPDATE accounts_user SET full_name = 'Changed' WHERE id = %s", [event.actor_id]
        )
        app.execute("DELETE FROM django_session")
    assert AuditEvent.objects.get(pk=event.pk).actor.full_name == "Changed"


def test_a_truncate_right_given_by_mistake_is_still_refused_by_the_trigger(app_role, event):
    role, _password = app_role
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT TRUNCATE ON accounts_auditevent TO "{role}"')
    with connect_as(*app_role) as app, pytest.raises(psycopg.errors.InsufficientPrivilege) as err:
        app.execute("TRUNCATE accounts_auditevent")
    assert "append-only" in str(err.value)
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_migrate_runs_as_the_owner_and_then_limits_the_application_role(settings, event):
    """With MIGRATION_DATABASE_URL set, `manage.py migrate` connects as the owner and grants the
    application's role (DATABASE_URL's user, created if missing) its rights."""
    role, password = _role_name(), secrets.token_urlsafe(16)
    _drop(role)
    owner = {key: connection.settings_dict[key] for key in CONNECTION_KEYS}
    settings.MIGRATION_DATABASE = dict(owner)
    connection.close()
    connection.settings_dict.update(USER=role, PASSWORD=password)
    try:
        call_command("migrate", verbosity=0)
        with connection.cursor() as cursor:  # the application's connection again
            cursor.execute("SELECT current_user")
            assert cursor.fetchone()[0] == role
        assert AuditEvent.objects.filter(pk=event.pk).exists()
        with pytest.raises(Exception, match="permission denied"):
            AuditEvent.objects.filter(pk=event.pk).delete()
    finally:
        connection.close()
        connection.settings_dict.update(owner)
        _drop(role)
