"""Full-text and trigram indexes for the directory search. Postgres only: the SQLite demo
searches with a plain fallback (see providers.search)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    "CREATE INDEX IF NOT EXISTS providers_service_search_vector_gin "
    "ON providers_service USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS providers_service_search_document_trgm "
    "ON providers_service USING gin (search_document gin_trgm_ops)",
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in INDEXES:
            schema_editor.execute(statement)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS providers_service_search_vector_gin")
        schema_editor.execute("DROP INDEX IF EXISTS providers_service_search_document_trgm")


class Migration(migrations.Migration):
    dependencies = [("providers", "0002_directory")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
