"""The admin's "Import documents" page, and the admin for what the importer leaves for editors to confirm."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from archive.models import Article, SourceRevision
from publishing import workflow
from publishing.admin import EditTokenAdmin, PublishedContentGuard, extend_admin

from . import suggestions
from .importer import MAX_DOCUMENT_BYTES
from .models import ImportJob, ImportJobDocument, ImportSuggestion
from .tasks import import_documents


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        # Each file is checked by the importer, so that an empty or broken one is reported beside the others.
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return files


class ImportDocumentsForm(forms.Form):
    documents = MultipleFileField(
        label=_("Documents"),
        help_text=_("Text files saved from news sites (UTF-8, UTF-16 or windows-1251), at most %(limit)s bytes each.")
        % {"limit": MAX_DOCUMENT_BYTES},
    )
    dry_run = forms.BooleanField(label=_("Dry run: show what would be created, write nothing"), required=False)


class ImportDocumentsMixin:
    """Adds the "Import documents" page to the article admin: uploads are stored and imported in the background."""

    #: Imports listed on the upload page, newest first.
    RECENT_JOBS = 20

    def get_urls(self):
        upload = self.admin_site.admin_view(self.import_documents_view)
        job = self.admin_site.admin_view(self.import_job_view)
        return [
            path("import/", upload, name="archive_article_import"),
            path("import/<int:job_id>/", job, name="archive_article_import_job"),
            *super().get_urls(),
        ]

    def import_documents_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportDocumentsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = self.queue_import(request, form.cleaned_data["documents"], form.cleaned_data["dry_run"])
            self.message_user(
                request,
                _("Documents queued for import: %(count)d. This page shows their progress.") % {"count": job.total},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(job.get_admin_url())
        jobs = ImportJob.objects.select_related("created_by")[: self.RECENT_JOBS]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import documents"),
            "form": form,
            "jobs": jobs,
        }
        return TemplateResponse(request, "admin/archive/article/import_documents.html", context)

    @staticmethod
    def queue_import(request, uploads, dry_run):
        """Store the uploaded files and queue their import; the request does no importing itself."""
        # The job, its files and the queued task are written together: a worker never sees a job without its files,
        # and a failed upload leaves no task behind.
        with transaction.atomic():
            job = ImportJob.objects.create(created_by=request.user, dry_run=dry_run, total=len(uploads))
            for position, upload in enumerate(uploads, start=1):
                # One file at a time, so that a hundred uploads are never all in memory at once; enough bytes to
                # tell an over-long file, never the whole of it.
                document = ImportJobDocument(
                    job=job, position=position, name=upload.name[:255], content=upload.read(MAX_DOCUMENT_BYTES + 1)
                )
                ImportJobDocument.objects.bulk_create([document])  # no save signal: not public content
            queued = import_documents.enqueue(job.pk)
            ImportJob.objects.filter(pk=job.pk).update(task_id=str(queued.id))
        job.refresh_from_db()
        return job

    def import_job_view(self, request, job_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob.objects.select_related("created_by"), pk=job_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import %(number)s") % {"number": job.pk},
            "job": job,
            "documents": job.documents.select_related("article").defer("content"),
            "counts": job.counts(),
        }
        return TemplateResponse(request, "admin/archive/article/import_job.html", context)


@admin.register(ImportSuggestion)
class ImportSuggestionAdmin(PublishedContentGuard, EditTokenAdmin, admin.ModelAdmin):
    """Suggestions are decided by those who may change their article, through the actions (importing/suggestions.py)."""

    workflow_parent = "article"
    list_display = ["text", "kind", "record", "value", "figure_kind", "article", "decision"]
    list_filter = ["decision", "kind"]
    list_select_related = ["article", "person", "organization", "venue", "figure_kind"]
    search_fields = ["text", "passage", "article__slug"]
    # The decision is made by the actions, which add the figure; a form could only mark it without one.
    readonly_fields = ["article", "position", "kind", "text", "passage", "decision"]
    autocomplete_fields = ["person", "organization", "venue", "figure_kind"]
    actions = ["confirm", "reject"]

    def has_add_permission(self, request):
        return False  # suggestions come from the importer, which knows the passage and the article

    def has_decide_permission(self, request):
        return request.user.has_perm(workflow.permission(ImportSuggestion, "change"))

    def _decide(self, request, queryset, decision):
        result = suggestions.decide(queryset, request.user, decision)
        for refusal in result.refused:
            self.message_user(request, refusal, messages.ERROR)
        return result

    @admin.action(description=_("Confirm the selected suggestions"), permissions=["decide"])
    def confirm(self, request, queryset):
        result = self._decide(request, queryset, ImportSuggestion.Decision.CONFIRMED)
        self.message_user(request, _("%(count)d suggestions confirmed.") % {"count": result.decided})
        if result.skipped:
            self.message_user(
                request,
                _("%(count)d figures were left to be confirmed: choose what each counts first.")
                % {"count": result.skipped},
                messages.WARNING,
            )
        if result.names_skipped:
            self.message_user(
                request,
                _(
                    "%(count)d names were left to be confirmed: choose the person or organization first, and add "
                    "one that takes part in an event of the report as a participation instead."
                )
                % {"count": result.names_skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Reject the selected suggestions"), permissions=["decide"])
    def reject(self, request, queryset):
        result = self._decide(request, queryset, ImportSuggestion.Decision.REJECTED)
        self.message_user(request, _("%(count)d suggestions rejected.") % {"count": result.decided})


@admin.register(SourceRevision)
class SourceRevisionAdmin(PublishedContentGuard, admin.ModelAdmin):
    list_display = ["source_filename", "article", "imported_at"]
    list_select_related = ["article"]
    search_fields = ["source_filename", "source_sha256", "article__slug"]
    readonly_fields = [f.name for f in SourceRevision._meta.fields]

    def has_add_permission(self, request):
        return False


# The article list's "Import documents" page (templates/admin/archive/article/change_list.html links to it).
extend_admin(Article, ImportDocumentsMixin)
