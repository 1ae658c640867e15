from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The editorial workflow every content app shares: states, transitions, guards, history and roles."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from . import checks, exposure  # noqa: F401  (checks registers the system checks of the rule)
        from .generations import connect_invalidation
        from .lost_updates import connect_raw_save_versions
        from .models import WorkflowLogEntry

        connect_invalidation()
        connect_raw_save_versions()
        exposure.record(WorkflowLogEntry)  # written by the workflow alone, never changed by anyone
