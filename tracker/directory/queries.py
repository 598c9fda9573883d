"""The directory as the other domains read it: whole lists, and (id, label) pairs for choices.

Each is one query, whatever the number of actions or meetings.
"""

from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db


def meeting_types() -> list[MeetingType]:
    return list(db.session.scalars(sa.select(MeetingType).order_by(MeetingType.name)))


def organisations() -> list[Organisation]:
    return list(db.session.scalars(sa.select(Organisation).order_by(Organisation.name)))


def people() -> list[Person]:
    """Everyone, grouped by organisation, with their organisation loaded."""
    return list(
        db.session.scalars(
            sa.select(Person)
            .join(Person.organisation)
            .options(selectinload(Person.organisation))
            .order_by(Organisation.short_name, Person.name)
        )
    )


# The statements are built once (when first used), as the register's filters run them on every view.
@cache
def _organisation_choices() -> sa.Select:
    return sa.select(Organisation.id, Organisation.name).order_by(Organisation.name)


@cache
def _meeting_type_choices() -> sa.Select:
    return sa.select(MeetingType.id, MeetingType.name).order_by(MeetingType.name)


def organisation_choices() -> list[tuple[int, str]]:
    return list(db.session.connection().execute(_organisation_choices()))


def meeting_type_choices() -> list[tuple[int, str]]:
    return list(db.session.connection().execute(_meeting_type_choices()))


def people_choices(*where) -> list[tuple[int, str]]:
    """People labelled with their organisation, e.g. 'Damien Miller (WYP)'."""
    rows = db.session.execute(
        sa.select(Person.id, Person.name, Organisation.short_name)
        .join(Organisation, Person.organisation_id == Organisation.id)
        .where(*where)
        .order_by(Person.name, Organisation.short_name)
    )
    return [(pid, f"{name} ({org})") for pid, name, org in rows]
