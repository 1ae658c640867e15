from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChartsConfig(AppConfig):
    """The archive's shape at a glance: events per year and per country, and every reported figure against its date."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "charts"
    verbose_name = _("Charts")
