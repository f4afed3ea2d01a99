"""The full-text index without GIN's pending list (fastupdate off).

With it on, new and changed listings' words wait in an unsorted list that every search reads in
full until autovacuum merges it; after a bulk load of 10,000 listings that made the index slower
than reading the whole table, and the planner chose the table. Listings change a few times a day,
so writing each change straight into the index costs nothing that matters. Postgres only.
"""

from django.db import migrations

INDEX = "providers_service_search_vector_gin"


def fastupdate_off(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} SET (fastupdate = off)")
        schema_editor.execute(
            f"SELECT gin_clean_pending_list('{INDEX}'::regclass) "
            f"WHERE to_regclass('{INDEX}') IS NOT NULL"
        )


def fastupdate_on(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX IF EXISTS {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("providers", "0008_organisation_case_retention_years")]

    operations = [migrations.RunPython(fastupdate_off, fastupdate_on)]
