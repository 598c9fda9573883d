"""The outstanding-actions report, a priority's and an indicator's pages and the list of meetings
make at most 10 SQL queries, the same for 10 actions as for 5,000, and stay a readable size.

The 5,000 are bulk-inserted (tests/bulk.py) with the same shape as the 10.
"""

import pytest
import sqlalchemy as sa

from tests.bulk import add_actions
from tests.clients import sign_in
from tests.queries import page_queries
from tracker.actions.models import Action, ActionUpdate, action_indicator, action_priority
from tracker.extensions import db

PAGES = [
    "/reports/outstanding-actions",
    "/reports/outstanding-actions?owner={owner}&priority={priority}",
    "/priorities/{priority}",
    "/indicators/{indicator}",
    "/meetings",
    "/meetings?page=2",
]
MOST_QUERIES = 10
LARGEST_PAGE = 150_000  # bytes


def remove_actions():
    db.session.execute(sa.delete(ActionUpdate))
    db.session.execute(action_priority.delete())
    db.session.execute(action_indicator.delete())
    db.session.execute(sa.delete(Action))
    db.session.commit()


@pytest.fixture
def measure(app):
    """`measure(user, ids)`: the queries and the size in bytes of each of PAGES for `user`."""

    def pages(user, ids) -> dict[str, tuple[int, int]]:
        browser = sign_in(app.test_client(), user)
        found = {}
        for page in PAGES:
            url = page.format(**ids)
            queries = page_queries(browser, url)
            found[page] = (queries, len(browser.get(url).data))
        return found

    return pages


def test_pages_make_the_same_few_queries_at_any_size(users, measure):
    # Every role at each size; the 5,000 actions are inserted once for all of them.
    roles = ["executive", "viewer", "secretariat", "lead"]
    ids = add_actions(10)
    few = {role: measure(users[role], ids) for role in roles}
    remove_actions()
    ids = add_actions(5_000)
    many = {role: measure(users[role], ids) for role in roles}
    queries = {role: {page: counts[0] for page, counts in many[role].items()} for role in roles}
    assert queries == {
        role: {page: counts[0] for page, counts in few[role].items()} for role in roles
    }
    assert max(max(pages.values()) for pages in queries.values()) <= MOST_QUERIES, queries
    # A few dozen rows, not thousands: every page stays small enough to open quickly.
    sizes = {role: {page: counts[1] for page, counts in many[role].items()} for role in roles}
    assert max(max(pages.values()) for pages in sizes.values()) <= LARGEST_PAGE, sizes
