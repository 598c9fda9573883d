"""The register makes the same number of SQL queries for 10 actions as for 5,000.

The 5,000 are bulk-inserted (one INSERT per table) with the same shape as the 10: owners, leads,
meetings and items, priorities, indicators and a history entry each.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.clients import sign_in
from tests.factories import AgendaItemFactory, MeetingFactory, OrganisationFactory, PersonFactory
from tests.plans.factories import IndicatorFactory, PriorityFactory
from tracker.actions.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    action_indicator,
    action_priority,
)
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


def add_actions(count: int) -> dict:
    """`count` actions spread over a few owners, leads, meetings, priorities and indicators."""
    owners = [OrganisationFactory(), OrganisationFactory()]
    leads = [PersonFactory(organisation=owner) for owner in owners]
    items = [AgendaItemFactory(meeting=MeetingFactory()) for _ in range(3)]
    priorities = [PriorityFactory(), PriorityFactory()]
    indicators = [IndicatorFactory(priority=priorities[0])]
    db.session.flush()
    start = date(2023, 1, 1)
    statuses = tuple(ActionStatus)
    rows = [
        {
            "reference": f"WYP-{n:06d}a",
            "text": f"WYP to do thing {n}.",
            "owner_id": owners[n % 2].id,
            "lead_id": leads[n % 2].id,
            "meeting_id": items[n % 3].meeting_id,
            "agenda_item_id": items[n % 3].id,
            "due_on": start + timedelta(days=n % 900),
            "status": statuses[n % len(statuses)],
            "confidential": n % 7 == 0,
            "raised_on": start,
        }
        for n in range(count)
    ]
    db.session.execute(sa.insert(Action), rows)
    ids = list(db.session.scalars(sa.select(Action.id).order_by(Action.id)))
    db.session.execute(
        sa.insert(ActionUpdate),
        [
            {
                "action_id": i,
                "kind": "update",
                "note": f"Update on {i}.",
                "created_at": datetime(2024, 1, 1, tzinfo=UTC),
            }
            for i in ids
        ],
    )
    # Ids come in the order of the rows: the n-th id is row n's.
    db.session.execute(
        action_priority.insert(),
        [{"action_id": i, "priority_id": priorities[n % 2].id} for n, i in enumerate(ids)],
    )
    db.session.execute(
        action_indicator.insert(),
        [
            {"action_id": i, "indicator_id": indicators[0].id}
            for n, i in enumerate(ids)
            if n % 2 == 0
        ],
    )
    db.session.commit()
    return {"priority": priorities[0].id, "indicator": indicators[0].id, "owner": owners[0].id}


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
