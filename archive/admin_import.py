"""The admin's "Import documents" page, and the admin for what the importer leaves for editors to confirm."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import suggestions, workflow
from .admin_guard import PublishedContentGuard
from .importer import MAX_DOCUMENT_BYTES, DocumentImporter, ImportResult
from .models import ImportSuggestion, SourceRevision


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
    """Adds the "Import documents" page to the article admin."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_documents_view)
        return [path("import/", view, name="archive_article_import"), *super().get_urls()]

    def import_documents_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        results = None
        form = ImportDocumentsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            importer = DocumentImporter(dry_run=form.cleaned_data["dry_run"])
            results = []
            for upload in form.cleaned_data["documents"]:
                raw = upload.read(MAX_DOCUMENT_BYTES + 1)  # enough to tell an over-long file, never the whole of it
                results.append(importer.import_bytes(raw, upload.name))
            failed = sum(1 for r in results if r.status == ImportResult.FAILED)
            level = messages.WARNING if failed else messages.SUCCESS
            self.message_user(
                request,
                _("Documents read: %(count)d; failed: %(failed)d.") % {"count": len(results), "failed": failed},
                level,
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import documents"),
            "form": form,
            "results": results,
            "dry_run": form.is_bound and form.is_valid() and form.cleaned_data["dry_run"],
            "statuses": ImportResult,
        }
        return TemplateResponse(request, "admin/archive/article/import_documents.html", context)


@admin.register(ImportSuggestion)
class ImportSuggestionAdmin(PublishedContentGuard, admin.ModelAdmin):
    """Suggestions are decided by those who may change their article, through the actions (archive/suggestions.py)."""

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
