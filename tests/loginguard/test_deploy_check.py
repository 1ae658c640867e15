"""`check --deploy` warns when the proxy setting lets visitors choose the address the login limit sees."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command

from tests.test_production import COMPLETE_ENVIRONMENT, ROOT

PUBLIC_BINDS = ["0.0.0.0:8000", "[::]:8000", ":8000", "203.0.113.5:8000", "[2001:db8::5]:8000"]
PROXY_ONLY_BINDS = ["127.0.0.1:8000", "[::1]:8000", "localhost:8000", "10.0.0.5:8000", "unix:/run/archive.sock"]


def deploy_check_output():
    """Everything `check --deploy` reports; errors from elsewhere (the browser tests' async flag) must not raise."""
    out = io.StringIO()
    call_command("check", "--deploy", "--fail-level", "CRITICAL", stdout=out, stderr=out)
    return out.getvalue()


@pytest.mark.parametrize("bind", PUBLIC_BINDS)
def test_deploy_check_warns_when_the_app_trusts_x_forwarded_for_on_a_public_address(bind, monkeypatch, settings):
    monkeypatch.setenv("GUNICORN_BIND", bind)
    settings.TRUSTED_PROXY_COUNT = 1
    output = deploy_check_output()
    assert "loginguard.W001" in output
    assert bind in output


@pytest.mark.parametrize("bind", PROXY_ONLY_BINDS)
def test_deploy_check_accepts_trusted_proxies_when_only_the_proxy_can_reach_the_app(bind, monkeypatch, settings):
    monkeypatch.setenv("GUNICORN_BIND", bind)
    settings.TRUSTED_PROXY_COUNT = 1
    assert "loginguard." not in deploy_check_output()


def test_deploy_check_accepts_a_public_address_when_x_forwarded_for_is_ignored(monkeypatch, settings):
    monkeypatch.setenv("GUNICORN_BIND", "0.0.0.0:8000")
    settings.TRUSTED_PROXY_COUNT = 0
    assert "loginguard.W001" not in deploy_check_output()


def test_deploy_check_warns_when_behind_a_proxy_every_visitor_would_share_its_address(monkeypatch, settings):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.TRUSTED_PROXY_COUNT = 0
    output = deploy_check_output()
    assert "loginguard.W002" in output
    assert "TRUSTED_PROXY_COUNT" in output


def test_production_deploy_check_warns_about_the_old_readme_command_binding_every_interface():
    """The README used to start gunicorn on 0.0.0.0: with production's one trusted proxy that is a warning."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **COMPLETE_ENVIRONMENT, "GUNICORN_BIND": "0.0.0.0:8000"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "loginguard.W001" in result.stderr
