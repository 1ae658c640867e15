"""Publication checks for images: content whose images lack alt text in either language may not be published.

The editorial workflow (publishing/workflow.py) runs registered checks before publishing; this module
provides the one for images and stays independent of how the workflow registers it.
"""

from django.utils.translation import gettext as _

from .models import image_links_for


def publication_problems(obj):
    """Messages naming each attached image and the language its alt text is missing in; empty when fine."""
    problems = []
    links = image_links_for(obj) if obj.pk is not None else []
    for image in (link.image for link in links):
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
