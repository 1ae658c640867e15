"""An upgrade does not strand imports queued under the task's old path (archive.tasks, before the apps split)."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@pytest.mark.django_db(transaction=True)
def test_imports_queued_before_the_move_are_run_by_the_importing_task_after_it():
    call_command("migrate", "importing", "0002", verbosity=0)

    def queued(path, status="READY"):
        return DBTaskResult.objects.create(
            task_path=path,
            status=status,
            args_kwargs={"args": [1], "kwargs": {}},
            queue_name="default",
            backend_name="default",
            priority=0,
            enqueued_at=timezone.now(),
        )

    waiting = queued("archive.tasks.import_documents")
    finished = queued("archive.tasks.import_documents", status="SUCCESSFUL")
    other = queued("gallery.tasks.make_renditions")
    call_command("migrate", "importing", verbosity=0)
    paths = dict(DBTaskResult.objects.values_list("pk", "task_path"))
    assert paths[waiting.pk] == "importing.tasks.import_documents"
    assert paths[finished.pk] == "archive.tasks.import_documents"  # a record of what ran, left as it was
    assert paths[other.pk] == "gallery.tasks.make_renditions"
