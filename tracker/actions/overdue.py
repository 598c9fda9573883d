"""The Deputy Mayor's overdue review: counts by owner and by priority, and the actions in groups.

Counts are done in SQL. Each group shows its most overdue actions (up to GROUP_LIMIT, the rest a
link away in the register), all fetched in one ranked query with what the tables show, so the page makes the same number of
queries however many actions are overdue.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from tracker.actions import queries
from tracker.actions.models import Action, ActionUpdate, action_priority
from tracker.directory.models import Organisation
from tracker.extensions import db
from tracker.plans.models import Priority

GROUP_LIMIT = 25
GROUPINGS = {"owner": "Owner", "priority": "Plan priority"}


@dataclass
class Group:
    """The overdue actions of one owner or one priority (None: no priority linked)."""

    key: Organisation | Priority | None
    count: int
    actions: list[Action]

    @property
    def title(self) -> str:
        if self.key is None:
            return "No priority linked"
        if isinstance(self.key, Organisation):
            return self.key.name
        # A priority of an earlier version of the plan says which, as the filters do.
        return self.key.versioned_title

    @property
    def more(self) -> int:
        return self.count - len(self.actions)


@dataclass
class OverdueReview:
    as_at: date
    total: int
    by_owner: list[Group]
    by_priority: list[Group]
    grouping: str
    latest: dict[int, ActionUpdate]

    @property
    def groups(self) -> list[Group]:
        return self.by_owner if self.grouping == "owner" else self.by_priority


def review(user, as_at: date, grouping: str) -> OverdueReview:
    """Every overdue action `user` may see, counted by owner and by priority, grouped by `grouping`."""
    condition = sa.and_(queries.visibility(user), queries.overdue_condition(as_at))
    owner_counts = dict(
        db.session.execute(
            sa.select(Action.owner_id, sa.func.count(Action.id))
            .where(condition)
            .group_by(Action.owner_id)
        ).all()
    )
    with_priorities = sa.outerjoin(
        Action, action_priority, action_priority.c.action_id == Action.id
    )
    priority_counts = dict(
        db.session.execute(
            sa.select(action_priority.c.priority_id, sa.func.count(Action.id))
            .select_from(with_priorities)
            .where(condition)
            .group_by(action_priority.c.priority_id)
        ).all()
    )

    # The most overdue actions of each group, ranked in one query.
    group_column = Action.owner_id if grouping == "owner" else action_priority.c.priority_id
    ranked = (
        sa.select(
            Action.id.label("action_id"),
            group_column.label("group_id"),
            sa.func.row_number()
            .over(partition_by=group_column, order_by=(Action.due_on, Action.reference))
            .label("rank"),
        )
        .select_from(Action if grouping == "owner" else with_priorities)
        .where(condition)
        .subquery()
    )
    # The ranked actions themselves, with what the tables show, in the same query.
    shown = db.session.execute(
        sa.select(ranked.c.group_id, Action)
        .join(ranked, ranked.c.action_id == Action.id)
        .where(ranked.c.rank <= GROUP_LIMIT)
        .options(*queries.LIST_LOADS)
    ).all()
    ids = sorted({action.id for _, action in shown})
    in_group: dict = {}
    for group_id, action in shown:
        in_group.setdefault(group_id, []).append(action)
    order = queries.most_overdue_key(as_at)
    for members in in_group.values():
        members.sort(key=order)

    owners = _by_id(Organisation, owner_counts)
    priorities = _by_id(Priority, priority_counts, joinedload(Priority.plan))
    by_owner = sorted(
        (
            Group(
                owners[owner_id], count, in_group.get(owner_id, []) if grouping == "owner" else []
            )
            for owner_id, count in owner_counts.items()
        ),
        key=lambda group: (-group.count, group.title),
    )
    by_priority = sorted(
        (
            Group(
                priorities.get(priority_id),
                count,
                in_group.get(priority_id, []) if grouping == "priority" else [],
            )
            for priority_id, count in priority_counts.items()
        ),
        key=lambda group: (
            group.key is None,
            group.key.plan_id if group.key else 0,
            group.key.position if group.key else 0,
        ),
    )
    return OverdueReview(
        as_at=as_at,
        # Each overdue action has one owner, so the owners' counts add up to the total.
        total=sum(owner_counts.values()),
        by_owner=by_owner,
        by_priority=by_priority,
        grouping=grouping,
        latest=queries.latest_updates(ids),
    )


def _by_id(model, counts: dict, *options) -> dict:
    ids = [record_id for record_id in counts if record_id is not None]
    if not ids:
        return {}
    return {
        record.id: record
        for record in db.session.scalars(
            sa.select(model).options(*options).where(model.id.in_(ids))
        )
    }
