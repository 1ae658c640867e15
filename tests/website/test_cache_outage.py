"""The cache is an accelerator, not a dependency: with Redis refusing connections, hung, or cut off and back,
public pages, the admin and its login keep working, no page is ever served stale, and /healthz says
"degraded" while still taking traffic. Everything runs against real sockets and the real Redis."""

import logging
import time

import pytest
from django.test import Client

from tests.factories import make_article, make_user
from tests.redis_faults import RedisLine, SilentListener, closed_port, delete_keys, redis_cache_settings

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/en/", "/ru/", "/en/articles/", "/en/events/", "/en/timeline/", "/en/search/?q=wreath", "/sitemap.xml"]
DEGRADED = {"status": "degraded", "database": "ok", "cache": "unreachable"}


@pytest.fixture
def refused_redis(settings):
    """The production cache backend pointed at a port where nothing listens."""
    settings.CACHES = redis_cache_settings(closed_port())


@pytest.fixture
def hung_redis(settings):
    """The production cache backend pointed at a listener that accepts and never answers."""
    listener = SilentListener()
    settings.CACHES = redis_cache_settings(listener.port, retry_after=30)  # longer than any test takes
    yield listener
    listener.close()


@pytest.fixture
def redis_line(settings):
    """The production cache backend talking to the real Redis through a line the test can cut."""
    line = RedisLine()
    settings.CACHES = redis_cache_settings(line.port, retry_after=0.2)
    yield line
    line.close()
    delete_keys(settings.CACHES)


def assert_the_site_works_without_its_cache():
    article = make_article(title_en="Wreath laid at the memorial")
    visitor = Client()
    for path in [*PUBLIC_PAGES, f"/en/articles/{article.slug}/"]:
        for _ in range(2):
            response = visitor.get(path)
            assert response.status_code == 200, path
            assert response.get("X-Page-Cache") is None, path  # made live, neither served from nor kept in it
    assert "Wreath laid at the memorial" in visitor.get(f"/en/articles/{article.slug}/").content.decode()

    make_user(username="editor")
    editor = Client()
    assert editor.get("/en/admin/login/").status_code == 200
    wrong = editor.post("/en/admin/login/", {"username": "editor", "password": "wrong"})
    assert wrong.status_code == 200 and "correct username and password" in wrong.content.decode()
    signed_in = editor.post(
        "/en/admin/login/", {"username": "editor", "password": "pw-for-tests-only", "next": "/en/admin/"}
    )
    assert (signed_in.status_code, signed_in["Location"]) == (302, "/en/admin/")
    assert editor.get("/en/admin/").status_code == 200

    health = Client().get("/healthz")
    assert (health.status_code, health.json()) == (200, DEGRADED)


def test_with_redis_refusing_connections_pages_the_admin_and_its_login_work_and_health_says_degraded(
    refused_redis,
):
    assert_the_site_works_without_its_cache()


def test_with_a_redis_that_never_answers_every_request_finishes_quickly(hung_redis):
    started = time.monotonic()
    first = Client().get("/en/articles/")
    assert first.status_code == 200
    assert time.monotonic() - started < 1.5  # one short timeout (0.25 s), not redis-py's default wait
    assert hung_redis.connections == 1
    assert_the_site_works_without_its_cache()
    # Some forty requests more, and none of them waited on Redis again: it is left alone after a failure.
    assert hung_redis.connections == 1


def test_an_unreachable_redis_is_logged_once_rather_than_on_every_request(settings, caplog):
    settings.CACHES = redis_cache_settings(closed_port(), retry_after=0)  # every call really tries
    make_article()
    with caplog.at_level(logging.WARNING, logger="config.redis_cache"):
        for _ in range(20):
            assert Client().get("/en/articles/").status_code == 200
    warnings = [record for record in caplog.records if record.name == "config.redis_cache"]
    assert len(warnings) == 1
    assert "cache unreachable" in warnings[0].getMessage()


def test_a_change_saved_while_redis_is_cut_off_is_never_served_stale_once_it_answers_again(redis_line):
    article = make_article(title_en="Before the correction")
    path = f"/en/articles/{article.slug}/"
    assert Client().get(path)["X-Page-Cache"] == "miss"
    assert Client().get(path)["X-Page-Cache"] == "hit"

    redis_line.cut()
    article.title_en = "After the correction"
    article.save()  # its invalidation cannot reach Redis
    during = Client().get(path)
    assert during.get("X-Page-Cache") is None
    assert "After the correction" in during.content.decode()
    assert Client().get("/healthz").json() == DEGRADED

    redis_line.restore()
    time.sleep(0.3)  # the backend leaves Redis alone for retry_after (0.2 s) after a failure
    after = Client().get(path)
    assert "After the correction" in after.content.decode()
    assert "Before the correction" not in after.content.decode()
    assert after["X-Page-Cache"] == "miss"
    assert Client().get(path)["X-Page-Cache"] == "hit"
    assert Client().get("/healthz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_a_page_served_from_the_real_redis_costs_one_round_trip(redis_line, monkeypatch):
    import redis

    article = make_article()
    Client().get(f"/en/articles/{article.slug}/")
    commands = []
    execute = redis.Redis.execute_command

    def counted(client, *args, **options):
        commands.append(args[0])
        return execute(client, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    assert Client().get(f"/en/articles/{article.slug}/")["X-Page-Cache"] == "hit"
    assert commands == ["MGET"]  # the generation and the versions of what the page shows, together
    made_up_session = Client()
    made_up_session.cookies["sessionid"] = "made-up-session-key-000000000000"
    assert made_up_session.get(f"/en/articles/{article.slug}/?utm_source=x")["X-Page-Cache"] == "hit"
    assert commands == ["MGET", "MGET"]


def test_a_process_that_exits_owing_redis_a_delete_says_so_in_the_log():
    from tests.test_production import run_python

    code = "import django; django.setup(); from django.core.cache import cache; cache.delete('page-cache:generation')"
    environment = {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "CACHE_URL": f"redis://127.0.0.1:{closed_port()}/13",
    }
    result = run_python(code, environment)
    assert result.returncode == 0, result.stderr
    errors = [line for line in result.stdout.splitlines() if '"level": "ERROR"' in line]
    assert len(errors) == 1 and "exiting with deletes Redis never received" in errors[0]
