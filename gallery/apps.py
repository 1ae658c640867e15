from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    """Photographs and documents: the image library, renditions, galleries, portraits and PDFs."""

    name = "gallery"
    verbose_name = _("Photographs and documents")

    def ready(self):
        from publishing.workflow import publication_check

        from . import checks, exposure, signals  # noqa: F401  (signals connects the file clean-up receivers)

        exposure.register()  # which published items a change to this app's models alters

        # Publishing is refused while an attached image lacks alt text in either language.
        publication_check(checks.publication_problems)
