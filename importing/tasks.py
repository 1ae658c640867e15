"""Work done in the background by the task worker (`manage.py db_worker`), never inside a request."""

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from .importer import DocumentImporter
from .models import ImportJob, ImportJobDocument


@task()
def import_documents(job_id):
    """Import a queued job's files one by one, each whole or not at all, recording progress after each."""
    job = ImportJob.objects.get(pk=job_id)
    # A task run twice (a retry, a second worker) finds the job no longer queued and imports nothing twice.
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
        status=ImportJob.Status.RUNNING, started_at=timezone.now()
    )
    if not claimed:
        return {"job": job_id, "status": job.status, "skipped": True}
    try:
        importer = DocumentImporter(dry_run=job.dry_run)
        pending = job.documents.filter(status=ImportJobDocument.Status.PENDING).order_by("position")
        # One file's bytes in memory at a time, however many were uploaded.
        for pk in pending.values_list("pk", flat=True):
            document = ImportJobDocument.objects.get(pk=pk)
            document.job = job
            document.record(importer.import_bytes(bytes(document.content), document.name))
            ImportJob.objects.filter(pk=job_id).update(done=F("done") + 1)
    except Exception as error:
        # The file being read was rolled back by its own transaction; the files before it stay imported.
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED, finished_at=timezone.now(), error=f"{type(error).__name__}: {error}"
        )
        raise
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.DONE, finished_at=timezone.now())
    job.refresh_from_db()
    return {"job": job_id, "status": job.status, "counts": job.counts()}
