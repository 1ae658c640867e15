"""Admin for the image library and documents, and the inlines that attach them to events, articles and people.

What published content shows is changed only by those who may change that content, and each change is a
version of the image or document (see publishing/admin/guard.py).
"""

import reversion
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from archive.models import Article
from events.models import Event, Person
from publishing.admin import extend_admin
from publishing.admin.guard import PublishedContentGuard
from publishing.admin.lost_updates import EditTokenAdmin, EditTokenInline

from .forms import DocumentForm, ImageForm
from .models import ArticleImage, Document, EventImage, Image, Portrait

# The thumbnails' styles, for every admin page that shows one (a file: the site's CSP refuses style attributes).
THUMBNAIL_CSS = {"all": ["admin/gallery.css"]}


def thumbnail_html(image, *, width=120):
    """A small preview of an image for the admin, from its thumbnail rendition when there is one."""
    if image is None or not image.file:
        return "—"
    thumbnail = image.rendition_map().get("thumbnail")
    url = thumbnail.file.url if thumbnail else image.file.url
    height = round(image.height * width / image.width) if image.width else width
    return format_html(
        '<img src="{}" width="{}" height="{}" alt="{}" loading="lazy" class="gallery-thumbnail">',
        url,
        width,
        height,
        image.alt_text or "",
    )


@admin.register(Image)
class ImageAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    form = ImageForm
    list_display = ["thumbnail", "__str__", "dimensions", "alt_text_complete", "credit", "created"]
    list_display_links = ["thumbnail", "__str__"]
    search_fields = ["caption_en", "caption_ru", "alt_text_en", "alt_text_ru", "credit", "source", "file"]
    readonly_fields = ["preview", "dimensions", "created"]
    fields = ["preview", "file", "dimensions", "caption", "alt_text", "credit", "source", "created"]

    class Media:
        css = THUMBNAIL_CSS

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("renditions")

    @admin.display(description=_("thumbnail"))
    def thumbnail(self, obj):
        return thumbnail_html(obj, width=80)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj is None or not obj.pk:
            return _("A preview appears here once the photograph is saved.")
        return thumbnail_html(obj, width=320)

    @admin.display(description=_("size in pixels"))
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height}" if obj and obj.pk else "—"

    @admin.display(description=_("alt text in both languages"), boolean=True)
    def alt_text_complete(self, obj):
        return not obj.missing_alt_languages


@admin.register(Document)
class DocumentAdmin(PublishedContentGuard, EditTokenAdmin, TabbedTranslationAdmin):
    form = DocumentForm
    list_display = ["title", "event", "article", "size", "created"]
    list_select_related = ["event", "article"]
    search_fields = ["title_en", "title_ru", "description_en", "description_ru", "credit", "source"]
    autocomplete_fields = ["event", "article"]
    readonly_fields = ["size", "created"]

    @admin.display(description=_("size"))
    def size(self, obj):
        from django.template.defaultfilters import filesizeformat

        return filesizeformat(obj.size_bytes) if obj and obj.pk else "—"


class _ImageLinkInline(PublishedContentGuard, EditTokenInline, admin.TabularInline):
    extra = 0
    autocomplete_fields = ["image"]
    readonly_fields = ["preview"]
    fields = ["position", "image", "preview"]

    class Media:
        css = THUMBNAIL_CSS

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image").prefetch_related("image__renditions")

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail_html(obj.image if obj and obj.pk else None)


class EventImageInline(_ImageLinkInline):
    model = EventImage


class ArticleImageInline(_ImageLinkInline):
    model = ArticleImage


class PortraitInline(PublishedContentGuard, EditTokenInline, admin.StackedInline):
    model = Portrait
    extra = 0
    max_num = 1
    autocomplete_fields = ["image"]
    readonly_fields = ["preview"]
    fields = ["image", "preview"]

    class Media:
        css = THUMBNAIL_CSS

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail_html(obj.image if obj and obj.pk else None, width=200)


class _DocumentInline(PublishedContentGuard, EditTokenInline, TranslationStackedInline):
    model = Document
    form = DocumentForm
    extra = 0
    fields = ["position", "file", "title", "description", "credit", "source"]


class EventDocumentInline(_DocumentInline):
    fk_name = "event"


class ArticleDocumentInline(_DocumentInline):
    fk_name = "article"


# Photographs and documents on the pages of events and articles, portraits on people's.
extend_admin(Event, add_inlines=[EventImageInline, EventDocumentInline])
extend_admin(Article, add_inlines=[ArticleImageInline, ArticleDocumentInline])
extend_admin(Person, add_inlines=[PortraitInline])


# Images and documents have a history of their own; the rows attaching them are versioned with their item.
for _model in (Image, Document, EventImage, ArticleImage, Portrait):
    if not reversion.is_registered(_model):
        reversion.register(_model)
