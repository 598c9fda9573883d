"""The outstanding-actions report as its web page shows it, at any size: the counts by status and
by owner from SQL (GROUP BY), and only the most overdue actions; the full list is for the Word and
CSV downloads (`data.outstanding`) and the register.

A fixed number of queries however many actions there are: the counts in one, the listed actions
in two (with the agendas that number their items), their latest updates in one.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from tracker.actions import queries
from tracker.actions.models import OUTSTANDING_STATUSES, Action, ActionStatus
from tracker.directory.models import MeetingType, Organisation
from tracker.extensions import db
from tracker.kit.dates import long_date
from tracker.meetings.models import Meeting
from tracker.plans.models import Priority
from tracker.reports.outstanding.data import OutstandingRow, _row

# How many of the most overdue actions the page lists.
LISTED = 25


@dataclass(frozen=True)
class OutstandingPage:
    as_at: date
    total: int
    overdue: int
    by_status: list[tuple[str, int]]
    by_owner: list[tuple[str, int, int]]  # (owner, outstanding, overdue), most outstanding first
    rows: list[OutstandingRow]  # the most overdue LISTED, most overdue first
    limited_to: list[str]

    @property
    def title(self) -> str:
        return f"Outstanding actions as at {long_date(self.as_at)}"

    @property
    def summary(self) -> str:
        if not self.total:
            return "No actions are outstanding."
        noun = "action is" if self.total == 1 else "actions are"
        return f"{self.total:,} {noun} outstanding, of which {self.overdue:,} overdue."

    @property
    def is_capped(self) -> bool:
        return self.total > len(self.rows)


def outstanding_page(
    as_at: date,
    *,
    visibility,
    meeting_type_id: int | None = None,
    owner_id: int | None = None,
    priority_id: int | None = None,
) -> OutstandingPage:
    """The counts of every outstanding action raised on or before `as_at` that `visibility`
    allows, and the LISTED most overdue of them. Options as `data.outstanding`."""
    conditions = [visibility, queries.outstanding_condition(), Action.raised_on <= as_at]
    if meeting_type_id is not None:
        conditions.append(
            Action.meeting_id.in_(
                sa.select(Meeting.id).where(Meeting.meeting_type_id == meeting_type_id)
            )
        )
    if owner_id is not None:
        conditions.append(Action.owner_id == owner_id)
    if priority_id is not None:
        conditions.append(queries.serves_priority(priority_id))
    condition = sa.and_(*conditions)

    counts = db.session.execute(
        sa.select(
            Organisation.short_name,
            Action.status,
            sa.func.count(),
            sa.func.sum(sa.case((queries.overdue_condition(as_at), 1), else_=0)),
        )
        .join(Organisation, Organisation.id == Action.owner_id)
        .where(condition)
        .group_by(Organisation.id, Organisation.short_name, Action.status)
    ).all()
    by_status = {status: 0 for status in OUTSTANDING_STATUSES}
    by_owner: dict[str, list[int]] = {}
    for owner, status, count, overdue in counts:
        by_status[status] += count
        owner_counts = by_owner.setdefault(owner, [0, 0])
        owner_counts[0] += count
        owner_counts[1] += overdue or 0

    # Outstanding actions are overdue exactly when due before `as_at`, so by due date (undated
    # last) is most overdue first: the same order as `queries.most_overdue_first`.
    actions = db.session.scalars(
        sa.select(Action)
        .options(
            joinedload(Action.owner),
            joinedload(Action.lead),
            joinedload(Action.meeting).options(
                joinedload(Meeting.meeting_type),
                # An item's number is its place in the agenda; the item itself comes with it.
                selectinload(Meeting.agenda_items),
            ),
        )
        .where(condition)
        .order_by(Action.due_on.is_(None), Action.due_on, Action.reference)
        .limit(LISTED)
    ).all()
    latest = queries.latest_updates([action.id for action in actions])
    return OutstandingPage(
        as_at=as_at,
        total=sum(by_status.values()),
        overdue=sum(overdue for _, overdue in by_owner.values()),
        by_status=[(ActionStatus(status).label, by_status[status]) for status in by_status],
        by_owner=sorted(
            ((owner, count, overdue) for owner, (count, overdue) in by_owner.items()),
            key=lambda counts: (-counts[1], counts[0]),
        ),
        rows=[_row(action, as_at, latest.get(action.id)) for action in actions],
        limited_to=_limits(meeting_type_id, owner_id, priority_id),
    )


def _limits(meeting_type_id, owner_id, priority_id) -> list[str]:
    """What the page is limited to, in the words of the downloads. The meeting types and owners
    are in the session already (the form's choices); a priority comes with its plan."""
    limits = []
    if meeting_type_id is not None:
        limits.append(f"Meeting type: {_name(MeetingType, meeting_type_id)}")
    if owner_id is not None:
        limits.append(f"Owner: {_name(Organisation, owner_id)}")
    if priority_id is not None:
        priority = db.session.scalar(
            sa.select(Priority).options(joinedload(Priority.plan)).where(Priority.id == priority_id)
        )
        limits.append(f"Plan priority: {priority.versioned_title if priority else 'unknown'}")
    return limits


def _name(model, record_id: int) -> str:
    record = db.session.get(model, record_id)
    return str(record) if record else "unknown"
