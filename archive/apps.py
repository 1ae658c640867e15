from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    """The evidence: articles with their verbatim originals, source citations, anniversary mentions and figures."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "archive"
    verbose_name = _("Archive")

    def ready(self):
        from . import exposure

        exposure.register()  # which published items a change to this app's models alters
