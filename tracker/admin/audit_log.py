"""Reading the audit log: entries newest first, and their details in words people use.

Any part of the tracker may write entries (tracker/audit.record); the changes made in
administration keep {"changes": {field: [before, after]}} or {"values": {field: value}}.
"""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.audit import AuditEntry
from tracker.auth.models import User
from tracker.extensions import db

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
}


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


def detail_lines(detail: dict | None) -> list[str]:
    """An audit entry's detail as lines people can read, such as 'Name: WYP → West Yorkshire Police'.

    Changes made here are kept as {"changes": {field: [before, after]}} or {"values": {...}};
    other parts of the tracker may keep other details, shown as 'key: value'.
    """
    lines = []
    for key, value in (detail or {}).items():
        if key == "changes" and isinstance(value, dict):
            lines += [
                f"{field}: {_shown(pair[0])} → {_shown(pair[1])}"
                for field, pair in value.items()
                if isinstance(pair, list) and len(pair) == 2
            ]
        elif key == "values" and isinstance(value, dict):
            lines += [f"{field}: {_shown(item)}" for field, item in value.items()]
        else:
            lines.append(f"{field_name(key)}: {_shown(value)}")
    return lines


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, str):
        return "; ".join(value.splitlines())
    return str(value)
