"""With PostgreSQL unreachable the site answers a clean 503 page (and /healthz 503) rather than a 500."""

import json

from tests.redis_faults import SilentListener, closed_port
from tests.test_production import run_python

VISIT = """
import json, django, time
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
seen = {}
for path in ("/en/", "/en/articles/", "/en/admin/login/", "/healthz"):
    started = time.monotonic()
    response = client.get(path)
    seen[path] = {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "body": response.content.decode(),
        "seconds": time.monotonic() - started,
    }
print(json.dumps(seen))
"""


def visit_with_database_at(port):
    """Each page's answer in a fresh process whose DATABASE_URL points at 127.0.0.1:port."""
    environment = {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/archive",
        "DATABASE_CONNECT_TIMEOUT": "2",
        "LOG_LEVEL": "CRITICAL",
    }
    result = run_python(VISIT, environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_postgresql_down_every_page_answers_a_clean_503_and_health_says_unavailable():
    seen = visit_with_database_at(closed_port())
    for path in ("/en/", "/en/articles/", "/en/admin/login/"):
        assert seen[path]["status"] == 503, path
        assert seen[path]["retry_after"], path
        assert "Something went wrong" in seen[path]["body"] and "Traceback" not in seen[path]["body"], path
    assert seen["/healthz"]["status"] == 503
    assert json.loads(seen["/healthz"]["body"])["database"] == "unreachable"


def test_with_postgresql_hung_requests_give_up_after_the_connect_timeout():
    listener = SilentListener()
    try:
        seen = visit_with_database_at(listener.port)
    finally:
        listener.close()
    assert seen["/healthz"]["status"] == 503
    assert seen["/en/"]["status"] == 503
    assert all(answer["seconds"] < 5 for answer in seen.values())
