"""Reading the audit log: entries newest first, and their details in words people use.

Any part of the tracker may write entries (tracker/audit.record), each keeping its details in
its own shape; `detail_lines` shows every shape as readable lines.
"""

import re
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.actions.models import ActionStatus
from tracker.audit import AuditEntry
from tracker.auth.models import Role, User
from tracker.extensions import db
from tracker.kit.dates import long_date, time_of_day
from tracker.kit.enums import LabelledEnum
from tracker.meetings.models import AttendanceKind, MinutesStatus, PreviousMinutesOutcome
from tracker.notifications.models import NotificationKind
from tracker.plans.models import Rating

# How the log names records of each kind (by table), and their fields.
RECORD_NAMES = {
    "organisation": "Organisation",
    "person": "Person",
    "meeting_type": "Meeting type",
    "user_account": "User",
}
FIELD_NAMES = {
    "short_name": "Short name",
    "job_title": "Job title",
    "organisation": "Organisation",
    "is_public": "Public",
    "standing_agenda": "Standing agenda",
    "person": "Person",
    "active": "Active",
    "status": "Status",
    "due_on": "Due date",
    "requested_due_on": "Requested due date",
    "evidence_url": "Evidence",
    "text": "Action",
    "lead": "Lead",
    "owner": "Owner",
    "starts_at": "Date and time",
    "type": "Meeting type",
    "meeting_id": "Meeting",
    "agenda_item_id": "Agenda item",
    "action_id": "Action",
    "copied_from": "Copied from plan",
    "carried": "Future items carried in",
    "released": "Future items released",
    "sessions_ended": "Sessions ended",
    "returned_to_draft": "Returned to draft",
    "on": "Emails turned on",
    "off": "Emails turned off",
    "kind": "Email",
    "rows": "Values",
    "last_error": "Last error",
}
# Stored values shown by their labels, by the field they are kept under ("awaiting_sign_off" →
# "Completed – awaiting sign-off").
FIELD_LABELS: dict[str, type[LabelledEnum]] = {
    "status": ActionStatus,
    "minutes_status": MinutesStatus,
    "rating": Rating,
    "role": Role,
    "on": NotificationKind,
    "off": NotificationKind,
    "kind": NotificationKind,
}
# Entries whose "before" and "after" are one value, not fields: what that value is, and how its
# values are labelled.
WHOLE_VALUES = {
    "meeting.previous_minutes_recorded": ("Notes of the previous meeting", PreviousMinutesOutcome),
    "meeting.next_meeting_set": ("Next meeting", None),
}
# Entries whose "before" and "after" map names to values: the labels of those values.
VALUE_LABELS = {"meeting.attendance_changed": AttendanceKind}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?")


def audit_entries(entity_type: str = "") -> sa.Select:
    """Audit entries newest first, optionally of one kind of record."""
    query = (
        sa.select(AuditEntry)
        .options(selectinload(AuditEntry.user).selectinload(User.person))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    )
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    return query


def audited_record_types() -> list[tuple[str, str]]:
    """(entity type, name) for each kind of record the log has entries about."""
    found = db.session.scalars(sa.select(AuditEntry.entity_type).distinct())
    return sorted(((t, record_name(t)) for t in found), key=lambda pair: pair[1])


def record_name(entity_type: str) -> str:
    return RECORD_NAMES.get(entity_type, entity_type.replace("_", " ").capitalize())


def field_name(field: str) -> str:
    return FIELD_NAMES.get(field, field.replace("_", " ").capitalize())


def detail_lines(detail: dict | None, event: str = "") -> list[str]:
    """An audit entry's detail as lines people can read, such as 'Status: Open → In progress'.

    Every part of the tracker keeps its own details (tracker/audit.record): changes as
    {"changes": {field: [before, after]}}, a status change as old_status and new_status, a
    record's fields as {"values": {...}} or "before" and "after", and single facts as
    'key: value'. Each is shown with field names in words, stored values by their labels and
    dates as dates; never as Python's text for a dict or a list.
    """
    detail = dict(detail or {})
    lines = []
    old_status, new_status = detail.pop("old_status", None), detail.pop("new_status", None)
    if old_status or new_status:
        lines.append(_difference("status", old_status, new_status))
    if "before" in detail or "after" in detail:
        lines += _before_after(event, detail.pop("before", None), detail.pop("after", None))
    for key, value in detail.items():
        if key == "changes" and isinstance(value, dict):
            lines += [
                _difference(field, pair[0], pair[1])
                for field, pair in value.items()
                if isinstance(pair, list) and len(pair) == 2
            ]
        elif key == "values" and isinstance(value, dict):
            lines += [f"{field_name(field)}: {_shown(field, item)}" for field, item in value.items()]
        elif key == "note" and not value:
            continue  # an entry without a note
        else:
            lines.append(f"{field_name(key)}: {_shown(key, value)}")
    return lines


def _difference(field: str, before: Any, after: Any) -> str:
    return f"{field_name(field)}: {_shown(field, before)} → {_shown(field, after)}"


def _before_after(event: str, before: Any, after: Any) -> list[str]:
    labels = VALUE_LABELS.get(event)
    if isinstance(before, dict) or isinstance(after, dict):
        if before is None or after is None:  # a record added or removed: its fields as they were
            shown = after if before is None else before
            return [f"{field_name(key)}: {_shown(key, value, labels)}" for key, value in shown.items()]
        keys = list(before) + [key for key in after if key not in before]
        return [
            f"{field_name(key)}: {_shown(key, before.get(key), labels)} → "
            f"{_shown(key, after.get(key), labels)}"
            for key in keys
            if before.get(key) != after.get(key)
        ]
    what, labels = WHOLE_VALUES.get(event, ("Value", None))
    return [f"{what}: {_shown('', before, labels)} → {_shown('', after, labels)}"]


def _key(field: str) -> str:
    return field.strip().casefold().replace(" ", "_")


def _shown(field: str, value: Any, labels: type[LabelledEnum] | None = None) -> str:
    """A stored value in words: its label, a date as a date, a list item by item."""
    if value is None or value == "" or value == []:
        return "(none)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(part, str) for part in value) and _is_url(value[1]):
            return f"{value[0]} ({value[1]})"  # a paper: its title and address
        return "; ".join(_shown(field, item, labels) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{field_name(key)}: {_shown(key, item)}" for key, item in value.items())
    if isinstance(value, str):
        labels = labels or FIELD_LABELS.get(_key(field))
        if labels is not None and value in labels._value2member_map_:
            return labels(value).label
        if ISO_DATE.fullmatch(value):
            return long_date(date.fromisoformat(value))
        if ISO_DATETIME.fullmatch(value):
            moment = datetime.fromisoformat(value)
            return f"{long_date(moment)}, {time_of_day(moment)}"
        return "; ".join(value.splitlines())
    return str(value)


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "/"))
