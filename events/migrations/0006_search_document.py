"""Stored full-text `search_document` columns with GIN indexes on events, people, venues and organizations.

PostgreSQL only, as for articles: see archive/migrations/0006_search_document.py for why and how.
"""

from django.db import migrations

SEARCH_DOCUMENTS = {
    "events_event": (
        ("title_en", "description_en", "audience_en"),
        ("title_ru", "description_ru", "audience_ru"),
    ),
    "events_person": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants")),
    "events_venue": (
        ("name_en", "city_en", "country_en", "description_en"),
        ("name_ru", "city_ru", "country_ru", "description_ru"),
    ),
    "events_organization": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants")),
}


def document_sql(english, russian):
    def vector(config, columns):
        text = " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)
        return f"setweight(to_tsvector('{config}'::regconfig, {text}), 'A')"

    return f"{vector('english', english)} || {vector('russian', russian)}"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, (english, russian) in SEARCH_DOCUMENTS.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_document tsvector "
            f"GENERATED ALWAYS AS ({document_sql(english, russian)}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {table}_search_document ON {table} USING gin (search_document)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SEARCH_DOCUMENTS:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_document")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_workflow_roles"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
