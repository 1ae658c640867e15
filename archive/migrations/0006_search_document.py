"""A stored full-text `search_document` column with a GIN index on articles (PostgreSQL only).

archive.search matches and ranks against this column, so a search neither recomputes to_tsvector
over 100,000 article bodies nor reads the bodies of rows that do not match. The column is generated
by PostgreSQL from the English fields with the `english` configuration and from the Russian fields
and the verbatim original with `russian` (whose parser stems Latin words with the English stemmer
too), so it is always current without any code keeping it so. It is not a model field: SQLite has
neither tsvector nor GIN, so there the migration does nothing and search uses its stem fallback.
Changing which fields are searched means a new migration redefining the column.
"""

from django.db import migrations

SEARCH_DOCUMENTS = {
    "archive_article": (
        ("title_en", "lead_en", "body_en"),
        ("title_ru", "lead_ru", "body_ru", "original_title", "original_text"),
    ),
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
        ("archive", "0005_workflow_log_and_roles"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
    ]
