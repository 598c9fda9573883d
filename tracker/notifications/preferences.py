"""Who wants which messages: each person's choices, the defaults, and unsubscribing.

Every kind is on unless the person switched it off, except the weekly digest, which is on by
default only for those who sign actions off (the Deputy Mayor) and which anyone else may switch
on. Choices belong to the person in the directory, so someone with no sign-in can still stop a
kind of message through the signed link at the foot of each one.
"""

from collections.abc import Iterable

import sqlalchemy as sa

from tracker import audit
from tracker.auth.models import User
from tracker.auth.permissions import ROLE_PERMISSIONS, Permission
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.notifications.models import NotificationKind, NotificationPreference


class NoAddress(Exception):
    """The user is not linked to a person in the directory, so has no choices to make."""


def sign_off_roles() -> list[str]:
    return [role for role, held in ROLE_PERMISSIONS.items() if Permission.SIGN_OFF_ACTIONS in held]


def sign_off_people() -> list[Person]:
    """The people who sign actions off (active users with that permission), who have an address."""
    return list(
        db.session.scalars(
            sa.select(Person)
            .join(User, User.person_id == Person.id)
            .where(User.active.is_(True), User.role.in_(sign_off_roles()), _has_address())
            .distinct()
            .order_by(Person.id)
        )
    )


def _has_address():
    return sa.and_(Person.email.is_not(None), Person.email != "")


def choices(person_ids: Iterable[int]) -> dict[tuple[int, str], bool]:
    """The choices these people made, as {(person id, kind): on}; kinds left alone are absent."""
    ids = list(set(person_ids))
    if not ids:
        return {}
    rows = db.session.execute(
        sa.select(
            NotificationPreference.person_id,
            NotificationPreference.kind,
            NotificationPreference.enabled,
        ).where(NotificationPreference.person_id.in_(ids))
    )
    return {(person_id, kind): enabled for person_id, kind, enabled in rows}


def _signs_off(person_ids: Iterable[int]) -> set[int]:
    ids = list(set(person_ids))
    if not ids:
        return set()
    return set(
        db.session.scalars(
            sa.select(User.person_id).where(
                User.person_id.in_(ids), User.active.is_(True), User.role.in_(sign_off_roles())
            )
        )
    )


def _on(chosen: dict, signers: set[int], person_id: int, kind: str) -> bool:
    """A person's setting for a kind: their choice, or the kind's default."""
    value = chosen.get((person_id, kind))
    if value is not None:
        return value
    return kind != NotificationKind.DIGEST or person_id in signers


def wanting(people: Iterable[Person], kind: str) -> list[Person]:
    """Those of `people` who have an address and want messages of `kind`, each once, in order."""
    unique = list({person.id: person for person in people if person.email}.values())
    ids = [person.id for person in unique]
    chosen = choices(ids)
    signers = _signs_off(ids) if kind == NotificationKind.DIGEST else set()
    return [person for person in unique if _on(chosen, signers, person.id, kind)]


def digest_readers() -> list[tuple[Person, User]]:
    """Who gets the weekly digest, with the account whose view of the actions it shows.

    Only people with an account: the digest lists what that account may see, and choosing the
    digest is done on the account page.
    """
    rows = db.session.execute(
        sa.select(Person, User)
        .join(User, User.person_id == Person.id)
        .where(User.active.is_(True), _has_address())
        .order_by(Person.id, User.id)
    ).all()
    accounts: dict[int, tuple[Person, User]] = {}
    for person, user in rows:
        # A person with two accounts: the digest follows the one that signs off, if any.
        if person.id not in accounts or user.role in sign_off_roles():
            accounts[person.id] = (person, user)
    wanted = {person.id for person in wanting([p for p, _ in accounts.values()], "digest")}
    return [pair for person_id, pair in accounts.items() if person_id in wanted]


def settings_of(person: Person) -> dict[str, bool]:
    """Every kind, on or off for `person`, as the account page shows them."""
    chosen = choices([person.id])
    signers = _signs_off([person.id])
    return {kind.value: _on(chosen, signers, person.id, kind) for kind in NotificationKind}


def _set(person: Person, kind: str, enabled: bool) -> bool:
    """Record the choice; True if it changed what was stored."""
    preference = db.session.scalar(
        sa.select(NotificationPreference).where(
            NotificationPreference.person_id == person.id, NotificationPreference.kind == kind
        )
    )
    if preference is None:
        db.session.add(NotificationPreference(person=person, kind=kind, enabled=enabled))
        return True
    if preference.enabled == enabled:
        return False
    preference.enabled = enabled
    return True


def change(user: User, enabled: Iterable[str]) -> list[str]:
    """The signed-in user chooses which kinds they get; returns the kinds whose setting changed."""
    person = user.person
    if person is None:
        raise NoAddress("Your account is not linked to a person in the directory.")
    wanted = {str(kind) for kind in enabled}
    before = settings_of(person)
    changed = [kind for kind in NotificationKind if before[kind] != (kind in wanted)]
    for kind in NotificationKind:
        _set(person, kind, kind in wanted)
    if changed:
        audit.record(
            user,
            "notifications.changed",
            person,
            f"Changed the emails {person.name} gets",
            on=sorted(kind for kind in changed if kind in wanted),
            off=sorted(kind for kind in changed if kind not in wanted),
        )
    db.session.commit()
    return changed


def unsubscribe(person: Person, kind: str) -> None:
    """Stop `kind` for `person`, from the signed link in a message: no sign-in needed."""
    if _set(person, kind, False):
        audit.record(
            None,
            "notifications.unsubscribed",
            person,
            f"{person.name} unsubscribed from: {NotificationKind.label_of(kind)}",
            kind=kind,
        )
    db.session.commit()
