"""In a browser: a lead switches a kind of email off and gets none of it; someone unsubscribes
from a message's link without signing in."""

from datetime import date
from urllib.parse import urlsplit

import sqlalchemy as sa
from playwright.sync_api import expect

from tests.browser.axe import axe_violations
from tests.browser.crawl import Crawl, nu_errors
from tests.records import action, user
from tracker.actions import services
from tracker.actions.models import ActionStatus
from tracker.extensions import db
from tracker.notifications import preferences, reminders
from tracker.notifications.models import OutboxMessage, OutboxStatus


def queued_to(address: str) -> list[OutboxMessage]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(OutboxMessage).where(
                OutboxMessage.to_address == address, OutboxMessage.status == OutboxStatus.QUEUED
            )
        )
    )


def test_a_lead_switches_decisions_off_and_gets_none(page, demo, sign_in):
    sign_in(page, "lead")
    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Choose which emails the tracker sends you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Email notifications")
    expect(page.locator("main")).to_contain_text("damien.miller@example.org")
    assert axe_violations(page) == []
    expect(page.get_by_label("Decisions on your actions")).to_be_checked()
    expect(page.get_by_label("The weekly digest")).not_to_be_checked()
    page.get_by_label("Decisions on your actions").uncheck()
    page.get_by_role("button", name="Save your choices").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your email choices have been saved."
    )
    expect(page.get_by_label("Decisions on your actions")).not_to_be_checked()
    expect(page.get_by_label("Actions given to you")).to_be_checked()
    assert axe_violations(page) == []

    # The Deputy Mayor sends back an action he leads: nothing is queued for him.
    services.add_update(
        action("COM-2023-10-07b"), user("lead"), note="Done.", status=ActionStatus.AWAITING_SIGN_OFF
    )
    services.send_back(action("COM-2023-10-07b"), user("dmpc"), note="Not yet.")
    assert queued_to("damien.miller@example.org") == []


def test_the_unsubscribe_link_works_without_signing_in(page, demo, tmp_path):
    # A reminder queued for Damien Miller carries his unsubscribe link.
    reminders.queue_for(date(2024, 3, 22))
    message = queued_to("damien.miller@example.org")[0]
    link = urlsplit(message.unsubscribe_url).path

    crawl = Crawl(page)
    crawl.visit(link, expect=200)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Stop emails about reminders of due and overdue actions?"
    )
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    crawl.visit(f"{link}?again", expect=200)  # the page as it stays afterwards
    expect(page.get_by_role("heading", level=1)).to_have_text("You have unsubscribed")
    # Both pages pass axe (checked as the crawl saw them) and the Nu HTML checker.
    assert crawl.problems + nu_errors(crawl.visits, tmp_path) == []

    db.session.expire_all()
    settings = preferences.settings_of(message.person)
    assert settings["reminder"] is False and settings["assigned"] is True
    reminders.queue_for(date(2024, 3, 29))
    assert [m.subject for m in queued_to("damien.miller@example.org")] == [
        m.subject for m in queued_to("damien.miller@example.org") if "2024-03-22" in m.dedupe_key
    ]


def test_an_administrator_sees_a_failed_message_with_its_error_and_sends_it_again(
    page, demo, sign_in, tmp_path
):
    services.add_update(
        action("COM-2023-10-07b"), user("lead"), note="Done.", status=ActionStatus.AWAITING_SIGN_OFF
    )
    [message] = queued_to("alison.lowe@example.org")
    message.status, message.attempts = OutboxStatus.FAILED, 6
    message.last_error = "SMTPRecipientsRefused: {'alison.lowe@example.org': (550, b'No such user')}"
    db.session.commit()

    sign_in(page, "admin")
    crawl = Crawl(page)
    page.get_by_role("link", name="Administration").first.click()
    page.get_by_role("link", name="Outbox").click()
    crawl.check("/admin/outbox", page.reload())
    row = page.locator("tr", has_text="awaits your sign-off")
    expect(row).to_contain_text("Failed")
    expect(row).to_contain_text("No such user")
    row.get_by_role("link").click()
    crawl.check(page.url, page.reload())
    expect(page.locator("pre")).to_contain_text("The lead's update: Done.")
    page.get_by_role("button", name="Send again").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The message to alison.lowe@example.org is queued to be sent again."
    )
    expect(page.get_by_role("button", name="Send again")).to_have_count(0)
    assert crawl.problems + nu_errors(crawl.visits, tmp_path) == []
    db.session.expire_all()
    assert message.status == OutboxStatus.QUEUED and message.attempts == 0
