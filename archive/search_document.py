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


def _add(schema_editor, documents):
    for table, (english, russian) in documents.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_document tsvector "
            f"GENERATED ALWAYS AS ({_document_sql(english, russian)}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_search_document ON {table} USING gin (search_document)"
        )


def _drop(schema_editor, tables):
    # Dropping the column drops its index with it.
    for table in tables:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_document")


def add_search_documents(documents):
    """A migration operation giving each table a generated `search_document` column with a GIN index.

    `documents` maps a table name to (English columns, Russian columns). Only PostgreSQL is changed.
    """

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _add(schema_editor, documents)

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            _drop(schema_editor, documents)

    return migrations.RunPython(forwards, backwards)


def drop_search_documents(documents):
    """The reverse of `add_search_documents`: search moved to the `searchindex` app, so the columns and their
    indexes go (migrating back makes them again)."""
    operation = add_search_documents(documents)
    return migrations.RunPython(operation.reverse_code, operation.code)


def redefine_search_documents(documents, previous):
    """A migration operation that rebuilds the `search_document` column of each table from other columns.

    A generated column's expression cannot be altered, so it is dropped and added again (PostgreSQL fills it
    for every row). `documents` is the new definition and `previous` the one it replaces, both shaped as for
    `add_search_documents`; reversing restores `previous`. Only PostgreSQL is changed.
    """

    def rebuild(definition):
        def run(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                _drop(schema_editor, definition)
                _add(schema_editor, definition)

        return run

    return migrations.RunPython(rebuild(documents), rebuild(previous))
