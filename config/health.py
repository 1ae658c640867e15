"""The health endpoint a load balancer polls: 503 only when the database does not answer.

The cache is an accelerator: without it pages are made live, so a Redis that does not answer makes
the site "degraded" (still 200, still taking traffic) rather than unavailable.
"""

import logging

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_answers():
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("health check failed: database unreachable", extra={"error": str(error)})
        return False
    return True


def _cache_answers():
    # Only the Redis backend can be unreachable; it answers at once while it leaves a failed Redis alone.
    ping = getattr(cache, "ping", None)
    return ping is None or ping()


@never_cache
@require_safe
def healthz(request):
    database, cache_ok = _database_answers(), _cache_answers()
    if not database:
        status = "unavailable"
    elif not cache_ok:
        status = "degraded"  # pages are made live: slower, still correct
    else:
        status = "ok"
    report = {
        "status": status,
        "database": "ok" if database else "unreachable",
        "cache": "ok" if cache_ok else "unreachable",
    }
    return JsonResponse(report, status=503 if status == "unavailable" else 200)
