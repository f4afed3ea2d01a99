"""The national comparators DOMAIN.md quotes, and snapshots the database will not change.

TRUNCATE is left alone, as for the audit log: test databases are emptied with it."""

from decimal import Decimal

from django.db import migrations

COMPARATORS = [
    {
        "name": "National rate: adults released from short sentences, 2014/15",
        "rate": Decimal("0.6000"),
        "population": "Adults released from prison sentences of less than 12 months",
        "source": "Ministry of Justice proven reoffending statistics",
        "period": "2014/15",
        "published": "",
        "is_default": False,
    },
    {
        "name": "National rate: adult offenders, published April 2017",
        "rate": Decimal("0.4400"),
        "population": "Adult offenders in England and Wales",
        "source": "Ministry of Justice proven reoffending statistics",
        "period": "",
        "published": "April 2017",
        "is_default": True,
    },
]

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION outcomes_reportsnapshot_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Report snapshots never change: % is not allowed on outcomes_reportsnapshot',
        TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outcomes_reportsnapshot_immutable
    BEFORE UPDATE OR DELETE ON outcomes_reportsnapshot
    FOR EACH ROW EXECUTE FUNCTION outcomes_reportsnapshot_refuse_change();
"""
POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS outcomes_reportsnapshot_immutable ON outcomes_reportsnapshot;
DROP FUNCTION IF EXISTS outcomes_reportsnapshot_refuse_change();
"""
SQLITE_FORWARD = [
    """CREATE TRIGGER outcomes_reportsnapshot_no_update BEFORE UPDATE ON outcomes_reportsnapshot
       BEGIN SELECT RAISE(ABORT, 'Report snapshots never change: UPDATE is not allowed'); END;""",
    """CREATE TRIGGER outcomes_reportsnapshot_no_delete BEFORE DELETE ON outcomes_reportsnapshot
       BEGIN SELECT RAISE(ABORT, 'Report snapshots never change: DELETE is not allowed'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS outcomes_reportsnapshot_no_update;",
    "DROP TRIGGER IF EXISTS outcomes_reportsnapshot_no_delete;",
]


def add_comparators(apps, schema_editor):
    Comparator = apps.get_model("outcomes", "Comparator")
    for spec in COMPARATORS:
        Comparator.objects.get_or_create(name=spec["name"], defaults=spec)


def remove_comparators(apps, schema_editor):
    Comparator = apps.get_model("outcomes", "Comparator")
    Comparator.objects.filter(name__in=[spec["name"] for spec in COMPARATORS]).delete()


def add_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def remove_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0001_outcome_records_comparators_snapshots")]

    operations = [
        migrations.RunPython(add_comparators, remove_comparators),
        migrations.RunPython(add_trigger, remove_trigger),
    ]
