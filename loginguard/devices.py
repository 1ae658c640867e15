"""Browsers an account has logged in from, recognised by a signed cookie.

After a successful admin login the browser gets a cookie naming the account and a random token,
signed with SECRET_KEY. A later attempt for that account from that browser is counted against the
token alone (limits.py), so strangers guessing the password, even from the same address (an office,
or every visitor when the proxy setting is wrong), cannot lock the user out of their own browser.
Every successful login issues a new token. Only the account's own login gives the cookie, and it
exempts nobody from the password: it only decides which counter a wrong password adds to.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model

_SALT = "loginguard.device"


def known_device(request, username):
    """The token of this browser's device cookie when it was issued for the account named, else ""."""
    value = request.get_signed_cookie(
        settings.LOGIN_DEVICE_COOKIE_NAME, default=None, salt=_SALT, max_age=settings.LOGIN_DEVICE_COOKIE_AGE
    )
    user_pk, _, token = (value or "").partition(":")
    if not token:
        return ""
    user_model = get_user_model()
    named = user_model._default_manager.filter(**{user_model.USERNAME_FIELD: username})
    account = named.values_list("pk", flat=True).first()
    return token if account is not None and str(account) == user_pk else ""


def remember_device(response, user):
    """Give the browser a new device cookie for the account that just logged in."""
    response.set_signed_cookie(
        settings.LOGIN_DEVICE_COOKIE_NAME,
        f"{user.pk}:{secrets.token_urlsafe(16)}",
        salt=_SALT,
        max_age=settings.LOGIN_DEVICE_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
