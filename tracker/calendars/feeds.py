"""iCalendar (RFC 5545) feeds built with the `icalendar` library from gathered entries.

The builder takes a `Feed` and returns bytes; it runs no query (`data` gathers the entries).

- Every event has a UID that never changes (`meeting-12@host`, `action-40-due@host`), so a
  calendar app that fetches the feed again updates the event rather than adding a second one: a
  meeting moved to another day moves.
- SEQUENCE counts the record's saved changes and LAST-MODIFIED (and DTSTAMP) is when it last
  changed, so apps take the newer version. A cancelled meeting is STATUS:CANCELLED.
- Meetings are in UK time, with the Europe/London VTIMEZONE (their start is stored as UK
  wall-clock time); they last `MEETING_LENGTH`, as the tracker records no end. An action's due
  date is an all-day event that does not make the person look busy.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, vDuration

from tracker.kit.dates import UK

PRODID = "-//West Yorkshire Combined Authority//Governance meeting and action tracker//EN"
MEETING_LENGTH = timedelta(hours=2)
# How often calendar apps should fetch a feed again (REFRESH-INTERVAL, and Outlook's own name).
REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class MeetingEntry:
    id: int
    summary: str
    starts_at: datetime  # UK wall-clock time, naive, as the meeting stores it
    location: str
    description: str
    url: str | None
    cancelled: bool
    sequence: int
    modified: datetime  # aware, UTC


@dataclass(frozen=True)
class DueEntry:
    """An action's due date."""

    action_id: int
    summary: str
    due_on: date
    description: str
    url: str
    confidential: bool
    sequence: int
    modified: datetime  # aware, UTC


@dataclass(frozen=True)
class Feed:
    """One calendar: `key` names it for good (`user-3`, `public`); `as_at` is the day it was made."""

    key: str
    name: str
    description: str
    as_at: date
    meetings: tuple[MeetingEntry, ...] = ()
    dues: tuple[DueEntry, ...] = ()


def to_ical(feed: Feed, domain: str) -> bytes:
    """The feed as an iCalendar file; `domain` (the tracker's host name) ends every UID."""
    calendar = Calendar.new(
        prodid=PRODID,
        uid=f"{feed.key}@{domain}",
        # icalendar writes the calendar's own name and description (X-WR-CALNAME, X-WR-CALDESC)
        # unescaped, so a line break typed into, say, a meeting type's name would make an invalid
        # file: they go on one line.
        name=" ".join(feed.name.split()),
        description=" ".join(feed.description.split()),
    )
    # RFC 7986 requires VALUE=DURATION here; Outlook reads its own property.
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    calendar.add("X-WR-TIMEZONE", UK.key)
    calendar.add_component(uk_timezone(feed))
    for meeting in feed.meetings:
        calendar.add_component(meeting_event(meeting, domain))
    for due in feed.dues:
        calendar.add_component(due_event(due, domain))
    return calendar.to_ical()


def uk_timezone(feed: Feed) -> Timezone:
    """Europe/London's VTIMEZONE, with its changes to and from summer time over the years the
    feed's events (and the day it was made) fall in."""
    years = [feed.as_at.year, *(m.starts_at.year for m in feed.meetings)]
    years += [due.due_on.year for due in feed.dues]
    return Timezone.from_tzinfo(
        UK, first_date=date(min(years), 1, 1), last_date=date(max(years) + 1, 1, 1)
    )


def meeting_event(meeting: MeetingEntry, domain: str) -> Event:
    starts_at = meeting.starts_at.replace(tzinfo=UK)
    modified = meeting.modified.astimezone(UTC)
    event = Event.new(
        uid=f"meeting-{meeting.id}@{domain}",
        start=starts_at,
        end=starts_at + MEETING_LENGTH,
        summary=meeting.summary,
        location=meeting.location or None,
        description=meeting.description or None,
        url=meeting.url,
        status="CANCELLED" if meeting.cancelled else "CONFIRMED",
        sequence=meeting.sequence,
        last_modified=modified,
        stamp=modified,
    )
    return event


def due_event(due: DueEntry, domain: str) -> Event:
    modified = due.modified.astimezone(UTC)
    return Event.new(
        uid=f"action-{due.action_id}-due@{domain}",
        start=due.due_on,
        end=due.due_on + timedelta(days=1),
        summary=due.summary,
        description=due.description,
        url=due.url,
        classification="CONFIDENTIAL" if due.confidential else None,
        transparency="TRANSPARENT",
        sequence=due.sequence,
        last_modified=modified,
        stamp=modified,
    )
