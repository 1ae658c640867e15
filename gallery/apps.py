from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    """Photographs and documents: the image library, renditions, galleries, portraits and PDFs."""

    name = "gallery"
    verbose_name = _("Photographs and documents")

    def ready(self):
        from . import signals  # noqa: F401  (connects the file clean-up receivers)
