"""Creating a meeting: standing agenda, its series, carried future items, and bad input."""

import re
from datetime import date, datetime

import sqlalchemy as sa

from tests.factories import ActionFactory
from tests.meetings.factories import MeetingFactory, MeetingTypeFactory, com_type
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.meetings.models import FutureAgendaItem, Meeting


def new_meeting_form(meeting_type, **overrides) -> dict:
    form = {
        "meeting_type": str(meeting_type.id),
        "date": ["27", "2", "2024"],
        "time": "10am",
        "place": "Wellington House, Leeds",
        "theme": "Rural crime",
    }
    form.update(overrides)
    return form


def meetings() -> list[Meeting]:
    return list(db.session.scalars(sa.select(Meeting).order_by(Meeting.starts_at)))


def test_a_new_meeting_starts_with_its_types_standing_agenda(client, secretariat):
    kind = com_type()
    db.session.commit()
    response = client.post("/meetings/new", data=new_meeting_form(kind))
    assert response.status_code == 302
    meeting = meetings()[0]
    assert response.headers["Location"].endswith(f"/meetings/{meeting.id}")
    assert meeting.starts_at == datetime(2024, 2, 27, 10, 0)
    assert meeting.place == "Wellington House, Leeds" and meeting.theme == "Rural crime"
    assert [item.title for item in meeting.agenda_items] == kind.standing_items
    page = client.get(f"/meetings/{meeting.id}").text
    assert "1. Welcome, introductions and apologies" in page
    assert "6. Next meeting" in page
    assert db.session.scalar(sa.select(AuditEntry.event)) == "meeting.created"


def test_a_new_meeting_knows_the_previous_meeting_of_its_series(client, secretariat):
    kind, other = com_type(), MeetingTypeFactory()
    july = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 7, 11, 10))
    october = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    MeetingFactory(meeting_type=other, starts_at=datetime(2024, 1, 5, 10))
    MeetingFactory(meeting_type=kind, starts_at=datetime(2024, 6, 1, 10))  # after: not previous
    db.session.commit()
    client.post("/meetings/new", data=new_meeting_form(kind))
    february = db.session.scalar(sa.select(Meeting).where(Meeting.starts_at == datetime(2024, 2, 27, 10)))
    assert february.previous_meeting == october
    assert october.previous_meeting == july
    june = db.session.scalar(sa.select(Meeting).where(Meeting.starts_at == datetime(2024, 6, 1, 10)))
    assert june.previous_meeting == february  # the series is relinked around the new meeting
    page = client.get(f"/meetings/{february.id}").text
    assert f'href="/meetings/{october.id}">Community Outcomes Meeting, 10 October 2023</a>' in page


def test_future_items_of_the_previous_meeting_are_carried_into_the_new_agenda(client, secretariat):
    kind = com_type()
    october = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    october.future_items = [FutureAgendaItem(title="Rural Crime (exception item)")]
    db.session.commit()
    client.post("/meetings/new", data=new_meeting_form(kind))
    february = meetings()[-1]
    assert [item.title for item in february.agenda_items] == [
        "Welcome, introductions and apologies",
        "Notes of the previous meeting and matters arising",
        "Mayor's announcements",
        "Rural Crime (exception item)",
        "Future agenda items",
        "Any other business",
        "Next meeting",
    ]
    assert october.future_items[0].carried_into == february


def test_create_the_next_meeting_fills_in_the_series_date_time_and_place(client, secretariat):
    kind = com_type()
    october = MeetingFactory(
        meeting_type=kind, starts_at=datetime(2023, 10, 10, 10, 30), next_meeting_on=date(2024, 2, 27)
    )
    db.session.commit()
    next_page = client.get(f"/meetings/{october.id}/next").text
    assert f'href="/meetings/new?after={october.id}"' in next_page
    form = client.get(f"/meetings/new?after={october.id}").text
    assert f'<option value="{kind.id}" selected>' in form
    assert 'name="date" type="text" value="27"' in form and 'value="2024"' in form
    assert 'value="10:30"' in form and 'value="Wellington House, Leeds"' in form


def test_a_date_that_does_not_exist_is_an_error_and_nothing_is_saved(client, secretariat):
    kind = com_type()
    db.session.commit()
    response = client.post("/meetings/new", data=new_meeting_form(kind, date=["31", "2", "2024"]))
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Enter a real date" in response.text
    assert 'href="#date"' in response.text
    # What they typed is kept (looked for in the day's input: a select's option can be 31 too).
    assert re.search(r'<input[^>]*id="date-day"[^>]*value="31"', response.text)
    assert meetings() == []


def test_missing_type_and_impossible_time_are_errors(client, secretariat):
    com_type()
    db.session.commit()
    response = client.post(
        "/meetings/new", data={"meeting_type": "", "date": ["", "", ""], "time": "25:99"}
    )
    assert "Choose the type of meeting" in response.text
    assert "Enter the date of the meeting" in response.text
    assert "Enter a real time, like 10am or 14:30" in response.text
    assert meetings() == []


def test_a_type_that_does_not_exist_is_refused(client, secretariat):
    kind = com_type()
    db.session.commit()
    form = new_meeting_form(kind) | {"meeting_type": "99999"}
    response = client.post("/meetings/new", data=form)
    assert response.status_code == 200 and "Not a valid choice" in response.text
    assert meetings() == []


def test_changing_the_date_relinks_the_series(client, secretariat):
    kind = com_type()
    first = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 7, 11, 10))
    second = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    db.session.commit()
    from tracker.meetings.services import relink_series

    relink_series(kind)
    db.session.commit()
    assert second.previous_meeting == first
    response = client.post(
        f"/meetings/{first.id}/edit", data=new_meeting_form(kind, date=["1", "12", "2023"])
    )
    assert response.status_code == 302
    db.session.refresh(first)
    db.session.refresh(second)
    assert first.starts_at == datetime(2023, 12, 1, 10)
    assert first.previous_meeting == second and second.previous_meeting is None


def test_the_type_of_a_meeting_with_actions_cannot_change(client, secretariat):
    kind, other = com_type(), MeetingTypeFactory()
    meeting = MeetingFactory(meeting_type=kind)
    ActionFactory(meeting=meeting)
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/edit", data=new_meeting_form(other, date=["10", "10", "2023"])
    )
    assert response.status_code == 200
    assert "This meeting&#39;s type cannot change" in response.text
    db.session.refresh(meeting)
    assert meeting.meeting_type == kind


def test_a_draft_meeting_created_in_error_can_be_deleted(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    db.session.commit()
    assert "Delete this meeting" in client.get(f"/meetings/{meeting.id}").text
    response = client.post(f"/meetings/{meeting.id}/delete")
    assert response.status_code == 302
    assert meetings() == []


def test_a_meeting_with_actions_cannot_be_deleted(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    ActionFactory(meeting=meeting)
    db.session.commit()
    response = client.post(f"/meetings/{meeting.id}/delete")
    assert "actions have been raised at it" in response.text
    assert len(meetings()) == 1


def test_unknown_meeting_is_not_found(client, secretariat):
    assert client.get("/meetings/424242").status_code == 404
    assert client.post("/meetings/424242/edit", data={}).status_code == 404
