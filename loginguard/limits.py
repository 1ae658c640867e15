"""Whether an admin login attempt may go ahead, by the failures counted in the database.

An attempt from a browser the account has logged in from (devices.py) is counted against that
browser alone: LOGIN_FAILURE_LIMIT failures within LOGIN_FAILURE_WINDOW_SECONDS refuse it. Any
other attempt is counted per address and account (LOGIN_FAILURE_LIMIT) and per address
(LOGIN_FAILURE_LIMIT_PER_ADDRESS); every failure, a known browser's included, adds to those two.
The window slides: a failure stops counting once it is older than the window.

The counts live in the database, not the cache, so the limit holds whether or not Redis is up; if
the database fails as well, the attempt is refused and the error logged (the limit fails closed).
"""

import dataclasses
import datetime
import hashlib
import logging
import math

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .devices import known_device
from .models import LoginAttempt

logger = logging.getLogger("loginguard")


@dataclasses.dataclass(frozen=True)
class Attempt:
    """The counters one attempt is charged to; `device` is a known browser's token, or ""."""

    account: str
    address: str
    device: str


@dataclasses.dataclass(frozen=True)
class Decision:
    """Whether the attempt may go ahead; if refused, for how long, or that the database failed."""

    allowed: bool
    attempt: Attempt | None = None
    retry_after: int = 0
    unavailable: bool = False


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or the one the trusted proxies put in X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    address = forwarded[-proxies] if proxies and len(forwarded) >= proxies else request.META.get("REMOTE_ADDR", "")
    # Anything longer than an IPv6 address with a zone is not one; keep it countable all the same.
    return address if len(address) <= 64 else hashlib.sha256(address.encode()).hexdigest()


def account_key(username):
    """A keyed hash of the normalised user name: the same account always, the name itself never stored."""
    return salted_hmac("loginguard.account", username, algorithm="sha256").hexdigest()


def admit(request, username):
    """Count this attempt as a failure until it succeeds, unless a limit already refuses it.

    `username` must already be normalised (usernames.py). The row is written first and the counts
    read after, so of several attempts arriving together no more than the limit go ahead.
    """
    now = timezone.now()
    since = now - datetime.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    try:
        attempt = Attempt(account_key(username), client_address(request), known_device(request, username))
        prune(before=since)
        row = LoginAttempt.objects.create(
            account=attempt.account, address=attempt.address, device=attempt.device, attempted_at=now
        )
        for counted, limit in _counters(attempt):
            recent = counted.filter(attempted_at__gte=since)
            if recent.count() > limit:
                row.delete()
                return Decision(allowed=False, retry_after=_seconds_until_below(recent, limit, now))
    except DatabaseError:
        logger.exception("Admin login refused: the login limit cannot count attempts in the database")
        return Decision(allowed=False, unavailable=True)
    return Decision(allowed=True, attempt=attempt)


def forget_failures(attempt):
    """After a successful login: the failures from that address for that account no longer count."""
    try:
        LoginAttempt.objects.filter(account=attempt.account, address=attempt.address).delete()
    except DatabaseError:
        logger.exception("The login limit could not clear the failures before a successful login")


def prune(before=None):
    """Delete the attempts that have left the window; returns how many."""
    if before is None:
        before = timezone.now() - datetime.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    deleted, _ = LoginAttempt.objects.filter(attempted_at__lt=before).delete()
    return deleted


def _counters(attempt):
    rows = LoginAttempt.objects.all()
    if attempt.device:
        return [(rows.filter(device=attempt.device), settings.LOGIN_FAILURE_LIMIT)]
    return [
        (rows.filter(account=attempt.account, address=attempt.address), settings.LOGIN_FAILURE_LIMIT),
        (rows.filter(address=attempt.address), settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS),
    ]


def _seconds_until_below(recent, limit, now):
    """When the limit-th newest failure leaves the window, one more attempt fits under the limit."""
    oldest_that_matters = recent.order_by("-attempted_at").values_list("attempted_at", flat=True)[limit - 1]
    ends = oldest_that_matters + datetime.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    return max(1, math.ceil((ends - now).total_seconds()))
