"""Production: every secret, host and service comes from the environment; a missing one stops start-up.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, and REDIS_URL (or CACHE_URL). See README, "Deploying".
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import cache_from_url, database_from_url, env, env_list

DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", required=True)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL", required=True),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# Every app server must share one cache, or invalidation and the login limit would be per process.
_cache_url = env("REDIS_URL") or env("CACHE_URL")
if not _cache_url:
    raise ImproperlyConfigured(
        "The environment variable REDIS_URL (or CACHE_URL) is required for these settings, "
        "e.g. redis://127.0.0.1:6379/0; set it and start again."
    )
CACHES = {"default": cache_from_url(_cache_url)}

# Hashed, compressed files with year-long cache headers, served by WhiteNoise after `collectstatic`.
# Media storage stays as configured in base (local files or an S3-compatible store).
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
STATIC_ROOT = env("STATIC_ROOT", str(BASE_DIR / "staticfiles"))

# TLS ends at the proxy, which must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
# The README's deployment has one proxy in front, appending the visitor's address to X-Forwarded-For;
# the app must then listen only where that proxy reaches it (`check --deploy`, loginguard.W001).
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))
# The load balancer polls the health endpoint over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
