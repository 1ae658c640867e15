"""Admin login attempts that have not succeeded, kept for the length of the failure window."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LoginAttempt(models.Model):
    """An admin login attempt not (yet) known to have succeeded; it counts against the limits for the window.

    The row is written before the password is checked and deleted when the login succeeds: guesses sent
    at the same moment cannot all slip under the limit, and a database that cannot take the row refuses
    the login. The user name is kept only as a keyed hash (people type passwords into that box).
    """

    account = models.CharField(_("account"), max_length=64, help_text=_("Keyed hash of the normalised user name."))
    address = models.CharField(_("address"), max_length=64)
    device = models.CharField(
        _("device"), max_length=32, blank=True, help_text=_("Token of a known browser; empty for any other.")
    )
    attempted_at = models.DateTimeField(_("attempted at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("login attempt")
        verbose_name_plural = _("login attempts")
        # Written only by the login itself: nobody is given rights over these rows.
        default_permissions = ()
        indexes = [
            models.Index(fields=["account", "address", "attempted_at"], name="loginguard_account_address"),
            models.Index(fields=["address", "attempted_at"], name="loginguard_address"),
            models.Index(fields=["device", "attempted_at"], name="loginguard_device"),
        ]

    def __str__(self):
        return f"{self.address} {self.attempted_at:%Y-%m-%d %H:%M:%S}"
