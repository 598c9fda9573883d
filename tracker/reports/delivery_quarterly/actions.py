"""The pack's actions: those linked to its priorities and outstanding on the as-at day, with their
status, due date and latest update as they then were (`tracker.actions.as_at` reads them back
from the history in SQL).

A pack is for the Deputy Mayor to read: at 100,000 actions a priority may have thousands
outstanding. So each priority counts its overdue and its other open actions and lists the first
`LISTED` of each (`listed`: two queries, however many there are); the CSV has every one
(`every`, read a batch at a time).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from tracker.actions import as_at as then
from tracker.actions import queries
from tracker.actions.models import (
    OUTSTANDING_STATUSES,
    Action,
    ActionStatus,
    ActionUpdate,
    UpdateKind,
    action_priority,
    days_past_due,
)
from tracker.directory.models import Organisation, Person
from tracker.extensions import db
from tracker.kit.dates import long_date, uk_time

LISTED = 25  # in each of a priority's two tables, as the priority page and the report page list
BATCH = 1_000


@dataclass(frozen=True)
class ActionLine:
    id: int
    reference: str
    text: str
    owner: str
    lead: str
    due_on: date | None
    status_label: str
    days_overdue: int
    confidential: bool
    latest_update: str = ""  # the note
    latest_update_kind: str = ""  # "Progress update", "More time refused", ...
    latest_update_on: date | None = None
    priority_id: int = 0

    @property
    def latest_update_text(self) -> str:
        """'Note (Progress update, 3 November 2023)', for a table cell."""
        if not self.latest_update:
            return ""
        return f"{self.latest_update} ({self.latest_update_kind}, {long_date(self.latest_update_on)})"


@dataclass(frozen=True)
class Listed:
    """A priority's overdue and other open actions on the day: how many, and the first few."""

    overdue: list[ActionLine]  # the most overdue first
    open: list[ActionLine]  # due soonest first
    overdue_count: int
    open_count: int


def _outstanding(priority_ids: list[int], user, as_at: date):
    """Each visible action linked to one of the priorities and outstanding at the end of `as_at`,
    once per priority: priority_id, id, reference, and status, due_on and overdue as they were."""
    linked = (
        sa.select(Action.id, Action.reference, then.status_on(as_at).label("status"),
                  Action.due_on.label("due_now"))
        # Every action raised by the day (closed now, it may have been open then); the join
        # below keeps those linked to the priorities. Asking here for the linked ones only would
        # lead PostgreSQL without statistics to look up 100,000 actions one at a time.
        .where(queries.visibility(user), Action.raised_on <= as_at)
        # Each read from the history once (not once per link, nor for each use of a column).
        .cte("linked")
        .prefix_with("MATERIALIZED")
    )
    # The due date then, only of those outstanding then (a fifth of them, or fewer).
    open_then = (
        sa.select(linked, then.due_change_after(as_at, linked.c.id).label("due_change"))
        .where(linked.c.status.in_(OUTSTANDING_STATUSES))
        .cte("open_then")
        .prefix_with("MATERIALIZED")
    )
    due_on = then.due_on(open_then.c.due_change, open_then.c.due_now)
    return (
        sa.select(
            action_priority.c.priority_id,
            open_then.c.id,
            open_then.c.reference,
            open_then.c.status,
            due_on.label("due_on"),
            sa.case((due_on < as_at, 1), else_=0).label("overdue"),
        )
        .join(action_priority, action_priority.c.action_id == open_then.c.id)
        .where(action_priority.c.priority_id.in_(priority_ids))
        .subquery("outstanding")
    )


def _in_order(rows):
    """Overdue first, the most overdue (due longest ago) first; then due soonest, undated last."""
    return (rows.c.overdue.desc(), rows.c.due_on.is_(None), rows.c.due_on, rows.c.reference)


def _with_what_is_shown(rows, as_at: date) -> sa.Select:
    """`rows` (a subquery with an action's `id`) with what a line shows of the action: its text,
    owner and lead, and the latest note made by the day."""
    noted = sa.select(rows, then.latest_note_id(as_at, rows.c.id).label("note_id")).subquery()
    return (
        sa.select(
            noted, Action.text, Action.confidential, Organisation.short_name, Organisation.name,
            Person.name.label("lead"), ActionUpdate.note, ActionUpdate.kind, ActionUpdate.created_at,
        )
        .join(Action, Action.id == noted.c.id)
        .join(Organisation, Organisation.id == Action.owner_id)
        .outerjoin(Person, Person.id == Action.lead_id)
        .outerjoin(ActionUpdate, ActionUpdate.id == noted.c.note_id)
    )


def _line(then_row, shown, as_at: date) -> ActionLine:
    """A line from the action as it was (`_outstanding`'s row) and what is shown of it."""
    noted = bool(shown.note)
    return ActionLine(
        id=then_row.id, reference=then_row.reference, text=shown.text,
        owner=shown.short_name or shown.name, lead=shown.lead or "", due_on=then_row.due_on,
        status_label=ActionStatus.label_of(then_row.status),
        days_overdue=days_past_due(then_row.status, then_row.due_on, as_at),
        confidential=shown.confidential,
        latest_update=shown.note if noted else "",
        latest_update_kind=UpdateKind.label_of(shown.kind) if noted else "",
        latest_update_on=uk_time(shown.created_at).date() if noted else None,
        priority_id=then_row.priority_id,
    )


def listed(priority_ids: list[int], user, as_at: date) -> dict[int, Listed]:
    """Each priority's counts and first `LISTED` overdue and other open actions, by its id: the
    counts and the few in one query, then what is shown of those few in another."""
    outstanding = _outstanding(priority_ids, user, as_at)
    group = (outstanding.c.priority_id, outstanding.c.overdue)
    ranked = sa.select(
        outstanding,
        sa.func.count().over(partition_by=group).label("total"),
        sa.func.row_number().over(partition_by=group, order_by=_in_order(outstanding)[1:])
        .label("place"),
    ).subquery("ranked")
    first = db.session.execute(
        sa.select(ranked).where(ranked.c.place <= LISTED)
        .order_by(ranked.c.priority_id, *_in_order(ranked))
    ).all()
    # Asked for by id, the few are looked up by index on both databases, with or without
    # statistics (joined to the ranking, PostgreSQL may read every entry to find a few notes).
    chosen = sa.select(Action.id).where(Action.id.in_({row.id for row in first})).subquery()
    shown = {row.id: row for row in db.session.execute(_with_what_is_shown(chosen, as_at))}
    lines: dict[tuple[int, bool], list[ActionLine]] = {}
    counts: dict[tuple[int, bool], int] = {}
    for row in first:
        key = (row.priority_id, bool(row.overdue))
        counts[key] = row.total
        lines.setdefault(key, []).append(_line(row, shown[row.id], as_at))
    return {
        p: Listed(
            overdue=lines.get((p, True), []),
            open=lines.get((p, False), []),
            overdue_count=counts.get((p, True), 0),
            open_count=counts.get((p, False), 0),
        )
        for p in priority_ids
    }


def every(priority_ids: list[int], user, as_at: date) -> Iterator[ActionLine]:
    """Every line, priority by priority in the order given, each in the pack's order; read
    `BATCH` rows at a time."""
    if not priority_ids:
        return
    outstanding = _outstanding(priority_ids, user, as_at)
    shown = _with_what_is_shown(outstanding, as_at).subquery()
    place = sa.case({p: n for n, p in enumerate(priority_ids)}, value=shown.c.priority_id)
    query = sa.select(shown).order_by(place, *_in_order(shown)).execution_options(yield_per=BATCH)
    for row in db.session.execute(query):
        yield _line(row, row, as_at)
