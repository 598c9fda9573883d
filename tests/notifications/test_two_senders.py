"""Two senders running at once deliver each message exactly once, on the real database (on
PostgreSQL they claim with SELECT ... FOR UPDATE SKIP LOCKED; on SQLite by conditional UPDATE)."""

import asyncio
import threading
from collections import Counter

import sqlalchemy as sa

from tests.records import count
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.notifications import outbox
from tracker.notifications.models import NotificationKind, OutboxMessage, OutboxStatus
from tracker.notifications.outbox import Draft

MESSAGES = 60


class SlowMailbox:
    """Wraps the test server's mailbox so each message takes a moment, and senders overlap."""

    def __init__(self, mailbox):
        self.mailbox = mailbox

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.005)
        return await self.mailbox.handle_DATA(server, session, envelope)


def queue_messages(number: int) -> None:
    people = list(db.session.scalars(sa.select(Person).where(Person.email.is_not(None))))
    for n in range(number):
        person = people[n % len(people)]
        draft = Draft(subject=f"Message {n}", text=f"Message {n}\n", html=f"<p>Message {n}</p>")
        outbox.queue(person, NotificationKind.REMINDER, f"test:{n}", draft, "")
    db.session.commit()


def test_two_senders_at_once_deliver_each_message_once(app, demo, smtp):
    smtp.controller.handler = SlowMailbox(smtp.mailbox)  # each new connection gets it
    queue_messages(MESSAGES)
    results, errors = [], []
    start = threading.Barrier(2)

    def sender():
        try:
            with app.app_context():
                start.wait()
                results.append(outbox.deliver_all(limit=5))
                db.session.remove()
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(result.sent for result in results) == MESSAGES
    # Both took part, so the claims really raced.
    assert all(result.sent > 0 for result in results), [result.sent for result in results]

    subjects = Counter(received.subject for received in smtp.mailbox.received)
    assert len(subjects) == MESSAGES
    assert set(subjects.values()) == {1}
    ids = Counter(received.message["Message-ID"] for received in smtp.mailbox.received)
    assert set(ids.values()) == {1}
    assert count(OutboxMessage, OutboxMessage.status != OutboxStatus.SENT) == 0
