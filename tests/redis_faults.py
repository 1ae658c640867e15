"""Real sockets standing in for a Redis that fails: a closed port, a listener that never answers, and a
proxy to the real Redis whose line can be cut and restored. Tests point a ResilientRedisCache at them."""

import contextlib
import secrets
import socket
import threading

import redis

REAL_REDIS = ("127.0.0.1", 6379)
# This suite's own Redis database; keys carry a per-test prefix and are deleted by prefix, never flushed.
TEST_DB = 13


def closed_port():
    """A port on 127.0.0.1 nothing listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Listener:
    """A listening socket served by a daemon thread until close()."""

    def __init__(self):
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.05)
        self.port = self._socket.getsockname()[1]
        self._closed = threading.Event()
        self._connections = []
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)
        self._thread.start()

    def _accept_loop(self):
        while not self._closed.is_set():
            try:
                connection, _address = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._connections.append(connection)
            self.accepted(connection)

    @property
    def connections(self):
        """How many connections were accepted so far."""
        return len(self._connections)

    def accepted(self, connection):
        """Keep the connection open and never answer."""

    def close(self):
        self._closed.set()
        self._thread.join()
        self._socket.close()
        for connection in self._connections:
            connection.close()


class SilentListener(_Listener):
    """Accepts connections and never answers: a hung Redis."""


class RedisLine(_Listener):
    """A TCP proxy to the real Redis; cut() drops every connection and refuses new ones until restore()."""

    def __init__(self):
        self._cut = threading.Event()
        super().__init__()

    def accepted(self, connection):
        if self._cut.is_set():
            connection.close()
            return
        upstream = socket.create_connection(REAL_REDIS)
        self._connections.append(upstream)
        for source, target in ((connection, upstream), (upstream, connection)):
            threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target):
        try:
            while chunk := source.recv(65536):
                target.sendall(chunk)
        except OSError:
            pass
        for side in (source, target):
            with contextlib.suppress(OSError):
                side.shutdown(socket.SHUT_RDWR)

    def cut(self):
        self._cut.set()
        for connection in self._connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def restore(self):
        self._cut.clear()


def redis_cache_settings(port, *, db=TEST_DB, **options):
    """settings.CACHES with the production backend at 127.0.0.1:port, under a prefix of this test's own."""
    return {
        "default": {
            "BACKEND": "config.redis_cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/{db}",
            "KEY_PREFIX": f"test-faults-{secrets.token_hex(4)}",
            "OPTIONS": options,
        }
    }


def delete_keys(caches_setting):
    """Delete what a test stored in the real Redis under its prefix (FLUSHDB would touch other users' keys)."""
    entry = caches_setting["default"]
    client = redis.Redis(*REAL_REDIS, db=TEST_DB)
    keys = list(client.scan_iter(match=f"{entry['KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)
    client.close()
