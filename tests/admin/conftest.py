"""Fixtures for the administration tests: a signed-in administrator and another browser."""

import pytest


@pytest.fixture
def browser(app):
    """Another person's browser: its own cookies, its own requests."""
    return app.test_client


@pytest.fixture
def admin(login_as):
    """The administrator, signed in on `client`."""
    return login_as("admin")
