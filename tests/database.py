"""The database a test run uses: SQLite by default, PostgreSQL with `TEST_DATABASE=postgresql`."""

import os
import re
import secrets
import uuid
from contextlib import contextmanager
from datetime import date

import psycopg
import pytest
import sqlalchemy as sa

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


# Each test process's copy of the demo data, by database URL and day (the demo's dates are set
# from today's): (table, rows), children last.
_DEMO_ROWS: dict[tuple[str, date], list[tuple[sa.Table, list[dict]]]] = {}


def load_demo() -> None:
    """The demo data (tracker/demo.py) into the empty database.

    Built by `demo.load()` the first time in each test process (and day); after that its rows are
    copied back as they were, table by table in one transaction: 0.12 s instead of 0.47 s on
    PostgreSQL, 0.03 s instead of 0.19 s on SQLite, and hundreds of tests load it afresh. The
    data version tokens are new, as after a real load, so nothing kept for other data is reused.
    """
    from tracker import demo
    from tracker.extensions import db
    from tracker.kit.data_versions import DataVersion
    from tracker.kit.dates import today

    copy = (str(db.engine.url), today())
    if copy not in _DEMO_ROWS:
        demo.load()
        db.session.remove()
        with db.engine.connect() as conn:
            _DEMO_ROWS[copy] = [
                (table, [dict(row) for row in conn.execute(table.select()).mappings()])
                for table in db.metadata.sorted_tables
            ]
        return
    with db.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            # A meeting names the meeting before it and a plan the plan it was copied from, which
            # may have higher ids: checked at COMMIT, as PostgreSQL checks them after each INSERT.
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        for table, rows in _DEMO_ROWS[copy]:
            if table.name == DataVersion.__tablename__:
                rows = [{**row, "token": secrets.token_hex(16)} for row in rows]
            if rows:
                conn.execute(table.insert(), rows)
        if conn.dialect.name == "postgresql":
            # The ids were copied, not drawn: move each sequence past them.
            for table, rows in _DEMO_ROWS[copy]:
                key = table.autoincrement_column
                if rows and key is not None:
                    conn.execute(
                        sa.select(
                            sa.func.setval(
                                sa.func.pg_get_serial_sequence(table.name, key.name),
                                sa.select(sa.func.max(key)).scalar_subquery(),
                            )
                        )
                    )
