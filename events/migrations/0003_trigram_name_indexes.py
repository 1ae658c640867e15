"""pg_trgm and trigram GIN indexes on the names of people, organizations and venues (PostgreSQL only).

The indexes serve events.name_matching; they are not model Meta indexes because SQLite has no GIN,
so this migration creates them itself and does nothing on other databases.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

TRIGRAM_INDEXES = [
    ("events_person", "name_en"),
    ("events_person", "name_ru"),
    ("events_person", "name_variants"),
    ("events_organization", "name_en"),
    ("events_organization", "name_ru"),
    ("events_organization", "name_variants"),
    ("events_venue", "name_en"),
    ("events_venue", "name_ru"),
]


def index_name(table, column):
    return f"{table}_{column}_trgm"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name(table, column)} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {index_name(table, column)}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_programme_item_provided_by"),
    ]

    operations = [
        # CreateExtension itself does nothing on databases other than PostgreSQL.
        CreateExtension("pg_trgm"),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
