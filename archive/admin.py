"""Admin for articles and what hangs off them; the original text is shown, never edited."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from gallery.admin import ARTICLE_INLINES

from .admin_import import ImportDocumentsMixin
from .models import AnniversaryMention, Article, FigureKind, ReportedFigure, SourceCitation


class SourceCitationInline(TranslationStackedInline):
    model = SourceCitation
    extra = 0
    autocomplete_fields = ["organization"]


class AnniversaryMentionInline(admin.TabularInline):
    model = AnniversaryMention
    extra = 0


class ReportedFigureInline(TranslationStackedInline):
    model = ReportedFigure
    extra = 0
    autocomplete_fields = ["kind", "stated_by", "event"]


@admin.register(Article)
class ArticleAdmin(ImportDocumentsMixin, TabbedTranslationAdmin):
    list_display = ["title", "outlet", "published_on", "published_on_precision", "original_language", "status"]
    list_filter = ["status", "original_language", "published_on_precision", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title_en", "title_ru", "original_title", "original_text", "slug"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["outlet"]
    readonly_fields = ["original_title", "original_text", "original_language", "source_filename", "source_sha256"]
    inlines = [SourceCitationInline, AnniversaryMentionInline, ReportedFigureInline, *ARTICLE_INLINES]
    fieldsets = [
        (None, {"fields": ["title", "title_supplied", "slug", "lead", "body", "status", "public_from"]}),
        ("Source", {"fields": ["outlet", "outlet_note", "section", "dateline"]}),
        (
            "Publication date",
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
            "Original document",
            {"fields": ["original_language", "original_title", "original_text", "source_filename", "source_sha256"]},
        ),
    ]


@admin.register(FigureKind)
class FigureKindAdmin(TabbedTranslationAdmin):
    list_display = ["name", "unit", "position"]
    search_fields = ["name_en", "name_ru", "slug"]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(TabbedTranslationAdmin):
    list_display = ["kind", "value", "article", "stated_by"]
    list_filter = ["kind"]
    list_select_related = ["kind", "article", "stated_by"]
    search_fields = ["passage", "article__title_en", "article__title_ru"]
    autocomplete_fields = ["article", "kind", "stated_by", "event"]


@admin.register(SourceCitation)
class SourceCitationAdmin(TabbedTranslationAdmin):
    list_display = ["description", "relation", "organization", "article"]
    list_select_related = ["organization", "article"]
    search_fields = ["description_en", "description_ru", "passage"]
    autocomplete_fields = ["article", "organization"]


@admin.register(AnniversaryMention)
class AnniversaryMentionAdmin(admin.ModelAdmin):
    list_display = ["article", "kind", "number", "occasion"]
    list_select_related = ["article", "occasion"]
    search_fields = ["passage"]
