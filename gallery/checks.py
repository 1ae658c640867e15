"""Publication checks for images: content whose images lack alt text in either language may not be published.

The editorial workflow (archive/workflow.py) runs registered checks before publishing; this module
provides the one for images and stays independent of how the workflow registers it.
"""

from django.utils.translation import gettext as _


def _attached_images(obj):
    """The library images an article or event shows, in order; nothing for other objects."""
    from archive.models import Article
    from events.models import Event

    from .models import ArticleImage, EventImage

    if isinstance(obj, Event):
        links = EventImage.objects.filter(event=obj)
    elif isinstance(obj, Article):
        links = ArticleImage.objects.filter(article=obj)
    else:
        return []
    if obj.pk is None:
        return []
    return [link.image for link in links.select_related("image").order_by("position", "pk")]


def publication_problems(obj):
    """Messages naming each attached image and the language its alt text is missing in; empty when fine."""
    problems = []
    for image in _attached_images(obj):
        for code in image.missing_alt_languages:
            # Whole sentences per language, so that each translation can inflect the language name.
            if code == "en":
                message = _(
                    "The image “%(image)s” has no alt text in English. Describe what it shows in the image "
                    "library (Photographs and documents › Images), then publish again."
                )
            else:
                message = _(
                    "The image “%(image)s” has no alt text in Russian. Describe what it shows in the image "
                    "library (Photographs and documents › Images), then publish again."
                )
            problems.append(message % {"image": image})
    return problems
