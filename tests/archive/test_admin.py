"""The admin: every model is editable with English and Russian tabs; the original text is read-only."""

from pathlib import Path

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse

from archive.models import Article
from publishing import workflow

pytestmark = pytest.mark.django_db


def test_every_model_of_the_archive_is_registered_in_the_admin():
    from django.apps import apps

    for app_label in ("archive", "events"):
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.auto_created:
                continue
            assert model in admin.site._registry or model._meta.model_name in {
                "eventreport",
                "eventorganizer",
                "programmeitem",
                # Shown on the article admin's "Import documents" pages (importing/admin.py).
                "importjob",
                "importjobdocument",
            }, f"{model._meta.label} is not in the admin"


def test_every_change_list_and_change_form_opens(archive, admin_client, tmp_path, django_user_model):
    # A changed text of a seed document gives the importer's models (suggestions, revisions) a row each.
    seed = Path(__file__).resolve().parents[2] / "fixtures" / "documents" / "003_a61001275cb23151.txt"
    (tmp_path / seed.name).write_text(seed.read_text(encoding="utf-8") + "\nПоправка.\n", encoding="utf-8")
    (tmp_path / "new.txt").write_text(seed.read_text(encoding="utf-8") + "\nДругая версия.\n", encoding="utf-8")
    call_command("import_documents", str(tmp_path), no_progress=True, verbosity=0)
    # One workflow step, so that the workflow log has an entry to open.
    workflow.apply_transition(Article.objects.first(), "withdraw", django_user_model.objects.get(username="chief"))
    for model in admin.site._registry:
        if model._meta.app_label not in ("archive", "events"):
            continue
        opts = model._meta
        response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert response.status_code == 200, opts.label
        obj = model.objects.first()
        response = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        assert response.status_code == 200, opts.label


def test_the_article_form_has_english_and_russian_tabs(archive, admin_client):
    article = Article.objects.get(slug="report-2026-02-26-embassy-in-kazakhstan")
    response = admin_client.get(reverse("admin:archive_article_change", args=[article.pk]))
    html = response.content.decode()
    for name in ("title_en", "title_ru", "lead_en", "lead_ru", "body_en", "body_ru"):
        assert f'name="{name}"' in html
    assert 'name="original_text"' not in html
    assert "почтили память жертв" in html


def test_posting_a_changed_original_text_is_refused_with_a_message_and_changes_nothing(archive, admin_client):
    article = Article.objects.get(slug="undated-azerbaijan-marks-32nd-anniversary")
    url = reverse("admin:archive_article_change", args=[article.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update({"original_text": "Tampered.", "title_en": "Edited title", "_save": "Save"})
    for prefix in ("citations", "anniversary_mentions", "figures", "mentions", "images", "documents"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(url, data)
    article.refresh_from_db()
    assert response.status_code == 200
    assert "You may not change “original text”" in response.content.decode()
    assert article.title_en != "Edited title"
    assert article.original_text.startswith("Twenty-two years have passed")
    # Without the tampered field, the same form saves.
    del data["original_text"]
    assert admin_client.post(url, data).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Edited title"
    assert article.original_text.startswith("Twenty-two years have passed")
