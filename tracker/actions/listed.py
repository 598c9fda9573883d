"""The register's page of actions read as plain rows, not as records.

Every view of the register lists 25 actions with their owner, lead, meeting, meeting type, agenda
item and latest history entry (with its author). Loaded as records that was some 200 ORM objects
a page, a quarter of its time. These rows hold only what the action table shows
(templates/macros/actions.html), under the same names, so the table reads them as it reads an
`Action` and an `ActionUpdate`; what they derive (overdue, labels, who made an entry) is
worked out by the same functions the models use.
"""

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from tracker.actions import queries
from tracker.actions.models import (
    Action,
    ActionUpdate,
    StatusReadings,
    UpdateKind,
)
from tracker.auth.models import User
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, Meeting, item_number


@dataclass(frozen=True, slots=True)
class Named:
    """An owner, lead or meeting type, as a list names it."""

    name: str
    short_name: str = ""
    id: int | None = None  # for the API, which names records by their ids


@dataclass(frozen=True, slots=True)
class RaisedAt:
    """The meeting an action was raised at, and the number of its item (None for no item)."""

    starts_at: datetime
    meeting_type: Named
    id: int | None = None


@dataclass(frozen=True, slots=True)
class ItemNumber:
    number: int


@dataclass(frozen=True, slots=True)
class ListedAction(StatusReadings):
    """One action as the register lists it; read by the action table like an `Action`."""

    id: int
    reference: str
    text: str
    confidential: bool
    status: str
    due_on: date | None
    closed_on: date | None
    owner: Named
    lead: Named | None
    meeting: RaisedAt
    agenda_item: ItemNumber | None


@dataclass(frozen=True, slots=True)
class LatestEntry:
    """An action's latest history entry with a note; read by the table like an `ActionUpdate`."""

    kind: str
    note: str
    created_at: datetime
    author_name: str

    @property
    def described(self) -> str:
        """As `ActionUpdate.described`: 'More time refused by Alison Lowe'."""
        return f"{UpdateKind.label_of(self.kind)} by {self.author_name}"


@cache
def _lead_and_item_number() -> tuple:
    # Built once (when first used, once every model is mapped), as the statements below are:
    # SQLAlchemy builds and keys a statement anew each time, which cost more than running it.
    return aliased(Person), item_number()


def actions(query: sa.Select) -> list[ListedAction]:
    """The actions `query` (a select of `Action`, filtered, ordered and limited) gives, as rows:
    one query, with what the table shows joined in."""
    return rows(statement(query))


def statement(query: sa.Select) -> sa.Select:
    """What `actions` runs for `query`, for a page that keeps it (building and keying a
    statement costs more than running it)."""
    lead, number = _lead_and_item_number()
    return (
        query.with_only_columns(
            Action.id,
            Action.reference,
            Action.text,
            Action.confidential,
            Action.status,
            Action.due_on,
            Action.closed_on,
            Organisation.name,
            Organisation.short_name,
            lead.name,
            Meeting.starts_at,
            MeetingType.name,
            MeetingType.short_name,
            Action.agenda_item_id,
            number,
            Action.owner_id,
            Action.lead_id,
            Action.meeting_id,
            maintain_column_froms=False,
        )
        .join(Organisation, Organisation.id == Action.owner_id)
        .join(Meeting, Meeting.id == Action.meeting_id)
        .join(MeetingType, MeetingType.id == Meeting.meeting_type_id)
        .outerjoin(lead, lead.id == Action.lead_id)
        .outerjoin(AgendaItem, AgendaItem.id == Action.agenda_item_id)
    )


def rows(statement: sa.Select) -> list[ListedAction]:
    """The actions a `statement` gives, as rows."""
    # On the session's connection, as Core: the rows are plain values, and the ORM's handling of
    # a statement is work these rows do not need.
    found = db.session.connection().execute(statement)
    return [
        ListedAction(
            id=row[0],
            reference=row[1],
            text=row[2],
            confidential=row[3],
            status=row[4],
            due_on=row[5],
            closed_on=row[6],
            owner=Named(row[7], row[8], row[15]),
            lead=Named(row[9], id=row[16]) if row[9] is not None else None,
            meeting=RaisedAt(row[10], Named(row[11], row[12]), row[17]),
            agenda_item=ItemNumber(row[14]) if row[13] is not None else None,
        )
        for row in found
    ]


def latest_entries(action_ids: list[int]) -> dict[int, LatestEntry]:
    """The latest history entry with a note of each of `action_ids`, picked as
    `queries.latest_updates` picks it, with who made it: one query."""
    if not action_ids:
        return {}
    found = db.session.connection().execute(_latest_entries(), {"action_ids": list(action_ids)})
    return {
        action_id: LatestEntry(kind, note, created_at, _author_name(username, person, user_id))
        for action_id, kind, note, created_at, username, person, user_id in found
    }


@cache
def _latest_entries() -> sa.Select:
    ranked = queries.latest_entries(sa.bindparam("action_ids", expanding=True))
    return (
        sa.select(
            ActionUpdate.action_id,
            ActionUpdate.kind,
            ActionUpdate.note,
            ActionUpdate.created_at,
            User.username,
            Person.name,
            User.id,
        )
        .join(ranked, ranked.c.id == ActionUpdate.id)
        .outerjoin(User, User.id == ActionUpdate.author_id)
        .outerjoin(Person, Person.id == User.person_id)
        .where(ranked.c.rank == 1)
    )


def _author_name(username: str | None, person: str | None, user_id: int | None) -> str:
    # As `ActionUpdate.author_name` and `User.display_name`.
    if user_id is None:
        return "the tracker"
    return person if person is not None else username
