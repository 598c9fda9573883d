"""What changes send a message, and to whom: the subscribers to the domains' events.

Why events (kit.events) rather than calls from the services: the actions and meetings domains sit
below this one (its messages need their models and queries), so they may not import it. Each
change to an action already goes through one function, `actions.history.record`, and publishing
minutes through `meetings.lifecycle.publish`; each publishes an event there, and `subscribe`
(called by `create_app`) connects the handlers below. A handler runs inside the service, before
its commit, and only adds messages to the session: the message is stored in the same transaction
as the change, or, if the change is refused or clashes, not at all.

Handlers query with autoflush off: flushing the service's half-made change early would raise a
version clash here instead of at the service's save, where it is handled.

No one is emailed about what they did themselves. Each message of a change has a key of its own
(kind, record, recipient and a random part): a change happens once, so nothing can repeat it.
"""

import secrets

from flask import Flask

from tracker.actions.models import ActionStatus, ActionUpdate, UpdateKind
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit import events
from tracker.meetings.models import Meeting
from tracker.notifications import messages, outbox, preferences
from tracker.notifications.models import NotificationKind


def subscribe(app: Flask) -> None:
    events.subscribe(app, "action.recorded", action_recorded)
    events.subscribe(app, "minutes.published", minutes_published)


def _queue(people: list[Person], kind: str, subject_key: str, actor, compose) -> None:
    """Queue `compose(person)` for each of `people` who wants `kind`, leaving out the actor."""
    actor_person = getattr(actor, "person_id", None)
    for person in preferences.wanting(people, kind):
        if person.id == actor_person:
            continue
        composed = compose(person)
        key = f"{kind}:{subject_key}:p{person.id}:{secrets.token_hex(6)}"
        outbox.queue(person, kind, key, composed.draft, composed.unsubscribe_url)


def action_recorded(entry: ActionUpdate, user) -> None:
    """An entry in an action's history: tell the lead or the people who sign off, if it matters."""
    with db.session.no_autoflush:
        action = entry.action
        subject_key = f"a{action.id}"
        lead = [action.lead] if action.lead is not None else []
        if entry.kind == UpdateKind.RAISED:
            _queue(
                lead, NotificationKind.ASSIGNED, subject_key, user,
                lambda person: messages.assigned(person, action, raised=True),
            )
        elif entry.kind == UpdateKind.EDIT and "lead" in (entry.changes or {}):
            _queue(
                lead, NotificationKind.ASSIGNED, subject_key, user,
                lambda person: messages.assigned(person, action, raised=False),
            )
        elif entry.kind in messages.DECISIONS:
            _queue(
                lead, NotificationKind.DECISION, subject_key, user,
                lambda person: messages.decision(person, action, entry.kind, entry.note),
            )
        elif entry.new_status == ActionStatus.AWAITING_SIGN_OFF:
            _queue(
                preferences.sign_off_people(), NotificationKind.SIGN_OFF, subject_key, user,
                lambda person: messages.awaiting_sign_off(person, action, entry.note),
            )


def minutes_published(meeting: Meeting, user) -> None:
    """Published minutes: tell everyone on the meeting's attendance list."""
    with db.session.no_autoflush:
        people = [attendance.person for attendance in meeting.attendances]
        _queue(
            people, NotificationKind.MINUTES, f"m{meeting.id}", user,
            lambda person: messages.minutes_published(person, meeting),
        )
