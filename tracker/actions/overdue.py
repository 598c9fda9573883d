"""The Deputy Mayor's overdue review: how many actions are overdue by owner and by priority, each
count a link to the register narrowed to them, and the most overdue few.

The page's size does not grow with the data: the counts come from SQL (one row per owner or
priority, bounded by the directory and the plans, not by the actions), and only the LISTED most
overdue actions are loaded; every other overdue action is a link away in the register.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from tracker.actions import queries
from tracker.actions.models import OUTSTANDING_STATUSES, Action, ActionUpdate, action_priority
from tracker.directory.models import Organisation
from tracker.extensions import db
from tracker.plans.models import Priority

LISTED = 25


@dataclass
class Count:
    """How many overdue actions one owner or one priority (None: no priority linked) has."""

    key: Organisation | Priority | None
    count: int

    @property
    def title(self) -> str:
        if self.key is None:
            return "No priority linked"
        if isinstance(self.key, Organisation):
            return self.key.name
        # A priority of an earlier version of the plan says which, as the filters do.
        return self.key.versioned_title

    @property
    def register_filter(self) -> dict:
        """The register's filter for this group's actions ({} for "no priority", which the
        register cannot filter by)."""
        if self.key is None:
            return {}
        if isinstance(self.key, Organisation):
            return {"owner": self.key.id}
        return {"priority": self.key.id}


@dataclass
class OverdueReview:
    as_at: date
    total: int
    by_owner: list[Count]
    by_priority: list[Count]
    most_overdue: list[Action]
    latest: dict[int, ActionUpdate]

    @property
    def more(self) -> int:
        return self.total - len(self.most_overdue)


def review(user, as_at: date) -> OverdueReview:
    """The overdue actions `user` may see: counted by owner and by priority, the LISTED most
    overdue loaded, with their latest updates."""
    condition = sa.and_(queries.visibility(user), queries.overdue_condition(as_at))
    by_owner = owner_counts(user, as_at)
    most_overdue = db.session.scalars(
        queries.first(
            queries.visible(user).where(queries.past_due(as_at)),
            # Overdue actions all have a due date: (status, due_on, reference) per status.
            (Action.due_on, Action.reference),
            LISTED,
            statuses=OUTSTANDING_STATUSES,
        )
    ).all()
    return OverdueReview(
        as_at=as_at,
        # Each overdue action has one owner, so the owners' counts add up to the total.
        total=sum(group.count for group in by_owner),
        by_owner=by_owner,
        by_priority=priority_counts(condition),
        most_overdue=most_overdue,
        latest=queries.latest_updates([action.id for action in most_overdue]),
    )


def owner_counts(user, as_at: date) -> list[Count]:
    """Overdue actions per owner, most first, in one query with the owners.

    Counted per status and owner, the order of the index (status, owner_id, ..., due_on,
    confidential, ...), so both databases read that index alone, in order. `due_on < as_at` is
    all of `past_due` here (no NULL is less than a date): SQLite, told `due_on IS NOT NULL`
    too, walks the owners' index instead, four times the work.
    """
    counted = (
        sa.select(Action.owner_id, sa.func.count().label("overdue"))
        .where(queries.visibility(user), queries.outstanding_condition(), Action.due_on < as_at)
        .group_by(Action.status, Action.owner_id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(Organisation, counted.c.overdue).join(
            counted, counted.c.owner_id == Organisation.id
        )
    ).all()
    totals: dict[int, list] = {}
    for owner, count in rows:
        totals.setdefault(owner.id, [owner, 0])[1] += count
    return sorted(
        (Count(owner, count) for owner, count in totals.values()),
        key=lambda c: (-c.count, c.title),
    )


def priority_counts(condition) -> list[Count]:
    """Overdue actions per priority (an action serving two counted under each), in the plans'
    order, then those serving none; one query with the priorities and their plans."""
    counted = (
        sa.select(action_priority.c.priority_id, sa.func.count().label("overdue"))
        .select_from(
            sa.outerjoin(Action, action_priority, action_priority.c.action_id == Action.id)
        )
        .where(condition)
        .group_by(action_priority.c.priority_id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(Priority, counted.c.overdue)
        .select_from(counted)
        .outerjoin(Priority, Priority.id == counted.c.priority_id)
        .options(joinedload(Priority.plan))
    ).all()
    return sorted(
        (Count(priority, count) for priority, count in rows),
        key=lambda c: (c.key is None, c.key.plan_id if c.key else 0, c.key.position if c.key else 0),
    )
