"""How the API answers over HTTP: conditional GET from the content generation, caching headers, CORS for reading,
and the per-address throttle, which reads addresses as the login limit does and never needs the cache."""

import pytest

from tests.factories import make_event
from tests.redis_faults import closed_port, redis_cache_settings

pytestmark = pytest.mark.django_db

LIST = "/api/v1/events/"


def test_an_unchanged_list_is_answered_304_by_etag_and_by_date_and_a_change_gives_a_new_etag(client):
    event = make_event()
    first = client.get(LIST)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert first["Cache-Control"] == "public, no-cache"
    again = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == first["ETag"]
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    event.title_en = "Renamed"
    event.save()
    changed = client.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "Renamed" in changed.content.decode()
    assert client.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 200


def test_a_304_needs_no_database_work(client, django_assert_num_queries):
    make_event()
    etag = client.get(LIST)["ETag"]
    with django_assert_num_queries(0):
        assert client.get(LIST, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_each_address_has_its_own_etag_and_a_page_cache_hit_is_answered_304_too(client):
    make_event()
    assert client.get(LIST)["ETag"] != client.get(LIST + "?year=2025")["ETag"]
    stored = client.get(LIST + "?year=2025")
    assert stored["X-Page-Cache"] == "hit"  # the page cache answered; the ETag is the same
    assert client.get(LIST + "?year=2025", HTTP_IF_NONE_MATCH=stored["ETag"]).status_code == 304


def test_errors_carry_no_validators(client):
    response = client.get("/api/v1/events/no-such-event/")
    assert response.status_code == 404 and "ETag" not in response and response["Cache-Control"] == "no-cache"


def test_without_the_cache_the_api_answers_live_without_validators(client, settings):
    settings.CACHES = redis_cache_settings(closed_port())
    make_event(slug="still-served")
    response = client.get(LIST)
    assert response.status_code == 200 and "still-served" in response.content.decode()
    assert "ETag" not in response and response["Cache-Control"] == "no-cache"


def test_any_origin_may_read_the_api_and_a_preflight_is_answered(client):
    response = client.get(LIST, HTTP_ORIGIN="https://elsewhere.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert client.head(LIST)["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(LIST, HTTP_ORIGIN="https://elsewhere.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_cors_is_only_for_reading_the_api(client):
    assert "Access-Control-Allow-Origin" not in client.post(LIST)
    assert "Access-Control-Allow-Origin" not in client.get("/en/events/")
    assert "Access-Control-Allow-Origin" not in client.options("/en/events/")


@pytest.fixture
def small_limit(settings):
    settings.API_THROTTLE_REQUESTS = 3
    settings.API_THROTTLE_WINDOW_SECONDS = 60


def test_past_the_limit_an_address_gets_429_with_retry_after_and_others_are_still_served(client, small_limit):
    for _ in range(3):
        assert client.get(LIST, REMOTE_ADDR="198.51.100.7").status_code == 200
    refused = client.get(LIST, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*" and refused.json()["detail"]
    assert client.get(LIST, REMOTE_ADDR="198.51.100.8").status_code == 200
    # Pages are not the API's: the throttle does not touch them.
    assert client.get("/en/events/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_a_forwarded_for_header_cannot_choose_the_address_without_a_trusted_proxy(client, small_limit, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        client.get(LIST, REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


def test_behind_the_trusted_proxy_a_visitor_is_counted_by_the_address_the_proxy_appended(client, small_limit, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for _ in range(3):
        # Whatever a visitor writes in front, the proxy's appended address is the one counted.
        client.get(LIST, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20")
    assert client.get(LIST, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="5.6.7.8, 198.51.100.20").status_code == 429
    assert client.get(LIST, REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.21").status_code == 200


def test_with_the_cache_down_the_throttle_lets_requests_through(client, small_limit, settings):
    settings.CACHES = redis_cache_settings(closed_port())
    assert all(client.get(LIST).status_code == 200 for _ in range(5))
