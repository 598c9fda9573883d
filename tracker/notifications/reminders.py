"""The scheduled messages: reminders to leads and the weekly digest, queued for one day.

`queue_for(as_at)` is run once a day (cron or a systemd timer, see the README). It is idempotent:
each message it queues has a key naming its kind, action or reader, recipient and day, unique in
the outbox, so a second run on the same day queues nothing new.

Reminders go to an action's lead 7 days before it is due, on the day, and every 7 days while it
is overdue, for as long as it is open or in progress. Once the lead marks it completed the next
step is the Deputy Mayor's (she is told at once, and the digest lists it), so the lead is no
longer reminded. The digest goes out on DIGEST_WEEKDAY (Monday).
"""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.actions import overdue, queries
from tracker.actions.models import Action, ActionStatus
from tracker.extensions import db
from tracker.notifications import messages, outbox, preferences
from tracker.notifications.models import NotificationKind

REMINDED_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
DAYS_BEFORE = 7
DIGEST_WEEKDAY = 0  # Monday
DIGEST_LIST_LIMIT = 25


@dataclass
class Queued:
    """How many messages a run queued, of each sort."""

    reminders: int = 0
    digests: int = 0


def reminder_due(action: Action, as_at: date) -> messages.Reminder | None:
    """Whether `action`'s lead is reminded on `as_at`, and why."""
    if action.due_on is None or action.status not in REMINDED_STATUSES:
        return None
    days = (action.due_on - as_at).days
    if days in (DAYS_BEFORE, 0) or (days < 0 and days % 7 == 0):
        return messages.Reminder(days_to_due=days)
    return None


def _reminder_candidates(as_at: date) -> list[Action]:
    """Open actions with a lead due in a week, today, or a whole number of weeks ago.

    The whole weeks are worked out here rather than in SQL, which has no portable date
    arithmetic; the query already narrows it to outstanding actions with a lead and a due date.
    """
    return list(
        db.session.scalars(
            sa.select(Action)
            .options(selectinload(Action.lead), selectinload(Action.owner))
            .where(
                Action.status.in_(REMINDED_STATUSES),
                Action.lead_id.is_not(None),
                Action.due_on.is_not(None),
                Action.due_on <= as_at + timedelta(days=DAYS_BEFORE),
            )
            .order_by(Action.due_on, Action.reference)
        )
    )


def queue_reminders(as_at: date) -> int:
    due = [(action, why) for action in _reminder_candidates(as_at) if (why := reminder_due(action, as_at))]
    wanting = {person.id for person in preferences.wanting([a.lead for a, _ in due], NotificationKind.REMINDER)}
    planned = {
        f"reminder:a{action.id}:p{action.lead_id}:{as_at.isoformat()}": (action, why)
        for action, why in due
        if action.lead_id in wanting
    }
    taken = outbox.existing_keys(list(planned))
    for key, (action, why) in planned.items():
        if key in taken:
            continue
        composed = messages.reminder(action.lead, action, why)
        outbox.queue(action.lead, NotificationKind.REMINDER, key, composed.draft, composed.unsubscribe_url)
    return len(planned) - len(taken)


def digest_for(user, as_at: date) -> messages.Digest:
    """The digest as `user`'s account sees the actions (confidential ones by reference only)."""
    visible = queries.visible(user)
    awaiting = visible.where(Action.status == ActionStatus.AWAITING_SIGN_OFF)
    more_time = visible.where(Action.requested_due_on.is_not(None), queries.outstanding_condition())
    return messages.Digest(
        as_at=as_at,
        review=overdue.review(user, as_at),
        awaiting_sign_off=list(
            db.session.scalars(awaiting.order_by(Action.due_on, Action.reference).limit(DIGEST_LIST_LIMIT))
        ),
        awaiting_total=_count(awaiting),
        more_time=list(
            db.session.scalars(more_time.order_by(Action.requested_due_on, Action.reference).limit(DIGEST_LIST_LIMIT))
        ),
        more_time_total=_count(more_time),
    )


def _count(query: sa.Select) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))


def queue_digests(as_at: date) -> int:
    if as_at.weekday() != DIGEST_WEEKDAY:
        return 0
    readers = {
        f"digest:p{person.id}:{as_at.isoformat()}": (person, user)
        for person, user in preferences.digest_readers()
    }
    taken = outbox.existing_keys(list(readers))
    for key, (person, user) in readers.items():
        if key in taken:
            continue
        composed = messages.digest(person, digest_for(user, as_at))
        outbox.queue(person, NotificationKind.DIGEST, key, composed.draft, composed.unsubscribe_url)
    return len(readers) - len(taken)


def queue_for(as_at: date) -> Queued:
    """Queue the reminders and digests due on `as_at`, in one transaction."""
    queued = Queued(reminders=queue_reminders(as_at), digests=queue_digests(as_at))
    db.session.commit()
    return queued
