"""Composing each kind of message from data: a subject naming the action or meeting, and a plain
text and an HTML part from the templates in templates/notifications/email/ (`<name>.txt`, `<name>.html`).

A confidential action is never described beyond its reference and a link: the templates get
`action.confidential` and show nothing else of it.
"""

from dataclasses import dataclass, field
from datetime import date

from flask import current_app, render_template

from tracker.actions.models import Action, UpdateKind
from tracker.directory.models import Person
from tracker.kit.dates import long_date
from tracker.meetings.models import Meeting
from tracker.notifications.links import external_url, unsubscribe_url
from tracker.notifications.models import NotificationKind
from tracker.notifications.outbox import Draft

# Why each kind of message comes, for its footer.
REASONS = {
    NotificationKind.ASSIGNED: "you lead this action",
    NotificationKind.DECISION: "you lead this action",
    NotificationKind.SIGN_OFF: "you sign off completed actions",
    NotificationKind.REMINDER: "you lead this action",
    NotificationKind.DIGEST: "you get the weekly digest of actions",
    NotificationKind.MINUTES: "you are on the attendance list of this meeting",
}


@dataclass(frozen=True)
class Composed:
    """A draft with what the outbox stores beside it."""

    draft: Draft
    unsubscribe_url: str


def _compose(template: str, kind: str, person: Person, subject: str, **context) -> Composed:
    unsubscribe = unsubscribe_url(person.id, kind)
    context.update(
        subject=subject,
        person=person,
        kind_label=NotificationKind.label_of(kind),
        reason=REASONS[kind],
        unsubscribe_url=unsubscribe,
        preferences_url=external_url("notifications.preferences"),
        service_name=current_app.config["SERVICE_NAME"],
    )
    text = render_template(f"notifications/email/{template}.txt", **context)
    html = render_template(f"notifications/email/{template}.html", **context)
    return Composed(Draft(subject=subject, text=text.strip() + "\n", html=html), unsubscribe)


def action_url(action: Action) -> str:
    return external_url("actions.detail", action_id=action.id)


def assigned(person: Person, action: Action, *, raised: bool) -> Composed:
    """An action raised with `person` as its lead, or passed to them."""
    subject = (
        f"Action {action.reference} has been raised with you"
        if raised
        else f"Action {action.reference} has been passed to you"
    )
    return _compose(
        "assigned", NotificationKind.ASSIGNED, person, subject,
        action=action, raised=raised, link=action_url(action),
    )


DECISIONS = {
    UpdateKind.SENT_BACK: "Action {} was sent back to you",
    UpdateKind.EXTENSION_ACCEPTED: "More time agreed for action {}",
    UpdateKind.EXTENSION_REFUSED: "More time refused for action {}",
}


def decision(person: Person, action: Action, kind: str, note: str) -> Composed:
    """The Deputy Mayor sent the action back, or agreed or refused more time."""
    return _compose(
        "decision", NotificationKind.DECISION, person, DECISIONS[kind].format(action.reference),
        action=action, decision=kind, note=note, link=action_url(action),
    )


def awaiting_sign_off(person: Person, action: Action, note: str) -> Composed:
    """A lead marked the action completed: it waits for `person` to sign it off."""
    return _compose(
        "sign_off", NotificationKind.SIGN_OFF, person,
        f"Action {action.reference} is completed and awaits your sign-off",
        action=action, note=note, link=action_url(action),
    )


@dataclass(frozen=True)
class Reminder:
    """Why a reminder is due today: 7 days to go, due today, or whole weeks overdue."""

    days_to_due: int  # 7, 0, or minus the days overdue

    @property
    def weeks_overdue(self) -> int:
        return -self.days_to_due // 7

    def subject(self, reference: str) -> str:
        if self.days_to_due > 0:
            return f"Action {reference} is due in {self.days_to_due} days"
        if self.days_to_due == 0:
            return f"Action {reference} is due today"
        weeks = self.weeks_overdue
        return f"Action {reference} is {weeks} week{'s' if weeks != 1 else ''} overdue"


def reminder(person: Person, action: Action, due: Reminder) -> Composed:
    return _compose(
        "reminder", NotificationKind.REMINDER, person, due.subject(action.reference),
        action=action, due=due, due_on=long_date(action.due_on), link=action_url(action),
    )


@dataclass
class Digest:
    """What the weekly digest shows one reader (as their account may see it)."""

    as_at: date
    review: object  # actions.overdue.OverdueReview: counts by owner and priority, the most overdue
    awaiting_sign_off: list[Action] = field(default_factory=list)
    awaiting_total: int = 0
    more_time: list[Action] = field(default_factory=list)
    more_time_total: int = 0


def digest(person: Person, data: Digest) -> Composed:
    subject = (
        f"Weekly digest of actions, {long_date(data.as_at)}: {data.review.total} overdue, "
        f"{data.awaiting_total} awaiting sign-off"
    )
    return _compose(
        "digest", NotificationKind.DIGEST, person, subject,
        data=data,
        action_url=action_url,
        overdue_url=external_url("actions.overdue"),
        awaiting_url=external_url("actions.index", status="awaiting_sign_off"),
        register_url=external_url("actions.index", status="outstanding"),
    )


def minutes_published(person: Person, meeting: Meeting) -> Composed:
    """The minutes of a meeting `person` attended are published: the public page or the minutes."""
    link = (
        external_url("public.meeting", meeting_id=meeting.id)
        if meeting.is_public
        else external_url("reports.minutes", meeting_id=meeting.id)
    )
    return _compose(
        "minutes", NotificationKind.MINUTES, person, f"Minutes published: {meeting.title}",
        meeting=meeting, link=link,
    )
