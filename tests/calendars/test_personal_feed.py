"""A person's calendar feed: the meetings they attend and the due dates of the outstanding actions
they lead, read back with `icalendar` as a calendar app would, from a client with no session."""

from datetime import date, datetime, timedelta

import pytest

from tests.calendars.helpers import (
    calendar_of,
    days_from_now,
    due_uid,
    events,
    feed_url,
    meeting,
    meeting_type,
    meeting_uid,
)
from tests.factories import ActionFactory, PersonFactory, UserFactory
from tracker.actions.models import ActionStatus
from tracker.auth.models import Role
from tracker.extensions import db
from tracker.kit.dates import UK, today
from tracker.meetings import services
from tracker.meetings.models import AttendanceKind


@pytest.fixture
def anonymous(app):
    """A calendar app: a client that has never signed in and sends no cookie."""
    return app.test_client(use_cookies=False)


def test_the_feed_needs_no_session_and_is_served_as_a_private_calendar_file(
    anonymous, users
):
    url = feed_url(users["lead"])
    response = anonymous.get(url)
    assert calendar_of(response).refresh_interval == timedelta(hours=1)
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["Content-Disposition"] == "attachment; filename=tracker.ics"


def test_a_member_sees_every_meeting_of_the_types_they_attend_and_nothing_else(
    anonymous, users
):
    lead = users["lead"].person
    com, jex, panel = meeting_type("COM", public=True), meeting_type("JEX"), meeting_type("PNL")
    attended = meeting(com, -60, attended_by=[lead])
    next_com = meeting(com, 30)
    apologised = meeting(jex, -30, attended_by=[lead], kind_of_attendance=AttendanceKind.APOLOGIES)
    next_jex = meeting(jex, 40)
    as_guest = meeting(panel, -10, attended_by=[lead], kind_of_attendance=AttendanceKind.ALSO_PRESENT)
    other_panel = meeting(panel, 20)
    never_attended = meeting(meeting_type("DQ"), 10)
    too_old = meeting(com, -400, attended_by=[lead])
    db.session.commit()

    found = events(calendar_of(anonymous.get(feed_url(users["lead"]))))

    expected = {attended, next_com, apologised, next_jex, as_guest}
    assert set(found) == {meeting_uid(m) for m in expected}
    for left_out in (other_panel, never_attended, too_old):
        assert meeting_uid(left_out) not in found


def test_the_secretariat_sees_every_meeting_from_a_year_back(anonymous, users):
    kinds = [meeting_type("COM", public=True), meeting_type("JEX")]
    recent = [meeting(kind, days) for kind in kinds for days in (-300, -1, 1, 200)]
    too_old = meeting(kinds[1], -370)
    db.session.commit()
    found = events(calendar_of(anonymous.get(feed_url(users["secretariat"]))))
    assert set(found) == {meeting_uid(m) for m in recent}
    assert meeting_uid(too_old) not in found


def test_a_meeting_is_in_uk_time_with_its_timezone_and_lasts_two_hours(anonymous, users):
    summer, winter = date(today().year + 1, 7, 14), date(today().year + 1, 1, 14)
    com = meeting_type("COM", public=True)
    record = meeting(com, (summer - today()).days, theme="Knife crime")
    in_winter = meeting(com, (winter - today()).days)
    db.session.commit()
    calendar = calendar_of(anonymous.get(feed_url(users["admin"])))
    assert events(calendar)[meeting_uid(in_winter)].start.utcoffset() == timedelta(0)  # GMT

    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/London"]
    event = events(calendar)[meeting_uid(record)]
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert event.start == datetime(summer.year, 7, 14, 10, 0, tzinfo=UK)
    assert event.start.utcoffset() == timedelta(hours=1)  # British Summer Time
    assert event.end - event.start == timedelta(hours=2)
    assert str(event["SUMMARY"]) == "COM meeting: Knife crime"
    assert str(event["LOCATION"]) == record.place
    assert str(event["URL"]) == f"http://localhost/meetings/{record.id}"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert b"DTSTART;TZID=Europe/London:" in calendar.to_ical()


def test_uids_are_stable_and_a_moved_meeting_moves(anonymous, users):
    record = meeting(meeting_type("COM", public=True), 14)
    db.session.commit()
    url = feed_url(users["secretariat"])
    first, second = anonymous.get(url), anonymous.get(url)
    assert first.data == second.data  # nothing changed: the very same feed
    before = events(calendar_of(first))[meeting_uid(record)]

    moved_to = days_from_now(21, hour=14)
    services.update_details(
        record, users["secretariat"], meeting_type=record.meeting_type, starts_at=moved_to,
        place=record.place, theme=record.theme,
    )
    after = events(calendar_of(anonymous.get(url)))

    assert list(after) == [meeting_uid(record)]  # the same event, not a second one
    moved = after[meeting_uid(record)]
    assert moved.start == moved_to.replace(tzinfo=UK)
    assert moved.sequence > before.sequence
    assert moved.last_modified >= before.last_modified
    assert moved.last_modified == moved.DTSTAMP


def test_a_cancelled_meeting_is_marked_cancelled(anonymous, users):
    record = meeting(meeting_type("COM", public=True), 14)
    db.session.commit()
    url = feed_url(users["secretariat"])
    assert str(events(calendar_of(anonymous.get(url)))[meeting_uid(record)]["STATUS"]) == "CONFIRMED"

    services.cancel_meeting(record, users["secretariat"])
    event = events(calendar_of(anonymous.get(url)))[meeting_uid(record)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("Cancelled: ")


def test_due_dates_only_of_the_outstanding_actions_the_person_leads(anonymous, users):
    lead = users["lead"]
    wyp = lead.person.organisation
    due = date(2031, 3, 31)
    outstanding = [
        ActionFactory(owner=wyp, lead=lead.person, status=status, due_on=due)
        for status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.AWAITING_SIGN_OFF)
    ]
    finished = [
        ActionFactory(owner=wyp, lead=lead.person, status=status, due_on=due, closed_on=due)
        for status in (ActionStatus.CLOSED, ActionStatus.SUPERSEDED, ActionStatus.DROPPED)
    ]
    undated = ActionFactory(owner=wyp, lead=lead.person, due_on=None)
    someone_elses = ActionFactory(owner=wyp, lead=PersonFactory(organisation=wyp), due_on=due)
    db.session.commit()

    found = events(calendar_of(anonymous.get(feed_url(lead))))

    assert set(found) == {due_uid(action) for action in outstanding}
    for action in [*finished, undated, someone_elses]:
        assert due_uid(action) not in found
    event = found[due_uid(outstanding[0])]
    assert event["DTSTART"].params["VALUE"] == "DATE"  # all day
    assert event.start == due and event.end == due + timedelta(days=1)
    assert str(event["SUMMARY"]) == f"Action {outstanding[0].reference} due"
    assert str(event["URL"]) == f"http://localhost/actions/{outstanding[0].id}"
    assert outstanding[0].text in str(event["DESCRIPTION"])
    assert str(event["TRANSP"]) == "TRANSPARENT"


def test_a_confidential_action_is_only_in_the_feed_of_a_lead_who_may_see_it(anonymous, users):
    wyp = users["lead"].person.organisation
    secret = "Covert operation in Bradford."
    owned = ActionFactory(owner=wyp, lead=users["lead"].person, confidential=True, text=secret)
    # Named as lead, but their role (or organisation) may not see confidential actions.
    viewers = ActionFactory(owner=wyp, lead=users["viewer"].person, confidential=True, text=secret)
    other_lead = UserFactory(role=Role.LEAD)  # of another organisation
    others = ActionFactory(owner=wyp, lead=other_lead.person, confidential=True, text=secret)
    db.session.commit()

    own_feed = anonymous.get(feed_url(users["lead"]))
    event = events(calendar_of(own_feed))[due_uid(owned)]
    assert str(event["CLASS"]) == "CONFIDENTIAL"
    # A calendar is copied to other services: even the lead's shows only the reference.
    assert secret not in own_feed.text

    for user, action in ((users["viewer"], viewers), (other_lead, others)):
        feed = anonymous.get(feed_url(user))
        assert due_uid(action) not in events(calendar_of(feed))
        assert action.reference not in feed.text and secret not in feed.text


def test_a_disabled_account_has_no_feed(anonymous, users):
    url = feed_url(users["lead"])
    users["lead"].active = False
    db.session.commit()
    assert anonymous.get(url).status_code == 404


def test_a_person_with_no_meetings_or_actions_gets_an_empty_calendar(anonymous, users):
    meeting(meeting_type("JEX"), 5)
    db.session.commit()
    calendar = calendar_of(anonymous.get(feed_url(users["viewer"])))
    assert calendar.events == []
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/London"]
