"""The health endpoint answers 200 while the database does (saying "degraded" when the cache does not) and 503
when the database does not."""

import pytest
from django.db import OperationalError, connections

from tests.redis_faults import closed_port, delete_keys, redis_cache_settings

pytestmark = pytest.mark.django_db


def test_health_endpoint_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_endpoint_reports_ok_when_the_real_redis_answers(client, settings):
    settings.CACHES = redis_cache_settings(6379)
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok", "database": "ok", "cache": "ok"})
    delete_keys(settings.CACHES)


def test_health_endpoint_reports_degraded_but_keeps_taking_traffic_when_redis_is_unreachable(client, settings):
    settings.CACHES = redis_cache_settings(closed_port())
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def test_health_endpoint_reports_503_when_the_database_is_down(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable", "cache": "ok"}


def test_health_endpoint_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
