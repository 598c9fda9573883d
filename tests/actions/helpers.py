"""Helpers for the actions and outstanding-report tests: actions with their organisation, lead and
history, and ways to read pages."""

from datetime import UTC, date, datetime

import sqlalchemy as sa

from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingTypeFactory,
    OrganisationFactory,
    PersonFactory,
)
from tracker.actions.models import Action, ActionUpdate, UpdateKind
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.models import Organisation


def wyp() -> Organisation:
    return db.session.scalar(sa.select(Organisation).where(Organisation.short_name == "WYP"))


def make_action(owner=None, *, updates=(), **fields) -> Action:
    """An action raised at a meeting's agenda item, owned by `owner` (WYP unless given)."""
    owner = owner or wyp() or OrganisationFactory(name="West Yorkshire Police", short_name="WYP")
    fields.setdefault("lead", PersonFactory(organisation=owner))
    if "meeting" not in fields:
        item = AgendaItemFactory(meeting=MeetingFactory(meeting_type=meeting_type("COM")))
        fields.update(meeting=item.meeting, agenda_item=item)
    action = ActionFactory(owner=owner, **fields)
    for when, note in updates:
        db.session.add(
            ActionUpdate(
                action=action,
                kind=UpdateKind.UPDATE,
                note=note,
                created_at=datetime.combine(when, datetime.min.time(), tzinfo=UTC),
            )
        )
    db.session.commit()
    return action


def meeting_type(short_name: str):
    from tracker.models import MeetingType

    found = db.session.scalar(sa.select(MeetingType).where(MeetingType.short_name == short_name))
    return found or MeetingTypeFactory(short_name=short_name, name=f"{short_name} meeting")


def reload(action: Action) -> Action:
    db.session.expire_all()
    return db.session.get(Action, action.id)


def history(action: Action) -> list[ActionUpdate]:
    return list(
        db.session.scalars(
            sa.select(ActionUpdate)
            .where(ActionUpdate.action_id == action.id)
            .order_by(ActionUpdate.id)
        )
    )


def audit_events(action: Action) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditEntry.event)
            .where(AuditEntry.entity_type == "action", AuditEntry.entity_id == action.id)
            .order_by(AuditEntry.id)
        )
    )










FAR_PAST = date(2000, 1, 1)
