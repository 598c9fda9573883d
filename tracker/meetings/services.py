"""Running a meeting: creating it and its series, cancelling it, attendance, item 2, future agenda items, and
loading a meeting with what its pages show.

Plain functions over model objects, used by the views, the demo loader and the tests. They add to
the session and flush; the caller commits, so each change is one transaction. Agenda items have
their own module (`items`); the minutes' lifecycle and the record of changes are in `lifecycle`.
"""

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from flask import abort
from sqlalchemy.orm import selectinload

from tracker import audit
from tracker.auth.models import User
from tracker.auth.permissions import Permission, can
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.kit.conflicts import save
from tracker.kit.dates import utcnow
from tracker.meetings import agenda
from tracker.meetings.lifecycle import MinutesError, note_change
from tracker.meetings.models import (
    AgendaItem,
    Attendance,
    AttendanceKind,
    FutureAgendaItem,
    Meeting,
    MinutesRevision,
    MinutesStatus,
    PreviousMinutesOutcome,
)

# --- the series -----------------------------------------------------------------------------


def relink_series(meeting_type: MeetingType) -> None:
    """Point each meeting of a type at the one before it (dates can change; meetings can be added).

    A cancelled meeting is no one's previous meeting: the next one takes its matters arising
    from the last meeting that was held.
    """
    db.session.flush()
    meetings = db.session.scalars(
        sa.select(Meeting)
        .where(Meeting.meeting_type_id == meeting_type.id)
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()
    previous = None
    for meeting in meetings:
        if meeting.previous_meeting_id != (previous.id if previous else None):
            meeting.previous_meeting = previous
        if not meeting.is_cancelled:
            previous = meeting


class SameDay(MinutesError):
    """A meeting of the same type is already on that day, and the person has not confirmed that
    there really are two; `meetings` are the ones already there."""

    def __init__(self, meetings: list[Meeting]):
        self.meetings = meetings
        titles = ", ".join(f"the {m.title} at {m.starts_at:%H:%M}" for m in meetings)
        super().__init__(f"There is already a meeting of this type on that day: {titles}.")


def same_day(meeting_type: MeetingType, day: date, excluding: Meeting | None = None) -> list[Meeting]:
    """The meetings of this type on `day` (not cancelled ones), but for `excluding`."""
    start = datetime.combine(day, time())
    query = sa.select(Meeting).where(
        Meeting.meeting_type_id == meeting_type.id,
        Meeting.starts_at >= start,
        Meeting.starts_at < start + timedelta(days=1),
        Meeting.cancelled_at.is_(None),
    )
    if excluding is not None and excluding.id is not None:
        query = query.where(Meeting.id != excluding.id)
    return list(db.session.scalars(query.order_by(Meeting.starts_at, Meeting.id)))


def _check_same_day(
    meeting_type: MeetingType, starts_at: datetime, excluding: Meeting | None, confirmed: bool
) -> None:
    # Two meetings of a series on one day is usually a slip, but can be real: ask, don't refuse.
    if not confirmed:
        clashes = same_day(meeting_type, starts_at.date(), excluding)
        if clashes:
            raise SameDay(clashes)


def create_meeting(
    user,
    *,
    meeting_type: MeetingType,
    starts_at: datetime,
    place: str = "",
    theme: str = "",
    same_day_confirmed: bool = False,
    items: list[tuple[str, str]] | None = None,
) -> Meeting:
    """A new meeting with its type's standing agenda and the previous meeting's future items.

    Future agenda items agreed at the previous meeting of the series and not yet carried go in
    before the closing items (future agenda items, any other business, next meeting). `SameDay`
    if the series already has a meeting that day, unless `same_day_confirmed`. `items`, (title,
    notes) pairs, are the agenda of minutes written elsewhere (an import): they are what was
    discussed, so they replace the standing agenda and nothing is carried.
    """
    _check_same_day(meeting_type, starts_at, None, same_day_confirmed)
    meeting = Meeting(
        meeting_type=meeting_type, starts_at=starts_at, place=place.strip(), theme=theme.strip()
    )
    db.session.add(meeting)
    relink_series(meeting_type)
    titles = list(meeting_type.standing_items)
    carried = []
    if meeting.previous_meeting is not None and items is None:
        carried = [f for f in meeting.previous_meeting.future_items if f.carried_into_id is None]
    at = agenda.insertion_index(titles)
    titles[at:at] = [future.title for future in carried]
    for future in carried:
        future.carried_into = meeting
    if items is None:
        items = [(title, "") for title in titles]
    meeting.agenda_items = [
        AgendaItem(position=n, title=title.strip(), notes=notes)
        for n, (title, notes) in enumerate(items)
    ]
    db.session.flush()
    audit.record(
        user,
        "meeting.created",
        meeting,
        f"Created the {meeting.title}",
        carried=[future.title for future in carried],
    )
    save()
    return meeting


def update_details(
    meeting: Meeting,
    user,
    *,
    meeting_type: MeetingType,
    starts_at: datetime,
    place: str,
    theme: str,
    reason: str = "",
    same_day_confirmed: bool = False,
) -> bool:
    """Change a meeting's type, date and time, place or theme. Returns whether anything changed.

    Moving it to a day on which its series already has a meeting: `SameDay`, unless confirmed.
    """
    old_type = meeting.meeting_type
    if meeting_type.id != old_type.id and meeting.actions:
        raise MinutesError(
            "This meeting's type cannot change: actions have been raised at it and their "
            "references name the type."
        )
    if meeting_type.id != old_type.id or starts_at.date() != meeting.starts_at.date():
        _check_same_day(meeting_type, starts_at, meeting, same_day_confirmed)
    before = _details(meeting)
    meeting.meeting_type = meeting_type
    meeting.starts_at = starts_at
    meeting.place = place.strip()
    meeting.theme = theme.strip()
    after = _details(meeting)
    if before == after:
        return False
    relink_series(old_type)
    if meeting_type.id != old_type.id:
        relink_series(meeting_type)
    note_change(
        meeting, user, "meeting.details_changed", "Changed the meeting's details", reason,
        before=before, after=after,
    )
    save()
    return True


def _details(meeting: Meeting) -> dict:
    return {
        "type": meeting.meeting_type.short_name,
        "starts_at": meeting.starts_at.isoformat(timespec="minutes"),
        "place": meeting.place,
        "theme": meeting.theme,
    }


def delete_meeting(meeting: Meeting, user) -> None:
    """Delete a draft meeting created in error. Meetings with actions or issued minutes stay."""
    if meeting.actions:
        raise MinutesError("This meeting cannot be deleted: actions have been raised at it.")
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise MinutesError("Only a meeting whose minutes are in draft can be deleted.")
    audit.record(user, "meeting.deleted", meeting, f"Deleted the {meeting.title}")
    # Future items it had taken from the meeting before go back to waiting for the next one.
    for future in db.session.scalars(
        sa.select(FutureAgendaItem).where(FutureAgendaItem.carried_into_id == meeting.id)
    ):
        future.carried_into = None
    for later in db.session.scalars(sa.select(Meeting).where(Meeting.previous_meeting_id == meeting.id)):
        later.previous_meeting = None
    meeting_type = meeting.meeting_type
    db.session.delete(meeting)
    relink_series(meeting_type)
    save()


# --- cancelling -----------------------------------------------------------------------------


def require_can_edit(user) -> None:
    """Only those who run meetings (the secretariat, administrators) may change one."""
    if not can(user, Permission.EDIT_MEETINGS):
        raise MinutesError("Only the secretariat can change meetings.")


def cancel_meeting(meeting: Meeting, user) -> None:
    """Call a meeting off. It stays in the tracker, marked cancelled, and calendars show it so.

    Only a meeting that has not happened in the tracker's eyes: its minutes still in draft and no
    actions raised at it. Future items it had taken from the meeting before go back to waiting
    for the next meeting created in the series.
    """
    require_can_edit(user)
    if meeting.is_cancelled:
        raise MinutesError("This meeting is already cancelled.")
    if meeting.actions:
        raise MinutesError("This meeting cannot be cancelled: actions have been raised at it.")
    if meeting.minutes_status != MinutesStatus.DRAFT:
        raise MinutesError("This meeting cannot be cancelled: its minutes have been approved.")
    meeting.cancelled_at = utcnow()
    released = _carried_into(meeting)
    for future in released:
        future.carried_into = None
    relink_series(meeting.meeting_type)
    audit.record(
        user, "meeting.cancelled", meeting, f"Cancelled the {meeting.title}",
        released=[future.title for future in released],
    )
    save()


def reinstate_meeting(meeting: Meeting, user) -> None:
    """Undo a cancellation: the meeting goes ahead after all."""
    require_can_edit(user)
    if not meeting.is_cancelled:
        raise MinutesError("This meeting is not cancelled.")
    meeting.cancelled_at = None
    relink_series(meeting.meeting_type)
    audit.record(user, "meeting.reinstated", meeting, f"Reinstated the {meeting.title}")
    save()


def _carried_into(meeting: Meeting) -> list[FutureAgendaItem]:
    return list(
        db.session.scalars(
            sa.select(FutureAgendaItem).where(FutureAgendaItem.carried_into_id == meeting.id)
        )
    )


# --- attendance -----------------------------------------------------------------------------


def add_person(name: str, job_title: str, organisation: Organisation) -> Person:
    """Add someone to the people directory (or find them, if they are already there)."""
    name, job_title = " ".join(name.split()), job_title.strip()
    existing = db.session.scalar(
        sa.select(Person).where(
            sa.func.lower(Person.name) == name.lower(), Person.organisation_id == organisation.id
        )
    )
    if existing is not None:
        return existing
    person = Person(name=name, job_title=job_title, organisation=organisation)
    db.session.add(person)
    db.session.flush()
    return person


def record_attendance(
    meeting: Meeting, user, choices: dict[Person, str | None], reason: str = ""
) -> bool:
    """Set who was present, also present or gave apologies (None: not recorded as attending)."""
    current = {attendance.person_id: attendance for attendance in meeting.attendances}
    before = {a.person.name: a.kind for a in meeting.attendances}
    changed = False
    for person, kind in choices.items():
        attendance = current.get(person.id)
        if kind is not None and kind not in tuple(AttendanceKind):
            raise MinutesError(f"Choose how {person.name} attended.")
        if kind is None and attendance is not None:
            meeting.attendances.remove(attendance)
            changed = True
        elif kind is not None and attendance is None:
            meeting.attendances.append(Attendance(person=person, kind=kind))
            changed = True
        elif kind is not None and attendance.kind != kind:
            attendance.kind = kind
            changed = True
    if changed:
        after = {a.person.name: a.kind for a in meeting.attendances}
        note_change(
            meeting, user, "meeting.attendance_changed", "Changed the attendance", reason,
            before=before, after=after,
        )
    save()
    return changed


# --- item 2 and the future ------------------------------------------------------------------


def record_previous_minutes(
    meeting: Meeting, user, outcome: str, amendment: str = "", reason: str = ""
) -> bool:
    """Record that the previous meeting's notes were accepted, or amended (with the amendment).

    Not while those notes are still a draft: what the meeting accepts is the approved record.
    """
    if outcome not in tuple(PreviousMinutesOutcome):
        raise MinutesError("Choose whether the notes were accepted or amended.")
    previous = meeting.previous_meeting
    if previous is not None and previous.minutes_status == MinutesStatus.DRAFT:
        raise MinutesError(previous_minutes_in_draft(previous))
    amendment = amendment.strip() if outcome == PreviousMinutesOutcome.AMENDED else ""
    if outcome == PreviousMinutesOutcome.AMENDED and not amendment:
        raise MinutesError("Enter the amendment.")
    before = [meeting.previous_minutes_outcome, meeting.previous_minutes_amendment]
    if before == [outcome, amendment]:
        return False
    meeting.previous_minutes_outcome = outcome
    meeting.previous_minutes_amendment = amendment
    note_change(
        meeting, user, "meeting.previous_minutes_recorded",
        f"Recorded the previous minutes as {PreviousMinutesOutcome(outcome).label.lower()}",
        reason, before=before, after=[outcome, amendment],
    )
    save()
    return True


def previous_minutes_in_draft(previous: Meeting) -> str:
    return (
        f"The minutes of the previous meeting, the {previous.title}, are still a draft, so they "
        "cannot be accepted as a correct record yet. Approve them first."
    )


def set_next_meeting_date(meeting: Meeting, user, next_on: date | None, reason: str = "") -> bool:
    """Record (or clear) the date agreed for the next meeting of the series."""
    if meeting.next_meeting_on == next_on:
        return False
    before = meeting.next_meeting_on.isoformat() if meeting.next_meeting_on else None
    meeting.next_meeting_on = next_on
    note_change(
        meeting, user, "meeting.next_meeting_set", "Set the next meeting's date", reason,
        before=before, after=next_on.isoformat() if next_on else None,
    )
    save()
    return True


def add_future_item(meeting: Meeting, user, title: str, reason: str = "") -> FutureAgendaItem:
    """An item agreed for a later agenda; the next meeting created in the series takes it."""
    future = FutureAgendaItem(title=title.strip())
    meeting.future_items.append(future)
    db.session.flush()
    note_change(
        meeting, user, "meeting.future_item_added", f"Added a future agenda item: {future.title}",
        reason, entity=future,
    )
    save()
    return future


def remove_future_item(future: FutureAgendaItem, user, reason: str = "") -> None:
    """Drop a future item, unless it is already on a later meeting's agenda."""
    if future.carried_into is not None:
        raise MinutesError(
            f"“{future.title}” is already on the agenda of the {future.carried_into.title}; "
            "remove it from that agenda instead."
        )
    meeting = future.meeting
    meeting.future_items.remove(future)
    note_change(
        meeting, user, "meeting.future_item_removed",
        f"Removed a future agenda item: {future.title}", reason,
    )
    save()


# --- reading --------------------------------------------------------------------------------


def meeting_query(meeting_id: int, *loads) -> sa.Select:
    """One meeting with what its pages show, loaded up front; `loads` adds more (the actions
    domain offers what its lists of a meeting's actions need)."""
    return (
        sa.select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.meeting_type),
            selectinload(Meeting.previous_meeting).selectinload(Meeting.meeting_type),
            selectinload(Meeting.attendances)
            .selectinload(Attendance.person)
            .selectinload(Person.organisation),
            selectinload(Meeting.agenda_items).options(
                selectinload(AgendaItem.presenter).selectinload(Person.organisation),
                selectinload(AgendaItem.papers),
            ),
            selectinload(Meeting.future_items)
            .selectinload(FutureAgendaItem.carried_into)
            .selectinload(Meeting.meeting_type),
            selectinload(Meeting.revisions)
            .selectinload(MinutesRevision.created_by)
            .selectinload(User.person),
            *loads,
        )
    )


def load_meeting(meeting_id: int, *loads) -> Meeting:
    """The meeting with what its pages show (and `loads`), or 404."""
    return db.first_or_404(meeting_query(meeting_id, *loads))


def item_of(meeting: Meeting, item_id: int) -> AgendaItem:
    """The meeting's agenda item with this id; another meeting's item is not found here (404)."""
    item = next((item for item in meeting.agenda_items if item.id == item_id), None)
    if item is None:
        abort(404)
    return item


def following_meeting(meeting: Meeting) -> Meeting | None:
    """The next meeting of the series, once it has been created."""
    return db.session.scalar(
        sa.select(Meeting)
        .where(Meeting.previous_meeting_id == meeting.id, Meeting.cancelled_at.is_(None))
        .limit(1)
    )




def attendees(meeting: Meeting, kind: str) -> list[Attendance]:
    """Attendances of one kind, in the order they were recorded (the minutes' order)."""
    return [a for a in meeting.attendances if a.kind == kind]
