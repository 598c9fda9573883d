"""A deleted meeting's (or agenda item's) number is never given to a new one: an old bookmark
cannot open a different meeting."""

from datetime import datetime

import sqlalchemy as sa

from tests.meetings.factories import com_type, meeting_with_items
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, Meeting


def new_meeting(client, meeting_type, day: str) -> int:
    response = client.post(
        "/meetings/new",
        data={"meeting_type": str(meeting_type.id), "date": [day, "3", "2027"], "time": "10am"},
    )
    assert response.status_code == 302, response.text
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_a_deleted_meetings_number_is_not_given_to_the_next_meeting(client, secretariat):
    kind = com_type()
    meeting_with_items(meeting_type=kind, starts_at=datetime(2027, 1, 12, 10))
    db.session.commit()
    deleted = new_meeting(client, kind, "9")
    assert client.post(f"/meetings/{deleted}/delete").status_code == 302
    created = new_meeting(client, kind, "16")
    assert created != deleted
    assert client.get(f"/meetings/{deleted}").status_code == 404
    assert "16 March 2027" in client.get(f"/meetings/{created}").text


def test_a_removed_agenda_items_number_is_not_given_to_the_next_item(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type())
    db.session.commit()
    last = max(item.id for item in meeting.agenda_items)
    assert client.post(f"/meetings/{meeting.id}/items/{last}/remove").status_code == 302
    client.post(f"/meetings/{meeting.id}/items/new", data={"title": "Rural crime", "presenter": "", "position": "2"})
    added = db.session.scalar(sa.select(AgendaItem).where(AgendaItem.title == "Rural crime"))
    assert added.id != last
    assert client.get(f"/meetings/{meeting.id}/items/{last}/edit").status_code == 404
    assert db.session.get(Meeting, meeting.id) is not None
