from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MapsConfig(AppConfig):
    """Where commemorations were held: the world map of public venues and the locator maps of venue and event pages."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "maps"
    verbose_name = _("Maps")
