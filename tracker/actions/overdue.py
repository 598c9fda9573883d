"""The Deputy Mayor's overdue review: how many actions are overdue by owner and by priority, each
count a link to the register narrowed to them, and the most overdue few.

The page's size does not grow with the data: the counts come from SQL (one row per owner or
priority, bounded by the directory and the plans, not by the actions), and only the LISTED most
overdue actions are loaded; every other overdue action is a link away in the register.

Counting reads every overdue action's index entry, so the counts, with the names that label
them, are kept until the actions next change (`counts.kept`): a view after the first costs none.
"""

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from tracker.actions import counts, queries
from tracker.actions.models import OUTSTANDING_STATUSES, Action, ActionUpdate, action_priority
from tracker.directory.models import Organisation
from tracker.extensions import db
from tracker.plans.models import Priority

LISTED = 25


@dataclass(frozen=True)
class Count:
    """How many overdue actions one owner or one priority has (plain values, so they can be kept
    from one request to the next)."""

    title: str
    count: int
    # The register's filter for this group's actions ({} for "no priority", which the register
    # cannot filter by).
    register_filter: dict = field(default_factory=dict)

    @classmethod
    def of(cls, key: Organisation | Priority | None, count: int) -> "Count":
        """The count of an owner, a priority, or (None) the actions serving no priority."""
        if key is None:
            return cls("No priority linked", count)
        if isinstance(key, Organisation):
            return cls(key.name, count, {"owner": key.id})
        # A priority of an earlier version of the plan says which, as the filters do.
        return cls(key.versioned_title, count, {"priority": key.id})


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
    by_owner, by_priority = counts.kept(
        "overdue review", (queries.visibility_key(user), as_at), lambda: _counted(user, as_at)
    )
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
        by_owner=list(by_owner),
        by_priority=list(by_priority),
        most_overdue=most_overdue,
        latest=queries.latest_updates([action.id for action in most_overdue]),
    )


def _counted(user, as_at: date) -> tuple[tuple[Count, ...], tuple[Count, ...]]:
    condition = sa.and_(queries.visibility(user), queries.overdue_condition(as_at))
    return tuple(owner_counts(user, as_at)), tuple(priority_counts(condition))


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
        (Count.of(owner, count) for owner, count in totals.values()),
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
    in_order = sorted(
        rows,
        key=lambda row: (row[0] is None, row[0].plan_id if row[0] else 0, row[0].position if row[0] else 0),
    )
    return [Count.of(priority, count) for priority, count in in_order]
