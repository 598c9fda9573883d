"""What is missing from a meeting's minutes, said before they are approved or published.

Nothing here refuses: an item can rightly have no notes and a meeting can be approved with gaps.
But the secretariat confirms knowing them (see `lifecycle.approve` and `lifecycle.publish`), and
each gap says where to put it right: an endpoint and its arguments, for the page to link to.
"""

from dataclasses import dataclass, field

from tracker.kit.dates import long_date, today
from tracker.meetings import agenda
from tracker.meetings.models import AttendanceKind, Meeting, MinutesStatus


@dataclass(frozen=True)
class Gap:
    """One thing missing from the minutes, and the page where it is put right (if there is one)."""

    text: str
    fix: str = ""
    endpoint: str | None = None
    args: dict = field(default_factory=dict)


def gaps(meeting: Meeting) -> list[Gap]:
    """Everything a secretariat would want to know before the minutes are agreed or issued, in
    the order of the minutes: the meeting, attendance, the items, the actions, what comes next."""
    here = {"meeting_id": meeting.id}
    found = []
    if meeting.is_cancelled:
        found.append(Gap("The meeting was cancelled."))
    elif meeting.starts_at.date() > today():
        found.append(Gap(f"The meeting has not taken place yet: it is on {long_date(meeting.starts_at)}."))
    if not meeting.attendances:
        found.append(Gap("No attendance has been recorded.", "Record attendance", "meetings.attendance", here))
    elif not any(a.kind == AttendanceKind.PRESENT for a in meeting.attendances):
        found.append(Gap("Nobody is recorded as present.", "Record attendance", "meetings.attendance", here))
    previous = meeting.previous_meeting
    for item in meeting.agenda_items:
        if agenda.is_previous_minutes(item.title):
            if meeting.previous_minutes_outcome is None:
                found.append(Gap(
                    f"Item {item.number} does not record whether the notes of the previous meeting "
                    "were accepted.", "Record the outcome", "meetings.previous_minutes", here,
                ))
            if previous is not None and previous.minutes_status == MinutesStatus.DRAFT:
                found.append(Gap(
                    f"The minutes of the previous meeting, the {previous.title}, are still a draft.",
                    "Open the previous meeting", "meetings.detail", {"meeting_id": previous.id},
                ))
        if not item.notes.strip():
            found.append(Gap(
                f"Item {item.number}, {item.title}, has no notes.", f"Write the notes of item {item.number}",
                "meetings.edit_item", {**here, "item_id": item.id},
            ))
        if agenda.is_next_meeting(item.title) and meeting.next_meeting_on is None:
            found.append(Gap(
                "The date of the next meeting has not been recorded.", "Record the date",
                "meetings.next_meeting", here,
            ))
    for action in sorted(meeting.actions, key=lambda action: action.reference):
        missing = []
        if action.lead_id is None:
            missing.append("lead")
        if action.due_on is None and not action.recurring:
            missing.append("due date")
        if missing:
            found.append(Gap(
                f"Action {action.reference} has no {' and no '.join(missing)}.",
                f"Change action {action.reference}", "actions.edit", {"action_id": action.id},
            ))
    return found
