"""Admin uploads are imported in the background: the request only queues them, the database worker imports them,
and the import's page shows the progress and each file's result.

These tests use the production backend (tasks queued in the database) and run the real worker command in batch
mode, in-process; the rest of the suite runs tasks at once (config/settings/test.py).
"""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from archive.models import Article
from importing.models import ImportJob, ImportJobDocument
from importing.tasks import import_documents

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
URL = "/en/admin/archive/article/import/"
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings):
    """Tasks are queued in the database, as in production, until a worker runs them."""
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def reference(db):
    call_command(
        "loaddata", "01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds", verbosity=0
    )


def uploads(*names):
    return [SimpleUploadedFile(name, (DOCUMENTS / name).read_bytes(), "text/plain") for name in names]


def run_worker():
    """The worker that production runs (`manage.py db_worker`), until the queue is empty."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)


def test_the_admin_upload_returns_at_once_and_queues_the_import(admin_client, reference, queued):
    response = admin_client.post(URL, {"documents": uploads("000_1b1bc390bcf16a8c.txt", "003_a61001275cb23151.txt")})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_admin_url()
    assert not Article.objects.exists()
    assert (job.status, job.total, job.done) == ("queued", 2, 0)
    task = DBTaskResult.objects.get()
    assert task.status == "READY" and task.task_path == "importing.tasks.import_documents"
    assert str(task.id) == job.task_id
    page = admin_client.get(job.get_admin_url()).content.decode()
    assert "Waiting for a worker" in page and "0 of 2 documents read" in page


@pytest.mark.django_db(transaction=True)
def test_the_worker_imports_a_queued_upload_and_the_job_page_shows_each_files_result(admin_client, reference, queued):
    bad = SimpleUploadedFile("empty.txt", b"", "text/plain")
    admin_client.post(URL, {"documents": [*uploads("000_1b1bc390bcf16a8c.txt", "003_a61001275cb23151.txt"), bad]})
    run_worker()

    job = ImportJob.objects.get()
    assert (job.status, job.done, job.total) == ("done", 3, 3)
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert set(Article.objects.values_list("source_filename", flat=True)) == {
        "000_1b1bc390bcf16a8c.txt",
        "003_a61001275cb23151.txt",
    }
    assert set(job.documents.values_list("content", flat=True)) == {b""}  # the bytes are not kept twice
    page = admin_client.get(job.get_admin_url()).content.decode()
    assert page.count('class="import-imported"') == 2
    assert "Imported: 2; changed (kept as revisions): 0; unchanged: 0; failed: 1." in page
    article = Article.objects.get(source_filename="003_a61001275cb23151.txt")
    assert f"/admin/archive/article/{article.pk}/change/" in page
    assert "refresh" not in page  # a finished import stops reloading itself


@pytest.mark.django_db(transaction=True)
def test_a_failing_document_is_reported_naming_the_file_and_the_others_are_imported(admin_client, reference, queued):
    broken = SimpleUploadedFile("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text/plain")
    admin_client.post(URL, {"documents": [broken, *uploads("004_36ffe1ae2a3c1afa.txt")]})
    run_worker()

    failed = ImportJobDocument.objects.get(name="scan.txt")
    assert failed.status == "failed" and "a PNG image" in failed.message
    page = admin_client.get(ImportJob.objects.get().get_admin_url()).content.decode()
    row = page[page.index('class="import-failed"') :].split("</tr>")[0]
    assert "scan.txt" in row and "the file is a PNG image, not a text" in row
    assert Article.objects.get().source_filename == "004_36ffe1ae2a3c1afa.txt"


def test_the_import_page_lists_each_import_with_its_status_and_progress(admin_client, reference, queued):
    admin_client.post(URL, {"documents": uploads("000_1b1bc390bcf16a8c.txt")})
    job = ImportJob.objects.get()
    page = admin_client.get(URL).content.decode()
    assert job.get_admin_url() in page and 'class="import-job-queued"' in page and "0 of 1 documents" in page


def test_an_import_page_is_refused_to_staff_who_may_not_import(client, django_user_model, admin_client, queued):
    admin_client.post(URL, {"documents": uploads("000_1b1bc390bcf16a8c.txt")})
    clerk = django_user_model.objects.create_user("clerk", password="pw-for-tests-only", is_staff=True)
    client.force_login(clerk)
    assert client.get(ImportJob.objects.get().get_admin_url()).status_code == 403


def test_a_job_run_a_second_time_imports_nothing_twice(admin_client, reference, queued):
    admin_client.post(URL, {"documents": uploads("000_1b1bc390bcf16a8c.txt")})
    job = ImportJob.objects.get()
    import_documents.call(job.pk)
    again = import_documents.call(job.pk)
    assert again["skipped"] and Article.objects.count() == 1
