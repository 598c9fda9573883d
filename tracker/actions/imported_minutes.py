"""Minutes written elsewhere, once checked, saved as an ordinary draft meeting with its actions.

The review page and `flask minutes import --commit` both end here. The meeting, its attendance
and its actions are made by the same services as when the secretariat types them in (so
references, history and the audit log are as usual), inside one transaction: a refusal halfway
(a meeting already on that day, a reference taken meanwhile) saves nothing.
"""

from dataclasses import dataclass, field
from datetime import datetime

from tracker.actions.raising import raise_action
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.kit.conflicts import one_transaction
from tracker.meetings.models import Meeting, MinutesStatus, PreviousMinutesOutcome
from tracker.meetings.services import (
    add_person,
    create_meeting,
    record_attendance,
    record_previous_minutes,
)


@dataclass
class NewPerson:
    """Someone the directory does not have yet, added with the meeting."""

    name: str
    job_title: str
    organisation: Organisation


@dataclass
class CheckedAction:
    item: int  # the index, from 0, of the item in `CheckedMinutes.items` it is raised under
    text: str
    owner: Organisation
    lead: Person | None = None


@dataclass
class CheckedMinutes:
    """What the secretariat confirmed: records chosen, not names as written."""

    meeting_type: MeetingType
    starts_at: datetime
    place: str = ""
    theme: str = ""
    # (person or new person, AttendanceKind value)
    attendance: list[tuple[Person | NewPerson, str]] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)  # (title, notes)
    actions: list[CheckedAction] = field(default_factory=list)
    previous_minutes_agreed: bool = False


def create_draft_meeting(user, checked: CheckedMinutes, *, same_day_confirmed: bool = False) -> Meeting:
    """The draft meeting the checked minutes describe, with its attendance and actions raised.

    `SameDay` (nothing saved) if the series has a meeting that day, unless `same_day_confirmed`.
    The previous minutes are recorded as accepted only when the previous meeting's are no longer a
    draft (the service refuses otherwise); the secretariat can record it later.
    """
    with one_transaction():
        meeting = create_meeting(
            user, meeting_type=checked.meeting_type, starts_at=checked.starts_at,
            place=checked.place, theme=checked.theme, same_day_confirmed=same_day_confirmed,
            items=checked.items,
        )
        choices: dict[Person, str] = {}
        for who, kind in checked.attendance:
            if isinstance(who, NewPerson):
                who = add_person(who.name, who.job_title, who.organisation)
            choices.setdefault(who, kind)
        if choices:
            record_attendance(meeting, user, choices)
        previous = meeting.previous_meeting
        if checked.previous_minutes_agreed and (
            previous is None or previous.minutes_status != MinutesStatus.DRAFT
        ):
            record_previous_minutes(meeting, user, PreviousMinutesOutcome.ACCEPTED)
        for action in checked.actions:
            raise_action(
                meeting.agenda_items[action.item], user, text=action.text, owner=action.owner,
                lead=action.lead,
            )
    return meeting
