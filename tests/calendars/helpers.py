"""Reading calendar feeds back with `icalendar`, as a calendar app would, and the records the
calendar tests share."""

import re
from datetime import datetime, timedelta

from icalendar import Calendar, Event

from tests.factories import MeetingFactory, MeetingTypeFactory
from tracker.calendars import links
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.meetings.models import Attendance, AttendanceKind, Meeting


def calendar_of(response) -> Calendar:
    """The feed a response holds, parsed; it must be served as an iCalendar file."""
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="?[\w.-]+\.ics"?', response.headers["Content-Disposition"])
    return Calendar.from_ical(response.data)


def events(calendar: Calendar) -> dict[str, Event]:
    """The calendar's events by UID."""
    found = {str(event.uid): event for event in calendar.events}
    assert len(found) == len(calendar.events), "two events share a UID"
    return found


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.id}@localhost"


def due_uid(action) -> str:
    return f"action-{action.id}-due@localhost"


def feed_url(user) -> str:
    """The address of a new personal feed for `user` (made through the service)."""
    return f"/calendar/{links.new_link(user)}.ics"


def days_from_now(days: int, hour: int = 10) -> datetime:
    """A meeting time, UK wall-clock, `days` after today."""
    return datetime.combine(today() + timedelta(days=days), datetime.min.time()).replace(hour=hour)


def meeting_type(short_name: str, *, public: bool = False):
    return MeetingTypeFactory(name=f"{short_name} meeting", short_name=short_name, is_public=public)


def meeting(kind, days: int, *, attended_by=(), kind_of_attendance=AttendanceKind.PRESENT, **fields):
    """A meeting of `kind` `days` from today, with the people in `attended_by` recorded at it."""
    record = MeetingFactory(meeting_type=kind, starts_at=days_from_now(days), **fields)
    record.attendances = [Attendance(person=p, kind=kind_of_attendance) for p in attended_by]
    db.session.flush()
    return record

