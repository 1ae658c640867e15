"""The API keeps the promise of its OpenAPI schema: schemathesis (pinned in requirements-dev.txt) generates requests
for every endpoint and parameter from /api/v1/openapi.json and checks every answer: no server error, only the
documented status codes and content types, and every body valid against the schema. Bounded: a few examples per
endpoint, over the fixture archive, so the run takes seconds."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def connection_kept_between_requests():
    """Requests through the WSGI application close the database connection when they end, which on PostgreSQL
    would end the test's transaction; Django's test client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_endpoint_and_parameter_keeps_to_the_schema(archive, connection_kept_between_requests):
    # The schema as the API serves it, with the API itself to call (in this process, on the test database).
    # One test over every operation: the plugin's per-operation tests would load the archive once each.
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 16
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=8, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def keeps_to_the_schema(case):
            case.call_and_validate(checks=CHECKS)

        keeps_to_the_schema()
