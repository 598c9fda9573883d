"""The transactional outbox: messages are stored with the change that causes them, then sent.

`queue` adds a message to the caller's session, so it is committed with the change or not at
all: nothing is lost, and nothing is sent for a change that was not saved. `deliver` sends what
is due, in three steps, each committed on its own:

1. claim: a batch of due messages is marked `sending` under this sender's token. On PostgreSQL
   the candidates are read with SELECT ... FOR UPDATE SKIP LOCKED, so two senders take different
   rows without waiting for each other; on both databases the claim itself is a conditional
   UPDATE (only rows still due), so of two senders only one gets each row.
2. send, over SMTP through Flask-Mailman, on one connection for the batch.
3. mark each one `sent`, or after a failure put it back in the queue with the error and a later
   time to try again (back-off), and after MAX_ATTEMPTS mark it `failed` for an administrator to
   send again from /admin/outbox.

A sender that dies between sending and marking leaves its claim; after LEASE the message is
claimed again, so a message is delivered at least once and, short of such a crash, exactly once.
Each message has a fixed Message-ID, so a mail system can recognise the rare second copy.
"""

import contextlib
import secrets
import smtplib
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import formataddr
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import current_app
from flask_mailman import EmailMultiAlternatives

from tracker import audit
from tracker.auth.permissions import Permission, can
from tracker.directory.models import Person
from tracker.extensions import db, mail
from tracker.kit.dates import utcnow
from tracker.notifications.models import OutboxMessage, OutboxStatus

BATCH = 50
MAX_ATTEMPTS = 6
# After the n-th failure, wait BACKOFF * 2**(n-1): 5, 10, 20, 40, 80 minutes, then give up.
BACKOFF = timedelta(minutes=5)
# A claim older than this belongs to a sender that died: the message is claimed again.
LEASE = timedelta(minutes=15)


@dataclass(frozen=True)
class Draft:
    """A message composed for one person, not yet queued."""

    subject: str
    text: str
    html: str


class NotAllowed(Exception):
    """The user may not do this to the outbox."""


def queue(person: Person, kind: str, key: str, draft: Draft, unsubscribe_url: str) -> OutboxMessage:
    """Add a message for `person` to the caller's transaction (the caller commits)."""
    message = OutboxMessage(
        kind=kind,
        dedupe_key=key[:200],
        person=person,
        to_name=person.name,
        to_address=person.email,
        subject=draft.subject[:300],
        text_body=draft.text,
        html_body=draft.html,
        unsubscribe_url=unsubscribe_url,
        status=OutboxStatus.QUEUED,
        next_attempt_at=utcnow(),
    )
    db.session.add(message)
    return message


def existing_keys(keys: list[str]) -> set[str]:
    """Which of these dedupe keys are in the outbox already."""
    if not keys:
        return set()
    return set(
        db.session.scalars(sa.select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys)))
    )


def sending_enabled() -> bool:
    return bool(current_app.config.get("MAIL_SERVER"))


# Claiming -----------------------------------------------------------------------------------------


def _due(now: datetime):
    return sa.or_(
        sa.and_(OutboxMessage.status == OutboxStatus.QUEUED, OutboxMessage.next_attempt_at <= now),
        sa.and_(OutboxMessage.status == OutboxStatus.SENDING, OutboxMessage.claimed_at < now - LEASE),
    )


def claim(token: str, now: datetime, limit: int = BATCH) -> list[int]:
    """Take up to `limit` due messages for the sender `token`; committed, so others see it.

    On SQLite another sender may have read the same candidates and claimed them first; then
    the conditional UPDATE takes none, and this looks again, until nothing is due.
    """
    while True:
        candidates = list(
            db.session.scalars(
                sa.select(OutboxMessage.id)
                .where(_due(now))
                .order_by(OutboxMessage.id)
                .limit(limit)
                .with_for_update(skip_locked=True)  # PostgreSQL only; SQLite ignores it
            )
        )
        if not candidates:
            db.session.commit()
            return []
        claimed = list(
            db.session.scalars(
                sa.update(OutboxMessage)
                .where(OutboxMessage.id.in_(candidates), _due(now))
                .values(status=OutboxStatus.SENDING, claimed_by=token, claimed_at=now)
                .returning(OutboxMessage.id)
                .execution_options(synchronize_session=False)
            )
        )
        db.session.commit()
        if claimed:
            return sorted(claimed)


# Sending ------------------------------------------------------------------------------------------


@dataclass
class Delivery:
    """What one run of the sender did."""

    sent: int = 0
    retrying: int = 0
    failed: int = 0
    held: int = 0  # no MAIL_SERVER: left in the outbox

    @property
    def claimed(self) -> int:
        return self.sent + self.retrying + self.failed


def message_id(message: OutboxMessage) -> str:
    host = urlsplit(current_app.config["BASE_URL"]).hostname or "localhost"
    return f"<outbox-{message.id}-{message.created_at:%Y%m%d%H%M%S}@{host}>"


def email_for(message: OutboxMessage, connection=None) -> EmailMultiAlternatives:
    headers = {"Message-ID": message_id(message), "Auto-Submitted": "auto-generated"}
    if message.unsubscribe_url:
        # RFC 2369 and RFC 8058: mail programs offer their own one-click unsubscribe button.
        headers["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.text_body,
        to=[formataddr((message.to_name, message.to_address))],
        headers=headers,
        connection=connection,
    )
    email.attach_alternative(message.html_body, "text/html")
    return email


def deliver(now: datetime | None = None, limit: int = BATCH) -> Delivery:
    """Send one batch of what is due. With no MAIL_SERVER, send nothing and say what waits."""
    now = now or utcnow()
    result = Delivery()
    if not sending_enabled():
        result.held = db.session.scalar(
            sa.select(sa.func.count(OutboxMessage.id)).where(
                OutboxMessage.status == OutboxStatus.QUEUED
            )
        )
        return result
    token = secrets.token_hex(16)
    ids = claim(token, now, limit)
    if not ids:
        return result
    messages = list(
        db.session.scalars(sa.select(OutboxMessage).where(OutboxMessage.id.in_(ids)).order_by(OutboxMessage.id))
    )
    # The settings as they are now, so a changed MAIL_SERVER takes effect without a restart.
    config = current_app.config
    connection = mail.get_connection(
        host=config["MAIL_SERVER"], port=config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT"]
    )
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        for message in messages:
            _failed(message, token, error, now, result)
        return result
    try:
        for message in messages:
            try:
                connection.send_messages([email_for(message, connection)])
            except (OSError, smtplib.SMTPException) as error:
                _failed(message, token, error, now, result)
            else:
                _sent(message, token, result)
    finally:
        # The messages are marked already; a failed goodbye changes nothing.
        with contextlib.suppress(OSError, smtplib.SMTPException):
            connection.close()
    return result


def deliver_all(now: datetime | None = None, limit: int = BATCH) -> Delivery:
    """Send batches until nothing due is left."""
    total = Delivery()
    while True:
        batch = deliver(now, limit)
        total.sent += batch.sent
        total.retrying += batch.retrying
        total.failed += batch.failed
        total.held = batch.held
        if batch.claimed < limit:
            return total


def _mark(message: OutboxMessage, token: str, **values) -> None:
    """Write the outcome, but only while the claim is still this sender's."""
    db.session.execute(
        sa.update(OutboxMessage)
        .where(OutboxMessage.id == message.id, OutboxMessage.claimed_by == token)
        .values(claimed_by=None, claimed_at=None, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def _sent(message: OutboxMessage, token: str, result: Delivery) -> None:
    _mark(
        message,
        token,
        status=OutboxStatus.SENT,
        sent_at=utcnow(),
        attempts=message.attempts + 1,
        last_error="",
    )
    result.sent += 1


def _failed(message: OutboxMessage, token: str, error: Exception, now: datetime, result: Delivery) -> None:
    attempts = message.attempts + 1
    text = f"{type(error).__name__}: {error}"[:2000]
    if attempts >= MAX_ATTEMPTS:
        _mark(message, token, status=OutboxStatus.FAILED, attempts=attempts, last_error=text)
        result.failed += 1
    else:
        _mark(
            message,
            token,
            status=OutboxStatus.QUEUED,
            attempts=attempts,
            last_error=text,
            next_attempt_at=now + BACKOFF * 2 ** (attempts - 1),
        )
        result.retrying += 1


# What an administrator does ---------------------------------------------------------------------


def listing(status: str = "") -> sa.Select:
    """The outbox, newest first, optionally of one status."""
    query = sa.select(OutboxMessage).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    if status:
        query = query.where(OutboxMessage.status == status)
    return query


def counts() -> dict[str, int]:
    """How many messages have each status."""
    rows = db.session.execute(
        sa.select(OutboxMessage.status, sa.func.count(OutboxMessage.id)).group_by(OutboxMessage.status)
    )
    return {status: number for status, number in rows}


def can_send_again(message: OutboxMessage) -> bool:
    return message.status == OutboxStatus.FAILED or (
        message.status == OutboxStatus.QUEUED and message.attempts > 0
    )


def send_again(message: OutboxMessage, user) -> None:
    """Put a failed message (or one waiting after a failure) back in the queue, due now."""
    if not can(user, Permission.ADMINISTER):
        raise NotAllowed("Only an administrator can send a message again.")
    if not can_send_again(message):
        raise NotAllowed("Only a message that failed can be sent again.")
    message.status = OutboxStatus.QUEUED
    message.attempts = 0
    message.next_attempt_at = utcnow()
    audit.record(
        user,
        "outbox.send_again",
        message,
        f"Queued again: {message.subject} to {message.to_address}",
        last_error=message.last_error,
    )
    db.session.commit()
