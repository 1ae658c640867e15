"""The admin login limit applied to the admin's login view."""

import math

from django.http import HttpResponse
from django.utils.translation import gettext as _

from . import devices, limits
from .usernames import normalize_username

LOGIN_VIEW_NAME = "admin:login"


class LoginLimitMiddleware:
    """Refuses an admin login attempt before the password is checked once a limit is reached (429).

    When the database cannot count attempts, logins are refused with 503 rather than left uncounted.
    A successful login gives the browser a device cookie (devices.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "_loginguard_logged_in", None)
        if user is not None:
            devices.remember_device(response, user)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != LOGIN_VIEW_NAME:
            return None
        decision = limits.admit(request, normalize_username(request.POST.get("username")))
        if decision.allowed:
            request._loginguard_attempt = decision.attempt
            return None
        if decision.unavailable:
            message = _("Logging in is unavailable for the moment. Try again in a minute.")
            return _plain_response(message, status=503, retry_after=60)
        minutes = max(1, math.ceil(decision.retry_after / 60))
        message = _("Too many failed login attempts. Wait %(minutes)d min. and try again.") % {"minutes": minutes}
        return _plain_response(message, status=429, retry_after=decision.retry_after)


def forget_failures_after_login(sender, request, user, **kwargs):
    """Connected to user_logged_in: a login through the limited view clears its failures and remembers the browser."""
    attempt = getattr(request, "_loginguard_attempt", None)
    if attempt is None:
        return
    limits.forget_failures(attempt)
    request._loginguard_logged_in = user


def _plain_response(message, *, status, retry_after):
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    return response
