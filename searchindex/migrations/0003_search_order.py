"""PostgreSQL only: an index in the order every search reads its matches (matching.matches), so that a word found
in most texts is read newest first and stops after the first matches instead of sorting them all. SQLite cannot
index NULLS FIRST, and at its sizes needs no such index."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX searchindex_entry_order ON searchindex_entry (sort_date DESC NULLS FIRST, object_id DESC, id)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS searchindex_entry_order")


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0002_postgresql_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
