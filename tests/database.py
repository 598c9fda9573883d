"""The database a test run uses: SQLite by default, PostgreSQL with `TEST_DATABASE=postgresql`."""

import os
import re
import uuid
from contextlib import contextmanager

import psycopg

BACKEND = os.environ.get("TEST_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_admin_url() -> str:
    return re.sub(r"^postgresql(\+psycopg)?://", "postgresql://", POSTGRES_URL)


@contextmanager
def new_database(folder):
    """The URL of a new, empty database for the backend under test; dropped afterwards."""
    if BACKEND == "sqlite":
        yield f"sqlite:///{folder / 'test.sqlite'}"
        return
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    admin = _postgres_admin_url()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = admin.rsplit("/", 1)[0]
    try:
        yield f"postgresql+psycopg://{base.removeprefix('postgresql://')}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
