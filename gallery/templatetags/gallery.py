"""Template tags that fetch an event's or article's images and documents in a fixed number of queries."""

from django import template

from archive.models import Article
from events.models import Event
from gallery.models import ArticleImage, Document, EventImage

register = template.Library()


@register.simple_tag
def gallery_images(subject):
    """The images attached to an event or article, in order, with their renditions (two queries)."""
    if isinstance(subject, Event):
        links = EventImage.objects.filter(event=subject)
    elif isinstance(subject, Article):
        links = ArticleImage.objects.filter(article=subject)
    else:
        return []
    return list(links.select_related("image").prefetch_related("image__renditions").order_by("position", "pk"))


@register.simple_tag
def gallery_documents(subject):
    """The PDF documents attached to an event or article, in order (one query)."""
    if isinstance(subject, Event):
        return list(Document.objects.filter(event=subject))
    if isinstance(subject, Article):
        return list(Document.objects.filter(article=subject))
    return []
