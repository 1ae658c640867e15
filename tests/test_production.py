"""Production settings: refused without each required variable, clean `check --deploy`, secure headers and cookies."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

COMPLETE_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x7$Vq!mZ2pL9#rT4wY8uK1cN6bH3jF5dG0sA-eQ+oI*vX&nM-not-a-real-secret",
    "ALLOWED_HOSTS": "archive.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
REQUIRED = {
    "SECRET_KEY": "SECRET_KEY",
    "ALLOWED_HOSTS": "ALLOWED_HOSTS",
    "DATABASE_URL": "DATABASE_URL",
    "REDIS_URL": "REDIS_URL (or CACHE_URL)",
}


def run_python(code, environment):
    """Python in a fresh process with only the given environment (plus PATH), in the project directory."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("variable", REQUIRED)
def test_production_settings_refuse_to_start_naming_the_missing_variable(variable):
    environment = {name: value for name, value in COMPLETE_ENVIRONMENT.items() if name != variable}
    result = run_python("import django; django.setup()", environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"The environment variable {REQUIRED[variable]} is required" in result.stderr


def test_production_settings_accept_cache_url_instead_of_redis_url():
    environment = {name: value for name, value in COMPLETE_ENVIRONMENT.items() if name != "REDIS_URL"}
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    )
    result = run_python(code, {**environment, "CACHE_URL": "rediss://cache.internal:6380/1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "config.redis_cache.ResilientRedisCache"


def test_production_settings_start_with_every_required_variable():
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    )
    result = run_python(code, COMPLETE_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False ['archive.example.org']"


def test_check_deploy_reports_nothing_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **COMPLETE_ENVIRONMENT},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert result.stderr == ""


def test_production_responses_carry_hsts_csp_and_cookies_are_secure():
    """A request through the whole production stack to the health endpoint, on a throwaway SQLite."""
    code = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="archive.example.org")
plain = client.get("/en/")
response = client.get("/healthz", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location"),
    "status": response.status_code,
    "hsts": response.get("Strict-Transport-Security"),
    "csp": response.get("Content-Security-Policy"),
    "referrer": response.get("Referrer-Policy"),
    "nosniff": response.get("X-Content-Type-Options"),
    "cookies": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY],
}))
"""
    result = run_python(code, {**COMPLETE_ENVIRONMENT, "REDIS_URL": "locmem://production-test"})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["plain_status"] == 301
    assert seen["plain_location"] == "https://archive.example.org/en/"
    assert seen["status"] == 200
    assert seen["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in seen["csp"]
    assert seen["referrer"] == "same-origin"
    assert seen["nosniff"] == "nosniff"
    assert seen["cookies"] == [True, True, True]


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit_and_other_databases_get_no_such_option():
    from django.db import connection

    from config.settings.base import database_from_url

    assert database_from_url("postgres://u@127.0.0.1:5432/db")["OPTIONS"]["options"] == "-c jit=off"
    assert "OPTIONS" not in database_from_url("sqlite:///archive.sqlite3")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"


def test_the_redis_cache_reuses_one_client_and_stores_values_in_the_real_redis():
    import secrets

    from config.redis_cache import ResilientRedisCache

    redis_cache = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": f"test-{secrets.token_hex(4)}"})
    try:
        redis_cache.set("page", ("token", 200, [("Content-Type", "text/html")], b"<p>x</p>"), 30)
        assert redis_cache.get_many(["page", "absent"]) == {
            "page": ("token", 200, [("Content-Type", "text/html")], b"<p>x</p>")
        }
        assert redis_cache._cache.get_client() is redis_cache._cache.get_client(write=True)
    finally:
        redis_cache.delete("page")
    assert redis_cache.get("page") is None


def test_production_language_cookie_is_secure_http_only_and_same_site():
    code = """
import json, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="archive.example.org")
response = client.post("/i18n/setlang/", {"language": "ru", "next": "/ru/"}, secure=True)
cookie = response.cookies["django_language"]
print(json.dumps({"status": response.status_code, "value": cookie.value, "secure": cookie["secure"],
                  "httponly": cookie["httponly"], "samesite": cookie["samesite"]}))
"""
    result = run_python(code, {**COMPLETE_ENVIRONMENT, "REDIS_URL": "locmem://production-test"})
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen == {"status": 302, "value": "ru", "secure": True, "httponly": True, "samesite": "Lax"}
