"""An action as it stood on a past day, read back from its history in SQL.

The action's row holds only how it stands now. Every change went through `history.record`, whose
entries keep the old and new status and, for edits and decisions, the old and new due date
(`changes["due_on"]`, two ISO dates or nulls). So, as at the end of a day:

- the status is the old status of the first entry after the day that changed it, or the action's
  status now if none did;
- the due date, likewise, is the old due date of the first entry after the day that changed it;
- the update a reader then saw is the latest entry made by the day with a note (not the one that
  raised the action).

Each is a correlated subquery on `Action` that reads a few entries off the index on
(action_id, created_at, id), whatever the length of the history table: columns for a query over
actions, not a load of every entry. A day is a UK day: an entry made at 11pm UK time on
31 December counts for that day.
"""

from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from tracker.actions.models import Action, ActionUpdate, UpdateKind
from tracker.kit.dates import UK


def end_of(day: date) -> datetime:
    """The moment (UTC) the UK day ends: entries made before it were made by the day."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=UK).astimezone(UTC)


class iso_date(FunctionElement):  # noqa: N801 (a SQL function's name)
    """ISO date text as a date: PostgreSQL casts it; SQLite stores dates as that text already
    (and its CAST(... AS DATE) would make a number of it)."""

    type = sa.Date()
    inherit_cache = True


@compiles(iso_date)
def _iso_date(element, compiler, **kw):
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(iso_date, "sqlite")
def _iso_date_sqlite(element, compiler, **kw):
    return compiler.process(element.clauses, **kw)


def _entries_after(day: date, action_id):
    """The action's entries made after `day`, earliest first."""
    return (
        sa.select()
        .where(ActionUpdate.action_id == action_id, ActionUpdate.created_at >= end_of(day))
        .order_by(ActionUpdate.created_at, ActionUpdate.id)
        .limit(1)
        .correlate_except(ActionUpdate)
    )


def status_on(day: date):
    """The action's status at the end of `day`."""
    undone = (
        _entries_after(day, Action.id)
        .add_columns(ActionUpdate.old_status)
        .where(ActionUpdate.old_status.is_not(None), ActionUpdate.new_status.is_not(None))
        .scalar_subquery()
    )
    return sa.func.coalesce(undone, Action.status)


def due_change_after(day: date, action_id=Action.id):
    """The old due date of the first due-date change after `day`: NULL when none changed it, ''
    when the action then had no due date, else the date as ISO text. `due_on` turns it into the
    due date; it is a column of its own so that the entry is read once. Of the action whose id
    is `action_id` (an action's, or a column of a subquery of them)."""
    # A change has a date on one side at least: `history.record` never writes [null, null].
    old, new = (ActionUpdate.changes[("due_on", n)].as_string() for n in (0, 1))
    return (
        _entries_after(day, action_id)
        .add_columns(sa.func.coalesce(old, ""))
        .where(sa.or_(old.is_not(None), new.is_not(None)))
        .scalar_subquery()
    )


def due_on(due_change, current_due_on):
    """The due date then, from `due_change_after`'s column and the action's due date now."""
    return sa.case(
        (due_change.is_(None), current_due_on),
        else_=iso_date(sa.func.nullif(due_change, "")),
    )


def latest_note_id(day: date, action_id=Action.id):
    """The id of the latest entry with a note made by the end of `day`: what a reader then saw.
    Of the action whose id is `action_id` (an action's, or a column of a subquery of them)."""
    return (
        sa.select(ActionUpdate.id)
        .where(
            ActionUpdate.action_id == action_id,
            ActionUpdate.created_at < end_of(day),
            ActionUpdate.kind != UpdateKind.RAISED,
            ActionUpdate.note != "",
        )
        .order_by(ActionUpdate.created_at.desc(), ActionUpdate.id.desc())
        .limit(1)
        .correlate_except(ActionUpdate)
        .scalar_subquery()
    )
