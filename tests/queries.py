"""Counting the SQL statements a page runs: the one counter the tests and bench/ share.

Tests take it as the `count_queries` fixture (tests/conftest.py). bench/pages.py imports it, so
the numbers the benchmark prints are counted exactly as the tests that hold them steady count
them. It needs nothing from pytest, the fixtures or the factories.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from tracker.extensions import db


@contextmanager
def counting_queries() -> Iterator[list[str]]:
    """`with counting_queries() as statements:` records each SQL statement the block sends.

    Run inside an app context; `len(statements)` is the number of queries.
    """
    statements: list[str] = []
    engine = db.engine

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", record)


def page_queries(client, url: str) -> int:
    """How many statements `url` runs when asked for again, from an empty identity map."""
    client.get(url)  # the first request after signing in does some one-off work
    db.session.remove()  # start from an empty identity map, as a fresh request does
    with counting_queries() as statements:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(statements)
