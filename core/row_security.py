"""Postgres row-level security on tenant-owned tables: defence in depth behind `visible_to`.

Every table of a model named in settings.ROW_SECURITY_MODELS gets one policy: a row is visible
(and may be written) when no organisation is set for this connection, or when its
`organisation_id` is the one set. A request acting for an organisation sets it (`tenant_scope`, from
providers.middleware), so a query that forgot the organisation filter still sees only that
organisation's rows. Public pages, platform roles and scheduled jobs set nothing and rely on the
application's own scoping, as before.

The policies bind the application's role only: the tables' owner (migrations, and the demo and
tests, which connect as the owner) passes them, as Postgres does for owners unless FORCE is
given. tests/core/test_row_security.py connects as a separate application role to prove them.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError
from django.db import connection as default_connection
from psycopg import sql

SETTING = "app.organisation_id"
POLICY_FAMILY = "tenant_rows"
POLICY = f"{POLICY_FAMILY}_v1"  # a new rule takes a new name (see enable_row_security)
_CURRENT = f"current_setting('{SETTING}', true)"
# Written so that an unset or empty value never reaches the cast (SQL may evaluate either side
# of an OR first).
_VISIBLE = f"coalesce({_CURRENT}, '') = '' OR organisation_id = nullif({_CURRENT}, '')::bigint"


def model_named(name: str):
    """The one installed model called `name` (whichever app holds it)."""
    found = [model for model in apps.get_models() if model.__name__ == name]
    if len(found) != 1:
        raise ImproperlyConfigured(f"Row security: {len(found)} models are called {name!r}")
    return found[0]


def tenant_tables() -> list[str]:
    return [model_named(name)._meta.db_table for name in settings.ROW_SECURITY_MODELS]


def enable_row_security(connection=default_connection) -> None:
    """Turn row security on with our policy on every tenant table. Safe to run again: tables
    that have it are left alone; a changed rule takes a new POLICY name, and older ones go."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        raw = connection.connection
        cursor.execute(
            "SELECT c.relname, c.relrowsecurity, coalesce(array_agg(p.policyname)"
            " FILTER (WHERE p.policyname IS NOT NULL), '{}')"
            " FROM pg_class c LEFT JOIN pg_policies p ON p.tablename = c.relname"
            " AND p.schemaname = current_schema()"
            " WHERE c.relname = ANY(%s) AND c.relnamespace = current_schema()::regnamespace"
            " GROUP BY c.relname, c.relrowsecurity",
            [tenant_tables()],
        )
        for table, enabled, policies in cursor.fetchall():
            name = sql.Identifier(table)
            statements = []
            if not enabled:
                statements.append(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(name))
            for old in policies:
                if old.startswith(POLICY_FAMILY) and old != POLICY:
                    statements.append(
                        sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(old), name)
                    )
            if POLICY not in policies:
                statements.append(
                    sql.SQL("CREATE POLICY {} ON {} USING ({}) WITH CHECK ({})").format(
                        sql.Identifier(POLICY), name, sql.SQL(_VISIBLE), sql.SQL(_VISIBLE)
                    )
                )
            for statement in statements:
                cursor.execute(statement.as_string(raw))


def _set(connection, value: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, %s, false)", [SETTING, value])


@contextmanager
def tenant_scope(organisation_id: int, connection=default_connection) -> Iterator[None]:
    """Inside, this connection sees only `organisation_id`'s rows of the tenant tables; after,
    nothing is set. Not nested: one scope a request. With settings.ROW_SECURITY_SCOPING off
    (one database role, whom the policies do not hold anyway) it sends nothing to Postgres."""
    if connection.vendor != "postgresql" or not settings.ROW_SECURITY_SCOPING:
        yield
        return
    _set(connection, str(int(organisation_id)))
    try:
        yield
    finally:
        _restore(connection, "")


def _restore(connection, value: str) -> None:
    if connection.connection is None:
        return  # closed: a new connection starts with nothing set
    try:
        _set(connection, value)
    except DatabaseError:
        # Inside a failed transaction, its rollback undoes our set_config too; outside one,
        # never hand the connection on with an organisation still set.
        if not connection.in_atomic_block:
            connection.close()
