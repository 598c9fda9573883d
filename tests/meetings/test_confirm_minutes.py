"""Approving and publishing minutes first say what is missing and ask to confirm; the previous
meeting's notes are not accepted as a correct record while they are still a draft."""

from datetime import date, datetime

import pytest
import sqlalchemy as sa

from tests.factories import ActionFactory, PersonFactory
from tests.meetings.factories import com_type, meeting_with_items
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.meetings import lifecycle
from tracker.meetings.models import Attendance, AttendanceKind, Meeting, MinutesStatus

PREVIOUS_ITEM = "Notes of the previous meeting and matters arising"


def reload(meeting: Meeting) -> Meeting:
    db.session.expire_all()
    return db.session.get(Meeting, meeting.id)


def events() -> list[AuditEntry]:
    return list(db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id)))


def complete_meeting(meeting_type=None, **kwargs) -> Meeting:
    """Minutes with nothing missing: attendance, notes in every item, no actions."""
    meeting = meeting_with_items(meeting_type=meeting_type or com_type(), **kwargs)
    for item in meeting.agenda_items:
        item.notes = f"The meeting discussed {item.title}."
    meeting.attendances = [Attendance(person=PersonFactory(), kind=AttendanceKind.PRESENT)]
    return meeting


def test_approving_says_what_is_missing_and_changes_nothing_until_confirmed(client, secretariat):
    kind = com_type()
    previous = meeting_with_items(meeting_type=kind, starts_at=datetime(2023, 7, 11, 10))
    meeting = meeting_with_items(meeting_type=kind, titles=("Welcome", PREVIOUS_ITEM, "Rural crime"))
    meeting.previous_meeting = previous
    meeting.agenda_items[0].notes = "The DMPC welcomed everyone."
    rural = meeting.agenda_items[2]
    ActionFactory(meeting=meeting, agenda_item=rural, reference="COM-2023-10-03a", lead=None)
    db.session.commit()
    assert f'href="/meetings/{meeting.id}/approve"' in client.get(f"/meetings/{meeting.id}").text

    page = client.get(f"/meetings/{meeting.id}/approve")
    assert page.status_code == 200
    for reason in (
        "No attendance has been recorded.",
        "Item 2 does not record whether the notes of the previous meeting were accepted.",
        "The minutes of the previous meeting, the Community Outcomes Meeting, 11 July 2023, are "
        "still a draft.",
        "Item 2, Notes of the previous meeting and matters arising, has no notes.",
        "Item 3, Rural crime, has no notes.",
        "Action COM-2023-10-03a has no lead.",
    ):
        assert reason in page.text
    assert "Item 1, Welcome" not in page.text
    assert f'href="/meetings/{meeting.id}/attendance">Record attendance</a>' in page.text
    assert "Approve anyway" in page.text
    assert f'href="/meetings/{meeting.id}">Cancel</a>' in page.text
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT
    assert events() == []

    response = client.post(f"/meetings/{meeting.id}/approve", data={"submit": "Approve anyway"})
    assert response.status_code == 302
    assert reload(meeting).minutes_status == MinutesStatus.APPROVED
    [approved] = events()
    assert approved.event == "minutes.approved"
    assert "No attendance has been recorded." in approved.detail["missing"]


def test_complete_minutes_still_ask_for_one_click_confirmation(client, secretariat):
    meeting = complete_meeting()
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/approve").text
    assert "Nothing is missing" in page and "What is missing" not in page
    assert "Approve the minutes" in page and "Approve anyway" not in page
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT
    client.post(f"/meetings/{meeting.id}/approve")
    assert reload(meeting).minutes_status == MinutesStatus.APPROVED
    assert events()[0].detail["missing"] == []


def test_publishing_says_what_is_missing_then_publishes_when_confirmed(client, secretariat):
    meeting = complete_meeting(minutes_status=MinutesStatus.APPROVED)
    meeting.attendances[0].kind = AttendanceKind.APOLOGIES
    ActionFactory(meeting=meeting, reference="COM-2023-10-01a", lead=PersonFactory(), due_on=None)
    db.session.commit()
    assert f'href="/meetings/{meeting.id}/publish"' in client.get(f"/meetings/{meeting.id}").text
    page = client.get(f"/meetings/{meeting.id}/publish").text
    assert "Nobody is recorded as present." in page
    assert "Action COM-2023-10-01a has no due date." in page
    assert "Publish anyway" in page
    assert reload(meeting).minutes_status == MinutesStatus.APPROVED
    client.post(f"/meetings/{meeting.id}/publish")
    assert reload(meeting).minutes_status == MinutesStatus.PUBLISHED
    assert client.get(f"/public/meetings/{meeting.id}").status_code == 200


def test_minutes_of_a_meeting_still_to_come_say_so(client, secretariat):
    meeting = complete_meeting(starts_at=datetime(2099, 3, 3, 10))
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/approve").text
    assert "The meeting has not taken place yet: it is on 3 March 2099." in page


def test_approving_or_publishing_without_confirming_is_refused_with_the_reasons(secretariat):
    meeting = meeting_with_items(meeting_type=com_type())
    db.session.commit()
    with pytest.raises(lifecycle.MinutesIncomplete) as refused:
        lifecycle.approve(meeting, secretariat)
    assert "No attendance has been recorded." in str(refused.value)
    assert "Item 1, One, has no notes." in [gap.text for gap in refused.value.gaps]
    db.session.rollback()
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT
    lifecycle.approve(reload(meeting), secretariat, confirmed=True)
    with pytest.raises(lifecycle.MinutesIncomplete):
        lifecycle.publish(reload(meeting), secretariat)
    db.session.rollback()
    assert reload(meeting).minutes_status == MinutesStatus.APPROVED


def test_a_step_that_does_not_apply_is_refused_on_the_meeting_page(client, secretariat):
    meeting = complete_meeting(minutes_status=MinutesStatus.PUBLISHED)
    db.session.commit()
    response = client.get(f"/meetings/{meeting.id}/approve", follow_redirects=True)
    assert "Only draft minutes can be approved." in response.text
    response = client.post(f"/meetings/{meeting.id}/publish", follow_redirects=True)
    assert "Minutes must be approved before they are published." in response.text
    assert reload(meeting).minutes_status == MinutesStatus.PUBLISHED
    assert events() == []


def test_previous_minutes_are_not_accepted_while_that_meeting_is_a_draft(client, secretariat):
    kind = com_type()
    previous = complete_meeting(kind, starts_at=datetime(2023, 7, 11, 10))
    meeting = meeting_with_items(meeting_type=kind, titles=("Welcome", PREVIOUS_ITEM))
    meeting.previous_meeting = previous
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/previous-minutes").text
    still_draft = "The minutes of the previous meeting, the Community Outcomes Meeting, 11 July 2023, are still a draft"
    assert still_draft in page
    response = client.post(f"/meetings/{meeting.id}/previous-minutes", data={"outcome": "accepted"})
    assert response.status_code == 200
    assert "There is a problem" in response.text and still_draft in response.text
    assert 'href="#outcome"' in response.text
    assert reload(meeting).previous_minutes_outcome is None
    assert events() == []

    client.post(f"/meetings/{previous.id}/approve")
    assert reload(previous).minutes_status == MinutesStatus.APPROVED
    response = client.post(f"/meetings/{meeting.id}/previous-minutes", data={"outcome": "accepted"})
    assert response.status_code == 302
    assert reload(meeting).previous_minutes_outcome == "accepted"
    assert date.today() >= reload(previous).approved_at.date()
