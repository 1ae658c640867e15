"""PostgreSQL only: the undated entries (names) are searched apart from the dated ones (matching._undated_first).

The order index keeps only dated entries, so that no search walks it through every name; a GIN index of the
undated entries' tokens finds the names that have a word. SQLite has neither index and needs neither.
"""

from django.db import migrations

ORDER_ALL = "CREATE INDEX searchindex_entry_order ON searchindex_entry (sort_date DESC NULLS FIRST, object_id DESC, id)"
ORDER_DATED = (
    "CREATE INDEX searchindex_entry_order ON searchindex_entry (sort_date DESC, object_id DESC, id) "
    "WHERE sort_date IS NOT NULL"
)
UNDATED_TERMS = (
    "CREATE INDEX searchindex_entry_undated_terms ON searchindex_entry USING gin (term_array) WHERE sort_date IS NULL"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS searchindex_entry_order")
        schema_editor.execute(ORDER_DATED)
        schema_editor.execute(UNDATED_TERMS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS searchindex_entry_undated_terms")
        schema_editor.execute("DROP INDEX IF EXISTS searchindex_entry_order")
        schema_editor.execute(ORDER_ALL)


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0003_search_order")]

    operations = [migrations.RunPython(forwards, backwards)]
