"""The secretariat can cancel a meeting that has not taken place, and reinstate it; a cancelled
meeting stays in the tracker, marked so on its page and in the list, and is no one's previous
meeting in its series."""

from datetime import datetime

from tests.factories import ActionFactory
from tests.meetings.factories import com_type, meeting_with_items
from tests.records import audit_entries
from tracker.extensions import db
from tracker.meetings import services
from tracker.meetings.models import FutureAgendaItem, Meeting, MinutesStatus


def reload(meeting: Meeting) -> Meeting:
    db.session.expire_all()
    return db.session.get(Meeting, meeting.id)


def test_the_secretariat_cancels_a_meeting_and_can_reinstate_it(client, secretariat):
    meeting = meeting_with_items()
    db.session.commit()
    assert "Cancel this meeting" in client.get(f"/meetings/{meeting.id}").text

    response = client.post(f"/meetings/{meeting.id}/cancel", follow_redirects=True)
    assert "The meeting has been cancelled." in response.text
    assert "This meeting was cancelled on" in response.text
    assert "Reinstate this meeting" in response.text and "Cancel this meeting" not in response.text
    assert reload(meeting).is_cancelled
    assert "Cancelled</strong>" in client.get("/meetings").text

    response = client.post(f"/meetings/{meeting.id}/reinstate", follow_redirects=True)
    assert "The meeting has been reinstated." in response.text
    assert not reload(meeting).is_cancelled
    assert "Cancelled</strong>" not in client.get("/meetings").text
    assert [(e.event, e.user_id) for e in audit_entries("meeting")] == [
        ("meeting.cancelled", secretariat.id),
        ("meeting.reinstated", secretariat.id),
    ]


def test_a_meeting_that_took_place_cannot_be_cancelled(client, secretariat):
    kind = com_type()
    with_actions = meeting_with_items(meeting_type=kind)
    ActionFactory(meeting=with_actions)
    approved = meeting_with_items(meeting_type=kind, minutes_status=MinutesStatus.APPROVED,
                                  starts_at=datetime(2023, 11, 10, 10))
    db.session.commit()
    for meeting, why in ((with_actions, "actions have been raised at it"),
                         (approved, "its minutes have been approved")):
        page = client.post(f"/meetings/{meeting.id}/cancel", follow_redirects=True).text
        assert f"This meeting cannot be cancelled: {why}." in page
        assert "Cancel this meeting" not in page
        assert not reload(meeting).is_cancelled
    assert audit_entries("meeting") == []


def test_the_next_meeting_follows_the_last_one_held_and_takes_its_future_items(users):
    kind = com_type()
    held = meeting_with_items(meeting_type=kind, starts_at=datetime(2024, 1, 10, 10))
    held.future_items = [FutureAgendaItem(title="Road safety")]
    db.session.flush()
    secretariat = users["secretariat"]
    called_off = services.create_meeting(
        secretariat, meeting_type=kind, starts_at=datetime(2024, 4, 10, 10)
    )
    assert held.future_items[0].carried_into == called_off

    services.cancel_meeting(called_off, secretariat)
    assert held.future_items[0].carried_into is None  # waiting for the next meeting again
    after = services.create_meeting(
        secretariat, meeting_type=kind, starts_at=datetime(2024, 7, 10, 10)
    )
    assert after.previous_meeting == held
    assert "Road safety" in [item.title for item in after.agenda_items]
    assert services.following_meeting(held) == after

    services.reinstate_meeting(called_off, secretariat)
    assert reload(after).previous_meeting_id == called_off.id
