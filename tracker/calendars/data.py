"""What each calendar holds, gathered into `feeds` entries with one query per kind of thing, so a
feed costs the same few queries however many meetings and actions there are.

- A person's feed: the meetings they attend, from `HISTORY` ago onwards, and the due dates of the
  outstanding actions they lead. Those who run meetings (the secretariat, administrators) get
  every meeting. Anyone else gets every meeting of a type at which they have been recorded
  present or sent apologies (they are one of its members), and any other meeting they are
  recorded at (as a guest). Actions are limited by the same rule as every list of actions
  (`actions.queries.visibility`), so a confidential action is only there for a lead who may see it.
- The public feed: meetings of public types from `HISTORY` ago onwards, with what the public
  pages may show: the type, date, time and place, and only once the minutes are published, the
  theme and a link to them. Nothing of draft minutes, and no private meeting, is in it.
- One meeting, for "add to calendar": the signed-in reader's view of it, or the public one.
"""

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa
from flask import current_app, url_for
from sqlalchemy.orm import aliased, joinedload

from tracker.actions import queries as action_queries
from tracker.actions.models import Action, ActionStatus
from tracker.auth.models import User
from tracker.auth.permissions import Permission, can
from tracker.calendars.feeds import DueEntry, Feed, MeetingEntry
from tracker.directory.models import MeetingType
from tracker.extensions import db
from tracker.meetings.models import Attendance, AttendanceKind, Meeting, MinutesStatus

# How far back a feed goes: calendar apps keep what they have already fetched.
HISTORY = timedelta(days=365)
# Attendance that makes someone one of a meeting type's members, who expect its next meetings.
MEMBERSHIP = (AttendanceKind.PRESENT, AttendanceKind.APOLOGIES)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _since(as_at: date) -> datetime:
    return datetime.combine(as_at - HISTORY, datetime.min.time())


# --- a person's feed ------------------------------------------------------------------------


def meetings_for(user: User, as_at: date) -> sa.Select:
    """The meetings `user` attends (see the module), from `HISTORY` before `as_at`, in order."""
    query = (
        sa.select(Meeting)
        .options(joinedload(Meeting.meeting_type))
        .where(Meeting.starts_at >= _since(as_at))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if can(user, Permission.EDIT_MEETINGS):
        return query
    if user.person_id is None:
        return query.where(sa.false())
    attended = aliased(Meeting)
    member_of = (
        sa.select(attended.meeting_type_id)
        .join(Attendance, Attendance.meeting_id == attended.id)
        .where(Attendance.person_id == user.person_id, Attendance.kind.in_(MEMBERSHIP))
    )
    guest_at = sa.select(Attendance.meeting_id).where(Attendance.person_id == user.person_id)
    return query.where(sa.or_(Meeting.meeting_type_id.in_(member_of), Meeting.id.in_(guest_at)))


def actions_led_by(user: User) -> sa.Select:
    """The outstanding actions with a due date that `user` leads and may see, soonest first."""
    if user.person_id is None:
        return sa.select(Action).where(sa.false())
    return (
        sa.select(Action)
        .where(
            action_queries.visibility(user),
            action_queries.outstanding_condition(),
            Action.lead_id == user.person_id,
            Action.due_on.is_not(None),
        )
        .order_by(Action.due_on, Action.reference)
    )


def personal(user: User, as_at: date) -> Feed:
    meetings = db.session.scalars(meetings_for(user, as_at)).all()
    actions = db.session.scalars(actions_led_by(user)).all()
    return Feed(
        key=f"user-{user.id}",
        name=current_app.config["SERVICE_NAME"],
        description="Your meetings, and the due dates of the actions you lead.",
        as_at=as_at,
        meetings=tuple(meeting_entry(meeting) for meeting in meetings),
        dues=tuple(due_entry(action) for action in actions),
    )


def meeting_entry(meeting: Meeting) -> MeetingEntry:
    """A meeting as those signed in see it, with a link to its page."""
    url = url_for("meetings.detail", meeting_id=meeting.id, _external=True)
    lines = [f"Theme: {meeting.theme}"] if meeting.theme else []
    lines.append(f"The meeting in the tracker: {url}")
    summary = meeting.meeting_type.name + (f": {meeting.theme}" if meeting.theme else "")
    return _entry(meeting, summary, lines, url)


def due_entry(action: Action) -> DueEntry:
    url = url_for("actions.detail", action_id=action.id, _external=True)
    # Calendars are copied to other services: a confidential action's words stay in the tracker.
    text = "A confidential action: read it in the tracker." if action.confidential else action.text
    return DueEntry(
        action_id=action.id,
        summary=f"Action {action.reference} due",
        due_on=action.due_on,
        description=f"{text}\n\nStatus: {ActionStatus.label_of(action.status)}\n{url}",
        url=url,
        confidential=action.confidential,
        sequence=action.version - 1,
        modified=_utc(action.updated_at),
    )


def _entry(meeting: Meeting, summary: str, lines: list[str], url: str | None) -> MeetingEntry:
    if meeting.is_cancelled:
        summary = f"Cancelled: {summary}"
        lines = ["This meeting has been cancelled.", *lines]
    return MeetingEntry(
        id=meeting.id,
        summary=summary,
        starts_at=meeting.starts_at,
        location=meeting.place,
        description="\n".join(lines),
        url=url,
        cancelled=meeting.is_cancelled,
        # The record's version counts its saved changes: a moved meeting has a higher sequence.
        sequence=meeting.version - 1,
        modified=_utc(meeting.updated_at),
    )


def one_meeting(meeting: Meeting, as_at: date) -> Feed:
    return Feed(
        key=f"meeting-{meeting.id}",
        name=meeting.title,
        description=meeting.title,
        as_at=as_at,
        meetings=(meeting_entry(meeting),),
    )


# --- public ---------------------------------------------------------------------------------


def public_meetings(as_at: date) -> sa.Select:
    """Meetings of public types from `HISTORY` before `as_at`, in order."""
    return (
        sa.select(Meeting)
        .join(Meeting.meeting_type)
        .options(joinedload(Meeting.meeting_type))
        .where(MeetingType.is_public.is_(True), Meeting.starts_at >= _since(as_at))
        .order_by(Meeting.starts_at, Meeting.id)
    )


def public_entry(meeting: Meeting) -> MeetingEntry:
    """A public meeting as anyone may see it: its theme and minutes only once published."""
    lines, url = [], None
    if meeting.minutes_status == MinutesStatus.PUBLISHED:
        url = url_for("public.meeting", meeting_id=meeting.id, _external=True)
        if meeting.theme:
            lines.append(f"Theme: {meeting.theme}")
        lines.append(f"The minutes: {url}")
    return _entry(meeting, meeting.meeting_type.name, lines, url)


def public(as_at: date) -> Feed:
    meetings = db.session.scalars(public_meetings(as_at)).all()
    return Feed(
        key="public-meetings",
        name=f"{current_app.config['SERVICE_NAME']}: public meetings",
        description="Public meetings at which the Deputy Mayor for Policing and Crime holds "
        "West Yorkshire Police to account.",
        as_at=as_at,
        meetings=tuple(public_entry(meeting) for meeting in meetings),
    )


def one_public_meeting(meeting: Meeting, as_at: date) -> Feed:
    return Feed(
        key=f"public-meeting-{meeting.id}",
        name=meeting.title,
        description=meeting.title,
        as_at=as_at,
        meetings=(public_entry(meeting),),
    )
