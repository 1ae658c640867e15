"""Settings shared by every environment; environment modules override what differs."""

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None, *, required=False):
    """Read a setting from the environment; refuse to start when a required one is missing."""
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required for these settings; set it and start again."
        )
    return value


def env_json(name, default):
    """A JSON object from the environment; a malformed one stops start-up naming the variable."""
    try:
        value = json.loads(env(name, default))
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"The environment variable {name} is not valid JSON ({error}); fix it.") from None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f'The environment variable {name} must be a JSON object: {{"name": value, …}}.')
    return value


def env_list(name, default="", *, required=False):
    """A comma-separated setting as a list; a required one must name at least one item."""
    items = [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]
    if required and not items:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required for these settings (comma-separated); set it and start again."
        )
    return items


def cache_from_url(url):
    """A CACHES entry from a URL: redis:// or rediss:// (production), locmem:// or dummy:// (one process only)."""
    scheme = url.split("://", 1)[0]
    if scheme in ("redis", "rediss"):
        # The site works without its cache (config/redis_cache.py): short waits, then Redis is left alone a while.
        timeout = float(env("REDIS_TIMEOUT_SECONDS", "0.25"))
        options = {
            "socket_connect_timeout": timeout,
            "socket_timeout": timeout,
            "retry_after": float(env("REDIS_RETRY_AFTER_SECONDS", "5")),
        }
        return {
            "BACKEND": "config.redis_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "archive",
            "OPTIONS": options,
        }
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": url.split("://", 1)[1]}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ImproperlyConfigured(
        f"The cache URL {url!r} has an unknown scheme {scheme!r}; use redis://, rediss://, locmem:// or dummy://."
    )


INSTALLED_APPS = [
    # modeltranslation must come before the admin so its tabs and widgets win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Trigram and full-text lookups; harmless on SQLite, where nothing calls them.
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "reversion",
    # Background tasks (Django's tasks API, backported) queued in the database: nothing else to run or configure.
    "django_tasks",
    "django_tasks_db",
    # The read-only JSON API (opendata/) and its OpenAPI schema.
    "rest_framework",
    "drf_spectacular",
    # The project's apps in their layers, lowest first: each imports only those listed before it (make lint).
    "wordforms",
    "publishing",
    "archive",
    "events",
    "gallery",
    "searchindex",
    "importing",
    "charts",
    "maps",
    "opendata",
    "website",
    "loginguard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security_headers.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A control character in the path or a query parameter is a 400, never a value a view, the page cache or
    # the database sees.
    "website.control_characters.RefuseControlCharactersMiddleware",
    # /api/ only: CORS, the throttle and conditional GET, before the page cache so its answers get them too.
    "opendata.middleware.OpenDataMiddleware",
    # Serves cached public pages before the middleware below (sessions, language, CSRF…) runs.
    "website.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "loginguard.middleware.LoginLimitMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "website.context_processors.site",
            ],
        },
    },
]


def database_from_url(url, **options):
    """A DATABASES entry from a URL; on PostgreSQL without JIT compilation, and with a connect timeout.

    JIT pays off for long analytical queries; on this site's short page queries it only adds its
    compile time (measured at 100,000 articles: 285 of 480 ms on the event list's filter choices).
    Without a connect timeout a PostgreSQL that accepts connections and never answers holds each
    request until the worker is killed; with it the request gets a 503 (libpq's minimum is 2 s).
    """
    database = dj_database_url.parse(url, **options)
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("OPTIONS", {})["options"] = "-c jit=off"
        database["OPTIONS"]["connect_timeout"] = int(env("DATABASE_CONNECT_TIMEOUT", "5"))
    return database


# SQLite is the zero-set-up default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": database_from_url(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Translated fields fall back to nothing: templates decide, visibly, what to show instead.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = ()
# The admin's language tabs: modeltranslation loads jQuery UI from a CDN by default; this local file stands in.
JQUERY_UI_URL = "admin/translation-tabs.js"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# Uploaded photographs and documents go to the "default" storage: local files under MEDIA_ROOT unless
# MEDIA_STORAGE_BACKEND names another Django storage class (e.g. storages.backends.s3.S3Storage for an
# S3-compatible store) with MEDIA_STORAGE_OPTIONS as JSON; credentials stay in the environment (see README).
STORAGES = {
    "default": {
        "BACKEND": env("MEDIA_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": env_json("MEDIA_STORAGE_OPTIONS", "{}"),
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded files reach browsers only through gallery/views.py, which sends files of drafts to staff alone.
# Behind nginx, set MEDIA_X_ACCEL_PREFIX to the `internal` location that serves MEDIA_ROOT (e.g.
# "/protected-media/"): the app then only decides, and nginx sends the file. Browsers and shared caches may
# keep a public file MEDIA_CACHE_SECONDS, which bounds how long a withdrawn item's files stay in them.
MEDIA_X_ACCEL_PREFIX = env("MEDIA_X_ACCEL_PREFIX", "")
MEDIA_CACHE_SECONDS = int(env("MEDIA_CACHE_SECONDS", "3600"))

# Work that must not run inside a request (importing uploaded documents) is queued in the database and run by
# `manage.py db_worker` (README, "Workers"); `make run` starts one beside the development server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Upload limits, checked in gallery/processing/ before anything is decoded or stored.
GALLERY_MAX_IMAGE_BYTES = int(env("GALLERY_MAX_IMAGE_BYTES", str(30 * 1024 * 1024)))
GALLERY_MAX_IMAGE_PIXELS = int(env("GALLERY_MAX_IMAGE_PIXELS", str(50_000_000)))
# At most this many pixels are decoded at once (4 bytes each): larger JPEGs are decoded and kept at 1/2, 1/4
# or 1/8 scale, larger PNGs and WebPs refused. 25 megapixels keep a 6000 × 4000 photograph whole.
GALLERY_MAX_DECODED_PIXELS = int(env("GALLERY_MAX_DECODED_PIXELS", str(25_000_000)))
GALLERY_MAX_DOCUMENT_BYTES = int(env("GALLERY_MAX_DOCUMENT_BYTES", str(20 * 1024 * 1024)))

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# Django's JSON format, reading backups that name models by the apps they were in before (importing/backup_format.py).
SERIALIZATION_MODULES = {"json": "importing.backup_format"}

# Local memory by default (one process); production sets REDIS_URL or CACHE_URL so that every app
# server shares one cache.
CACHES = {"default": cache_from_url(env("CACHE_URL") or "locmem://archive")}

# Public pages cached by website.page_cache; 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
# Each process keeps its last pages too, served only while still current: saves carrying them from Redis.
PAGE_CACHE_LOCAL_ENTRIES = int(env("PAGE_CACHE_LOCAL_ENTRIES", "500"))
# While one request makes a stale page again, the others get the previous copy (never after a withdrawal)
# or wait for it, for at most this long.
PAGE_CACHE_RENDER_SECONDS = int(env("PAGE_CACHE_RENDER_SECONDS", "5"))
# Aggregates derived from all public content (filter choices, directory and sitemap counts, the timeline's
# years, the figure summaries), kept per content generation like the pages, so they are worked out once
# after each change rather than on every request; 0 turns it off.
DERIVED_CACHE_SECONDS = int(env("DERIVED_CACHE_SECONDS", "3600"))
# A save or delete of a model in these apps makes stale the cached pages that show it or read its kind
# (publishing/dependencies.py). They are the content apps, so
# `check` also demands a guarded admin and an exposure rule for each of their models (publishing/checks.py).
PAGE_CACHE_INVALIDATING_APPS = ["archive", "events", "gallery"]

# Admin login (loginguard): this many failed attempts for one address and user name within the window
# refuse further attempts with 429 until they leave it; the per-address limit covers many user names.
# A browser the account has logged in from is counted alone, so strangers cannot lock its user out.
LOGIN_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(env("LOGIN_FAILURE_LIMIT_PER_ADDRESS", "30"))
LOGIN_FAILURE_WINDOW_SECONDS = int(env("LOGIN_FAILURE_WINDOW_SECONDS", "900"))
LOGIN_DEVICE_COOKIE_NAME = "admin_device"
LOGIN_DEVICE_COOKIE_AGE = 180 * 24 * 60 * 60
# How many reverse proxies append to X-Forwarded-For in front of the app; 0 trusts REMOTE_ADDR only.
# Production defaults to 1 (the README's proxy); `check --deploy` warns when either choice is unsafe.
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "0"))
# User names are read as the login limit counts them (Unicode NFKC, no surrounding whitespace).
AUTHENTICATION_BACKENDS = ["loginguard.backends.NormalizedUsernameBackend"]

# No inline scripts or styles anywhere: templates link files under /static/.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
# The language cookie (set by /i18n/setlang/) is read only by the server and sent only from this site.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# One JSON object per line on stdout, for whatever collects the app servers' output.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "config.log_format.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO").upper(), "propagate": False},
    },
}

# The API (opendata/): read-only, anonymous, JSON only; its schema by drf-spectacular.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "opendata.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Commemoration Archive API",
    "DESCRIPTION": (
        "The archive's public records, read-only: occasions, events, articles (with the verbatim original), people, "
        "venues, organizations, kinds of figure and reported figures. Every translated text is given in English and "
        "Russian, with the languages not yet translated listed; dates with their precision and basis."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The filters the schema cannot type by itself are described in opendata/views.py; no noise at start-up.
    "DISABLE_ERRORS_AND_WARNINGS": True,
    # Its `check --deploy` warning repeats that one of those filters has no type of its own (it is given one);
    # the schema itself is tested against the API in the suite (tests/opendata/test_schemathesis.py).
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
    "ENUM_NAME_OVERRIDES": {"LanguageEnum": "archive.models.Language"},
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "opendata.schema.add_common_responses"],
}
# Requests per client address (the login limit's reading of it) in each window; 0 turns the throttle off.
API_THROTTLE_REQUESTS = int(env("API_THROTTLE_REQUESTS", "300"))
API_THROTTLE_WINDOW_SECONDS = int(env("API_THROTTLE_WINDOW_SECONDS", "60"))

# The public site: how many rows a list page shows, and how many search results at most.
PUBLIC_PAGE_SIZE = 20
# Related lists on a detail page (an outlet's articles, a venue's events) show the latest this many and
# link to the filtered list for the rest.
RELATED_LIST_LIMIT = 20
TIMELINE_PAGE_SIZE = 50
# Of each kind of record, at most this many matches are ranked (of articles and events, the newest);
# the page says when more matched. 50 keeps a word found in every title under 50 ms at 100,000 articles.
SEARCH_RESULT_LIMIT = 50
