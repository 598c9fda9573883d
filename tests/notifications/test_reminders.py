"""`flask reminders queue --as-at` over the demo data: who is reminded of what, the weekly digest,
and a second run on the same day queues nothing."""

import sqlalchemy as sa

from tests.records import user
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.notifications import preferences
from tracker.notifications.models import NotificationKind, OutboxMessage, OutboxStatus


def run(app, as_at: str) -> str:
    result = app.test_cli_runner().invoke(args=["reminders", "queue", "--as-at", as_at])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def queued(kind: str | None = None) -> list[tuple[str, str]]:
    """(recipient, subject) of every message queued (the demo's history is sent already)."""
    query = sa.select(OutboxMessage.to_address, OutboxMessage.subject).where(
        OutboxMessage.status == OutboxStatus.QUEUED
    )
    if kind:
        query = query.where(OutboxMessage.kind == kind)
    return sorted(tuple(row) for row in db.session.execute(query))


def body_of(subject: str) -> str:
    return db.session.scalar(sa.select(OutboxMessage.text_body).where(OutboxMessage.subject == subject))


def test_leads_are_reminded_7_days_before_on_the_day_and_each_week_overdue(app, demo):
    assert run(app, "2024-03-22") == "Queued 3 reminders and 0 digests for 2024-03-22."
    assert queued() == [
        ("damien.miller@example.org", "Action COM-2023-10-05a is due in 7 days"),
        ("damien.miller@example.org", "Action COM-2023-10-07b is 5 weeks overdue"),
        ("damien.miller@example.org", "Action COM-2023-10-09a is 4 weeks overdue"),
    ]
    body = body_of("Action COM-2023-10-07b is 5 weeks overdue")
    assert "was due on 16 February 2024 and is 5 weeks overdue" in body
    assert "http://127.0.0.1:5000/actions/" in body or "/actions/" in body

    # The same day again: nothing new.
    assert run(app, "2024-03-22") == "Queued 0 reminders and 0 digests for 2024-03-22."
    assert len(queued()) == 3


def test_due_today_and_a_person_without_sign_in_and_a_confidential_action(app, demo):
    assert run(app, "2024-04-23") == "Queued 3 reminders and 0 digests for 2024-04-23."
    assert queued() == [
        ("damien.miller@example.org", "Action COM-2023-10-08a is due in 7 days"),
        ("damien.miller@example.org", "Action DQ-2024-01-03a is 1 week overdue"),
        # Russ Hughes has no sign-in: his link leads to the sign-in page, then the action.
        ("russ.hughes@example.org", "Action DQ-2024-01-03b is 1 week overdue"),
    ]
    confidential = db.session.scalar(
        sa.select(OutboxMessage).where(OutboxMessage.subject.contains("COM-2023-10-08a"))
    )
    assert "confidential" in confidential.text_body
    assert "Domestic" not in confidential.text_body and "Owner:" not in confidential.text_body
    assert "Owner:" not in confidential.html_body

    assert run(app, "2024-04-30") == "Queued 3 reminders and 0 digests for 2024-04-30."
    assert ("damien.miller@example.org", "Action COM-2023-10-08a is due today") in queued()


def test_a_completed_action_awaiting_sign_off_is_not_reminded(app, demo):
    # COM-2023-10-04b was due on 29 February 2024 and awaits the Deputy Mayor's sign-off.
    run(app, "2024-02-29")
    run(app, "2024-03-07")
    assert not [subject for _, subject in queued() if "COM-2023-10-04b" in subject]


def test_the_digest_goes_each_monday_to_the_deputy_mayor_and_whoever_opts_in(app, demo):
    assert run(app, "2024-04-08") == "Queued 0 reminders and 1 digest for 2024-04-08."
    [(address, subject)] = queued(NotificationKind.DIGEST)
    assert address == "alison.lowe@example.org"
    assert subject == "Weekly digest of actions, 8 April 2024: 7 overdue, 1 awaiting sign-off"
    digest = body_of(subject)
    assert "By owner:" in digest and "By priority:" in digest
    assert "AWAITING SIGN-OFF: 1" in digest and "COM-2023-10-04b" in digest
    assert "REQUESTS FOR MORE TIME: 1" in digest and "Asked to move it to 30 April 2024" in digest
    # The confidential overdue action is there by reference and link only.
    assert "JEM-2023-11-05a (confidential): http://127.0.0.1:5000/actions/" in digest

    # The viewer opts in; the lead (Damien Miller) switches reminders off.
    preferences.change(user("viewer"), [NotificationKind.DIGEST, NotificationKind.MINUTES])
    preferences.change(user("lead"), [NotificationKind.ASSIGNED, NotificationKind.DECISION])
    assert run(app, "2024-04-15") == "Queued 0 reminders and 2 digests for 2024-04-15."
    assert [address for address, _ in queued(NotificationKind.DIGEST)] == [
        "alison.lowe@example.org",
        "alison.lowe@example.org",
        "dave.iveson@example.org",
    ]
    # The viewer's digest shows what the viewer may see: no confidential action at all.
    viewer_digest = db.session.scalar(
        sa.select(OutboxMessage.text_body).where(OutboxMessage.to_address == "dave.iveson@example.org")
    )
    assert "JEM-2023-11-05a" not in viewer_digest and "COM-2023-10-08a" not in viewer_digest
    # Not a Monday: no digest. And Damien Miller asked for no reminders.
    assert run(app, "2024-04-19") == "Queued 0 reminders and 0 digests for 2024-04-19."


def test_nobody_without_an_email_address_is_queued_anything(app, demo):
    damien = db.session.scalar(sa.select(Person).where(Person.name == "Damien Miller"))
    damien.email = None
    db.session.commit()
    assert run(app, "2024-03-22") == "Queued 0 reminders and 0 digests for 2024-03-22."
