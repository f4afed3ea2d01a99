"""The application's own database role, which may only add to and read the audit log.

In production two Postgres roles reach the database: the owner of the tables, used only to run
migrations (MIGRATION_DATABASE_URL), and the application's role (DATABASE_URL), which every web
process and worker uses. `grant_app_role` gives the application's role what the service needs on
every table (read, add, change, remove rows), and on the audit log only SELECT and INSERT. As it
owns nothing, it cannot TRUNCATE the audit log, change or delete its rows, or disable or drop the
triggers that guard it (ALTER TABLE and DROP TRIGGER need the owner). `manage.py migrate` calls
it after every migration when MIGRATION_DATABASE_URL is set (accounts/management/commands).
"""

import re

from psycopg import sql

AUDIT_TABLE = "accounts_auditevent"
TABLE_RIGHTS = "SELECT, INSERT, UPDATE, DELETE"
SEQUENCE_RIGHTS = "USAGE, SELECT"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleError(Exception):
    """The application's role cannot be set up as asked (the message says why)."""


def grant_app_role(connection, *, role: str, password: str | None) -> None:
    """On `connection` (the owner's), create `role` if it is missing and grant what it may do.

    Safe to run again and again: after each migration it covers the new tables.
    """
    if not _ROLE_NAME.match(role or ""):
        raise RoleError(
            f"The application's database user {role!r} must be lower-case letters, digits and "
            "underscores."
        )
    connection.ensure_connection()
    raw = connection.connection

    def run(statement: str, *parts) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL(statement).format(*parts).as_string(raw))

    name = sql.Identifier(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_database()")
        owner, database = cursor.fetchone()
        if role == owner:
            raise RoleError(
                "DATABASE_URL and MIGRATION_DATABASE_URL name the same user: the application "
                "must use its own role, not the owner of the tables."
            )
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        exists = cursor.fetchone() is not None
    if not exists:
        run("CREATE ROLE {} LOGIN", name)
    if password:
        run("ALTER ROLE {} LOGIN PASSWORD {}", name, sql.Literal(password))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_has_role(%s, %s, 'MEMBER')", [role, owner])
        if cursor.fetchone()[0]:
            raise RoleError(
                f"The role {role} is a member of {owner}, the owner of the tables, so it could "
                "do anything the owner can. Give the application a role of its own."
            )
    run("GRANT CONNECT ON DATABASE {} TO {}", sql.Identifier(database), name)
    run("GRANT USAGE ON SCHEMA public TO {}", name)
    run(f"GRANT {TABLE_RIGHTS} ON ALL TABLES IN SCHEMA public TO {{}}", name)
    run(f"GRANT {SEQUENCE_RIGHTS} ON ALL SEQUENCES IN SCHEMA public TO {{}}", name)
    run(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {TABLE_RIGHTS} ON TABLES TO {{}}", name)
    run(
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {SEQUENCE_RIGHTS} ON SEQUENCES TO {{}}",
        name,
    )
    run("REVOKE ALL ON TABLE {} FROM {}", sql.Identifier(AUDIT_TABLE), name)
    run("GRANT SELECT, INSERT ON TABLE {} TO {}", sql.Identifier(AUDIT_TABLE), name)
