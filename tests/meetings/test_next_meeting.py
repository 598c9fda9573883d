"""Future agenda items and the next meeting's date; creating the next meeting carries them."""

from datetime import date, datetime

import sqlalchemy as sa

from tests.meetings.factories import MeetingFactory, com_type
from tracker.extensions import db
from tracker.meetings.models import FutureAgendaItem, Meeting


def reload(meeting: Meeting) -> Meeting:
    db.session.expire_all()
    return db.session.get(Meeting, meeting.id)


def test_record_the_next_date_and_future_items_then_create_the_next_meeting(client, secretariat):
    kind = com_type()
    october = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    db.session.commit()
    base = f"/meetings/{october.id}/next"
    client.post(base, data={"form": "date", "date-next_meeting_on": ["27", "2", "2024"]})
    client.post(base, data={"form": "future", "future-title": "Rural Crime (exception item)"})
    october = reload(october)
    assert october.next_meeting_on == date(2024, 2, 27)
    assert [f.title for f in october.future_items] == ["Rural Crime (exception item)"]
    page = client.get(base).text
    assert "Create the next meeting" in page
    assert 'value="27"' in page  # the saved date is shown beside the future items form

    response = client.post(
        "/meetings/new",
        data={"meeting_type": str(kind.id), "date": ["27", "2", "2024"], "time": "10:00"},
    )
    february = db.session.scalar(sa.select(Meeting).where(Meeting.starts_at == datetime(2024, 2, 27, 10)))
    assert response.headers["Location"].endswith(f"/meetings/{february.id}")
    assert "Rural Crime (exception item)" in [item.title for item in february.agenda_items]
    assert reload(october).future_items[0].carried_into_id == february.id
    page = client.get(base).text
    assert "The next meeting of this series is the" in page
    assert "on the agenda of the" in page


def test_a_next_date_that_does_not_exist_is_an_error(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/next", data={"form": "date", "date-next_meeting_on": ["30", "2", "2024"]}
    )
    assert response.status_code == 200
    assert "Enter a real date" in response.text and 'href="#date-next_meeting_on"' in response.text
    assert reload(meeting).next_meeting_on is None


def test_an_empty_future_item_is_an_error(client, secretariat):
    meeting = MeetingFactory(meeting_type=com_type())
    db.session.commit()
    response = client.post(f"/meetings/{meeting.id}/next", data={"form": "future", "future-title": " "})
    assert "Enter the future agenda item" in response.text
    assert reload(meeting).future_items == []


def test_future_items_can_be_removed_until_they_are_carried(client, secretariat):
    kind = com_type()
    meeting = MeetingFactory(meeting_type=kind)
    later = MeetingFactory(meeting_type=kind, starts_at=datetime(2024, 2, 27, 10))
    waiting, carried = FutureAgendaItem(title="Waiting"), FutureAgendaItem(title="Carried", carried_into=later)
    meeting.future_items = [waiting, carried]
    db.session.commit()
    client.post(f"/meetings/{meeting.id}/future-items/{waiting.id}/remove")
    response = client.post(f"/meetings/{meeting.id}/future-items/{carried.id}/remove")
    assert "is already on the agenda of the" in response.text
    assert [f.title for f in reload(meeting).future_items] == ["Carried"]
    other = MeetingFactory(meeting_type=kind, starts_at=datetime(2025, 1, 1, 10))
    db.session.commit()
    assert client.post(f"/meetings/{other.id}/future-items/{carried.id}/remove").status_code == 404
