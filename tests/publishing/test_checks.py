"""A new app inherits the published-content rule: `manage.py check` fails until its admin is guarded and every
model of a content app says which published items its changes alter (publishing/checks.py)."""

import pytest
from django.contrib import admin
from django.contrib.admin.sites import all_sites
from django.core.checks import Tags, run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import models
from django.test.utils import isolate_apps

from archive.models import Article
from gallery.models import ArticleImage, Image
from importing.models import ImportJob
from publishing import exposure
from publishing.admin import PublishedContentGuard


def publishing_errors(**kwargs):
    return [error for error in run_checks(**kwargs) if error.id.startswith("publishing.")]


@pytest.fixture
def site():
    """A second admin site, as a new app might build one; forgotten by the checks after the test."""
    extra = admin.AdminSite(name="throwaway")
    yield extra
    all_sites.discard(extra)


def test_the_projects_own_admin_and_models_pass_the_check():
    call_command("check")
    assert publishing_errors() == []


def test_an_admin_of_content_without_the_guard_fails_the_check(site):
    class PlainImageAdmin(admin.ModelAdmin):
        pass

    site.register(Image, PlainImageAdmin)

    with pytest.raises(SystemCheckError) as failure:
        call_command("check")

    assert "publishing.E001" in str(failure.value)
    assert "PlainImageAdmin edits gallery.Image" in str(failure.value)
    assert "PublishedContentGuard" in str(failure.value)


def test_an_unguarded_inline_inside_a_content_form_fails_the_check(site):
    class PlainImageInline(admin.TabularInline):
        model = ArticleImage

    class GuardedArticleAdmin(PublishedContentGuard, admin.ModelAdmin):
        inlines = [PlainImageInline]

    site.register(Article, GuardedArticleAdmin)

    errors = publishing_errors()

    assert [(error.id, error.obj) for error in errors] == [("publishing.E001", PlainImageInline)]
    assert "edits gallery.ArticleImage" in errors[0].msg


def test_guarded_admins_pass_and_admins_of_other_things_are_not_asked(site):
    class GuardedImageInline(PublishedContentGuard, admin.TabularInline):
        model = ArticleImage

    class GuardedArticleAdmin(PublishedContentGuard, admin.ModelAdmin):
        inlines = [GuardedImageInline]

    class PlainJobAdmin(admin.ModelAdmin):  # the importer's bookkeeping: no page shows it
        pass

    site.register(Article, GuardedArticleAdmin)
    site.register(ImportJob, PlainJobAdmin)

    call_command("check")
    assert publishing_errors() == []


@isolate_apps("gallery")
def test_a_model_of_a_content_app_without_an_exposure_rule_fails_the_check(monkeypatch):
    class Exhibit(models.Model):
        title = models.CharField(max_length=50)

        class Meta:
            app_label = "gallery"

        def __str__(self):
            return self.title

    gallery = Exhibit._meta.apps.get_app_config("gallery")

    errors = publishing_errors(app_configs=[gallery], tags=[Tags.models])

    assert [(error.id, error.obj) for error in errors] == [("publishing.E002", Exhibit)]
    assert "gallery.Exhibit is in the content app 'gallery'" in errors[0].msg
    assert "gallery/exposure.py" in errors[0].hint

    monkeypatch.setattr(exposure, "_reference_data", set(exposure._reference_data))
    exposure.reference_data(Exhibit)
    assert publishing_errors(app_configs=[gallery], tags=[Tags.models]) == []


def test_an_app_counted_as_content_must_declare_its_models(settings):
    settings.PAGE_CACHE_INVALIDATING_APPS = [*settings.PAGE_CACHE_INVALIDATING_APPS, "importing"]

    with pytest.raises(SystemCheckError) as failure:
        call_command("check")

    report = str(failure.value)
    assert "importing.ImportJob: (publishing.E002)" in report
    assert "importing.ImportJobDocument: (publishing.E002)" in report
    assert "importing.ImportSuggestion" not in report  # it has its rule (importing/exposure.py)
