"""Finding demo records by what people call them, for building URLs in access rules, and a test
client signed in as the demo user of a role."""

from datetime import datetime

import sqlalchemy as sa

from tests.access import ANONYMOUS
from tests.clients import sign_in
from tracker.extensions import db
from tracker.models import (
    Action,
    Indicator,
    Meeting,
    MeetingType,
    Organisation,
    Person,
    Plan,
    Priority,
    User,
)


class Demo:
    """Lookups over the loaded demo data; each returns a record's id."""

    def first(self, model, *where) -> int:
        record_id = db.session.scalar(sa.select(model.id).where(*where).order_by(model.id).limit(1))
        assert record_id is not None, f"no {model.__name__} in the demo data matching {where}"
        return record_id

    def com_meeting(self) -> int:
        return self.first(
            Meeting,
            Meeting.starts_at >= datetime(2023, 10, 10),
            Meeting.starts_at < datetime(2023, 10, 11),
        )

    def action(self, reference: str = "COM-2023-10-04a") -> int:
        return self.first(Action, Action.reference == reference)

    def confidential_action(self) -> int:
        return self.first(Action, Action.confidential.is_(True))

    def agenda_item(self) -> int:
        from tracker.models import AgendaItem

        return self.first(AgendaItem, AgendaItem.meeting_id == self.com_meeting())

    def future_item(self) -> int:
        from tracker.models import FutureAgendaItem

        return self.first(FutureAgendaItem, FutureAgendaItem.meeting_id == self.com_meeting())

    def plan(self) -> int:
        return self.first(Plan)

    def priority(self) -> int:
        return self.first(Priority)

    def indicator(self) -> int:
        return self.first(Indicator)

    def organisation(self) -> int:
        return self.first(Organisation)

    def person(self) -> int:
        return self.first(Person)

    def meeting_type(self) -> int:
        return self.first(MeetingType)

    def user(self) -> int:
        return self.first(User)


# The demo user of each role (the executive is the DMPC).
DEMO_USERNAMES = {
    "admin": "admin",
    "secretariat": "secretariat",
    "lead": "lead",
    "executive": "dmpc",
    "viewer": "viewer",
}


def client_for(app, who: str):
    """A test client signed in as the demo user of a role; signed in as nobody for `anonymous`."""
    client = app.test_client()
    if who == ANONYMOUS:
        return client
    return sign_in(
        client, db.session.scalar(sa.select(User).where(User.username == DEMO_USERNAMES[who]))
    )
