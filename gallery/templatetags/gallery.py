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


@register.simple_tag
def person_portrait(person):
    """A person's portrait image with its renditions (one query, two when there is a portrait), or None.

    Like gallery images, a portrait without alt text in the page's language is not shown.
    """
    from gallery.models import Image

    image = (
        Image.objects.filter(portrait_uses__person=person).prefetch_related("renditions").first()
        if person.pk is not None
        else None
    )
    return image if image is not None and (image.alt_text or "").strip() else None
