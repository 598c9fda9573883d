"""Building records for tests with factory-boy."""

from datetime import date, datetime

import factory
from factory.alchemy import SQLAlchemyModelFactory
from werkzeug.security import generate_password_hash

from tracker.extensions import db
from tracker.models import (
    Action,
    AgendaItem,
    Meeting,
    MeetingType,
    Organisation,
    Person,
    Role,
    User,
)

PASSWORD = "correct-horse-battery"
# Hashing is deliberately slow; hash once for every test user.
PASSWORD_HASH = generate_password_hash(PASSWORD)


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = lambda: db.session  # noqa: E731
        sqlalchemy_session_persistence = "flush"


class OrganisationFactory(Base):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    short_name = factory.Sequence(lambda n: f"ORG{n}")


class PersonFactory(Base):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = "Officer"
    organisation = factory.SubFactory(OrganisationFactory)


class UserFactory(Base):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")
    password_hash = PASSWORD_HASH
    role = Role.VIEWER
    person = factory.SubFactory(PersonFactory)


class MeetingTypeFactory(Base):
    class Meta:
        model = MeetingType

    name = factory.Sequence(lambda n: f"Meeting type {n}")
    short_name = factory.Sequence(lambda n: f"MT{n}")
    cadence = "Quarterly"
    is_public = False


class MeetingFactory(Base):
    class Meta:
        model = Meeting

    meeting_type = factory.SubFactory(MeetingTypeFactory)
    starts_at = datetime(2023, 10, 10, 10, 0)
    place = "Wellington House, Leeds"


class AgendaItemFactory(Base):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Item {n}")


class ActionFactory(Base):
    class Meta:
        model = Action

    reference = factory.Sequence(lambda n: f"TST-2023-10-{n:04d}a")
    text = factory.Sequence(lambda n: f"WYP to do thing {n}.")
    owner = factory.SubFactory(OrganisationFactory)
    meeting = factory.SubFactory(MeetingFactory)
    agenda_item = None
    raised_on = date(2023, 10, 10)
    due_on = date(2024, 1, 31)


def make_users() -> dict[str, User]:
    """One user per role, named after it; the lead belongs to West Yorkshire Police."""
    wyp = OrganisationFactory(name="West Yorkshire Police", short_name="WYP")
    wyca = OrganisationFactory(name="West Yorkshire Combined Authority", short_name="WYCA")
    users = {}
    for role in tuple(Role):
        org = wyp if role == Role.LEAD else wyca
        users[role] = UserFactory(username=role, role=role, person=PersonFactory(organisation=org))
    db.session.commit()
    return users
