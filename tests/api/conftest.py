"""Fixtures for the API's tests: a client with no cookies, and tokens for each role and scope.

    def test_something(api_client, api_token):
        headers = api_token("lead", "write")          # {"Authorization": "Bearer wyt_..."}
        response = api_client.get("/api/v1/meetings", headers=headers)

`api_token` issues a token through the same service as the web page and the CLI
(tracker.auth.tokens.issue), for the `users` fixture's user of that role.
"""

import pytest

from tracker.auth import tokens


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def api_client(app):
    """A client that sends no cookie: each request stands alone, as a script's would."""
    return app.test_client(use_cookies=False)


@pytest.fixture
def api_token(users):
    """`api_token(role, scope="read")` → the headers that carry a new token of that role's user."""

    def make(role: str, scope: str = "read", **options) -> dict[str, str]:
        _, secret = tokens.issue(users[role], name=f"{role} {scope}", scope=scope, **options)
        return bearer(secret)

    return make
