"""Thousands of actions in a few statements, for the tests that hold a page's query count steady
as the data grows (and for bench/). One INSERT per table: the rows have the shape the factories
give a handful of actions — owners, leads, meetings and items, priorities, indicators and a history
entry each — so 10 and 5,000 actions differ only in number.
"""

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

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
    return {
        "priority": priorities[0].id,
        "indicator": indicators[0].id,
        "owner": owners[0].id,
        "lead": leads[0].id,
        "meeting": items[0].meeting_id,
        "meeting_type": items[0].meeting.meeting_type_id,
        "year": items[0].meeting.starts_at.year,
    }
