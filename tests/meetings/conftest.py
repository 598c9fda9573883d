"""Fixtures for the meetings tests: signed-in editors and a way to count SQL statements."""

import contextlib

import pytest
import sqlalchemy as sa

from tracker.extensions import db


@pytest.fixture
def secretariat(login_as):
    return login_as("secretariat")


@pytest.fixture
def count_queries():
    """`with count_queries() as counted:` ... `counted[0]` is the number of statements run."""

    @contextlib.contextmanager
    def counting():
        counted = [0]

        def count(*_args):
            counted[0] += 1

        sa.event.listen(db.engine, "before_cursor_execute", count)
        try:
            yield counted
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", count)

    return counting
