"""Fields of the archive that exist in English and Russian."""

from modeltranslation.translator import TranslationOptions, register

from .models import Article, FigureKind, ReportedFigure, SourceCitation


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "lead", "body", "outlet_note", "published_on_note")
    required_languages = {"default": ("title", "lead", "body")}


@register(SourceCitation)
class SourceCitationTranslation(TranslationOptions):
    fields = ("description",)


@register(FigureKind)
class FigureKindTranslation(TranslationOptions):
    fields = ("name", "description")


@register(ReportedFigure)
class ReportedFigureTranslation(TranslationOptions):
    fields = ("note",)
