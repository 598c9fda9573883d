"""Calendars in a real browser. Your calendar: from the account page to the calendar page, make
the address and see it, fetch the feed as a calendar app would (no cookies), make a new address
and see the old one refused. Cancelling a meeting, which calendars then show as cancelled, and
reinstating it. Every page on the way passes axe-core and the Nu HTML checker."""

from datetime import datetime

import sqlalchemy as sa
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.crawl import Crawl, nu_errors
from tracker.extensions import db
from tracker.meetings import services
from tracker.models import MeetingType, User


def make_address(page, crawl: Crawl, button: str, label: str) -> str:
    """Press the button and return the address the page then shows, checking that page."""
    with page.expect_response(
        lambda response: response.request.method == "GET"
        and response.url.endswith("/account/calendar")
    ) as shown:
        page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", name="Your new calendar address is ready")).to_be_visible()
    page.wait_for_load_state()
    crawl.check(label, shown.value)
    return page.get_by_label("Copy this address into your calendar app").input_value()


def test_making_seeing_and_replacing_your_calendar_address(page, playwright, demo, sign_in, tmp_path):
    sign_in(page, "lead")
    crawl = Crawl(page)
    calendar_app = playwright.request.new_context()  # no cookies: not signed in

    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="get your calendar address").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your calendar")
    crawl.check("/account/calendar", page.reload())

    first = make_address(page, crawl, "Make your calendar address", "/account/calendar (made)")
    assert "/calendar/" in first and first.endswith(".ics")
    feed = calendar_app.get(first)
    assert feed.status == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert [zone.tz_name for zone in Calendar.from_ical(feed.body()).timezones] == ["Europe/London"]

    # Coming back, the address is no longer shown: only a hash of it is kept.
    crawl.check("/account/calendar (made before)", page.goto("/account/calendar"))
    expect(page.locator("main")).to_contain_text("You made your calendar address on")
    expect(page.get_by_label("Copy this address into your calendar app")).to_have_count(0)

    second = make_address(page, crawl, "Make a new calendar address", "/account/calendar (new)")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your old address no longer works"
    )
    assert second != first
    assert calendar_app.get(first).status == 404
    assert calendar_app.get(second).status == 200
    calendar_app.dispose()

    problems = crawl.problems + nu_errors(crawl.visits, tmp_path)
    assert problems == [], "\n".join(problems)


def test_cancelling_a_meeting_and_reinstating_it(page, demo, sign_in, tmp_path):
    meeting = services.create_meeting(
        db.session.scalar(sa.select(User).where(User.username == "secretariat")),
        meeting_type=db.session.scalar(sa.select(MeetingType).where(MeetingType.short_name == "COM")),
        starts_at=datetime(2030, 6, 11, 10),
        place="Wellington House, Leeds",
    )
    sign_in(page, "secretariat")
    crawl = Crawl(page)
    crawl.visit(f"/meetings/{meeting.id}")

    page.get_by_role("button", name="Cancel this meeting").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The meeting has been cancelled")
    expect(page.locator(".govuk-warning-text")).to_contain_text("This meeting was cancelled on")
    crawl.check(f"/meetings/{meeting.id} (cancelled)", page.reload())
    crawl.visit("/meetings")
    expect(page.get_by_role("row").filter(has_text="11 Jun 2030")).to_contain_text("Cancelled")

    page.goto(f"/meetings/{meeting.id}")
    page.get_by_role("button", name="Reinstate this meeting").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The meeting has been reinstated")
    expect(page.get_by_role("button", name="Cancel this meeting")).to_be_visible()

    problems = crawl.problems + nu_errors(crawl.visits, tmp_path)
    assert problems == [], "\n".join(problems)
