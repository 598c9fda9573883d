"""The register makes the same number of SQL queries for 10 actions as for 5,000.

The 5,000 are bulk-inserted (one INSERT per table) with the same shape as the 10: owners, leads,
meetings and items, priorities, indicators and a history entry each.
"""

import pytest
import sqlalchemy as sa

from tests.bulk import add_actions
from tests.clients import sign_in
from tracker.actions.models import Action, ActionUpdate, action_indicator, action_priority
from tracker.extensions import db

PAGES = [
    "/actions",
    "/actions?sort=overdue&status=outstanding",
    "/actions?q=wyp&status=open&due=overdue&sort=reference",
    "/actions?priority={priority}&indicator={indicator}&owner={owner}",
    "/actions?earlier=y&priority={priority}",
    "/actions/overdue",
    "/actions/overdue?group=priority",
    "/",
]


@pytest.fixture
def queries_per_page(app, count_queries):
    """`queries_per_page(user, ids)`: the number of SQL queries each of PAGES runs for `user`."""

    def queries(user, ids) -> dict[str, int]:
        browser = sign_in(app.test_client(), user)
        found = {}
        for page in PAGES:
            url = page.format(**ids)
            with count_queries() as statements:
                response = browser.get(url)
            assert response.status_code == 200, url
            assert "WYP-0" in response.get_data(as_text=True), url
            found[page] = len(statements)
        return found

    return queries


@pytest.mark.parametrize("role", ["executive", "viewer"])
def test_register_query_count_does_not_grow_with_the_number_of_actions(
    users, role, queries_per_page
):
    few = queries_per_page(users[role], add_actions(10))
    db.session.execute(sa.delete(ActionUpdate))
    db.session.execute(action_priority.delete())
    db.session.execute(action_indicator.delete())
    db.session.execute(sa.delete(Action))
    db.session.commit()
    many = queries_per_page(users[role], add_actions(5_000))
    assert many == few
    assert max(few.values()) <= 20
