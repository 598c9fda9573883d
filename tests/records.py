"""Reading what the database holds, as the tests check it: counts and audit entries."""

import sqlalchemy as sa

from tracker.audit import AuditEntry
from tracker.extensions import db


def audit_entries(entity_type: str | None = None) -> list[AuditEntry]:
    query = sa.select(AuditEntry).order_by(AuditEntry.id)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    return list(db.session.scalars(query))


def count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))
