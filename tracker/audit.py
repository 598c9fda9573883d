"""The audit log: who did what to which record, and when."""

from datetime import datetime
from typing import Any, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.kit.dates import utcnow


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))
    event: Mapped[str] = mapped_column(sa.String(60))
    entity_type: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    detail: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    user: Mapped[Optional["User"]] = relationship()  # noqa: F821


def record(user, event: str, entity: Any, summary: str = "", **detail: Any) -> AuditEntry:
    """Add an audit entry to the session; the caller's transaction commits it with the change."""
    entry = AuditEntry(
        user_id=getattr(user, "id", None),
        event=event,
        entity_type=type(entity).__tablename__,
        entity_id=entity.id,
        summary=summary,
        detail=detail,
    )
    db.session.add(entry)
    return entry
