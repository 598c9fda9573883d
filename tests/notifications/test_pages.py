"""The pages of email: choosing your emails, unsubscribing without signing in, the outbox, and
people's addresses in the directory."""

import pytest
import sqlalchemy as sa

from tests.clients import sign_in
from tests.factories import OrganisationFactory, PersonFactory
from tests.pages import error_summary
from tests.queries import page_queries
from tests.records import action, audit_entries, count, person, user
from tracker.actions import services
from tracker.actions.models import ActionStatus
from tracker.extensions import db
from tracker.notifications import outbox, preferences
from tracker.notifications.links import unsubscribe_token
from tracker.notifications.models import (
    NotificationKind,
    NotificationPreference,
    OutboxMessage,
    OutboxStatus,
)


def queued_to(address: str) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(OutboxMessage.subject).where(
                OutboxMessage.to_address == address, OutboxMessage.status == OutboxStatus.QUEUED
            )
        )
    )


def complete_and_send_back(reference: str) -> None:
    services.add_update(
        action(reference), user("lead"), note="Done.", status=ActionStatus.AWAITING_SIGN_OFF
    )
    services.send_back(action(reference), user("dmpc"), note="Not yet.")


def test_the_choices_page_shows_the_defaults_and_saves_what_the_person_chooses(app, demo):
    client = sign_in(app.test_client(), user("lead"))
    page = client.get("/account/notifications").text
    assert "damien.miller@example.org" in page
    for kind in NotificationKind:
        box = page.split(f'value="{kind.value}"')[1].split(">")[0]
        assert ("checked" in box) == (kind != NotificationKind.DIGEST), kind

    response = client.post(
        "/account/notifications", data={"kinds": ["assigned", "reminder", "digest"]}
    )
    assert response.status_code == 302
    assert preferences.settings_of(person("Damien Miller")) == {
        "assigned": True, "decision": False, "sign_off": False, "reminder": True,
        "digest": True, "minutes": False,
    }
    [entry] = [e for e in audit_entries("person") if e.event == "notifications.changed"]
    assert entry.detail == {"on": ["digest"], "off": ["decision", "minutes", "sign_off"]}

    # A kind switched off is not queued: the Deputy Mayor's decision is not sent to him.
    complete_and_send_back("COM-2023-10-07b")
    assert queued_to("damien.miller@example.org") == []
    assert "Action COM-2023-10-07b is completed and awaits your sign-off" in queued_to(
        "alison.lowe@example.org"
    )


def test_the_choices_page_says_when_there_is_no_address(app, demo):
    client = sign_in(app.test_client(), user("admin"))  # not linked to a person
    assert "not linked to a person" in client.get("/account/notifications").text
    viewer = person("Dave Iveson")
    viewer.email = None
    db.session.commit()
    page = sign_in(app.test_client(), user("viewer")).get("/account/notifications").text
    assert "We have no email address for you" in page


def test_unsubscribing_by_the_link_needs_no_sign_in_and_opening_it_changes_nothing(csrf_app, demo):
    damien = person("Damien Miller")
    url = f"/unsubscribe/{unsubscribe_token(damien.id, 'decision')}"
    client = csrf_app.test_client()
    page = client.get(url)
    assert page.status_code == 200 and "Stop emails about decisions on your actions?" in page.text
    assert count(NotificationPreference) == 0  # a mail scanner opening the link changes nothing

    # The page's button (which needs no CSRF token, the signed address stands in for it).
    done = client.post(url, follow_redirects=True)
    assert done.status_code == 200 and "You have unsubscribed" in done.text
    assert preferences.settings_of(damien)["decision"] is False
    assert preferences.settings_of(damien)["reminder"] is True
    [entry] = [e for e in audit_entries("person") if e.event == "notifications.unsubscribed"]
    assert entry.user_id is None
    complete_and_send_back("COM-2023-10-07b")
    assert queued_to("damien.miller@example.org") == []


def test_a_mail_programs_one_click_unsubscribe_works(csrf_app, demo):
    russ = person("Russ Hughes")  # no sign-in at all
    url = f"/unsubscribe/{unsubscribe_token(russ.id, 'reminder')}"
    response = csrf_app.test_client().post(url, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 303
    assert preferences.settings_of(russ)["reminder"] is False


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        "WzEsInJlbWluZGVyIl0",  # the payload, unsigned
        # Signed by another key: the right shape, the wrong signature.
        "WzEsInJlbWluZGVyIl0.AAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ],
)
def test_an_unsubscribe_link_we_did_not_sign_is_not_found(client, token):
    assert client.get(f"/unsubscribe/{token}").status_code == 404
    assert client.post(f"/unsubscribe/{token}").status_code == 404


def test_a_signed_link_for_a_kind_or_person_that_does_not_exist_is_not_found(client, users):
    someone = users["lead"].person
    assert client.get(f"/unsubscribe/{unsubscribe_token(someone.id, 'gossip')}").status_code == 404
    assert client.get(f"/unsubscribe/{unsubscribe_token(99999, 'reminder')}").status_code == 404


def test_the_outbox_lists_messages_by_status_and_shows_one(app, demo):
    admin = sign_in(app.test_client(), user("admin"))
    complete_and_send_back("COM-2023-10-07b")
    page = admin.get("/admin/outbox").text
    assert "Action COM-2023-10-07b was sent back to you" in page
    assert "No mail server is set" in page
    sent_only = admin.get("/admin/outbox?status=sent").text
    assert "was sent back to you" not in sent_only and "Weekly digest of actions" in sent_only
    assert admin.get("/admin/outbox?status=nonsense").status_code == 404

    message = db.session.scalar(
        sa.select(OutboxMessage).where(OutboxMessage.subject.contains("was sent back"))
    )
    detail = admin.get(f"/admin/outbox/{message.id}").text
    assert "Not yet." in detail and "damien.miller@example.org" in detail
    # A queued message that never failed cannot be "sent again": it is on its way.
    assert "Send again" not in detail
    response = admin.post(f"/admin/outbox/{message.id}/send-again", follow_redirects=True)
    assert "Only a message that failed can be sent again." in response.text


def add_messages(how_many: int, start: int = 0) -> None:
    """Messages to two people, every third one failed after its last try."""
    people = [PersonFactory(email=f"p{start}-{n}@example.org") for n in range(2)]
    for n in range(start, start + how_many):
        draft = outbox.Draft(subject=f"Subject {n}", text="Text", html="<p>Text</p>")
        message = outbox.queue(people[n % 2], "reminder", f"count:{n}", draft, "")
        if n % 3 == 0:
            message.status, message.attempts = OutboxStatus.FAILED, outbox.MAX_ATTEMPTS
            message.last_error = "SMTPRecipientsRefused: no such mailbox"
    db.session.commit()


@pytest.mark.parametrize(
    "url", ["/admin/outbox", "/admin/outbox?status=failed", "/admin/outbox?page=2"]
)
def test_the_outbox_makes_the_same_number_of_queries_however_many_messages(
    app, client, login_as, url
):
    login_as("admin")
    app.config["PER_PAGE"], per_page = 10, app.config["PER_PAGE"]
    try:
        add_messages(40)
        few = page_queries(client, url)
        add_messages(200, start=40)
        assert page_queries(client, url) == few
    finally:
        app.config["PER_PAGE"] = per_page


def test_an_administrator_gives_a_person_an_email_address(client, login_as):
    login_as("admin")
    wyp = OrganisationFactory()
    someone = PersonFactory(name="Oz Khan", organisation=wyp)
    db.session.commit()
    response = client.post(
        f"/admin/people/{someone.id}",
        data={"name": "Oz Khan", "job_title": "", "organisation_id": wyp.id, "email": "oz.khan@example.org"},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert someone.email == "oz.khan@example.org"
    bad = client.post(
        f"/admin/people/{someone.id}",
        data={"name": "Oz Khan", "job_title": "", "organisation_id": wyp.id, "email": "oz at home"},
    )
    assert "Enter an email address in the correct format" in error_summary(bad)
    cleared = client.post(
        f"/admin/people/{someone.id}",
        data={"name": "Oz Khan", "job_title": "", "organisation_id": wyp.id, "email": ""},
    )
    assert cleared.status_code == 302
    db.session.expire_all()
    assert someone.email is None
