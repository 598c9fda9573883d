"""The Delivery Quarterly pack is gathered in the same number of SQL queries for 10 actions as for
5,000 (bulk-inserted by tests/bulk.py, linked to the plan's priorities, each with a history entry)."""


import sqlalchemy as sa

from tests.bulk import add_actions
from tests.database import empty_all_tables
from tests.factories import make_users
from tracker.actions.models import Action, action_priority
from tracker.extensions import db
from tracker.plans.models import Priority
from tracker.reports.delivery_quarterly.data import Quarter, gather

QUARTER = Quarter(2023, 4)  # the bulk actions were raised on 1 January 2023


def test_pack_takes_the_same_queries_for_10_actions_as_for_5000(count_queries):
    queries = {}
    for count in (10, 5_000):
        db.session.remove()
        empty_all_tables()  # each size with a plan of its own
        executive = make_users()["executive"]
        add_actions(count)
        with count_queries() as statements:
            pack = gather(QUARTER, executive, QUARTER.ends_on)
        queries[count] = len(statements)

        # Every outstanding action linked to a priority of the pack's plan is listed under it.
        listed = {line.reference for s in pack.sections for line in [*s.overdue, *s.open]}
        linked = set(
            db.session.scalars(
                sa.select(Action.reference)
                .join(action_priority, action_priority.c.action_id == Action.id)
                .join(Priority, Priority.id == action_priority.c.priority_id)
                .where(
                    Priority.id.in_([s.id for s in pack.sections]),
                    Action.status.in_(("open", "in_progress", "awaiting_sign_off")),
                )
            )
        )
        assert listed == linked and len(listed) >= count // 6
    assert queries[5_000] == queries[10] <= 10
