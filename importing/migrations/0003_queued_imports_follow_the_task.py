"""Imports queued before the importer moved to importing/ name their task by its old path; a worker started after
the upgrade could not import it and would fail them. Queued ones are pointed at the task's new path."""

from django.db import migrations

OLD, NEW = "archive.tasks.import_documents", "importing.tasks.import_documents"


def point_queued_imports_at(apps, path, old):
    results = apps.get_model("django_tasks_database", "DBTaskResult")
    results.objects.filter(task_path=old, status="READY").update(task_path=path)


class Migration(migrations.Migration):
    dependencies = [
        ("importing", "0002_use_own_table_names"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: point_queued_imports_at(apps, NEW, OLD),
            lambda apps, schema_editor: point_queued_imports_at(apps, OLD, NEW),
        ),
    ]
