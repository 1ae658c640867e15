"""`other_spellings` on people and organizations: the archive's own spellings, kept apart from the reports'.

`name_variants` is to hold only spellings the documents use (issue 17). This adds the field for the rest,
moves the spellings of the hand-built archive that no document uses into it, and makes name look-ups and
search read it too: a trigram index for events.name_matching and the stored `search_document` column
(PostgreSQL only, as in 0003 and 0006).
"""

from django.db import migrations, models

from archive.search_document import redefine_search_documents

OTHER_SPELLINGS_HELP = (
    "Spellings no report uses (another transliteration, the name in the other language), one per line. "
    "The archive's addition, not from the reports: used to find the record, never as evidence."
)

# The spellings of the fixtures no document uses (fixtures/documents), by model and slug: moved when present.
MOVED = {
    "person": {"aghalar-atamoghlanov": ["Agalar Atamoglanov"], "rizvan-huseynov": ["Rizvan Guseynov"]},
    "organization": {
        "friendship-vladivostok": ["Дружба"],
        "azertac": ["Азертадж"],
        "azerbaijani-autonomy-krasnoyarsk": ["National-Cultural Autonomy of the Krasnoyarsk Territory"],
    },
}
# A bare surname that matches every other Aliyev: dropped, not moved.
DROPPED = {"person": {"nazim-aliyev": ["Aliyev"]}}

SEARCH_DOCUMENTS_BEFORE = {
    "events_person": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants")),
    "events_organization": (("name_en", "description_en"), ("name_ru", "description_ru", "name_variants")),
}
SEARCH_DOCUMENTS = {
    "events_person": (
        ("name_en", "description_en"),
        ("name_ru", "description_ru", "name_variants", "other_spellings"),
    ),
    "events_organization": (
        ("name_en", "description_en"),
        ("name_ru", "description_ru", "name_variants", "other_spellings"),
    ),
}
TRIGRAM_INDEXES = [("events_person", "other_spellings"), ("events_organization", "other_spellings")]


def _lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def move_spellings(apps, schema_editor):
    for model_name, by_slug in MOVED.items():
        model = apps.get_model("events", model_name)
        for record in model.objects.filter(slug__in=by_slug):
            moving = [s for s in _lines(record.name_variants) if s in by_slug[record.slug]]
            if moving:
                record.name_variants = "\n".join(s for s in _lines(record.name_variants) if s not in moving)
                record.other_spellings = "\n".join([*_lines(record.other_spellings), *moving])
                record.save(update_fields=["name_variants", "other_spellings"])
    for model_name, by_slug in DROPPED.items():
        model = apps.get_model("events", model_name)
        for record in model.objects.filter(slug__in=by_slug):
            kept = [s for s in _lines(record.name_variants) if s not in by_slug[record.slug]]
            if kept != _lines(record.name_variants):
                record.name_variants = "\n".join(kept)
                record.save(update_fields=["name_variants"])


def merge_spellings_back(apps, schema_editor):
    """Before this migration every spelling was in `name_variants`: put the archive's own back there."""
    for model_name in ("person", "organization"):
        for record in apps.get_model("events", model_name).objects.exclude(other_spellings=""):
            record.name_variants = "\n".join([*_lines(record.name_variants), *_lines(record.other_spellings)])
            record.save(update_fields=["name_variants"])


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {table}_{column}_trgm ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {table}_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0011_edit_version_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="other_spellings",
            field=models.TextField(
                blank=True, help_text=OTHER_SPELLINGS_HELP, verbose_name="other spellings (the archive's addition)"
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="other_spellings",
            field=models.TextField(
                blank=True, help_text=OTHER_SPELLINGS_HELP, verbose_name="other spellings (the archive's addition)"
            ),
        ),
        migrations.AlterField(
            model_name="organization",
            name="name_variants",
            field=models.TextField(
                blank=True,
                help_text="Other names and spellings the documents themselves use, one per line.",
                verbose_name="spellings in the reports",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="name_variants",
            field=models.TextField(
                blank=True,
                help_text="Other spellings and transliterations the documents themselves use, one per line.",
                verbose_name="spellings in the reports",
            ),
        ),
        migrations.RunPython(move_spellings, merge_spellings_back),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
        redefine_search_documents(SEARCH_DOCUMENTS, SEARCH_DOCUMENTS_BEFORE),
    ]
