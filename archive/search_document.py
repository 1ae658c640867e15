"""The PostgreSQL-only stored `search_document` column, as one migration operation both apps' migrations use.

website.search matches and ranks against this column, so a search neither recomputes to_tsvector over every
body nor reads the bodies of rows that do not match. PostgreSQL generates it from the English fields with the
`english` configuration and from the Russian fields (and, for articles, the verbatim original) with `russian`,
so it is always current without any code keeping it so. It is not a model field: SQLite has neither tsvector
nor GIN, so there the operation does nothing and search uses its stem fallback. Changing which fields are
searched means a new migration redefining the column.
"""

from django.db import migrations


def _document_sql(english, russian):
    def vector(config, columns):
        text = " || ' ' || ".join(f"coalesce({column}, '')" for column in columns)
        return f"setweight(to_tsvector('{config}'::regconfig, {text}), 'A')"

    return f"{vector('english', english)} || {vector('russian', russian)}"


def add_search_documents(documents):
    """A migration operation giving each table a generated `search_document` column with a GIN index.

    `documents` maps a table name to (English columns, Russian columns). Only PostgreSQL is changed.
    """

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table, (english, russian) in documents.items():
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_document tsvector "
                f"GENERATED ALWAYS AS ({_document_sql(english, russian)}) STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_document ON {table} USING gin (search_document)"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in documents:
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_document")

    return migrations.RunPython(forwards, backwards)


def drop_search_documents(documents):
    """The reverse of `add_search_documents`: search moved to the `searchindex` app, so the columns and their
    indexes go (migrating back makes them again)."""
    operation = add_search_documents(documents)
    return migrations.RunPython(operation.reverse_code, operation.code)
