"""Schemathesis against the OpenAPI schema: generated requests (few per operation, to stay fast) never
make a server error, and every answer has a documented status, content type and shape."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from kroniek.web import create_app  # noqa: E402

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


PHASES = {"phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}}}
"""Generated examples only: the coverage phase's hundreds of boundary cases take too long for CI."""


@pytest.fixture(scope="module")
def api_schema(store_path):
    config = schemathesis.config.SchemathesisConfig.from_dict(PHASES)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(store_path), config=config)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_api_answers_as_its_schema_says(case):
    case.call_and_validate(checks=CHECKS)
