"""Property-based requests generated from our own OpenAPI document: no input is a server error,
and every answer has a status, type and shape the document lists.

The document is loaded through the WSGI application, and requests go through it too, in the
test's transaction, so the published directory below is what they see. Nothing uses the network.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from providers.pathways import taxonomy_id, term_id

pytestmark = pytest.mark.django_db


def real_ids(directory) -> dict[str, str]:
    return {
        "/services/{id}": str(directory.housing.id),
        "/organizations/{id}": str(directory.provider.uuid),
        "/taxonomies/{id}": str(taxonomy_id()),
        "/taxonomy_terms/{id}": str(term_id("accommodation")),
        "/service_at_locations/{id}": str(directory.housing_here.id),
    }


@pytest.fixture
def hypothesis_home(tmp_path):
    """Keep Hypothesis's cache files out of the working tree."""
    set_hypothesis_home_dir(tmp_path / "hypothesis")
    yield
    set_hypothesis_home_dir(None)


@pytest.fixture
def keep_test_connection():
    """Requests through the bare WSGI app would close the test's database connection (it is
    inside the test's transaction) when they finish; Django's own test client disconnects
    these handlers in the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_generated_requests_never_cause_a_server_error(
    directory, hypothesis_home, keep_test_connection
):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.path for operation in operations} >= {"/", "/services", "/services/{id}"}
    ids = real_ids(directory)
    seen_statuses = set()

    for operation in operations:
        strategies = [
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        ]
        if operation.path in ids:
            strategies.append(operation.as_strategy(path_parameters={"id": ids[operation.path]}))

        @given(case=st.one_of(strategies))
        @settings(
            max_examples=20,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            # No server error, and every answer is one the document lists, in its shape.
            # Asked uncompressed: the in-process WSGI call does not undo the gzip that public
            # GETs get (config/compression.py), which a real client undoes itself.
            response = case.call_and_validate(
                headers={"Accept-Encoding": "identity"},
                checks=[
                    not_a_server_error,
                    status_code_conformance,
                    content_type_conformance,
                    response_schema_conformance,
                ],
            )
            seen_statuses.add(response.status_code)

        check()

    # The run reached real records and refused bad input, not just 404s.
    assert {200, 400, 404} <= seen_statuses
