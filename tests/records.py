"""Reading what the database holds, as the tests check it: counts, audit entries, and records
looked up by the name people know them by."""

import sqlalchemy as sa

from tracker.actions.models import Action
from tracker.audit import AuditEntry
from tracker.auth.models import User
from tracker.directory.models import Person
from tracker.extensions import db


def audit_entries(entity_type: str | None = None) -> list[AuditEntry]:
    query = sa.select(AuditEntry).order_by(AuditEntry.id)
    if entity_type:
        query = query.where(AuditEntry.entity_type == entity_type)
    return list(db.session.scalars(query))


def count(model, *where) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model).where(*where))


def user(username: str) -> User:
    return db.session.scalar(sa.select(User).where(User.username == username))


def person(name: str) -> Person:
    return db.session.scalar(sa.select(Person).where(Person.name == name))


def action(reference: str) -> Action:
    return db.session.scalar(sa.select(Action).where(Action.reference == reference))
