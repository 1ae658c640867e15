"""Template tags that fetch an event's or article's images and documents in a fixed number of queries."""

from django import template

from gallery.models import documents_for, image_links_for

register = template.Library()


@register.simple_tag
def gallery_images(subject):
    """The images attached to an event or article, in order, with their renditions (two queries).

    An image without alt text in the page's language is left out rather than shown undescribed: the
    publication check stops this at publishing, but an image may be attached to published content later.
    """
    return [link for link in image_links_for(subject) if (link.image.alt_text or "").strip()]


@register.simple_tag
def gallery_documents(subject):
    """The PDF documents attached to an event or article, in order (one query)."""
    return list(documents_for(subject))
