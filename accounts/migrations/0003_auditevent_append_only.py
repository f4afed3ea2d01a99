"""The database refuses UPDATE and DELETE on the audit log, whatever the application does.

TRUNCATE is left alone: test databases are emptied with it, and only the table's owner can run it.
"""

from django.db import migrations

from core.append_only import refuse_changes

forward, backward = refuse_changes(
    table="accounts_auditevent",
    trigger="accounts_auditevent_append_only",
    message="The audit log is append-only",
)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_initial")]

    operations = [migrations.RunPython(forward, backward)]
