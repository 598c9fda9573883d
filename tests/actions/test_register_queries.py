"""Every page that lists actions in the register's part of the tracker makes at most
MAX_QUERIES SQL queries, and the same number for 10 actions as for 5,000: the register (first
page, a deep page, filtered, each sort), the overdue review (both groupings) and every role's
home page.

The 5,000 are bulk-inserted (one INSERT per table) with the same shape as the 10: owners, leads,
meetings and items, priorities, indicators and a history entry each.
"""

import pytest
import sqlalchemy as sa

from tests.bulk import add_actions
from tests.clients import sign_in
from tracker.actions.models import Action, ActionUpdate, action_indicator, action_priority
from tracker.directory.models import Person
from tracker.extensions import db

MAX_QUERIES = 10

# Actions in the bulk data are due from 1 January 2023 on, the n-th on day n; the 3rd is overdue.
PAGES = [
    "/actions",
    "/actions?after=2023-01-03~WYP-000002a",
    "/actions?before=2023-01-05~WYP-000004a",
    "/actions?sort=reference",
    "/actions?sort=reference&after=WYP-000002a",
    "/actions?sort=overdue&status=outstanding",
    "/actions?sort=overdue&after=0~2023-01-03~WYP-000002a",
    "/actions?q=wyp&status=awaiting_sign_off&due=overdue&sort=reference",
    "/actions?priority={priority}&indicator={indicator}&owner={owner}",
    "/actions?owner={owner}&lead={lead}&meeting_type={meeting_type}&year={year}&meeting={meeting}",
    "/actions?earlier=y&priority={priority}",
    "/actions/overdue",
    "/",
]
ROLES = ["admin", "secretariat", "lead", "executive", "viewer"]


@pytest.fixture
def queries_per_page(app, users, count_queries):
    """`queries_per_page(ids)`: the number of SQL queries each of PAGES runs for each role."""

    lead_person = users["lead"].person_id

    def queries(ids) -> dict[tuple[str, str], int]:
        # The lead works for the first owner, so their home page lists its actions.
        db.session.execute(
            sa.update(Person).where(Person.id == lead_person).values(organisation_id=ids["owner"])
        )
        db.session.commit()
        found = {}
        for role in ROLES:
            browser = sign_in(app.test_client(), users[role])
            for page in PAGES:
                url = page.format(**ids)
                browser.get(url)  # the first request after signing in does some one-off work
                db.session.remove()  # start from an empty identity map, as a fresh request does
                with count_queries() as statements:
                    response = browser.get(url)
                assert response.status_code == 200, url
                assert "WYP-0" in response.get_data(as_text=True), (role, url)
                found[role, page] = len(statements)
        return found

    return queries


def test_register_overdue_and_home_pages_make_few_queries_however_many_actions(queries_per_page):
    few = queries_per_page(add_actions(10))
    db.session.execute(sa.delete(ActionUpdate))
    db.session.execute(action_priority.delete())
    db.session.execute(action_indicator.delete())
    db.session.execute(sa.delete(Action))
    db.session.commit()
    many = queries_per_page(add_actions(5_000))
    assert many == few
    assert {page: count for page, count in few.items() if count > MAX_QUERIES} == {}
