"""The outbox of messages to send, and what each person wants to be told."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.directory.models import Person
from tracker.extensions import NEVER_REUSE_IDS, db
from tracker.kit.dates import utcnow
from tracker.kit.enums import LabelledEnum


class NotificationKind(LabelledEnum):
    """What a message is about; each kind can be switched off by whoever receives it."""

    ASSIGNED = "assigned", "Actions given to you"
    DECISION = "decision", "Decisions on your actions"
    SIGN_OFF = "sign_off", "Actions awaiting your sign-off"
    REMINDER = "reminder", "Reminders of due and overdue actions"
    DIGEST = "digest", "The weekly digest"
    MINUTES = "minutes", "Minutes published"


HINTS = {
    NotificationKind.ASSIGNED: "When an action is raised with you as its lead, or passed to you.",
    NotificationKind.DECISION: "When an action you lead is sent back, or a request for more time "
    "is agreed or refused.",
    NotificationKind.SIGN_OFF: "When a lead marks an action completed and it waits for sign-off. "
    "For those who sign actions off.",
    NotificationKind.REMINDER: "7 days before an action you lead is due, on the day, and each "
    "week while it is overdue.",
    NotificationKind.DIGEST: "Each Monday: what is overdue, by owner and by priority, what awaits "
    "sign-off and the requests for more time.",
    NotificationKind.MINUTES: "When the minutes of a meeting you attended are published.",
}


class OutboxStatus(LabelledEnum):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class OutboxMessage(db.Model):
    """One email to one person, stored with the change that caused it and sent afterwards.

    `dedupe_key` names the message (kind, subject record, recipient and, for scheduled ones, the
    day), so queuing the same message twice is refused by the database.
    """

    __tablename__ = "outbox_message"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20), index=True)
    dedupe_key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"), index=True)
    to_name: Mapped[str] = mapped_column(sa.String(200), default="")
    to_address: Mapped[str] = mapped_column(sa.String(320))
    subject: Mapped[str] = mapped_column(sa.String(300))
    text_body: Mapped[str] = mapped_column(sa.Text)
    html_body: Mapped[str] = mapped_column(sa.Text)
    unsubscribe_url: Mapped[str] = mapped_column(sa.String(1000), default="")
    status: Mapped[str] = mapped_column(sa.String(20), default=OutboxStatus.QUEUED, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, index=True
    )
    # Not before this moment: now when queued, later after a failure (the back-off).
    next_attempt_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, index=True
    )
    # Which sender took it, and when: a claim older than the lease is taken back.
    claimed_by: Mapped[str | None] = mapped_column(sa.String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    person: Mapped[Person | None] = relationship()

    @property
    def kind_label(self) -> str:
        return NotificationKind.label_of(self.kind)

    @property
    def status_label(self) -> str:
        return OutboxStatus.label_of(self.status)


class NotificationPreference(db.Model):
    """A person's choice for one kind of message; without one, the kind's default applies."""

    __tablename__ = "notification_preference"
    __table_args__ = (sa.UniqueConstraint("person_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(sa.ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    enabled: Mapped[bool]
    updated_at: Mapped[datetime] = mapped_column(
        sa.DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    person: Mapped[Person] = relationship()
