"""Schemathesis against the API's own OpenAPI document, in-process: every operation in the
document (new ones join by themselves), with a read token and with a read-write token, over the
demo data, with valid input and with input that breaks the document. No answer may be a server
error, and every answer with a documented status must match its schema (problem+json for errors).

Kept quick, as it runs on both databases in CI: EXAMPLES cases per operation and token with valid
input, half as many with invalid input (set SCHEMATHESIS_EXAMPLES for a longer search). Ids in
paths are replaced by a real demo record's id in half the cases, so that whole records are
checked, not only 404s.

(Schemathesis' own pytest plugin cannot run under pytest 9 — its lazy loader reads a node
attribute pytest no longer has — so each operation is driven through `as_strategy` here.)
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.access.lookup import Demo, demo_token
from tracker.extensions import db, limiter

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "6"))
# Input that breaks the document is mostly refused at once (422): fewer cases find as much.
EXAMPLES_BY_MODE = {GenerationMode.POSITIVE: EXAMPLES, GenerationMode.NEGATIVE: max(2, EXAMPLES // 2)}
CHECKS = [not_a_server_error, response_schema_conformance]
# A real record for each kind of id a path takes (others stay as generated).
KNOWN_IDS = {
    "meeting_id": lambda d: d.com_meeting(),
    "action_id": lambda d: d.action(),
    "plan_id": lambda d: d.plan(),
    "priority_id": lambda d: d.priority(),
    "indicator_id": lambda d: d.indicator(),
}


@pytest.fixture
def api_schema(app, own_demo, monkeypatch):
    """The document as the app serves it, calling the app in-process."""
    # Schemathesis sends more requests a minute than a person's script would.
    monkeypatch.setitem(app.config, "API_RATE_LIMIT", "1000000 per minute")

    def each_request_on_its_own(environ, start_response):
        # As on a real server: a fresh app context (and database session) for every request.
        with app.app_context():
            return list(app(environ, start_response))

    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", each_request_on_its_own)


def with_known_ids(case) -> None:
    for name, find in KNOWN_IDS.items():
        value = (case.path_parameters or {}).get(name)
        if isinstance(value, int) and value % 2 == 0:
            case.path_parameters[name] = find(Demo())


def run_every_operation(api_schema, role: str, scope: str) -> None:
    headers = {"Authorization": f"Bearer {demo_token(role, scope)}"}
    db.session.commit()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 2
    for operation in operations:
        for mode, examples in EXAMPLES_BY_MODE.items():

            @settings(max_examples=examples, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def call(case):
                limiter.reset()
                with_known_ids(case)
                db.session.remove()  # the requests see what is committed, not this session
                case.call_and_validate(headers={**(case.headers or {}), **headers}, checks=CHECKS)

            call()


@pytest.mark.read_only_demo  # on its own demo data (own_demo); writes are fine here
def test_every_operation_with_a_read_token(api_schema):
    run_every_operation(api_schema, "admin", "read")


@pytest.mark.read_only_demo
def test_every_operation_with_a_read_write_token(api_schema):
    run_every_operation(api_schema, "secretariat", "write")

