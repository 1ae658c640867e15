from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The archive as data: the read-only JSON API under /api/v1/, its documentation, and the downloads."""

    name = "opendata"
    verbose_name = _("Open data")
