"""Django's Redis cache backend, made an accelerator the site works without, and cheaper per call.

The site keeps pages, per-generation aggregates and nothing it cannot work out again in Redis, so
Redis failing must slow pages down, never break them:

- Short timeouts: connecting and each reply wait at most `socket_connect_timeout` / `socket_timeout`
  (0.25 s unless OPTIONS say otherwise), and redis-py does not retry.
- An error is a miss: when Redis refuses, times out or answers with an error, `get` returns the
  default, `get_many` {}, `add`, `touch`, `delete` and `has_key` False, `set`, `set_many`,
  `delete_many` and `clear` do nothing, and `incr` raises ValueError as for a missing key. A warning
  is logged at most once a minute per process, with how many calls failed since the last one.
- A small circuit breaker: after a failure Redis is not asked again for `retry_after` seconds (5),
  so a hung Redis costs one timeout per process in that time rather than one per request.
  `reachable` is False meanwhile; the page cache reads it to tell a missing key from an unreadable one.
- Deletes are not lost: one that could not be sent is sent before anything else once Redis answers
  again, so a change saved during an outage still makes the page cache's generation stale; a process
  that exits still owing some tries once more and otherwise logs an error.

Django's RedisCacheClient also builds a new `redis.Redis` object for every cache operation, and
redis-py fills a table of some 170 response callbacks in each one: about 0.2 ms per operation, more
than the round trip itself. A client object is safe to share between threads (it takes a connection
from the pool for each command), so one per pool is kept.
"""

import atexit
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_SECONDS = 0.25
DEFAULT_RETRY_AFTER_SECONDS = 5.0
WARNING_INTERVAL_SECONDS = 60.0
# A bound on the deletes kept for later: the site deletes few distinct keys (the page-cache
# generation, login counts), so more than this means something else is wrong; the log says so.
MAX_PENDING_DELETES = 10_000


class _RedisHealth:
    """What one process knows about one Redis: when it may be asked again, and the deletes it owes it.

    Shared by every thread's cache object for the same servers, so one thread's timeout spares the others.
    """

    def __init__(self, location, retry_after):
        self.location = location
        self.retry_after = retry_after
        self.ask_again_at = 0.0
        self.failing_since = None
        self.failures_unreported = 0
        self.last_warning_at = None
        self.pending_deletes = set()
        self.lock = threading.Lock()

    def may_ask(self):
        return time.monotonic() >= self.ask_again_at

    def failed(self, operation, error):
        now = time.monotonic()
        with self.lock:
            self.ask_again_at = now + self.retry_after
            self.failures_unreported += 1
            if self.failing_since is None:
                self.failing_since = now
            # Once a minute, also when Redis keeps failing and recovering: a flapping Redis is one story.
            if self.last_warning_at is not None and now - self.last_warning_at < WARNING_INTERVAL_SECONDS:
                return
            self.last_warning_at = now
            failures, self.failures_unreported = self.failures_unreported, 0
        logger.warning(
            "cache unreachable: Redis calls are answered as misses, and skipped for %s s after each failure",
            self.retry_after,
            extra={
                "cache": self.location,
                "operation": operation,
                "error": f"{type(error).__name__}: {error}",
                "failed_calls": failures,
            },
        )

    def answered(self):
        if self.failing_since is None:
            return
        with self.lock:
            if self.failing_since is None:
                return
            down_for = time.monotonic() - self.failing_since
            self.failing_since = None
            self.failures_unreported = 0
        logger.info("cache reachable again", extra={"cache": self.location, "seconds_unreachable": round(down_for)})

    def owe_deletes(self, keys):
        with self.lock:
            if len(self.pending_deletes) + len(keys) > MAX_PENDING_DELETES:
                logger.error("cache: too many deletes waiting for Redis; dropping them", extra={"cache": self.location})
                return
            self.pending_deletes.update(keys)


_health_by_location = {}
_health_lock = threading.Lock()


def _health_for(servers, retry_after):
    location = ",".join(servers)
    with _health_lock:
        health = _health_by_location.get(location)
        if health is None:
            health = _health_by_location[location] = _RedisHealth(location, retry_after)
        health.retry_after = retry_after
        return health


@atexit.register
def _settle_owed_deletes():
    """One last try to send the deletes this process owes, and an error in the log if Redis still fails.

    A management command that changed content while Redis was unreachable ends before Redis answers
    again: its pages' generation was never discarded, and the log must say so.
    """
    from django.conf import settings
    from django.core.cache import caches

    if not settings.configured:
        return
    for backend in caches.all():
        if isinstance(backend, ResilientRedisCache) and backend._cache.health.pending_deletes:
            client = backend._cache
            try:
                client._send_pending_deletes()
            except (RedisError, OSError) as error:
                logger.error(
                    "cache: exiting with deletes Redis never received; cached pages may be stale until they "
                    "expire (PAGE_CACHE_SECONDS) unless invalidate_pages() is run once Redis answers",
                    extra={
                        "cache": client.health.location,
                        "keys": len(client.health.pending_deletes),
                        "error": str(error),
                    },
                )


def _missing_key(*args):
    raise ValueError("the cache could not be reached")


class ResilientRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, *, retry_after=DEFAULT_RETRY_AFTER_SECONDS, **options):
        options.setdefault("socket_connect_timeout", DEFAULT_TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", DEFAULT_TIMEOUT_SECONDS)
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(servers, **options)
        self._clients = {}
        self.health = _health_for(self._servers, float(retry_after))

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def _ask(self, operation, call, miss, *, deletes=()):
        """call() if Redis may be asked and answers; otherwise miss(), with deletes kept for later."""
        health = self.health
        if not health.may_ask():
            health.owe_deletes(deletes)
            return miss()
        try:
            if health.pending_deletes:
                self._send_pending_deletes()
            result = call()
        except (RedisError, OSError) as error:
            health.failed(operation, error)
            health.owe_deletes(deletes)
            return miss()
        health.answered()
        return result

    def _send_pending_deletes(self):
        with self.health.lock:
            keys = list(self.health.pending_deletes)
        if keys:
            self.get_client(write=True).delete(*keys)
            with self.health.lock:
                self.health.pending_deletes.difference_update(keys)

    def ping(self):
        return self._ask("ping", lambda: bool(self.get_client().ping()), lambda: False)

    def add(self, key, value, timeout):
        return self._ask("add", lambda: RedisCacheClient.add(self, key, value, timeout), lambda: False)

    def get(self, key, default):
        return self._ask("get", lambda: RedisCacheClient.get(self, key, default), lambda: default)

    def set(self, key, value, timeout):
        return self._ask("set", lambda: RedisCacheClient.set(self, key, value, timeout), lambda: None)

    def touch(self, key, timeout):
        return self._ask("touch", lambda: RedisCacheClient.touch(self, key, timeout), lambda: False)

    def delete(self, key):
        return self._ask("delete", lambda: RedisCacheClient.delete(self, key), lambda: False, deletes=[key])

    def get_many(self, keys):
        keys = list(keys)
        return self._ask("get_many", lambda: RedisCacheClient.get_many(self, keys), dict)

    def has_key(self, key):
        return self._ask("has_key", lambda: RedisCacheClient.has_key(self, key), lambda: False)

    def incr(self, key, delta):
        return self._ask("incr", lambda: RedisCacheClient.incr(self, key, delta), _missing_key)

    def set_many(self, data, timeout):
        return self._ask("set_many", lambda: RedisCacheClient.set_many(self, data, timeout), list)

    def delete_many(self, keys):
        keys = list(keys)
        return self._ask("delete_many", lambda: RedisCacheClient.delete_many(self, keys), lambda: None, deletes=keys)

    def clear(self):
        return self._ask("clear", lambda: RedisCacheClient.clear(self), lambda: False)

    def add_many(self, data, timeout):
        def pipelined():
            pipeline = self.get_client(write=True).pipeline(transaction=False)
            for key, value in data.items():
                pipeline.set(key, self._serializer.dumps(value), ex=timeout, nx=True)
            return pipeline.execute()

        return self._ask("add_many", pipelined, list)


class ResilientRedisCache(RedisCache):
    """settings.CACHES backend `config.redis_cache.ResilientRedisCache`, with a redis:// LOCATION.

    OPTIONS may set `socket_connect_timeout`, `socket_timeout` (seconds, 0.25) and `retry_after`
    (seconds Redis is left alone after a failure, 5), besides redis-py's connection pool options.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient

    @property
    def reachable(self):
        """False while Redis is left alone after a failure: what was just read may be a failure, not a miss."""
        return self._cache.health.may_ask()

    def ping(self):
        """True if Redis answers now; False at once while it is being left alone after a failure."""
        return self._cache.ping()

    def add_many(self, data, timeout=None, version=None):
        """`add` for each of {key: value}, in one round trip (a pipeline); the page cache creates versions so."""
        if not data:
            return
        keys = {self.make_and_validate_key(key, version=version): value for key, value in data.items()}
        self._cache.add_many(keys, self.get_backend_timeout(timeout))
