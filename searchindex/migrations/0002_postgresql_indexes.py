"""PostgreSQL only: the entries' tokens as a generated text array with a GIN index (matching.py's `&&`), and a
trigram index on the suggestion words. SQLite needs neither: there the tokens are found in the text itself."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE searchindex_entry ADD COLUMN term_array text[] "
        "GENERATED ALWAYS AS (string_to_array(btrim(terms), ' ')) STORED"
    )
    schema_editor.execute("CREATE INDEX searchindex_entry_terms ON searchindex_entry USING gin (term_array)")
    schema_editor.execute("CREATE INDEX searchindex_word_trigrams ON searchindex_word USING gin (word gin_trgm_ops)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS searchindex_word_trigrams")
    schema_editor.execute("ALTER TABLE searchindex_entry DROP COLUMN IF EXISTS term_array")


class Migration(migrations.Migration):
    dependencies = [("searchindex", "0001_initial")]

    operations = [TrigramExtension(), migrations.RunPython(forwards, backwards)]
