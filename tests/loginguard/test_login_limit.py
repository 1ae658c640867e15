"""The admin login limit: slows down guessing without letting anyone lock a user out of their own browser."""

import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import F
from django.test import Client

from loginguard.models import LoginAttempt

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/en/admin/login/"
LOGOUT = "/en/admin/logout/"
# Behind one proxy without TRUSTED_PROXY_COUNT every visitor arrives from the proxy's address.
SHARED_ADDRESS = "203.0.113.7"
EXPIRED = datetime.timedelta(seconds=django_settings.LOGIN_FAILURE_WINDOW_SECONDS + 1)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "editor@example.org", "right-password", is_staff=True)


def attempt(client, username, password, address=SHARED_ADDRESS):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def known_browser():
    """A browser the editor has logged in from once and logged out of again: it keeps its device cookie."""
    browser = Client()
    assert attempt(browser, "editor", "right-password").status_code == 302
    assert browser.post(LOGOUT).status_code == 200
    assert "_auth_user_id" not in browser.session
    return browser


def lock_out(username, address=SHARED_ADDRESS):
    """A stranger's browser guesses until the limit refuses it."""
    stranger = Client()
    for _ in range(django_settings.LOGIN_FAILURE_LIMIT):
        assert attempt(stranger, username, "guess", address).status_code == 200
    assert attempt(stranger, username, "guess", address).status_code == 429
    return stranger


def test_strangers_cannot_lock_the_editor_out_of_a_browser_the_editor_has_logged_in_from(editor):
    browser = known_browser()
    stranger = lock_out("editor")
    assert attempt(stranger, "editor", "right-password").status_code == 429
    assert attempt(browser, "editor", "right-password").status_code == 302
    assert browser.session["_auth_user_id"] == str(editor.pk)


def test_a_known_browser_logs_in_while_its_address_is_refused_for_trying_many_user_names(editor, settings):
    settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS = 3
    browser = known_browser()
    stranger = Client()
    for n in range(3):
        assert attempt(stranger, f"user-{n}", "guess").status_code == 200
    assert attempt(stranger, "editor", "right-password").status_code == 429
    assert attempt(browser, "editor", "right-password").status_code == 302


def test_retry_after_says_when_the_oldest_counted_failure_leaves_the_window(editor, client):
    for _ in range(5):
        attempt(client, "editor", "guess")
    LoginAttempt.objects.update(attempted_at=F("attempted_at") - datetime.timedelta(seconds=600))
    refused = attempt(client, "editor", "guess")
    assert refused.status_code == 429
    assert 290 <= int(refused["Retry-After"]) <= 300
    assert "Wait 5 min." in refused.content.decode()


def test_a_known_browser_is_refused_after_five_wrong_passwords_of_its_own(editor):
    browser = known_browser()
    for _ in range(5):
        assert attempt(browser, "editor", "guess").status_code == 200
    assert attempt(browser, "editor", "right-password").status_code == 429


def test_a_device_cookie_exempts_only_the_account_it_was_issued_for(editor, django_user_model):
    django_user_model.objects.create_user("author", "author@example.org", "author-password", is_staff=True)
    browser = known_browser()
    lock_out("author")
    assert attempt(browser, "author", "author-password").status_code == 429


def test_a_forged_device_cookie_exempts_nobody(editor):
    browser = known_browser()
    name = django_settings.LOGIN_DEVICE_COOKIE_NAME
    browser.cookies[name] = browser.cookies[name].value[:-1] + ("A" if browser.cookies[name].value[-1] != "A" else "B")
    lock_out("editor")
    assert attempt(browser, "editor", "right-password").status_code == 429


def test_the_device_cookie_is_http_only_same_site_and_outlives_the_session(editor, client, settings):
    settings.SESSION_COOKIE_SECURE = True
    response = attempt(client, "editor", "right-password")
    assert response.status_code == 302
    cookie = response.cookies[settings.LOGIN_DEVICE_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == settings.LOGIN_DEVICE_COOKIE_AGE > settings.SESSION_COOKIE_AGE


def test_user_names_differing_in_whitespace_or_width_count_as_one_account(editor, client):
    for variant in ["editor", " editor", "ｅｄｉｔｏｒ", "editor\t", "\u3000editor"]:
        assert attempt(client, variant, "guess").status_code == 200
    assert attempt(client, "ｅｄｉｔｏｒ ", "right-password").status_code == 429
    assert attempt(client, " editor", "guess").status_code == 429


def test_authentication_reads_the_user_name_as_the_limit_counts_it(editor):
    assert authenticate(username=" ｅｄｉｔｏｒ\u3000", password="right-password") == editor


@pytest.mark.parametrize(
    "cache",
    [
        # Redis down: nothing listens on port 1, so every cache call fails.
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/10"},
        # A cache that swallows its errors stores nothing: counting there would silently stop.
        {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    ],
    ids=["redis-unreachable", "cache-discarding-writes"],
)
def test_the_login_limit_holds_whether_or_not_the_cache_works(editor, client, settings, cache):
    settings.CACHES = {"default": cache}
    for _ in range(5):
        assert attempt(client, "editor", "guess").status_code == 200
    assert attempt(client, "editor", "right-password").status_code == 429


def test_failures_older_than_the_window_no_longer_count(editor, client):
    for _ in range(5):
        attempt(client, "editor", "guess")
    assert attempt(client, "editor", "guess").status_code == 429
    LoginAttempt.objects.update(attempted_at=F("attempted_at") - EXPIRED)
    assert attempt(client, "editor", "right-password").status_code == 302


def test_prune_login_attempts_deletes_the_rows_that_no_longer_count(editor, client):
    for _ in range(3):
        attempt(client, "editor", "guess")
    LoginAttempt.objects.filter(pk__in=LoginAttempt.objects.order_by("pk")[:2].values("pk")).update(
        attempted_at=F("attempted_at") - EXPIRED
    )
    out = io.StringIO()
    call_command("prune_login_attempts", stdout=out)
    assert LoginAttempt.objects.count() == 1
    assert "Deleted 2 expired login attempts" in out.getvalue()


def test_an_attempt_prunes_expired_rows_as_it_is_counted(editor, client):
    for _ in range(3):
        attempt(client, "editor", "guess", address="198.51.100.9")
    LoginAttempt.objects.update(attempted_at=F("attempted_at") - EXPIRED)
    attempt(client, "editor", "guess")
    assert LoginAttempt.objects.count() == 1


def test_login_is_refused_with_503_and_logged_when_the_database_is_unreachable():
    """In a fresh process whose database is a closed port: the limit cannot count, so it refuses logins."""
    code = """
import django
django.setup()
from django.test import Client

from loginguard.models import LoginAttempt
response = Client().post("/en/admin/login/", {"username": "editor", "password": "guess"})
print("STATUS", response.status_code, response.content.decode())
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nothing",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("STATUS 503 Logging in is unavailable for the moment"), result.stdout
    logged = [json.loads(line) for line in lines if line.startswith("{")]
    assert any(entry["level"] == "ERROR" and entry["logger"] == "loginguard" for entry in logged), result.stdout
