"""Fields of images and documents that exist in English and Russian."""

from modeltranslation.translator import TranslationOptions, register

from .models import Document, Image


@register(Image)
class ImageTranslation(TranslationOptions):
    fields = ("caption", "alt_text")


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "description")
