"""One clock and one way of writing dates and times, for pages, documents and messages alike.

Everything is stored in UTC and shown in UK time. Formatting is portable: no `%-d`, which only
glibc's strftime understands.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")


def utcnow() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return datetime.now(UTC).date()


def uk_time(value: datetime) -> datetime:
    """A stored moment in UK time; SQLite hands back naive datetimes, all of them UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UK)


def long_date(value: date | datetime | None) -> str:
    """'10 October 2023', as the minutes write dates."""
    return f"{value.day} {value:%B %Y}" if value else ""


def weekday_date(value: date | datetime | None) -> str:
    """'Tuesday, 10 October 2023', as the minutes head a meeting."""
    return f"{value:%A}, {long_date(value)}" if value else ""


# English month abbreviations, as %b writes them in the C locale: looked up, not formatted, as a
# table of actions writes two or three dates a row.
MONTHS_SHORT = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(value: date | datetime | None) -> str:
    """'10 Oct 2023', for tables."""
    return f"{value.day} {MONTHS_SHORT[value.month]} {value.year}" if value else ""


def time_of_day(value: datetime | None) -> str:
    """'10am', '2:30pm'."""
    if not value:
        return ""
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def uk_datetime(value: datetime | None) -> str:
    """A stored moment as '14 December 2023 at 10:02am', in UK time."""
    if value is None:
        return ""
    local = uk_time(value)
    return f"{long_date(local)} at {_clock(local)}"


def uk_datetime_short(value: datetime | None) -> str:
    """A stored moment as '14 December 2023, 10:02am', in UK time (the audit log's style)."""
    if value is None:
        return ""
    local = uk_time(value)
    return f"{long_date(local)}, {_clock(local)}"


def uk_short_date(value: datetime | None) -> str:
    """'1 Jul 2024': the day it was in the UK when the moment came."""
    return short_date(uk_time(value)) if value else ""


def iso_datetime(value: datetime | None) -> str:
    """A stored moment for a <time datetime="..."> attribute, in UK time."""
    return uk_time(value).isoformat(timespec="minutes") if value else ""


def _clock(value: datetime) -> str:
    """'10:02am': always with minutes, as a moment in a history reads."""
    return f"{value.hour % 12 or 12}:{value.minute:02d}{'am' if value.hour < 12 else 'pm'}"
