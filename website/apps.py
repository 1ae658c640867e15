from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    """What visitors get across the apps: home, search, sitemaps, robots, error pages and the page cache."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "website"
    verbose_name = _("Website")
