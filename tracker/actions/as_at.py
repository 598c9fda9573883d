"""An action as it stood on a past day, read back from its history.

The action's row holds only how it stands now. Every change went through `history.record`, whose
entries keep the old and new status and, for edits and decisions, the old and new due date
(`changes["due_on"]`). Undoing the entries made after the day, newest first, gives the status and
due date as they were; the latest entry with a note made by the day is the update a reader then
saw. A day is a UK day: an entry made at 11pm UK time on 31 December counts for that day.

Everything here works on loaded objects (load `Action.updates` with the actions, one query for
all of them); nothing queries the database.
"""

from dataclasses import dataclass
from datetime import date

from tracker.actions.models import (
    OUTSTANDING_STATUSES,
    Action,
    ActionUpdate,
    UpdateKind,
    days_past_due,
)
from tracker.kit.dates import uk_time


@dataclass(frozen=True)
class ActionAsAt:
    """What an action's status, due date and latest update were on a day."""

    status: str
    due_on: date | None
    latest_update: ActionUpdate | None

    @property
    def is_outstanding(self) -> bool:
        return self.status in OUTSTANDING_STATUSES

    def days_overdue(self, day: date) -> int:
        return days_past_due(self.status, self.due_on, day)


def day_of(entry: ActionUpdate) -> date:
    return uk_time(entry.created_at).date()


def _old_date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def as_at(action: Action, day: date) -> ActionAsAt:
    """`action` as it stood at the end of `day` (its updates already loaded)."""
    status, due_on = action.status, action.due_on
    entries = sorted(action.updates, key=lambda e: (e.created_at, e.id or 0))
    for entry in reversed(entries):
        if day_of(entry) <= day:
            break
        if entry.old_status and entry.new_status:
            status = entry.old_status
        due_change = (entry.changes or {}).get("due_on")
        if due_change:
            due_on = _old_date(due_change[0])
    seen = [
        e for e in entries
        if day_of(e) <= day and e.kind != UpdateKind.RAISED and e.note
    ]
    return ActionAsAt(status=status, due_on=due_on, latest_update=seen[-1] if seen else None)
