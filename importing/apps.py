from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportingConfig(AppConfig):
    """Documents in and the archive out: the importer, its suggestions and background jobs, and the exporter."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "importing"
    verbose_name = _("Importing")

    def ready(self):
        from . import exposure

        exposure.register()  # which published items a change to this app's models alters
