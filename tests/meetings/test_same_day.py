"""A second meeting of a series on a day that already has one: a warning and a confirmation, not
a silent save nor a refusal. The series then runs by date, then time, then the order of creation."""

from datetime import datetime

import sqlalchemy as sa

from tests.meetings.factories import MeetingFactory, MeetingTypeFactory, com_type
from tracker.extensions import db
from tracker.meetings.models import Meeting


def form(meeting_type, day="10", time="2pm", **extra) -> dict:
    return {"meeting_type": str(meeting_type.id), "date": [day, "10", "2023"], "time": time,
            "place": "Leeds", **extra}


def meetings() -> list[Meeting]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Meeting).order_by(Meeting.id)))


def test_a_second_meeting_of_a_series_on_one_day_is_created_only_when_confirmed(client, secretariat):
    kind = com_type()
    july = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 7, 11, 10))
    morning = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    MeetingFactory(meeting_type=MeetingTypeFactory(), starts_at=datetime(2023, 10, 10, 14))
    db.session.commit()

    response = client.post("/meetings/new", data=form(kind))
    assert response.status_code == 200
    assert "There is already a Community Outcomes Meeting on 10 October 2023." in response.text
    assert f'href="/meetings/{morning.id}">Community Outcomes Meeting, 10 October 2023</a>, at 10:00' in response.text
    assert "Create anyway" in response.text
    assert 'name="same_day" type="hidden" value="2023-10-10"' in response.text
    assert len(meetings()) == 3

    response = client.post("/meetings/new", data=form(kind, same_day="2023-10-10"))
    assert response.status_code == 302
    afternoon = meetings()[-1]
    assert afternoon.starts_at == datetime(2023, 10, 10, 14)
    assert afternoon.previous_meeting_id == morning.id
    assert db.session.get(Meeting, morning.id).previous_meeting_id == july.id


def test_confirming_one_day_does_not_confirm_another(client, secretariat):
    kind = com_type()
    MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 12, 10))
    db.session.commit()
    response = client.post("/meetings/new", data=form(kind, day="12", same_day="2023-10-10"))
    assert "There is already a Community Outcomes Meeting on 12 October 2023." in response.text
    assert len(meetings()) == 2
    # A cancelled meeting is not the day's meeting: nothing to ask.
    MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 11, 10), cancelled_at=datetime(2023, 9, 1))
    db.session.commit()
    assert client.post("/meetings/new", data=form(kind, day="11")).status_code == 302


def test_an_earlier_meeting_added_later_on_the_same_day_comes_first_in_the_series(client, secretariat):
    kind = com_type()
    afternoon = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 14))
    later = MeetingFactory(meeting_type=kind, starts_at=datetime(2024, 2, 27, 10))
    later.previous_meeting = afternoon
    db.session.commit()
    response = client.post("/meetings/new", data=form(kind, time="9am"))
    assert "There is already a Community Outcomes Meeting on 10 October 2023." in response.text
    client.post("/meetings/new", data=form(kind, time="9am", same_day="2023-10-10"))
    morning = meetings()[-1]
    assert morning.starts_at == datetime(2023, 10, 10, 9)
    assert morning.previous_meeting_id is None
    assert db.session.get(Meeting, afternoon.id).previous_meeting_id == morning.id
    assert db.session.get(Meeting, later.id).previous_meeting_id == afternoon.id
    # At the very same time, the one created first comes first.
    client.post("/meetings/new", data=form(kind, time="2pm", same_day="2023-10-10"))
    twin = meetings()[-1]
    assert twin.previous_meeting_id == afternoon.id
    assert db.session.get(Meeting, later.id).previous_meeting_id == twin.id


def test_moving_a_meeting_to_a_day_its_series_already_meets_asks_first(client, secretariat):
    kind = com_type()
    october = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 10, 10, 10))
    moving = MeetingFactory(meeting_type=kind, starts_at=datetime(2023, 11, 14, 10))
    db.session.commit()
    response = client.post(f"/meetings/{moving.id}/edit", data=form(kind))
    assert response.status_code == 200
    assert "There is already a Community Outcomes Meeting on 10 October 2023." in response.text
    assert "Save anyway" in response.text
    assert db.session.get(Meeting, moving.id).starts_at == datetime(2023, 11, 14, 10)
    response = client.post(f"/meetings/{moving.id}/edit", data=form(kind, same_day="2023-10-10"))
    assert response.status_code == 302
    moved = db.session.get(Meeting, moving.id)
    assert moved.starts_at == datetime(2023, 10, 10, 14) and moved.previous_meeting_id == october.id
    # Changing only the place of a meeting on a shared day does not ask again.
    response = client.post(f"/meetings/{moving.id}/edit", data=form(kind, place="Wakefield"))
    assert response.status_code == 302

