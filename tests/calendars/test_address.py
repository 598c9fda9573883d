"""Your calendar's secret address: made on /account/calendar, shown once, kept only as a hash,
and replaced on request, after which the old address is refused."""

import hashlib
import re

import sqlalchemy as sa

from tests.calendars.helpers import calendar_of
from tests.clients import sign_in
from tests.pages import csrf_token
from tests.records import audit_entries
from tracker.calendars import links
from tracker.calendars.models import CalendarLink
from tracker.extensions import db

ADDRESS = re.compile(r'id="calendar-address" type="text" value="(http://localhost/calendar/[^"]+\.ics)"')


def address_on(page: str) -> str:
    found = ADDRESS.search(page)
    assert found, "no calendar address on the page"
    return found.group(1)


def test_the_account_page_leads_to_the_calendar_page(client, login_as):
    login_as("viewer")
    assert 'href="/account/calendar"' in client.get("/account").text
    page = client.get("/account/calendar").text
    assert "You have not made a calendar address yet." in page
    assert "Make your calendar address" in page
    assert 'href="http://localhost/public/meetings.ics"' in page


def test_making_the_address_shows_it_once_and_a_new_one_refuses_the_old(app, client, login_as):
    user = login_as("lead")
    calendar_app = app.test_client(use_cookies=False)

    posted = client.post("/account/calendar/new-address")
    assert posted.status_code == 302 and posted.headers["Location"] == "/account/calendar"
    made = client.get("/account/calendar")
    assert made.headers["Cache-Control"] == "no-store"
    first = address_on(made.text)
    calendar_of(calendar_app.get(first.removeprefix("http://localhost")))

    # Later visits say when it was made, but cannot show it: only its hash is kept.
    later = client.get("/account/calendar").text
    assert first not in later and "calendar/" not in later.replace("/account/calendar", "")
    assert "You made your calendar address on" in later

    replaced = client.post("/account/calendar/new-address", follow_redirects=True)
    second = address_on(replaced.text)
    assert "Your old address no longer works." in replaced.text
    assert second != first
    assert calendar_app.get(first.removeprefix("http://localhost")).status_code == 404
    calendar_of(calendar_app.get(second.removeprefix("http://localhost")))

    assert [(e.event, e.user_id) for e in audit_entries("calendar_link")] == [
        ("calendar.link_created", user.id),
        ("calendar.link_replaced", user.id),
    ]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CalendarLink)) == 1


def test_only_a_hash_of_the_secret_is_stored(users):
    token = links.new_link(users["viewer"])
    record = db.session.scalar(sa.select(CalendarLink))
    selector, verifier = token[:16], token[16:]
    assert record.selector == selector
    assert record.verifier_hash == hashlib.sha256(verifier.encode()).hexdigest()
    assert verifier not in {record.selector, record.verifier_hash}


def test_a_wrong_or_malformed_address_is_not_found(app, users):
    token = links.new_link(users["viewer"])
    calendar_app = app.test_client(use_cookies=False)
    wrong_verifier = token[:16] + ("A" if token[16] != "A" else "B") + token[17:]
    wrong_selector = ("0" if token[0] != "0" else "1") + token[1:]
    for bad in (wrong_verifier, wrong_selector, token[:-1], token + "A", "x", "ab" * 30):
        assert calendar_app.get(f"/calendar/{bad}.ics").status_code == 404, bad
    assert links.user_for_token(token).id == users["viewer"].id


def test_making_an_address_needs_the_csrf_token(csrf_app, users):
    client = sign_in(csrf_app.test_client(), users["viewer"])
    assert client.post("/account/calendar/new-address").status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CalendarLink)) == 0
    page = client.get("/account/calendar").text
    made = client.post(
        "/account/calendar/new-address", data={"csrf_token": csrf_token(page)},
        follow_redirects=True,
    )
    address_on(made.text)
