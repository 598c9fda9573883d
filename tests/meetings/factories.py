"""Records for the meetings tests, built on the shared factories."""

import json
from datetime import datetime

from tests.factories import (
    AgendaItemFactory,
    MeetingFactory,
    MeetingTypeFactory,
    OrganisationFactory,
    PersonFactory,
)

COM_STANDING_AGENDA = "\n".join(
    [
        "Welcome, introductions and apologies",
        "Notes of the previous meeting and matters arising",
        "Mayor's announcements",
        "Future agenda items",
        "Any other business",
        "Next meeting",
    ]
)


def organisation(short_name: str, name: str | None = None):
    """The organisation with this short name (the `users` fixture already makes WYP and WYCA)."""
    import sqlalchemy as sa

    from tracker.directory.models import Organisation
    from tracker.extensions import db

    found = db.session.scalar(sa.select(Organisation).where(Organisation.short_name == short_name))
    return found or OrganisationFactory(short_name=short_name, name=name or short_name)


def com_type(**kwargs):
    return MeetingTypeFactory(
        name="Community Outcomes Meeting",
        short_name="COM",
        is_public=True,
        standing_agenda=COM_STANDING_AGENDA,
        **kwargs,
    )


def meeting_with_items(meeting_type=None, starts_at=datetime(2023, 10, 10, 10, 0), titles=("One", "Two", "Three"), **kwargs):
    meeting = MeetingFactory(meeting_type=meeting_type or com_type(), starts_at=starts_at, **kwargs)
    for position, title in enumerate(titles):
        AgendaItemFactory(meeting=meeting, position=position, title=title)
    return meeting


__all__ = [
    "AgendaItemFactory",
    "MeetingFactory",
    "MeetingTypeFactory",
    "OrganisationFactory",
    "PersonFactory",
    "com_type",
    "organisation",
    "meeting_with_items",
]


def item_as_shown(item) -> str:
    """What an agenda item's edit page carries of the item as it showed it (kit.conflicts)."""
    return json.dumps({"title": item.title, "presenter_id": item.presenter_id,
                       "notes": item.notes, "paper_links": item.paper_links})
