"""The outstanding-actions report as its web page shows it, at any size: the counts by status and
by owner from SQL (GROUP BY), and only the most overdue actions; the full list is for the Word and
CSV downloads (`data.outstanding`) and the register.

A fixed number of queries however many actions there are: the counts in one, the listed actions
with everything shown of them in one. Counting reads every outstanding action's index entry, so
the counts are kept until the actions next change (`actions.counts`): a view after the first
costs none.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from tracker.actions import counts, queries
from tracker.actions.models import OUTSTANDING_STATUSES, Action, ActionStatus
from tracker.directory.models import Organisation
from tracker.extensions import db
from tracker.kit.dates import long_date
from tracker.reports.outstanding.data import (
    OutstandingRow,
    read_rows,
    row_query,
    select_outstanding,
)

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


def outstanding_page(as_at: date, *, reader: tuple, **options) -> OutstandingPage:
    """The counts of the actions the downloads would list (`data.select_outstanding`'s options),
    and the LISTED most overdue of them. `reader` is the `queries.visibility_key` that
    `options["visibility"]` is the condition of: the counts are kept under it until the actions
    next change."""
    selection = select_outstanding(as_at, **options)
    condition = selection.condition
    limits = tuple(options.get(name) for name in ("meeting_type_id", "owner_id", "priority_id"))
    by_status, by_owner = counts.kept(
        "outstanding report", (reader, as_at, limits), lambda: _counted(condition, as_at)
    )

    # The most overdue first, each row read as the downloads read theirs (one query).
    rows = list(read_rows(db.session.execute(row_query(condition, limit=LISTED)), as_at))
    return OutstandingPage(
        as_at=as_at,
        total=sum(count for _, count in by_status),
        overdue=sum(overdue for _, _, overdue in by_owner),
        by_status=list(by_status),
        by_owner=list(by_owner),
        rows=rows,
        limited_to=selection.limited_to,
    )


def _counted(condition, as_at: date) -> tuple[tuple, tuple]:
    """(status label, outstanding) for each status, and (owner, outstanding, overdue) for each
    owner, most outstanding first; in one query."""
    counted = db.session.execute(
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
    for owner, status, count, overdue in counted:
        by_status[status] += count
        owner_counts = by_owner.setdefault(owner, [0, 0])
        owner_counts[0] += count
        owner_counts[1] += overdue or 0
    return (
        tuple((ActionStatus(status).label, by_status[status]) for status in by_status),
        tuple(
            sorted(
                ((owner, count, overdue) for owner, (count, overdue) in by_owner.items()),
                key=lambda counts: (-counts[1], counts[0]),
            )
        ),
    )
