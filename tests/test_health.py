"""The health endpoint answers 200 while the database does and 503 when it does not."""

import pytest
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


def test_health_endpoint_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_endpoint_reports_503_when_the_database_is_down(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}


def test_health_endpoint_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
