"""export_archive: a portable natural-key JSON backup that restores into a fresh database exactly."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from archive.models import Article
from events.models import Event
from importing.exporter import ARCHIVE_APPS, OPERATIONAL, archive_models
from importing.models import ImportSuggestion
from publishing import workflow
from publishing.models import WorkflowLogEntry

pytestmark = pytest.mark.django_db

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


def empty_archive():
    """Delete every row of the archive and events apps, as in a freshly migrated database."""
    for model in reversed(archive_models()):
        model._default_manager.all().delete()


def export(tmp_path, name="export.json", **options):
    path = tmp_path / name
    call_command("export_archive", output=str(path), **options)
    return path


@pytest.fixture
def full_archive(archive, tmp_path, django_user_model):
    """The hand-built archive with workflow steps, an imported draft with suggestions, and a changed text's revision."""
    editor = django_user_model.objects.create_superuser("export-editor", "e@example.org", "pw-for-tests-only")
    workflow.apply_transition(Event.objects.get(slug="embassy-in-kazakhstan-2026"), "withdraw", editor, comment="Dup")
    workflow.apply_transition(Article.objects.get(slug="undated-azerbaijan-marks-32nd-anniversary"), "withdraw", editor)
    (tmp_path / "docs").mkdir()
    changed = (DOCUMENTS / "000_1b1bc390bcf16a8c.txt").read_text(encoding="utf-8") + "\nA correction.\n"
    (tmp_path / "docs" / "000_1b1bc390bcf16a8c.txt").write_text(changed, encoding="utf-8")
    (tmp_path / "docs" / "new.txt").write_text(
        "A new headline here\n\nThe 33rd anniversary of Khojaly was marked. Aghalar Atamoghlanov named 613 victims.\n"
    )
    call_command("import_documents", str(tmp_path / "docs"), no_progress=True, verbosity=0)
    Article.objects.filter(slug="trend-2025-03-04-russian-regions").update(status="draft")
    # A suggestion left on a published article: editorial, so never part of a published-only export.
    published = Article.objects.get(slug="news-az-2025-02-26-embassy-in-kazakhstan")
    ImportSuggestion.objects.create(
        article=published, kind="person", text="Atamoghlanov", passage="Ambassador Atamoghlanov emphasized"
    )


def test_export_then_restore_into_an_empty_database_reproduces_every_row(full_archive, tmp_path):
    first = export(tmp_path, "first.json")
    counts = {m._meta.label: m._default_manager.count() for m in archive_models()}
    assert counts["importing.ImportSuggestion"] and counts["archive.SourceRevision"]
    log = sorted((e.item.slug, e.action, e.comment, e.user.username) for e in WorkflowLogEntry.objects.all())
    assert len(log) == 2
    empty_archive()
    assert not Article.objects.exists()
    call_command("loaddata", str(first), verbosity=0)
    assert {m._meta.label: m._default_manager.count() for m in archive_models()} == counts
    second = export(tmp_path, "second.json")
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert sorted((e.item.slug, e.action, e.comment, e.user.username) for e in WorkflowLogEntry.objects.all()) == log


def test_a_backup_written_before_models_moved_between_apps_still_restores(full_archive, tmp_path):
    current = export(tmp_path, "current.json")
    text = current.read_text(encoding="utf-8")
    assert '"publishing.workflowlogentry"' in text and '"importing.importsuggestion"' in text
    older = tmp_path / "older.json"  # as export_archive wrote it while these models were in archive/
    older.write_text(
        text.replace('"publishing.workflowlogentry"', '"archive.workflowlogentry"').replace(
            '"importing.importsuggestion"', '"archive.importsuggestion"'
        ),
        encoding="utf-8",
    )
    empty_archive()
    call_command("loaddata", str(older), verbosity=0)
    assert export(tmp_path, "again.json").read_text(encoding="utf-8") == text


def test_the_export_uses_natural_keys_and_holds_both_languages(full_archive, tmp_path):
    rows = json.loads(export(tmp_path).read_text(encoding="utf-8"))
    articles = [r for r in rows if r["model"] == "archive.article"]
    assert all("pk" not in r for r in articles)
    assert {"title_en", "title_ru", "original_text"} <= set(articles[0]["fields"])
    figure = next(r for r in rows if r["model"] == "archive.reportedfigure")
    assert isinstance(figure["fields"]["article"], list) and isinstance(figure["fields"]["kind"], list)
    exported = {r["model"] for r in rows}
    every_model = {
        m._meta.label_lower
        for app in ARCHIVE_APPS
        for m in apps.get_app_config(app).get_models()
        if m._meta.label not in OPERATIONAL
    }
    assert every_model <= exported


def test_the_published_only_export_leaves_drafts_and_what_hangs_off_them_out(full_archive, tmp_path):
    Event.objects.filter(slug__contains="chelyabinsk").update(status="draft")
    rows = json.loads(export(tmp_path, published_only=True).read_text(encoding="utf-8"))
    slugs = {r["fields"]["slug"] for r in rows if r["model"] == "archive.article"}
    assert slugs == set(Article.objects.published().values_list("slug", flat=True))
    assert "trend-2025-03-04-russian-regions" not in slugs
    referenced = [r for r in rows if "article" in r["fields"] and r["model"] != "events.eventreport"]
    assert all(r["fields"]["article"][0] in slugs for r in referenced)
    event_slugs = {r["fields"]["slug"] for r in rows if r["model"] == "events.event"}
    assert event_slugs == set(Event.objects.published().values_list("slug", flat=True))
    assert not [r for r in rows if r["model"] == "importing.importsuggestion"]
    assert ImportSuggestion.objects.filter(article__in=Article.objects.published()).exists()

    empty_archive()
    call_command("loaddata", str(tmp_path / "export.json"), verbosity=0)
    assert set(Article.objects.values_list("slug", flat=True)) == slugs


def test_users_referenced_by_exported_rows_are_written_by_username_without_passwords(db, django_user_model):
    from django.contrib.admin.models import LogEntry

    from importing.exporter import _rows, referenced_users

    editor = django_user_model.objects.create_user("editor", password="pw-for-tests-only")
    django_user_model.objects.create_user("bystander", password="pw-for-tests-only")
    LogEntry.objects.create(user=editor, action_flag=1, object_repr="an article")
    querysets = [(LogEntry, LogEntry.objects.all())]
    users = referenced_users(querysets)
    assert list(users) == [editor]
    rows = list(_rows(querysets, users))
    assert rows[0]["model"] == "auth.user" and rows[0]["fields"]["username"] == "editor"
    assert "password" not in rows[0]["fields"]
    assert list(rows[1]["fields"]["user"]) == ["editor"]


def test_an_export_keeps_every_saved_time_to_the_microsecond(archive, tmp_path):
    """Each row's `updated_at` is its edit version: a restore that moved it would make open forms look stale."""
    from django.utils.dateparse import parse_datetime

    Article.objects.filter(slug="undated-azerbaijan-marks-32nd-anniversary").update(
        updated_at=parse_datetime("2026-02-26T10:00:00.000500Z")
    )
    rows = json.loads(export(tmp_path).read_text(encoding="utf-8"))
    [article] = [
        row
        for row in rows
        if row["model"] == "archive.article" and row["fields"]["slug"] == "undated-azerbaijan-marks-32nd-anniversary"
    ]
    assert parse_datetime(article["fields"]["updated_at"]) == parse_datetime("2026-02-26T10:00:00.000500Z")
