"""The outstanding-actions report: the query, and the plain rows the page, Word and CSV show.

Outstanding means not closed, superseded or dropped. The report is "as at" a date: actions raised
on or before it, with days overdue counted to it; statuses and updates are as they stand now.
The builders (`outstanding_docx`, `outstanding_csv`) take rows and never query.

The rows come from one query, whatever their number: each action with its meeting, item, owner,
lead and latest history entry joined in, read in batches (`Selection.rows`), so a download of
100,000 actions streams instead of holding them all.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from tracker.actions import queries
from tracker.actions.models import (
    OUTSTANDING_STATUSES,
    Action,
    ActionStatus,
    ActionUpdate,
    UpdateKind,
    days_past_due,
)
from tracker.auth.models import User
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.kit.dates import long_date, short_date, uk_time
from tracker.meetings.models import AgendaItem, Meeting
from tracker.plans.models import Priority

# Rows read from the database at a time: a server-side cursor on PostgreSQL.
BATCH = 1000


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
        return title_for(self.as_at)

    @property
    def summary(self) -> str:
        total = len(self.rows)
        if not total:
            return "No actions are outstanding."
        noun = "action is" if total == 1 else "actions are"
        return f"{total} {noun} outstanding, of which {self.overdue} overdue."


def title_for(as_at: date) -> str:
    return f"Outstanding actions as at {long_date(as_at)}"


@dataclass(frozen=True)
class Selection:
    """Which actions a report covers, as a SQL condition and in words, before any is read."""

    as_at: date
    condition: sa.ColumnElement
    limited_to: list[str]

    @property
    def title(self) -> str:
        return title_for(self.as_at)

    def rows(self) -> Iterator[OutstandingRow]:
        """The rows, most overdue first, from one query read `BATCH` rows at a time."""
        query = row_query(self.condition).execution_options(yield_per=BATCH)
        yield from read_rows(db.session.execute(query), self.as_at)

    def report(self) -> "OutstandingReport":
        return OutstandingReport(as_at=self.as_at, rows=list(self.rows()), limited_to=self.limited_to)


def select_outstanding(
    as_at: date,
    *,
    visibility,
    meeting_type_id: int | None = None,
    owner_id: int | None = None,
    priority_id: int | None = None,
) -> Selection:
    """Every outstanding action raised on or before `as_at` that `visibility` allows.

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
    return Selection(as_at=as_at, condition=sa.and_(*conditions), limited_to=limited_to)


def outstanding(as_at: date, **options) -> OutstandingReport:
    """The whole report, every row read: `select_outstanding`'s options."""
    return select_outstanding(as_at, **options).report()


def confidential_condition(include: bool):
    """For runs with no signed-in person: confidential actions only when asked for."""
    return sa.true() if include else Action.confidential.is_(False)


def _name(model, record_id: int) -> str:
    record = db.session.get(model, record_id)
    return str(record) if record else "unknown"


Lead = aliased(Person, name="lead")
Author = aliased(Person, name="author")
OtherItem = aliased(AgendaItem, name="other_item")
Latest = aliased(ActionUpdate, name="latest")


def row_query(condition, limit: int | None = None) -> sa.Select:
    """One row per action with everything the report shows of it, joined in the same query; the
    `limit` most overdue only, when given.

    `condition` selects outstanding actions only (`select_outstanding`'s), so the most overdue
    first is the due-date order of the index `ix_action_due_order` (`queries.due_order`).
    """
    # An item's number is its place in its meeting's agenda, as `AgendaItem.number` counts it.
    item_number = (
        sa.select(sa.func.count())
        .where(
            OtherItem.meeting_id == AgendaItem.meeting_id,
            sa.or_(
                OtherItem.position < AgendaItem.position,
                sa.and_(OtherItem.position == AgendaItem.position, OtherItem.id <= AgendaItem.id),
            ),
        )
        .scalar_subquery()
    )
    # The latest entry with a note, as `queries.latest_updates` picks it.
    latest_id = (
        sa.select(ActionUpdate.id)
        .where(
            ActionUpdate.action_id == Action.id,
            ActionUpdate.kind != UpdateKind.RAISED,
            ActionUpdate.note != "",
        )
        .order_by(ActionUpdate.created_at.desc(), ActionUpdate.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = sa.select(
        Action.id,
        Action.reference,
        Action.text,
        Action.confidential,
        Action.due_on,
        Action.status,
        MeetingType.name.label("meeting_type"),
        Meeting.starts_at,
        AgendaItem.title.label("item_title"),
        sa.case((AgendaItem.id.is_not(None), item_number)).label("item_number"),
        Organisation.short_name.label("owner"),
        Lead.name.label("lead"),
        Latest.id.label("latest_id"),
        Latest.note.label("latest_note"),
        Latest.created_at.label("latest_at"),
        Latest.kind.label("latest_kind"),
        User.username.label("author_username"),
        Author.name.label("author_name"),
    )
    if limit is None:
        query = query.select_from(Action).where(condition)
    else:
        # The listed actions are picked first, by their ids along the index, so the joins, the
        # item number and the latest entry are worked out for those rows only, not for every
        # outstanding action before a sort and the limit.
        listed = (
            sa.select(Action.id)
            .where(condition)
            .order_by(*queries.due_order())
            .limit(limit)
            .subquery("listed")
        )
        query = query.select_from(listed).join(Action, Action.id == listed.c.id)
    return (
        query.join(Meeting, Action.meeting_id == Meeting.id)
        .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
        .join(Organisation, Action.owner_id == Organisation.id)
        .outerjoin(AgendaItem, Action.agenda_item_id == AgendaItem.id)
        .outerjoin(Lead, Action.lead_id == Lead.id)
        .outerjoin(Latest, Latest.id == latest_id)
        .outerjoin(User, Latest.author_id == User.id)
        .outerjoin(Author, User.person_id == Author.id)
        .order_by(*queries.due_order())
    )


def read_rows(records, as_at: date) -> Iterator[OutstandingRow]:
    # Tens of thousands of rows share a few hundred meetings and statuses: each is spelt out once.
    meetings: dict[tuple, str] = {}
    labels = ActionStatus.labels()
    for (
        action_id, reference, text, confidential, due_on, status, meeting_type, starts_at,
        item_title, item_number, owner, lead, latest_id, note, noted_at, kind, username, author,
    ) in records:
        meeting = meetings.get((meeting_type, starts_at))
        if meeting is None:
            meeting = meetings[meeting_type, starts_at] = f"{meeting_type}, {long_date(starts_at)}"
        if latest_id is None:
            by = ""
        elif username is None:  # entries the tracker made itself
            by = "the tracker"
        else:
            by = author or username
        yield OutstandingRow(
            action_id=action_id,
            reference=reference,
            text=text,
            confidential=confidential,
            meeting=meeting,
            meeting_on=starts_at.date(),
            item=f"Item {item_number}: {item_title}" if item_title is not None else "",
            owner=owner,
            lead=lead or "",
            due_on=due_on,
            status=status,
            status_label=labels.get(status) or ActionStatus.label_of(status),
            days_overdue=days_past_due(status, due_on, as_at),
            latest_update=note if latest_id is not None else "",
            latest_update_on=_date_of(noted_at) if latest_id is not None else None,
            latest_update_kind=UpdateKind.label_of(kind) if latest_id is not None else "",
            latest_update_by=by,
        )


def _date_of(moment) -> date:
    # Stored in UTC; the day it was in the UK is the day people remember.
    return uk_time(moment).date()
