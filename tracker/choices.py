"""Choice lists for forms' select fields, shared by the register, the report and the edit forms.

Each is one query, whatever the number of actions, returning (id, label) pairs.
"""

import sqlalchemy as sa

from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.plans.models import Indicator, Plan, Priority


def organisations() -> list[tuple[int, str]]:
    return list(
        db.session.execute(
            sa.select(Organisation.id, Organisation.name).order_by(Organisation.name)
        )
    )


def meeting_types() -> list[tuple[int, str]]:
    return list(
        db.session.execute(sa.select(MeetingType.id, MeetingType.name).order_by(MeetingType.name))
    )


def priorities() -> list[tuple[int, str]]:
    """Every plan's priorities, newest plan first, each labelled with its plan."""
    rows = db.session.execute(
        sa.select(Priority.id, Priority.title, Plan.title)
        .join(Plan, Priority.plan_id == Plan.id)
        .order_by(Plan.starts_on.desc(), Plan.id.desc(), Priority.position)
    )
    return [(pid, f"{title} ({plan})") for pid, title, plan in rows]


def indicators() -> list[tuple[int, str]]:
    return list(
        db.session.execute(
            sa.select(Indicator.id, Indicator.name).order_by(Indicator.name, Indicator.id)
        )
    )


def people(*where) -> list[tuple[int, str]]:
    """People labelled with their organisation, e.g. 'Damien Miller (WYP)'."""
    rows = db.session.execute(
        sa.select(Person.id, Person.name, Organisation.short_name)
        .join(Organisation, Person.organisation_id == Organisation.id)
        .where(*where)
        .order_by(Person.name, Organisation.short_name)
    )
    return [(pid, f"{name} ({org})") for pid, name, org in rows]
