"""Fixtures for the meetings tests: a signed-in editor."""

import pytest


@pytest.fixture
def secretariat(login_as):
    return login_as("secretariat")
