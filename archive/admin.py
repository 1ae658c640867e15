"""Admin for articles and what hangs off them; the workflow panel, history and preview come from publishing.admin."""

import reversion
from django.contrib import admin
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from publishing.admin import (
    EditTokenAdmin,
    PartOfItemAdmin,
    PublicationFilter,
    PublishedContentGuard,
    WorkflowAdmin,
    WorkflowInlineMixin,
)

from .models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation


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
class ArticleAdmin(WorkflowAdmin):
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
    inlines = [SourceCitationInline, AnniversaryMentionInline, ReportedFigureInline]
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

    def view_on_site(self, obj):
        """The kind's public page once a published article reports a figure of it; no link before (it would 404)."""
        if ReportedFigure.objects.published().filter(kind=obj).exists():
            return obj.get_absolute_url()
        return None


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


# Each article's versions include its rows, so restoring an article brings its citations and figures back too.
for _model in (SourceCitation, AnniversaryMention, ReportedFigure):
    if not reversion.is_registered(_model):
        reversion.register(_model)
if not reversion.is_registered(Article):
    reversion.register(Article, follow=["citations", "anniversary_mentions", "figures"])
