"""Raising an action inside an agenda item, as the secretariat does while writing the notes.

An action's reference is fixed when it is raised: the meeting type's short name, the meeting's
year and month, the item's number (two digits) and a letter, e.g. COM-2023-10-04a. Items can be
reordered later and two meetings of a series can fall in one month, so the letter is the next one
not yet used by any reference with the same stem; the reference never changes afterwards.
"""

from datetime import date

import sqlalchemy as sa

from tracker.actions import history
from tracker.actions.models import Action, ActionStatus, UpdateKind
from tracker.directory.models import Organisation, Person
from tracker.extensions import db
from tracker.kit.conflicts import save
from tracker.kit.lettering import letter_index, letters
from tracker.meetings.lifecycle import note_change
from tracker.meetings.models import AgendaItem


def reference_stem(item: AgendaItem) -> str:
    meeting = item.meeting
    return f"{meeting.meeting_type.short_name}-{meeting.starts_at:%Y-%m}-{item.number:02d}"


def next_reference(item: AgendaItem) -> str:
    """The reference the next action raised under `item` gets."""
    stem = reference_stem(item)
    taken = db.session.scalars(
        sa.select(Action.reference).where(Action.reference.startswith(stem, autoescape=True))
    ).all()
    used = [
        letter_index(ref[len(stem) :])
        for ref in taken
        if ref[len(stem) :].isalpha() and ref[len(stem) :].islower()
    ]
    return stem + letters(max(used, default=-1) + 1)


def raise_action(
    item: AgendaItem,
    user,
    *,
    text: str,
    owner: Organisation,
    lead: Person | None = None,
    due_on: date | None = None,
    confidential: bool = False,
    recurring: bool = False,
    priorities: list | None = None,
    indicators: list | None = None,
    reason: str = "",
) -> Action:
    """Add an open action at the end of `item`'s actions, with its first history entry.

    Raising an action changes the minutes, so it is also noted as a change to the meeting's
    record (a correction, with `reason`, once the minutes are published), in one transaction. A
    reference taken by someone else at the same moment shows up as an IntegrityError on commit;
    nothing is saved and the secretariat can raise it again.
    """
    meeting = item.meeting
    action = Action(
        reference=next_reference(item),
        text=text.strip(),
        owner=owner,
        lead=lead,
        meeting=meeting,
        agenda_item=item,
        position=max((a.position for a in item.actions), default=-1) + 1,
        due_on=due_on,
        status=ActionStatus.OPEN,
        confidential=confidential,
        recurring=recurring,
        raised_on=meeting.starts_at.date(),
        priorities=list(priorities or []),
        indicators=list(indicators or []),
    )
    db.session.add(action)
    history.record(
        action,
        user,
        UpdateKind.RAISED,
        f"Raised at the {meeting.title}, item {item.number}: {item.title}.",
        new_status=ActionStatus.OPEN,
        summary=f"Raised {action.reference}: {action.text}",
        audit_detail={
            "meeting_id": meeting.id, "agenda_item_id": item.id, "confidential": confidential
        },
    )
    note_change(
        meeting, user, "agenda.action_raised",
        f"Raised action {action.reference} under item {item.number}", reason, entity=item,
        action_id=action.id,
    )
    save()
    return action
