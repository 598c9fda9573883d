"""Administration: change the directory, the meeting types and the users, each change audited.

Each function makes one change, writes its audit entry and commits, in one transaction. A change
the rules forbid raises `Refused` and saves nothing; a name already taken raises `Clash`, whether
the check beforehand finds it or the database's unique constraint does because another
administrator saved the same name at the same moment.
"""

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from tracker import audit
from tracker.admin.audit_log import field_name
from tracker.auth import sessions
from tracker.auth.models import Role, User
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db


class Refused(Exception):
    """The change breaks a rule; nothing was saved. `field` names the form field at fault."""

    def __init__(self, field: str | None, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


class Clash(Refused):
    """The change would give a record a name another record already has."""


# The names that must be unique, compared without regard to case ("wyp" clashes with "WYP").
UNIQUE: dict[type, dict[str, str]] = {
    Organisation: {
        "name": "There is already an organisation called {}",
        "short_name": "There is already an organisation with the short name {}",
    },
    MeetingType: {
        "name": "There is already a meeting type called {}",
        "short_name": "There is already a meeting type with the short name {}",
    },
    User: {"username": "There is already a user with the username {}"},
}


def agenda_lines(value: str | None) -> str:
    """The standing agenda as stored: one item title per line, no blank lines or padding."""
    if not value:
        return ""
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


# Organisations ----------------------------------------------------------------------------------


def people_counts(organisation_ids: list[int]) -> dict[int, int]:
    """How many people in the directory work at each of these organisations (one query)."""
    rows = db.session.execute(
        sa.select(Person.organisation_id, sa.func.count())
        .where(Person.organisation_id.in_(organisation_ids))
        .group_by(Person.organisation_id)
    )
    return {organisation_id: people for organisation_id, people in rows}


def add_organisation(by: User, name: str, short_name: str) -> Organisation:
    """Add an organisation to the directory."""
    return _add(by, Organisation(name=name, short_name=short_name), f"Added organisation {name}")


def change_organisation(by: User, organisation: Organisation, name: str, short_name: str):
    """Rename an organisation or change its short name."""
    _change(by, organisation, f"organisation {organisation.name}", name=name, short_name=short_name)
    return organisation


# People -----------------------------------------------------------------------------------------


def people(search: str = "", organisation_id: int | None = None) -> sa.Select:
    """The directory by name, optionally those whose name contains `search`, or of one organisation."""
    query = (
        sa.select(Person)
        .options(selectinload(Person.organisation))
        .order_by(Person.name, Person.id)
    )
    if search:
        query = query.where(Person.name.icontains(search, autoescape=True))
    if organisation_id is not None:
        query = query.where(Person.organisation_id == organisation_id)
    return query


def all_people() -> list[Person]:
    return list(db.session.scalars(people()))


def add_person(
    by: User, name: str, job_title: str, organisation: Organisation, email: str | None = None
) -> Person:
    """Add a person to the directory, for attendance lists and as action leads."""
    person = Person(
        name=name, job_title=job_title or "", organisation=organisation, email=email or None
    )
    return _add(by, person, f"Added {name} ({organisation.short_name}) to the people directory")


def change_person(
    by: User,
    person: Person,
    name: str,
    job_title: str,
    organisation: Organisation,
    email: str | None = None,
):
    """Correct a person's name, job title, organisation or email address."""
    _change(
        by,
        person,
        f"person {person.name}",
        name=name,
        job_title=job_title or "",
        organisation=organisation,
        email=email or None,
    )
    return person


# Meeting types ----------------------------------------------------------------------------------


def meeting_types() -> sa.Select:
    return sa.select(MeetingType).order_by(MeetingType.name)


def add_meeting_type(
    by: User, name: str, short_name: str, cadence: str, is_public: bool, standing_agenda: str
) -> MeetingType:
    """Add a kind of meeting; new meetings of it start with its standing agenda."""
    meeting_type = MeetingType(
        name=name,
        short_name=short_name,
        cadence=cadence or "",
        is_public=is_public,
        standing_agenda=agenda_lines(standing_agenda),
    )
    return _add(by, meeting_type, f"Added meeting type {name} ({short_name})")


def change_meeting_type(
    by: User,
    meeting_type: MeetingType,
    name: str,
    short_name: str,
    cadence: str,
    is_public: bool,
    standing_agenda: str,
) -> MeetingType:
    """Change a meeting type. Meetings already set up keep the agenda they started with."""
    _change(
        by,
        meeting_type,
        f"meeting type {meeting_type.name}",
        name=name,
        short_name=short_name,
        cadence=cadence or "",
        is_public=is_public,
        standing_agenda=agenda_lines(standing_agenda),
    )
    return meeting_type


# Users ------------------------------------------------------------------------------------------


def users() -> sa.Select:
    return (
        sa.select(User)
        .options(selectinload(User.person).selectinload(Person.organisation))
        .order_by(User.active.desc(), sa.func.lower(User.username))
    )


def add_user(by: User, username: str, role: str, person: Person | None, password: str) -> User:
    """Give someone an account; the password is stored only as a hash."""
    _check_user_rules(by, None, role, person, True)
    user = User(username=username, role=role, person=person, active=True)
    user.set_password(password)
    return _add(by, user, f"Added user {username} ({Role(role).label})")


def change_user(by: User, user: User, role: str, person: Person | None, active: bool) -> User:
    """Change a user's role, linked person or whether they may sign in.

    Users are deactivated, never deleted, so the audit log and action history keep who did what.
    """
    _check_user_rules(by, user, role, person, active)
    event = None
    if user.active and not active:
        event = "deactivated"
    elif active and not user.active:
        event = "reactivated"
    _change(by, user, f"user {user.username}", event=event, role=role, person=person, active=active)
    return user


def reset_password(by: User, user: User, password: str) -> None:
    """Set a new password for a user who has forgotten theirs (never written to the log)."""
    user.set_password(password)
    sessions.end_all_sessions(user, sessions.EndReason.PASSWORD)
    audit.record(by, "password reset", user, f"Reset the password of user {user.username}")
    db.session.commit()


def _check_user_rules(by: User, user: User | None, role: str, person: Person | None, active: bool):
    if role not in tuple(Role):
        raise Refused("role", "Select the user's role")
    if role == Role.LEAD and person is None:
        raise Refused(
            "person_id",
            "Select the person this lead is: their organisation decides which actions they update",
        )
    # An administrator who locked themselves out might leave nobody able to let them back in.
    if user is not None and user.id == by.id:
        if role != Role.ADMIN:
            raise Refused(
                "role", "You cannot remove your own administrator role. Ask another administrator"
            )
        if not active:
            raise Refused(
                "active", "You cannot deactivate your own account. Ask another administrator"
            )


# Saving, with the audit entry and the clash check -----------------------------------------------


def _add(by: User, record, summary: str):
    """Add `record`, audited, refusing a name another record has."""
    values = _unique_values(record)
    _refuse_clash(type(record), values, None)
    try:
        db.session.add(record)
        db.session.flush()  # gives the record its id, for the audit entry
        audit.record(by, "added", record, summary, values=_describe_values(record))
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise _clash_after_race(type(record), values, None) from error
    return record


def _change(by: User, record, what: str, event: str | None = None, **values: Any) -> None:
    """Set `values` on `record`, audited with what changed; nothing to save if nothing changed."""
    model = type(record)
    unique = {field: values[field] for field in UNIQUE.get(model, {}) if field in values}
    _refuse_clash(model, unique, record.id)
    changes = {}
    for field, new in values.items():
        old = getattr(record, field)
        if old != new:
            changes[field_name(field)] = [_plain(old), _plain(new)]
            setattr(record, field, new)
    if not changes:
        return
    if event:
        summary = f"{event.capitalize()} {what}"
    else:
        summary = f"Changed {what}: " + ", ".join(changes).lower()
    record_id = record.id
    try:
        audit.record(by, event or "changed", record, summary, changes=changes)
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise _clash_after_race(model, unique, record_id) from error


def _unique_values(record) -> dict[str, str]:
    return {field: getattr(record, field) for field in UNIQUE.get(type(record), {})}


def _find_clash(model, values: dict[str, str], record_id: int | None) -> Clash | None:
    messages = UNIQUE.get(model, {})
    for field, value in values.items():
        column = getattr(model, field)
        query = sa.select(model.id).where(sa.func.lower(column) == value.lower())
        if record_id is not None:
            query = query.where(model.id != record_id)
        with db.session.no_autoflush:
            if db.session.scalar(query.limit(1)) is not None:
                return Clash(field, messages[field].format(value))
    return None


def _refuse_clash(model, values: dict[str, str], record_id: int | None) -> None:
    clash = _find_clash(model, values, record_id)
    if clash:
        raise clash


def _clash_after_race(model, values: dict[str, str], record_id: int | None) -> Clash:
    return _find_clash(model, values, record_id) or Clash(
        None,
        "This could not be saved because someone else made a change at the same moment. Try again",
    )


def _describe_values(record) -> dict[str, Any]:
    """A new record's fields for its audit entry (never a password hash)."""
    shown = {
        Organisation: ("name", "short_name"),
        Person: ("name", "job_title", "organisation", "email"),
        MeetingType: ("name", "short_name", "cadence", "is_public", "standing_agenda"),
        User: ("username", "role", "person", "active"),
    }[type(record)]
    return {field_name(field): _plain(getattr(record, field)) for field in shown}


def _plain(value: Any) -> Any:
    """A value as the audit log keeps it: records by their name, everything else as it is."""
    if value is None or isinstance(value, (str, int, bool, float)):
        return value
    return str(value)
