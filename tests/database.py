"""The database a test run uses: SQLite by default, PostgreSQL with `TEST_DATABASE=postgresql`."""

import os
import re
import uuid
from contextlib import contextmanager

import psycopg
import pytest

BACKEND = os.environ.get("TEST_DATABASE", "sqlite")
# The Redis the machines run; tests use a database number of their own.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_admin_url() -> str:
    return re.sub(r"^postgresql(\+psycopg)?://", "postgresql://", POSTGRES_URL)


@contextmanager
def new_database(folder, backend: str = BACKEND):
    """The URL of a new, empty database of `backend` (the one under test); dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'test.sqlite'}"
        return
    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    admin = postgres_admin_url()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        # A test database is thrown away at the end: commits need not wait for the disk.
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    base = admin.rsplit("/", 1)[0]
    try:
        yield f"postgresql+psycopg://{base.removeprefix('postgresql://')}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_all_tables() -> None:
    """Delete every row, children first (the schema stays).

    It runs after nearly every test, so on PostgreSQL the DELETEs go in one round trip. DELETE,
    not TRUNCATE: on the few rows a test leaves, TRUNCATE (new files for every table) measured
    twenty to sixty times slower.
    """
    from tracker.extensions import db

    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Several statements in one call: psycopg sends them together when given no parameters.
            conn.exec_driver_sql("; ".join(f'DELETE FROM "{table.name}"' for table in tables))
        else:
            for table in tables:
                conn.execute(table.delete())


def require_redis():
    """A client of the Redis every machine runs; its absence fails the test (never a skip)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError as error:
        pytest.fail(f"Redis at {REDIS_URL} is unreachable ({error}); the machines run one")
    return client
