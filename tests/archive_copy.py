"""The fixture archive, loaded by `load_archive` once per test process and copied into each test that asks for it.

`load_archive` takes about 0.4 s: it deserialises eight JSON files, looks every natural key up and saves row by
row. So the conftest runs it once per process (each xdist worker has its own test database), inside a transaction
that is rolled back, and keeps the rows it wrote; a test asking for the archive then gets those very rows, column
for column, in one INSERT per table, inside the test's own transaction, rolled back after it as before.

The rows are copied rather than left committed because most database tests expect an empty database (they
count rows, or load the archive themselves), and a browser test's flush would take committed rows away.
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import QuerySet


def _models_by_table():
    """One concrete model per table, many-to-many tables included (a proxy shares its parent's table)."""
    models = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            models.setdefault(model._meta.db_table, model)
    return list(models.values())


def _rows(model):
    """{pk: row} with every column's value; a plain QuerySet, so modeltranslation rewrites no field name."""
    fields = model._meta.concrete_fields
    rows = QuerySet(model).order_by("pk").values_list(*[field.attname for field in fields])
    return {row[fields.index(model._meta.pk)]: row for row in rows}


class ArchiveCopy:
    """The rows `load_archive` writes into an empty archive, and the statements that write them again."""

    def __init__(self, tables):
        # [(model, concrete fields, rows)]; the order of the tables does not matter, as Django's foreign keys are
        # checked at commit (DEFERRABLE INITIALLY DEFERRED on PostgreSQL and SQLite alike).
        self.tables = tables
        quote = connection.ops.quote_name
        self.inserts = []
        for model, fields, rows in tables:
            columns = ", ".join(quote(field.column) for field in fields)
            placeholders = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
            params = [
                [field.get_db_prep_save(value, connection) for field, value in zip(fields, row, strict=True)]
                for row in rows
            ]
            self.inserts.append((sql, params))
        # The rows keep their primary keys, so the sequences (PostgreSQL) must then continue after them.
        self.sequence_resets = connection.ops.sequence_reset_sql(no_style(), [model for model, _, _ in tables])

    @classmethod
    def record(cls):
        """Run `load_archive` in a transaction that is rolled back and keep the rows it wrote."""
        models = _models_by_table()
        with transaction.atomic():
            before = {model: _rows(model) for model in models}
            call_command("load_archive", verbosity=0)
            tables = []
            for model in models:
                after = _rows(model)
                if any(after.get(pk) != row for pk, row in before[model].items()):
                    raise RuntimeError(
                        f"load_archive changed or deleted rows of {model._meta.label} that were there before it; "
                        "copying only the rows it adds would miss that: load it per test instead."
                    )
                added = [row for pk, row in after.items() if pk not in before[model]]
                if added:
                    tables.append((model, model._meta.concrete_fields, added))
            transaction.set_rollback(True)
        _refuse_references_outside(tables)
        return cls(tables)

    def insert(self):
        """Write the archive into the current database, as `load_archive` would have on an empty archive."""
        with transaction.atomic(), connection.cursor() as cursor:
            for sql, params in self.inserts:
                cursor.executemany(sql, params)
            for sql in self.sequence_resets:
                cursor.execute(sql)


def _refuse_references_outside(tables):
    """The copied rows may point only at each other: a row made before (a content type, a user) may be gone or
    have another key by the time of the copy, after a browser test flushed the database."""
    copied = {model._meta.db_table for model, _, _ in tables}
    for model, fields, rows in tables:
        for index, field in enumerate(fields):
            if not field.is_relation or field.related_model._meta.db_table in copied:
                continue
            if any(row[index] is not None for row in rows):
                raise RuntimeError(
                    f"load_archive wrote {model._meta.label}.{field.name} pointing at rows it did not write; "
                    "the per-test copy cannot keep those: load the archive per test instead."
                )
