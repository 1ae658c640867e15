"""How many API requests one client address may make in a window, counted in the cache.

The address is the login limit's (`loginguard.limits.client_address`): REMOTE_ADDR, or the one the trusted
proxies (TRUSTED_PROXY_COUNT) appended to X-Forwarded-For, so a client cannot choose the address it is counted
under by writing that header. The count is a fixed window in the shared cache; the cache is an accelerator,
never a dependency: when it cannot be reached, requests are served uncounted rather than refused.
"""

import dataclasses
import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache

from loginguard.limits import client_address

logger = logging.getLogger("opendata")


@dataclasses.dataclass(frozen=True)
class Allowance:
    """Whether the request may go ahead and, if not, in how many seconds the window ends."""

    allowed: bool
    retry_after: int = 0


def admit(request):
    """Count this request against its client address; refuse it once the window's limit is passed."""
    limit, window = settings.API_THROTTLE_REQUESTS, settings.API_THROTTLE_WINDOW_SECONDS
    if limit <= 0:
        return Allowance(True)
    now = time.time()
    started = int(now // window) * window
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"opendata:throttle:{address}:{started}"
    try:
        cache.add(key, 0, window + 1)
        count = cache.incr(key)
    except ValueError:
        # The key vanished (evicted, or the cache cannot be reached: config/redis_cache.py): serve uncounted.
        return Allowance(True)
    except Exception:  # any other cache failure: the API stays up
        logger.warning("The API throttle could not count a request", exc_info=True)
        return Allowance(True)
    if count > limit:
        return Allowance(False, retry_after=max(1, math.ceil(started + window - now)))
    return Allowance(True)
