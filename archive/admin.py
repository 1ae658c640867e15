"""Admin for articles and what hangs off them, and the editorial workflow shared with the events admin.

The rules themselves (who may edit, which step is allowed, what blocks publishing) live in
archive/workflow.py; the classes here only ask it, on every request, and show the answers.
"""

import difflib
import re

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models.sql.where import WhereNode
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from reversion.models import Version

from gallery.admin import ARTICLE_INLINES

from . import workflow
from .admin_guard import PublishedContentGuard, translation_only_readonly
from .admin_import import ImportDocumentsMixin
from .admin_lost_updates import EditTokenAdmin, EditTokenInline
from .models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation, WorkflowLogEntry
from .publishing import Status
from .views import ArticleDetailView


class WorkflowForm(forms.ModelForm):
    """A change form that refuses any attempt to change a read-only field (and, as every admin form, a stale save)."""

    # Set per request by WorkflowAdmin.get_form: the fields this user sees but may not change.
    readonly_names = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Which languages are required depends on the item (its original language, its status): see clean().
        for name in workflow.required_translated_fields(self._meta.model):
            for code in workflow.LANGUAGE_CODES:
                if f"{name}_{code}" in self.fields:
                    self.fields[f"{name}_{code}"].required = False

    def clean(self):
        cleaned = super().clean()
        self._refuse_readonly_changes()
        self._require_languages()
        return cleaned

    def _refuse_readonly_changes(self):
        for name in self.readonly_names:
            if name not in self.data:
                continue
            field = self.instance._meta.get_field(name)
            formfield = field.formfield()
            if formfield is not None and formfield.has_changed(field.value_from_object(self.instance), self.data[name]):
                raise forms.ValidationError(
                    _("You may not change “%(field)s” here; nothing was saved.") % {"field": field.verbose_name},
                    code="readonly",
                )

    def _require_languages(self):
        """The source language always; every language while the item is published."""
        source = self.cleaned_data.get("original_language") or workflow.source_language(self.instance)
        published = self.instance.pk and self.instance.status == Status.PUBLISHED
        for name in workflow.required_translated_fields(self._meta.model):
            for code in workflow.LANGUAGE_CODES:
                field_name = f"{name}_{code}"
                if field_name not in self.fields or (self.cleaned_data.get(field_name) or "").strip():
                    continue
                if code == source:
                    self.add_error(field_name, _("Required in the original language."))
                elif published:
                    self.add_error(field_name, _("Required in every language while the item is published."))


class TransitionForm(forms.Form):
    comment = forms.CharField(label=gettext_lazy("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    public_from = forms.DateTimeField(
        label=gettext_lazy("Public from"),
        required=False,
        help_text=gettext_lazy("Leave empty to publish at once; a future time (UTC) schedules publication."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        if action != "publish":
            del self.fields["public_from"]
        if action == "request_changes":
            self.fields["comment"].required = True
            self.fields["comment"].help_text = _("Say what needs to change; the author sees it on the item's page.")


def word_diff(old, new):
    """Old and new text with removed words in <del> and added words in <ins>, escaped."""
    a, b = re.findall(r"\s+|\S+\s*", old), re.findall(r"\s+|\S+\s*", new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(conditional_escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", "".join(b[j1:j2])))
    return mark_safe("".join(str(p) for p in parts))  # every part is escaped above


def version_differences(model, old, new):
    """[(field label, old value, new value, diff html)] for the fields that differ between two field dicts."""
    rows = []
    for field in model._meta.fields:
        if field.primary_key or not field.editable or (field.attname not in old and field.attname not in new):
            continue
        if field.name in workflow.translated_fields(model):
            continue
        a, b = old.get(field.attname), new.get(field.attname)
        if a == b:
            continue
        a_text, b_text = ("" if a is None else str(a)), ("" if b is None else str(b))
        label = str(field.verbose_name)
        rows.append((label[:1].upper() + label[1:], a_text, b_text, word_diff(a_text, b_text)))
    return rows


class WorkflowAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    """Change forms, buttons, bulk actions, history and preview for content that goes through the workflow."""

    form = WorkflowForm
    change_form_template = "admin/workflow/change_form.html"
    # Fields that only the first entry sets (the verbatim original); shown read-only afterwards for everyone.
    original_fields = ()
    always_readonly = ("status",)
    preview_view_class = None
    preview_url_name = None
    actions = ["submit_selected", "publish_selected", "withdraw_selected"]

    # --- permissions, asked on every request (the rest is PublishedContentGuard's) ------------------------

    def has_submit_permission(self, request):
        return request.user.has_perm(workflow.permission(self.model, "change"))

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), *self.always_readonly]
        if obj is not None:
            readonly += [name for name in self.original_fields if name not in readonly]
        if not workflow.can_publish(request.user, self.model):
            readonly.append("public_from")
        if obj is not None and workflow.editing_rights(request.user, obj) == workflow.TRANSLATION:
            readonly = translation_only_readonly(self.model, obj, readonly)
        return list(dict.fromkeys(readonly))

    def get_prepopulated_fields(self, request, obj=None):
        return super().get_prepopulated_fields(request, obj) if obj is None else {}

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        readonly = [name for name in self.get_readonly_fields(request, obj) if name not in form.base_fields]
        return type(form.__name__, (form,), {"readonly_names": readonly})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "public_from" in form.changed_data and obj.status == Status.PUBLISHED:
            workflow.log_rescheduling(obj, request.user, form.initial.get("public_from"))

    # --- history: every save through the admin is a revision (PublishedContentGuard opens it) ------------

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        reversion.set_comment(entry.get_change_message() or _("Created."))
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        reversion.set_comment(entry.get_change_message() or _("Saved without changes."))
        return entry

    # --- change list -------------------------------------------------------------------------------------

    @admin.display(description=gettext_lazy("EN / RU"))
    def completeness(self, obj):
        missing = workflow.missing_translations(obj)
        parts = []
        for code in workflow.LANGUAGE_CODES:
            if code in missing:
                parts.append(
                    format_html(
                        '<span class="wf-missing" title="{}">{} ✗</span>',
                        _("Missing: %s") % ", ".join(missing[code]),
                        code.upper(),
                    )
                )
            else:
                parts.append(format_html('<span class="wf-complete">{} ✓</span>', code.upper()))
        return format_html_join(" ", "{}", ((p,) for p in parts))

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def workflow_status(self, obj):
        if obj.status == Status.PUBLISHED and obj.public_from and obj.public_from > timezone.now():
            return _("Scheduled for %s") % date_format(timezone.localtime(obj.public_from), "SHORT_DATETIME_FORMAT")
        return obj.get_status_display()

    # --- bulk actions: the same per-item rules, and a report of what happened ----------------------------

    def _bulk_transition(self, request, queryset, action):
        done, refused = [], []
        for obj in queryset:
            try:
                workflow.apply_transition(obj, action, request.user)
                done.append(str(obj))
            except workflow.TransitionRefused as refusal:
                refused.append(str(refusal))
        label = workflow.TRANSITIONS[action].done_message
        if done:
            self.message_user(
                request,
                _("%(done)s (%(count)d): %(items)s.")
                % {"count": len(done), "done": capfirst(label), "items": ", ".join(done)},
                messages.SUCCESS,
            )
        for reason in refused:
            self.message_user(request, reason, messages.WARNING)
        if not done and not refused:
            self.message_user(request, _("Nothing was selected."), messages.WARNING)

    @admin.action(description=gettext_lazy("Submit selected items for review"), permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "submit")

    @admin.action(description=gettext_lazy("Publish selected items"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "publish")

    @admin.action(description=gettext_lazy("Withdraw selected items"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._bulk_transition(request, queryset, "withdraw")

    # --- extra pages --------------------------------------------------------------------------------------

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/transition/<str:action>/",
                wrap(self.transition_view),
                name=self._url_name("transition", namespaced=False),
            ),
            path(
                "<path:object_id>/preview/<str:language>/",
                wrap(self.preview_view),
                name=self._url_name("preview", namespaced=False),
            ),
            path(
                "<path:object_id>/history/compare/",
                wrap(self.compare_view),
                name=self._url_name("compare", namespaced=False),
            ),
            path(
                "<path:object_id>/history/<int:version_id>/restore/",
                wrap(self.restore_view),
                name=self._url_name("restore", namespaced=False),
            ),
            *super().get_urls(),
        ]

    def _url_name(self, suffix, namespaced=True):
        name = f"{self.opts.app_label}_{self.opts.model_name}_{suffix}"
        return f"admin:{name}" if namespaced else name

    def _viewable_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("There is no such item."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def _change_url(self, obj):
        return reverse(self._url_name("change"), args=[obj.pk])

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            extra_context = {
                **(extra_context or {}),
                "workflow": {
                    "status": obj.get_status_display(),
                    "scheduled": obj.status == Status.PUBLISHED and not obj.is_public,
                    "is_public": obj.is_public,
                    "public_from": obj.public_from,
                    "translation_language": workflow.language_name(workflow.translation_language(obj)),
                    "rights": workflow.editing_rights(request.user, obj),
                    "problems": workflow.publication_problems(obj) if obj.status != Status.WITHDRAWN else [],
                    "transitions": [
                        (t, reverse(self._url_name("transition"), args=[obj.pk, t.action]))
                        for t in workflow.available_transitions(request.user, obj)
                    ],
                    "log": workflow.log_entries(obj),
                    "previews": [
                        (code, workflow.language_name(code), reverse(self._url_name("preview"), args=[obj.pk, code]))
                        for code in workflow.LANGUAGE_CODES
                    ],
                },
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request, object_id, action):
        obj = self._viewable_object(request, object_id)
        if action not in workflow.TRANSITIONS:
            raise Http404(_("There is no such workflow step."))
        transition = workflow.TRANSITIONS[action]
        refusal = workflow.transition_refusal(request.user, obj, action)
        if refusal and not workflow.may_attempt(request.user, self.model, transition):
            raise PermissionDenied(refusal)
        form = TransitionForm(request.POST or None, action=action, initial={"public_from": obj.public_from})
        if request.method == "POST" and form.is_valid():
            try:
                with reversion.create_revision():
                    entry = workflow.apply_transition(
                        obj,
                        action,
                        request.user,
                        comment=form.cleaned_data["comment"],
                        public_from=form.cleaned_data.get("public_from"),
                    )
            except workflow.TransitionRefused as refused:
                self.message_user(request, str(refused), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("“%(item)s” %(done)s.") % {"item": obj, "done": workflow.describe_entry(entry)},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(obj))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": transition.label,
            "transition": transition,
            "form": form,
            "refusal": refusal,
            "problems": workflow.publication_problems(obj) if action == "publish" else [],
            "change_url": self._change_url(obj),
        }
        return TemplateResponse(request, "admin/workflow/transition.html", context)

    def preview_view(self, request, object_id, language):
        """The public page of the item, published or not, in one language; for staff who may see the item."""
        obj = self._viewable_object(request, object_id)
        if language not in workflow.LANGUAGE_CODES or self.preview_view_class is None:
            raise Http404(_("There is no preview in that language."))

        class Preview(self.preview_view_class):
            def get_queryset(self):
                # The public view's own queryset (joins, prefetches) without its visibility filter.
                queryset = super().get_queryset()._chain()
                queryset.query.where = WhereNode()
                return queryset

        with translation.override(language):
            request.LANGUAGE_CODE = language
            # The page sees the URL it has in public, so language links and the like work as they will there.
            request.resolver_match = resolve(reverse(self.preview_url_name, kwargs={"slug": obj.slug}))
            response = Preview.as_view()(request, slug=obj.slug)
            response.render()
            banner = render_to_string(
                "admin/workflow/preview_banner.html",
                {"object": obj, "is_public": obj.is_public, "change_url": self._change_url(obj)},
            )
        response.content = re.sub(rb"(<body[^>]*>)", lambda m: m.group(1) + banner.encode(), response.content, count=1)
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(response)
        return response

    def history_view(self, request, object_id, extra_context=None):
        obj = self._viewable_object(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("History: %s") % obj,
            "versions": versions,
            "can_restore": workflow.can_publish(request.user, self.model),
            "compare_url": reverse(self._url_name("compare"), args=[obj.pk]),
            "restore_url_name": self._url_name("restore"),
            "change_url": self._change_url(obj),
            "log": workflow.log_entries(obj),
        }
        return TemplateResponse(request, "admin/workflow/history.html", context)

    def compare_view(self, request, object_id):
        obj = self._viewable_object(request, object_id)
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            ids = sorted(int(request.GET[key]) for key in ("a", "b"))
        except (KeyError, ValueError):
            self.message_user(request, _("Choose two versions to compare."), messages.WARNING)
            return HttpResponseRedirect(reverse(self._url_name("history"), args=[obj.pk]))
        old, new = get_object_or_404(versions, pk=ids[0]), get_object_or_404(versions, pk=ids[1])
        rows = version_differences(self.model, old.field_dict, new.field_dict)
        old_rows = {(v.content_type_id, v.object_id): v for v in old.revision.version_set.exclude(pk=old.pk)}
        new_rows = {(v.content_type_id, v.object_id): v for v in new.revision.version_set.exclude(pk=new.pk)}
        row_changes = []
        for key in sorted(old_rows.keys() | new_rows.keys(), key=lambda k: (k[0], str(k[1]))):
            a, b = old_rows.get(key), new_rows.get(key)
            if a is None or b is None:
                kept = a or b
                state = _("removed") if b is None else _("added")
                row_changes.append((str(kept), state, []))
                continue
            differences = version_differences(b._model, a.field_dict, b.field_dict)
            if differences:
                row_changes.append((str(b), _("changed"), differences))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Compare versions of %s") % obj,
            "old": old,
            "new": new,
            "rows": rows,
            "row_changes": row_changes,
            "history_url": reverse(self._url_name("history"), args=[obj.pk]),
        }
        return TemplateResponse(request, "admin/workflow/compare.html", context)

    def restore_view(self, request, object_id, version_id):
        obj = self._viewable_object(request, object_id)
        if request.method != "POST":
            return HttpResponseRedirect(reverse(self._url_name("history"), args=[obj.pk]))
        if not workflow.can_publish(request.user, self.model):
            raise PermissionDenied(_("Only editors may restore an old version."))
        version = get_object_or_404(Version.objects.get_for_object(obj), pk=version_id)
        try:
            workflow.restore_version(obj, version, request.user)
        except workflow.TransitionRefused as refused:
            self.message_user(request, str(refused), messages.ERROR)
        except Exception as error:  # reversion reports a broken old version in many ways
            self.message_user(
                request,
                _("This version cannot be restored (%(error)s); nothing changed.") % {"error": error},
                messages.ERROR,
            )
        else:
            self.message_user(request, _("The old version is restored; the replaced text stays in History."))
        return HttpResponseRedirect(self._change_url(obj))


class WorkflowInlineMixin(PublishedContentGuard, EditTokenInline):
    """Rows edited inside an article or event: allowed exactly as far as the parent item may be edited."""


class PartOfItemAdmin(PublishedContentGuard, EditTokenAdmin):
    """A stand-alone admin for rows of an article or event (figures, citations, participations).

    They obey the parent's rules (archive/exposure.py names the parent), so this is no back door around the
    workflow; `workflow_parent` names the field, for the translators' access to the list.
    """


class PublicThroughContentAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    """People, venues and organizations: authors edit them until published content shows them; editors always."""


class PublicationFilter(admin.SimpleListFilter):
    """Public now, scheduled for later, or not public: asked of the one `published()` queryset."""

    title = gettext_lazy("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("public", _("Public now")), ("scheduled", _("Scheduled")), ("not_public", _("Not public"))]

    def queryset(self, request, queryset):
        public = queryset.model._default_manager.published()
        if self.value() == "public":
            return queryset.filter(pk__in=public.values("pk"))
        if self.value() == "scheduled":
            return queryset.filter(status=Status.PUBLISHED).exclude(pk__in=public.values("pk"))
        if self.value() == "not_public":
            return queryset.exclude(pk__in=public.values("pk"))
        return queryset


# --- the archive's own admin ------------------------------------------------------------------------------


class SourceCitationInline(WorkflowInlineMixin, TranslationStackedInline):
    model = SourceCitation
    extra = 0
    autocomplete_fields = ["organization"]


class AnniversaryMentionInline(WorkflowInlineMixin, admin.TabularInline):
    model = AnniversaryMention
    extra = 0


class ReportedFigureInline(WorkflowInlineMixin, TranslationStackedInline):
    model = ReportedFigure
    extra = 0
    autocomplete_fields = ["kind", "stated_by", "event"]


@admin.register(Article)
class ArticleAdmin(ImportDocumentsMixin, WorkflowAdmin):
    list_display = [
        "title",
        "workflow_status",
        "completeness",
        "translation_status",
        "original_language",
        "outlet",
        "published_on",
    ]
    list_filter = [
        "status",
        PublicationFilter,
        "translation_status",
        "original_language",
        "published_on_precision",
        "outlet",
    ]
    list_select_related = ["outlet"]
    search_fields = ["title_en", "title_ru", "original_title", "original_text", "slug"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["outlet"]
    original_fields = ("original_title", "original_text", "original_language", "source_filename")
    always_readonly = ("status", "source_sha256")
    inlines = [SourceCitationInline, AnniversaryMentionInline, ReportedFigureInline, *ARTICLE_INLINES]
    preview_view_class = ArticleDetailView
    preview_url_name = "archive:article_detail"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "title_supplied",
                    "slug",
                    "lead",
                    "body",
                    "status",
                    "public_from",
                    "translation_status",
                ]
            },
        ),
        (gettext_lazy("Source"), {"fields": ["outlet", "outlet_note", "section", "dateline"]}),
        (
            gettext_lazy("Publication date"),
            {
                "fields": [
                    "published_on",
                    "published_time",
                    "published_on_precision",
                    "published_on_basis",
                    "published_on_note",
                ]
            },
        ),
        (
            gettext_lazy("Original document"),
            {"fields": ["original_language", "original_title", "original_text", "source_filename", "source_sha256"]},
        ),
    ]


@admin.register(FigureKind)
class FigureKindAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    list_display = ["name", "unit", "position"]
    list_filter = ["unit"]
    search_fields = ["name_en", "name_ru", "slug"]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(PartOfItemAdmin, TabbedTranslationAdmin):
    workflow_parent = "article"
    list_display = ["kind", "value", "approximate", "article", "stated_by"]
    list_filter = ["kind", "approximate", "article__status"]
    list_select_related = ["kind", "article", "stated_by"]
    search_fields = ["passage", "article__title_en", "article__title_ru"]
    date_hierarchy = "article__published_on"
    autocomplete_fields = ["article", "kind", "stated_by", "event"]


@admin.register(SourceCitation)
class SourceCitationAdmin(PartOfItemAdmin, TabbedTranslationAdmin):
    workflow_parent = "article"
    list_display = ["description", "relation", "organization", "article"]
    list_filter = ["relation", "article__status"]
    list_select_related = ["organization", "article"]
    search_fields = ["description_en", "description_ru", "passage"]
    date_hierarchy = "article__published_on"
    autocomplete_fields = ["article", "organization"]


@admin.register(AnniversaryMention)
class AnniversaryMentionAdmin(PartOfItemAdmin, admin.ModelAdmin):
    workflow_parent = "article"
    list_display = ["article", "kind", "number", "occasion"]
    list_filter = ["kind", "occasion"]
    list_select_related = ["article", "occasion"]
    search_fields = ["passage", "article__title_en"]
    date_hierarchy = "article__published_on"
    autocomplete_fields = ["article"]


@admin.register(WorkflowLogEntry)
class WorkflowLogEntryAdmin(PublishedContentGuard, admin.ModelAdmin):
    """The newsroom's log of every workflow step, read-only: entries are written only by the workflow."""

    list_display = ["at", "item_link", "action", "from_status", "to_status", "user", "comment"]
    list_filter = ["action", "to_status"]
    list_select_related = ["user", "article", "event"]
    search_fields = ["comment", "user__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=gettext_lazy("item"))
    def item_link(self, obj):
        item = obj.item
        url = reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
        return format_html('<a href="{}">{}: {}</a>', url, item._meta.verbose_name, item)


# Each article's versions include its rows, so restoring an article brings its citations and figures back too.
for _model in (SourceCitation, AnniversaryMention, ReportedFigure):
    if not reversion.is_registered(_model):
        reversion.register(_model)
if not reversion.is_registered(Article):
    reversion.register(Article, follow=["citations", "anniversary_mentions", "figures"])
