"""The outstanding-actions report: the query, and the plain rows the page, Word and CSV show.

Outstanding means not closed, superseded or dropped. The report is "as at" a date: actions raised
on or before it, with days overdue counted to it; statuses and updates are as they stand now.
The builders (`outstanding_docx`, `outstanding_csv`) take an `OutstandingReport` and never query.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa

from tracker.actions import queries
from tracker.actions.models import OUTSTANDING_STATUSES, Action, ActionStatus
from tracker.directory.models import MeetingType, Organisation
from tracker.extensions import db
from tracker.kit.dates import long_date, short_date, uk_time
from tracker.meetings.models import Meeting
from tracker.plans.models import Priority


@dataclass(frozen=True)
class OutstandingRow:
    """One outstanding action as the report shows it."""

    action_id: int
    reference: str
    text: str
    confidential: bool
    meeting: str  # "Community Outcomes Meeting, 10 October 2023"
    meeting_on: date
    item: str  # "Item 4: Use of Force", or "" when raised outside an agenda item
    owner: str
    lead: str
    due_on: date | None
    status: str
    status_label: str
    days_overdue: int
    latest_update: str  # the note of the action's latest history entry
    latest_update_on: date | None
    # What that entry is ("Progress update", "More time refused", ...) and who made it: the
    # Deputy Mayor's refusal of more time must not read as the action's progress.
    latest_update_kind: str = ""
    latest_update_by: str = ""

    @property
    def latest_heading(self) -> str:
        """'More time refused by Alison Lowe, 2 Feb 2024', or 'No update yet'."""
        if not self.latest_update:
            return "No update yet"
        by = f" by {self.latest_update_by}" if self.latest_update_by else ""
        return f"{self.latest_update_kind}{by}, {short_date(self.latest_update_on)}"


@dataclass
class OutstandingReport:
    as_at: date
    rows: list[OutstandingRow]
    # What the report is limited to, in words: ["Meeting type: Joint Executive Meeting", ...]
    limited_to: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.days_overdue)

    @property
    def by_status(self) -> list[tuple[str, int]]:
        counts = Counter(row.status for row in self.rows)
        return [
            (ActionStatus(status).label, counts[status]) for status in OUTSTANDING_STATUSES
        ]

    @property
    def by_owner(self) -> list[tuple[str, int, int]]:
        """(owner, outstanding, overdue) for each owner, most outstanding first."""
        outstanding = Counter(row.owner for row in self.rows)
        overdue = Counter(row.owner for row in self.rows if row.days_overdue)
        return sorted(
            ((owner, count, overdue[owner]) for owner, count in outstanding.items()),
            key=lambda counts: (-counts[1], counts[0]),
        )

    @property
    def title(self) -> str:
        return f"Outstanding actions as at {long_date(self.as_at)}"

    @property
    def summary(self) -> str:
        total = len(self.rows)
        if not total:
            return "No actions are outstanding."
        noun = "action is" if total == 1 else "actions are"
        return f"{total} {noun} outstanding, of which {self.overdue} overdue."


def outstanding(
    as_at: date,
    *,
    visibility,
    meeting_type_id: int | None = None,
    owner_id: int | None = None,
    priority_id: int | None = None,
) -> OutstandingReport:
    """Every outstanding action raised on or before `as_at` that `visibility` allows, most overdue first.

    `visibility` is a SQL condition on Action: `queries.visibility(user)` for a person, or
    `confidential_condition(include)` for a scheduled run.
    """
    conditions = [visibility, queries.outstanding_condition(), Action.raised_on <= as_at]
    limited_to = []
    if meeting_type_id is not None:
        conditions.append(
            Action.meeting_id.in_(
                sa.select(Meeting.id).where(Meeting.meeting_type_id == meeting_type_id)
            )
        )
        limited_to.append(f"Meeting type: {_name(MeetingType, meeting_type_id)}")
    if owner_id is not None:
        conditions.append(Action.owner_id == owner_id)
        limited_to.append(f"Owner: {_name(Organisation, owner_id)}")
    if priority_id is not None:
        conditions.append(queries.serves_priority(priority_id))
        priority = db.session.get(Priority, priority_id)
        limited_to.append(f"Plan priority: {priority.versioned_title if priority else 'unknown'}")
    condition = sa.and_(*conditions)
    actions = db.session.scalars(
        sa.select(Action)
        .options(*queries.LIST_LOADS)
        .where(condition)
        .order_by(*queries.most_overdue_first(as_at))
    ).all()
    latest = queries.latest_updates(sa.select(Action.id).where(condition))
    return OutstandingReport(
        as_at=as_at,
        rows=[_row(action, as_at, latest.get(action.id)) for action in actions],
        limited_to=limited_to,
    )


def confidential_condition(include: bool):
    """For runs with no signed-in person: confidential actions only when asked for."""
    return sa.true() if include else Action.confidential.is_(False)


def _name(model, record_id: int) -> str:
    record = db.session.get(model, record_id)
    return str(record) if record else "unknown"


def _row(action: Action, as_at: date, update) -> OutstandingRow:
    item = action.agenda_item
    return OutstandingRow(
        action_id=action.id,
        reference=action.reference,
        text=action.text,
        confidential=action.confidential,
        meeting=action.meeting.title,
        meeting_on=action.meeting.starts_at.date(),
        item=f"Item {item.number}: {item.title}" if item else "",
        owner=action.owner.short_name,
        lead=action.lead.name if action.lead else "",
        due_on=action.due_on,
        status=action.status,
        status_label=action.status_label,
        days_overdue=action.days_overdue(as_at),
        latest_update=update.note if update else "",
        latest_update_on=_date_of(update.created_at) if update else None,
        latest_update_kind=update.kind_label if update else "",
        latest_update_by=update.author_name if update else "",
    )


def _date_of(moment) -> date:
    # Stored in UTC; the day it was in the UK is the day people remember.
    return uk_time(moment).date()
