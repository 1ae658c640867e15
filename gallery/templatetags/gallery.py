"""Template tags that fetch an event's or article's images and documents in a fixed number of queries."""

from django import template

from gallery.models import documents_for, image_links_for

register = template.Library()


@register.simple_tag
def gallery_images(subject):
    """The images attached to an event or article, in order, with their renditions (two queries)."""
    return list(image_links_for(subject))


@register.simple_tag
def gallery_documents(subject):
    """The PDF documents attached to an event or article, in order (one query)."""
    return list(documents_for(subject))
