"""ETag and Last-Modified of API responses, from the content generation (publishing/generations.py).

Every API response is derived from public content only, and the generation token changes exactly when that
content does (a save, a delete, a scheduled publication coming due). So the ETag of a response is a hash of the
generation and the request's path and query; it can be computed before any database work, and a client asking
with it (If-None-Match) is answered 304 at once while nothing has changed. Last-Modified is the moment the
generation was first seen, kept beside it; when the cache cannot be read there is no generation and no
validators: responses are then made live and sent with `no-cache` alone.
"""

import dataclasses
import datetime
import hashlib
import math

from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date

from publishing import dependencies
from publishing.generations import current_generation

SEEN_KEY = "opendata:generation-seen"
# Lifetime of the record of when the generation was first seen: long past any generation's.
SEEN_SECONDS = 30 * 24 * 60 * 60


@dataclasses.dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: datetime.datetime

    @property
    def last_modified_header(self):
        return http_date(self.last_modified.timestamp())


def _first_seen(generation):
    """When this generation was first seen (whole seconds), always later than the one before it."""
    seen = cache.get(SEEN_KEY)
    if seen is not None and seen[0] == generation:
        return seen[1]
    now = math.ceil(timezone.now().timestamp())
    # A later generation must have a later Last-Modified, even within the same second, or If-Modified-Since
    # would call a changed list unchanged.
    moment = max(now, seen[1] + 1) if seen is not None else now
    cache.set(SEEN_KEY, (generation, moment), SEEN_SECONDS)
    return moment


def validators_for(request):
    """The ETag and Last-Modified of the response to `request` as content stands, or None if they cannot be known."""
    # The site-wide generation changes only with bulk changes; every edit renews the `all` version.
    generation, version = current_generation(), dependencies.everything_version()
    if generation is None or version is None:
        return None
    generation = f"{generation}:{version}"
    query = "&".join(sorted(request.META.get("QUERY_STRING", "").split("&")))
    digest = hashlib.sha256(f"{generation}\n{request.path}\n{query}".encode()).hexdigest()[:32]
    moment = datetime.datetime.fromtimestamp(_first_seen(generation), tz=datetime.UTC)
    return Validators(etag=f'"{digest}"', last_modified=moment)
