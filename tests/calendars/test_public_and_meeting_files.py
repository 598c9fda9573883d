"""The public feed of public meetings, and "add to calendar" for one meeting: for those signed in
on the meeting's page, and for anyone on a public meeting's page."""

from tests.calendars.helpers import calendar_of, events, meeting, meeting_type, meeting_uid
from tracker.extensions import db
from tracker.meetings import services
from tracker.meetings.models import MinutesStatus


def test_the_public_feed_holds_public_meetings_only_and_nothing_of_draft_minutes(client):
    com = meeting_type("COM", public=True)
    upcoming = meeting(com, 30, theme="Draft theme not yet announced")
    published = meeting(com, -60, theme="Neighbourhood policing",
                        minutes_status=MinutesStatus.PUBLISHED)
    approved = meeting(com, -20, theme="Approved, not published",
                       minutes_status=MinutesStatus.APPROVED)
    private = meeting(meeting_type("JEX"), 10, theme="Private business")
    private_published = meeting(meeting_type("DQ"), -30, minutes_status=MinutesStatus.PUBLISHED)
    too_old = meeting(com, -400, minutes_status=MinutesStatus.PUBLISHED)
    db.session.commit()

    response = client.get("/public/meetings.ics")
    found = events(calendar_of(response))

    assert set(found) == {meeting_uid(m) for m in (upcoming, published, approved)}
    for hidden in (private, private_published, too_old):
        assert meeting_uid(hidden) not in found
    assert "Private business" not in response.text and "JEX" not in response.text

    shown = found[meeting_uid(published)]
    assert str(shown["SUMMARY"]) == "COM meeting"
    assert str(shown["URL"]) == f"http://localhost/public/meetings/{published.id}"
    assert "Neighbourhood policing" in str(shown["DESCRIPTION"])
    for unpublished in (upcoming, approved):
        event = found[meeting_uid(unpublished)]
        assert "URL" not in event and "DESCRIPTION" not in event
        assert unpublished.theme not in response.text
        assert str(event["LOCATION"]) == unpublished.place
    assert response.headers["Content-Disposition"] == "attachment; filename=public-meetings.ics"


def test_the_public_feed_shows_a_cancelled_public_meeting_as_cancelled(client, users):
    upcoming = meeting(meeting_type("COM", public=True), 30)
    db.session.commit()
    services.cancel_meeting(upcoming, users["secretariat"])
    event = events(calendar_of(client.get("/public/meetings.ics")))[meeting_uid(upcoming)]
    assert str(event["STATUS"]) == "CANCELLED"


def test_a_public_meeting_has_a_calendar_file_for_anyone_and_a_private_one_is_not_found(client):
    public = meeting(meeting_type("COM", public=True), 30, minutes_status=MinutesStatus.PUBLISHED)
    private = meeting(meeting_type("JEX"), 30)
    db.session.commit()

    response = client.get(f"/public/meetings/{public.id}.ics")
    calendar = calendar_of(response)
    assert list(events(calendar)) == [meeting_uid(public)]
    assert [zone.tz_name for zone in calendar.timezones] == ["Europe/London"]
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=COM-{public.starts_at:%Y-%m-%d}.ics"
    )
    assert client.get(f"/public/meetings/{private.id}.ics").status_code == 404
    assert client.get("/public/meetings/999999.ics").status_code == 404
    # The public minutes page offers it.
    page = client.get(f"/public/meetings/{public.id}").text
    assert f'href="/public/meetings/{public.id}.ics"' in page


def test_a_meeting_page_offers_its_calendar_file_to_those_signed_in(client, login_as):
    private = meeting(meeting_type("JEX"), 30, theme="Budget")
    db.session.commit()
    assert client.get(f"/meetings/{private.id}.ics").status_code == 302  # sign in first

    login_as("viewer")
    assert f'href="/meetings/{private.id}.ics"' in client.get(f"/meetings/{private.id}").text
    event = events(calendar_of(client.get(f"/meetings/{private.id}.ics")))[meeting_uid(private)]
    assert str(event["SUMMARY"]) == "JEX meeting: Budget"
    assert str(event["URL"]) == f"http://localhost/meetings/{private.id}"
    assert client.get("/meetings/999999.ics").status_code == 404


def test_the_uid_domain_can_be_set(app, client):
    public = meeting(meeting_type("COM", public=True), 30)
    db.session.commit()
    app.config["CALENDAR_UID_DOMAIN"] = "tracker.example.org"
    try:
        found = events(calendar_of(client.get("/public/meetings.ics")))
    finally:
        app.config["CALENDAR_UID_DOMAIN"] = ""
    assert list(found) == [f"meeting-{public.id}@tracker.example.org"]
