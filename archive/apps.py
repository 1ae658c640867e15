from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "archive"
    verbose_name = _("Archive")

    def ready(self):
        from .lost_updates import connect_raw_save_versions
        from .page_cache import connect_invalidation

        connect_invalidation()
        connect_raw_save_versions()
