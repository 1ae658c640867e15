from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoginGuardConfig(AppConfig):
    """The admin login limit: counts failed attempts and refuses guessing, without locking users out."""

    name = "loginguard"
    verbose_name = _("Admin login limit")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the deploy checks)
        from .middleware import forget_failures_after_login

        user_logged_in.connect(forget_failures_after_login, dispatch_uid="loginguard.forget_failures_after_login")
