"""Each kind of message goes over real SMTP to the right people, with the right subject and links
that work; an SMTP server that is down loses nothing, and the next run sends it."""

from datetime import UTC, date, timedelta

import sqlalchemy as sa

from tests.clients import sign_in
from tests.notifications.conftest import BASE_URL
from tests.records import action, count, person, user
from tracker.actions import raising, services
from tracker.actions.models import Action, ActionStatus
from tracker.auth.models import User
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit.dates import utcnow
from tracker.meetings import lifecycle
from tracker.meetings.models import AgendaItem, Meeting, MinutesStatus
from tracker.notifications import outbox, reminders
from tracker.notifications.models import OutboxMessage, OutboxStatus


def edit_lead(reference: str, lead: Person) -> None:
    record = action(reference)
    services.edit(
        record, user("secretariat"), text=record.text, owner=record.owner, lead=lead,
        due_on=record.due_on, priorities=record.priorities, indicators=record.indicators,
        confidential=record.confidential, recurring=record.recurring,
    )


def draft_meeting() -> Meeting:
    """The Community Outcomes Meeting of 27 February 2024: public, minutes still in draft."""
    return db.session.scalar(
        sa.select(Meeting).where(Meeting.minutes_status == MinutesStatus.DRAFT).order_by(Meeting.starts_at)
    )


def follow(app, received, who: User | None, expected: int = 200) -> None:
    """Every tracker link in the message opens, for `who` (or someone not signed in)."""
    links = received.links(BASE_URL)
    assert links, received.text
    client = app.test_client()
    if who is not None:
        sign_in(client, who)
    for link in links:
        if link.startswith("/unsubscribe/"):
            continue  # followed in test_preferences
        if link == "/account/notifications" and who is None:
            continue  # signing in first, as for any page
        response = client.get(link)
        assert response.status_code == expected, (link, response.status_code)


def test_each_kind_arrives_with_its_subject_at_the_right_people_and_its_links_work(app, demo, smtp):
    # An action passed to someone else: the new lead.
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    # The lead (Damien Miller, WYP) marks it completed: the Deputy Mayor, who signs off.
    services.add_update(
        action("COM-2023-10-07b"), user("lead"), note="Framework sent.",
        status=ActionStatus.AWAITING_SIGN_OFF,
    )
    # She sends it back: its lead.
    services.send_back(action("COM-2023-10-07b"), user("dmpc"), note="Not yet in the reports.")
    # More time asked (no message) and agreed: the lead.
    services.add_update(
        action("COM-2023-10-09a"), user("lead"), note="Waiting for the group.",
        status=ActionStatus.IN_PROGRESS, requested_due_on=date(2024, 5, 31), reason="Summer.",
    )
    services.decide_extension(action("COM-2023-10-09a"), user("dmpc"), accept=True)
    # And refused.
    services.add_update(
        action("DQ-2024-01-03b"), user("lead"), note="Data late.",
        status=ActionStatus.IN_PROGRESS, requested_due_on=date(2024, 6, 30), reason="Data.",
    )
    services.decide_extension(
        action("DQ-2024-01-03b"), user("dmpc"), accept=False, note="Needed for the panel."
    )
    # A new action raised with a lead.
    meeting = draft_meeting()
    item = db.session.scalar(sa.select(AgendaItem).where(AgendaItem.meeting_id == meeting.id).limit(1))
    raised = raising.raise_action(
        item, user("secretariat"), text="WYP to brief the panel on hate crime.",
        owner=action("COM-2023-10-07b").owner, lead=person("Russ Hughes"),
        due_on=date(2024, 4, 30),
    )
    # Minutes published: everyone on the attendance list.
    meeting = draft_meeting()
    attendees = sorted(attendance.person.email for attendance in meeting.attendances)
    lifecycle.approve(meeting, user("secretariat"), confirmed=True)
    lifecycle.publish(meeting, user("secretariat"), confirmed=True)
    # A day's reminders and, on a Monday, the digest.
    monday = date(2024, 2, 19)
    queued = reminders.queue_for(monday)
    assert queued.digests == 1

    queued_messages = count(OutboxMessage, OutboxMessage.status == OutboxStatus.QUEUED)
    result = outbox.deliver_all()
    assert result.sent == queued_messages and result.retrying == result.failed == 0
    assert count(OutboxMessage, OutboxMessage.status != OutboxStatus.SENT) == 0
    assert len(smtp.mailbox.received) == queued_messages

    box = smtp.mailbox
    carl, damien = box.to("carl.glavin@example.org"), box.to("damien.miller@example.org")
    alison, russ = box.to("alison.lowe@example.org"), box.to("russ.hughes@example.org")
    carl = [m for m in carl if m.subject.startswith("Action")]
    assert [m.subject for m in carl] == [
        "Action COM-2023-10-07b has been passed to you",
        "Action COM-2023-10-07b was sent back to you",
    ]
    assert "More time agreed for action COM-2023-10-09a" in [m.subject for m in damien]
    # Russ Hughes leads DQ-2024-01-03b and has no sign-in.
    assert "More time refused for action DQ-2024-01-03b" in [m.subject for m in russ]
    assert f"Action {raised.reference} has been raised with you" in [m.subject for m in russ]
    assert "Action COM-2023-10-07b is completed and awaits your sign-off" in [
        m.subject for m in alison
    ]
    digest = [m for m in alison if m.subject.startswith("Weekly digest of actions, 19 February 2024")]
    assert len(digest) == 1
    published = [m for m in box.received if m.subject == f"Minutes published: {meeting.title}"]
    # Nobody is told what they did themselves: the secretariat (Sharon Waugh) published them.
    assert sorted(address for m in published for address in m.rcpt_tos) == [
        address for address in attendees if address != "sharon.waugh@example.org"
    ]

    # Every message: both parts, the one-click unsubscribe headers, the links on BASE_URL.
    for received in box.received:
        assert received.message.get_content_type() == "multipart/alternative"
        assert received.text.strip() and "<html" in received.html
        assert received.message["List-Unsubscribe"].strip().startswith(f"<{BASE_URL}/unsubscribe/")
        assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Not yet in the reports." in carl[1].text
    assert "Needed for the panel." in [m for m in russ if "refused" in m.subject][0].text

    # The links work: for the lead and the Deputy Mayor signed in, the public minutes for anyone.
    follow(app, carl[0], user("lead"))
    follow(app, [m for m in alison if "sign-off" in m.subject][0], user("dmpc"))
    follow(app, digest[0], user("dmpc"))
    follow(app, published[0], None)
    # Someone with no sign-in is sent to sign in, and comes back to the action.
    link = [m for m in russ if "raised" in m.subject][0].links(BASE_URL)[0]
    response = app.test_client().get(link)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_confidential_action_is_named_only_by_its_reference(app, demo, smtp):
    confidential = db.session.scalar(sa.select(Action).where(Action.confidential.is_(True)))
    edit_lead(confidential.reference, person("Carl Glavin"))
    outbox.deliver_all()
    [received] = smtp.mailbox.to("carl.glavin@example.org")
    assert confidential.reference in received.subject
    for body in (received.text, received.html):
        assert confidential.reference in body
        assert confidential.text not in body
        assert confidential.owner.name not in body
    assert "confidential" in received.text


def test_with_the_server_down_messages_stay_queued_with_the_error_and_go_on_the_next_run(
    app, demo, mail_settings, smtp_down
):
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    result = outbox.deliver_all()
    assert result.retrying == 1 and result.sent == 0
    message = db.session.scalar(sa.select(OutboxMessage).where(OutboxMessage.kind == "assigned"))
    assert message.status == OutboxStatus.QUEUED
    assert message.attempts == 1
    assert "ConnectionRefusedError" in message.last_error
    # SQLite gives back naive datetimes, all of them UTC.
    assert message.next_attempt_at.replace(tzinfo=message.next_attempt_at.tzinfo or UTC) > utcnow()

    # An administrator sees it, with the error.
    page = sign_in(app.test_client(), user("admin")).get("/admin/outbox")
    assert "ConnectionRefusedError" in page.text and "Send again" in page.text

    # Not due again until its back-off has passed.
    assert outbox.deliver_all().claimed == 0

    # The server is back: the next run after the back-off sends it, once.
    from tests.notifications.mailbox import SmtpServer

    server = SmtpServer()
    server.start()
    try:
        mail_settings.update(MAIL_PORT=server.port)
        assert outbox.deliver_all(utcnow() + timedelta(hours=1)).sent == 1
        assert outbox.deliver_all(utcnow() + timedelta(hours=2)).claimed == 0
    finally:
        server.stop()
    db.session.expire_all()
    assert message.status == OutboxStatus.SENT and message.last_error == ""
    assert [m.subject for m in server.mailbox.received] == [
        "Action COM-2023-10-07b has been passed to you"
    ]


def test_after_the_last_try_a_message_is_failed_until_sent_again(app, demo, smtp_down):
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    moment = utcnow()
    for _ in range(outbox.MAX_ATTEMPTS):
        outbox.deliver_all(moment)
        moment += timedelta(days=1)
    message = db.session.scalar(sa.select(OutboxMessage).where(OutboxMessage.kind == "assigned"))
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == outbox.MAX_ATTEMPTS
    assert outbox.deliver_all(moment + timedelta(days=30)).claimed == 0

    admin = sign_in(app.test_client(), user("admin"))
    response = admin.post(f"/admin/outbox/{message.id}/send-again")
    assert response.status_code == 302
    db.session.expire_all()
    assert message.status == OutboxStatus.QUEUED and message.attempts == 0


def test_without_a_mail_server_messages_wait_in_the_outbox(app, demo, mail_settings):
    mail_settings["MAIL_SERVER"] = ""
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    result = outbox.deliver_all()
    assert result.held == 1 and result.claimed == 0
    assert db.session.scalar(sa.select(OutboxMessage.status).where(OutboxMessage.kind == "assigned")) == OutboxStatus.QUEUED


def test_a_message_claimed_by_a_sender_that_died_is_claimed_again_after_the_lease(app, demo, smtp):
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    moment = utcnow()
    assert outbox.claim("a-sender-that-dies", moment) != []
    # Within the lease nobody else takes it; after it, the next sender does, and sends it once.
    assert outbox.deliver_all(moment + timedelta(minutes=1)).claimed == 0
    assert outbox.deliver_all(moment + outbox.LEASE + timedelta(minutes=1)).sent == 1
    assert len(smtp.mailbox.received) == 1


def test_the_send_command_sends_once_or_keeps_going(app, demo, smtp, monkeypatch):
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    runner = app.test_cli_runner()
    result = runner.invoke(args=["mail", "send"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Sent 1; 0 to try again later; 0 failed."

    # --loop: sends, waits, sends what came meanwhile (stopped here after its second wait).
    waits = []

    def wait(seconds):
        waits.append(seconds)
        if len(waits) == 1:
            edit_lead("COM-2023-10-09a", person("Carl Glavin"))
        else:
            raise KeyboardInterrupt

    monkeypatch.setattr("tracker.notifications.cli.time.sleep", wait)
    result = runner.invoke(args=["mail", "send", "--loop", "--interval", "7"])
    assert waits == [7, 7]
    assert [m.subject for m in smtp.mailbox.received] == [
        "Action COM-2023-10-07b has been passed to you",
        "Action COM-2023-10-09a has been passed to you",
    ]


def test_the_send_command_says_when_no_mail_server_is_set(app, demo, mail_settings):
    mail_settings["MAIL_SERVER"] = ""
    edit_lead("COM-2023-10-07b", person("Carl Glavin"))
    result = app.test_cli_runner().invoke(args=["mail", "send"])
    assert "MAIL_SERVER is not set: 1 message kept in the outbox" in result.output
