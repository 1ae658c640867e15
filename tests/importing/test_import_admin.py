"""The admin's "Import documents" page: several files at once, the same report, drafts only, editors only.

The suite runs tasks at once (config/settings/test.py), so the upload has imported by the time it redirects to the
import's page; tests/importing/test_import_jobs.py covers the queue and the worker.
"""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from archive.models import Article, SourceRevision
from importing.models import ImportSuggestion

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"
URL = "/en/admin/archive/article/import/"


@pytest.fixture
def reference(db):
    call_command(
        "loaddata", "01_occasions", "02_organizations", "03_people", "04_venues", "05_figure_kinds", verbosity=0
    )


def uploads(*names):
    files = [SimpleUploadedFile(name, (DOCUMENTS / name).read_bytes(), "text/plain") for name in names]
    return files


def test_the_article_list_links_to_the_import_page(admin_client):
    response = admin_client.get("/en/admin/archive/article/")
    assert URL in response.content.decode()


def test_several_documents_uploaded_at_once_become_drafts_with_a_report(admin_client, reference):
    files = uploads("000_1b1bc390bcf16a8c.txt", "003_a61001275cb23151.txt", "004_36ffe1ae2a3c1afa.txt")
    bad = SimpleUploadedFile("empty.txt", b"", "text/plain")
    response = admin_client.post(URL, {"documents": [*files, bad]}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('class="import-imported"') == 3
    assert 'class="import-failed"' in page and "empty.txt" in page and "the file is empty" in page
    assert "points to 2014, not 2024" in page
    assert set(Article.objects.values_list("status", flat=True)) == {"draft"}
    assert Article.objects.count() == 3 and ImportSuggestion.objects.exists()

    again = admin_client.post(URL, {"documents": uploads("000_1b1bc390bcf16a8c.txt")}, follow=True)
    assert 'class="import-unchanged"' in again.content.decode()
    assert Article.objects.count() == 3


def test_the_dry_run_in_the_admin_writes_nothing(admin_client, reference):
    response = admin_client.post(URL, {"documents": uploads("001_0a9b5e6424622cee.txt"), "dry_run": "on"}, follow=True)
    assert "Dry run" in response.content.decode()
    assert not Article.objects.exists()


def test_the_import_page_is_refused_to_staff_without_permission_to_add_articles(client, django_user_model, reference):
    clerk = django_user_model.objects.create_user("clerk", password="pw-for-tests-only", is_staff=True)
    client.force_login(clerk)
    response = client.post(URL, {"documents": uploads("000_1b1bc390bcf16a8c.txt")})
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_the_import_page_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_editor_confirms_a_suggestion_in_the_admin(admin_client, reference):
    admin_client.post(URL, {"documents": uploads("003_a61001275cb23151.txt")})
    suggestion = ImportSuggestion.objects.get(person__slug="aghalar-atamoghlanov")
    response = admin_client.post(
        "/en/admin/importing/importsuggestion/",
        {"action": "confirm", "_selected_action": [suggestion.pk]},
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.decision == "confirmed"


def test_confirming_a_figure_makes_it_a_reported_figure_of_the_article(admin_client, reference):
    admin_client.post(URL, {"documents": uploads("004_36ffe1ae2a3c1afa.txt")})
    hostages = ImportSuggestion.objects.get(kind="figure", value=1275)
    unknown_kind = ImportSuggestion.objects.get(kind="figure", value=2500)
    assert unknown_kind.figure_kind is None
    admin_client.post(
        "/en/admin/importing/importsuggestion/",
        {"action": "confirm", "_selected_action": [hostages.pk, unknown_kind.pk]},
    )
    [figure] = hostages.article.figures.all()
    assert (figure.kind.slug, figure.value, figure.approximate) == ("taken-captive", 1275, True)
    assert figure.passage == hostages.passage
    unknown_kind.refresh_from_db()
    assert unknown_kind.decision == "pending"


def test_two_uploads_whose_names_collapse_to_one_file_name_are_not_revisions_of_each_other(admin_client, reference):
    first = SimpleUploadedFile("inbox/report.txt", (DOCUMENTS / "000_1b1bc390bcf16a8c.txt").read_bytes())
    second = SimpleUploadedFile("outbox/report.txt", (DOCUMENTS / "003_a61001275cb23151.txt").read_bytes())
    assert first.name == second.name == "report.txt"  # what Django makes of the uploaded names
    admin_client.post(URL, {"documents": [first]})
    response = admin_client.post(URL, {"documents": [second]}, follow=True)
    assert 'class="import-imported"' in response.content.decode()
    assert Article.objects.filter(source_filename="report.txt").count() == 2
    assert not SourceRevision.objects.exists()
