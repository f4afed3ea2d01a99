"""The national comparators DOMAIN.md quotes, and snapshots the database will not change.

TRUNCATE is left alone, as for the audit log: test databases are emptied with it."""

from decimal import Decimal

from django.db import migrations

from core.append_only import refuse_changes

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

add_trigger, remove_trigger = refuse_changes(
    table="outcomes_reportsnapshot",
    trigger="outcomes_reportsnapshot_immutable",
    message="Report snapshots never change",
)


def add_comparators(apps, schema_editor):
    Comparator = apps.get_model("outcomes", "Comparator")
    for spec in COMPARATORS:
        Comparator.objects.get_or_create(name=spec["name"], defaults=spec)


def remove_comparators(apps, schema_editor):
    Comparator = apps.get_model("outcomes", "Comparator")
    Comparator.objects.filter(name__in=[spec["name"] for spec in COMPARATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("outcomes", "0001_outcome_records_comparators_snapshots")]

    operations = [
        migrations.RunPython(add_comparators, remove_comparators),
        migrations.RunPython(add_trigger, remove_trigger),
    ]
