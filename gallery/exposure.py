"""What changes to images and documents alter on the site (the rule of publishing/exposure.py, for this app).

An image appears on every published article and event that shows it and wherever a person it portrays
appears; the links (gallery images, article images, portraits) and documents are rows of their item or person.
Renditions are made from an image by code and never edited: a change to them comes through the image.
"""

from django.db.models import Q

from archive.models import Article
from events.models import Event
from publishing import exposure

from .models import ArticleImage, Document, EventImage, Image, Portrait, Rendition


def _image(image):
    shown = [
        *exposure.published_matching(Article, Q(images__image=image)),
        *exposure.published_matching(Event, Q(gallery_images__image=image)),
    ]
    for portrait in image.portrait_uses.select_related("person"):
        shown += exposure.published_items_showing(portrait.person)
    return shown


def register():
    exposure.shown_by(Image, _image, found_by_query=True)
    exposure.row_of(EventImage, "event")
    exposure.row_of(ArticleImage, "article")
    exposure.row_of(Portrait, "person")
    exposure.row_of(Document, "event", "article")
    exposure.derived(Rendition)
