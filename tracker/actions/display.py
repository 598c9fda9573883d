"""How actions read on a page: labels for history entries, dates and times in UK time, status tags.

Registered as template filters by the actions blueprint; plain functions, so reports use them too.
"""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tracker.actions.models import ActionStatus
from tracker.templating import STATUS_TAG_CLASSES, long_date

UK = ZoneInfo("Europe/London")

FIELD_LABELS = {
    "text": "Action",
    "owner": "Owner",
    "lead": "Lead",
    "due_on": "Due date",
    "requested_due_on": "Requested due date",
    "priorities": "Plan priorities",
    "indicators": "Indicators",
    "confidential": "Confidential",
    "recurring": "Recurring",
}


def change_field(name: str) -> str:
    """The label of a field in an action's history."""
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def change_value(value) -> str:
    """A value in an action's history as people read it: dates written out, lists joined."""

    if value is None or value == "" or value == []:
        return "none"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return long_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def uk_time(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UK)


def uk_datetime(value: datetime | None) -> str:
    """'14 December 2023 at 10:02am', in UK time."""
    if value is None:
        return ""
    local = uk_time(value)
    return f"{local:%-d %B %Y} at {local:%-I:%M%p}".replace("AM", "am").replace("PM", "pm")


def iso_datetime(value: datetime | None) -> str:
    return uk_time(value).isoformat(timespec="minutes") if value else ""


def status_label(status: str | None) -> str:
    return ActionStatus.LABELS.get(status, status or "")


def status_tag(status: str) -> str:
    """The GOV.UK tag class for a status; a filter, so macros imported without context can use it."""
    return STATUS_TAG_CLASSES.get(status, "")


def uk_short_date(value: datetime | None) -> str:
    """'1 Jul 2024': the day it was in the UK when the moment came."""
    return f"{uk_time(value):%-d %b %Y}" if value else ""
