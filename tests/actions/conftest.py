"""Fixtures for the actions tests: people of each role, each in a browser of their own."""

import pytest

from tests.clients import sign_in


@pytest.fixture
def browser_as(app, users):
    """`browser_as("lead")`: a client signed in as the test user of that role (lead: WYP)."""

    def browser(role: str):
        return sign_in(app.test_client(), users[role])

    return browser
