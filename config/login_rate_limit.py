"""Admin login refused with 429 after repeated failures, counted in the shared cache.

Failures are counted per client address and user name (against guessing one account's password)
and per address alone (against trying many accounts); a successful login clears the first count.
Counts expire LOGIN_FAILURE_WINDOW_SECONDS after the first failure of a window.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.translation import gettext as _

LOGIN_VIEW_NAME = "admin:login"


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or the one the trusted proxies put in X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _keys(request, username):
    address = client_address(request)
    account = hashlib.sha256(f"{address}\n{(username or '').casefold()}".encode()).hexdigest()
    return f"login-failures:account:{account}", f"login-failures:address:{address}"


def _count_failure(key):
    cache.add(key, 0, settings.LOGIN_FAILURE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr: this failure starts a new window
        cache.add(key, 1, settings.LOGIN_FAILURE_WINDOW_SECONDS)


def is_refused(request, username):
    account_key, address_key = _keys(request, username)
    counts = cache.get_many([account_key, address_key])
    return (
        counts.get(account_key, 0) >= settings.LOGIN_FAILURE_LIMIT
        or counts.get(address_key, 0) >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS
    )


@receiver(user_login_failed, dispatch_uid="login_rate_limit.count_failure")
def count_failure(sender, credentials, request=None, **kwargs):
    if request is not None:
        for key in _keys(request, credentials.get("username")):
            _count_failure(key)


@receiver(user_logged_in, dispatch_uid="login_rate_limit.clear_after_success")
def clear_after_success(sender, request, user, **kwargs):
    if request is not None:
        cache.delete(_keys(request, user.get_username())[0])


class AdminLoginRateLimitMiddleware:
    """Refuses a login attempt before the password is checked once the failure limit is reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != LOGIN_VIEW_NAME:
            return None
        if not is_refused(request, request.POST.get("username")):
            return None
        minutes = max(1, settings.LOGIN_FAILURE_WINDOW_SECONDS // 60)
        message = _("Too many failed login attempts. Wait %(minutes)d min. and try again.") % {"minutes": minutes}
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW_SECONDS)
        return response
