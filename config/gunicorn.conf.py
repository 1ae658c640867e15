"""gunicorn settings: `gunicorn -c config/gunicorn.conf.py config.wsgi`. Each can be set from the environment."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so that a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Only the proxy in front may say the request was HTTPS (X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
preload_app = True

# Access log as key=value pairs on stdout ("-"); GUNICORN_ACCESS_LOG= (empty) turns it off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
access_log_format = (
    'remote=%(h)s method=%(m)s path="%(U)s" query="%(q)s" status=%(s)s bytes=%(B)s duration_us=%(D)s agent="%(a)s"'
)
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def pre_fork(server, worker):
    """Move everything the preloaded application made into the collector's permanent generation.

    Otherwise every full garbage collection in a worker walks all of Django, the URL patterns and the
    translation catalogues again: 50 to 70 ms, about once every 80 requests, which was most of the
    site's p99 latency. It also keeps those pages shared between the workers (copy-on-write).
    """
    gc.collect()
    gc.freeze()
