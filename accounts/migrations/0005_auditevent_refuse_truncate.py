"""The database refuses TRUNCATE on the audit log too, except from the table's owner.

The application's role is not the owner and holds no TRUNCATE right (accounts/database.py); this
trigger still refuses a TRUNCATE from any role that was given one by mistake. The owner may
(it could drop the trigger anyway): Postgres empties test databases with TRUNCATE, and restores
are the owner's work.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION accounts_auditevent_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')
    THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'The audit log is append-only: TRUNCATE is not allowed on accounts_auditevent'
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER accounts_auditevent_no_truncate
    BEFORE TRUNCATE ON accounts_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION accounts_auditevent_refuse_truncate();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS accounts_auditevent_no_truncate ON accounts_auditevent;
DROP FUNCTION IF EXISTS accounts_auditevent_refuse_truncate();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":  # SQLite has no TRUNCATE
        schema_editor.execute(POSTGRES_FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_audit_reviewed_action")]

    operations = [migrations.RunPython(forward, backward)]
