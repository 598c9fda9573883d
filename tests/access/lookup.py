"""Finding demo records by what people call them, for building URLs in access rules, and a test
client signed in as the demo user of a role."""

import hashlib
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


def is_api(endpoint: str) -> bool:
    """An API route, reached with a bearer token rather than a signed-in browser."""
    return endpoint.startswith("api.")


# The demo tokens issued so far: (username, scope) -> secret, reissued once the data is reloaded.
_demo_tokens: dict[tuple[str, str], str] = {}


def demo_token(who: str, scope: str = "write") -> str:
    """The secret of an API token of the demo user of a role, issued once per load of the data."""
    from tracker.auth import tokens
    from tracker.auth.models import ApiToken

    secret = _demo_tokens.get((who, scope))
    if secret is not None:
        digest = hashlib.sha256(secret.encode()).hexdigest()
        if db.session.scalar(sa.select(ApiToken.id).where(ApiToken.token_hash == digest)):
            return secret
    user = db.session.scalar(sa.select(User).where(User.username == DEMO_USERNAMES[who]))
    _, secret = tokens.issue(user, name=f"tests {scope}", scope=scope)
    _demo_tokens[(who, scope)] = secret
    return secret


def api_client_for(app, who: str, scope: str = "write"):
    """A client with no cookies carrying the API token of the demo user of a role (none for
    `anonymous`)."""
    client = app.test_client(use_cookies=False)
    if who != ANONYMOUS:
        client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {demo_token(who, scope)}"
    return client


def client_for_endpoint(app, endpoint: str, who: str):
    """The client a route is used with: a token for the API, a signed-in browser for the rest."""
    return api_client_for(app, who) if is_api(endpoint) else client_for(app, who)
