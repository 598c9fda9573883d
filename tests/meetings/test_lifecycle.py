"""Minutes move draft → approved → published; published minutes change only by a correction."""

import sqlalchemy as sa

from tests.meetings.factories import com_type, item_as_shown, meeting_with_items, organisation
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.meetings.models import Meeting, MinutesRevision, MinutesStatus


def reload(meeting: Meeting) -> Meeting:
    db.session.expire_all()
    return db.session.get(Meeting, meeting.id)


def edit_notes(client, meeting, item, notes, **extra):
    return client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data={
            "title": item.title,
            "presenter": "",
            "notes": notes,
            "version": str(item.version),
            "original": item_as_shown(item),
            **extra,
        },
    )


def test_draft_then_approved_then_published(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type())
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}").text
    assert "Approve the minutes" in page and "Publish the minutes" not in page
    # Each step is a page that says what is missing and asks to confirm; the POST confirms.
    assert "Approve anyway" in client.get(f"/meetings/{meeting.id}/approve").text
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT
    client.post(f"/meetings/{meeting.id}/approve")
    assert reload(meeting).minutes_status == MinutesStatus.APPROVED
    assert reload(meeting).approved_at is not None
    assert "Publish the minutes" in client.get(f"/meetings/{meeting.id}").text
    assert "Publish anyway" in client.get(f"/meetings/{meeting.id}/publish").text
    assert reload(meeting).minutes_status == MinutesStatus.APPROVED
    client.post(f"/meetings/{meeting.id}/publish")
    assert reload(meeting).minutes_status == MinutesStatus.PUBLISHED
    assert reload(meeting).published_at is not None
    events = db.session.scalars(sa.select(AuditEntry.event).order_by(AuditEntry.id)).all()
    assert events == ["minutes.approved", "minutes.published"]
    assert client.get(f"/public/meetings/{meeting.id}").status_code == 200


def test_minutes_cannot_skip_approval(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type())
    db.session.commit()
    response = client.post(f"/meetings/{meeting.id}/publish", follow_redirects=True)
    assert "Minutes must be approved before they are published." in response.text
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT


def test_approved_minutes_can_go_back_to_draft(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.APPROVED)
    db.session.commit()
    client.post(f"/meetings/{meeting.id}/return-to-draft")
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT


def test_changing_approved_minutes_returns_them_to_draft(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.APPROVED)
    item = meeting.agenda_items[0]
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/items/{item.id}/edit").text
    assert "Saving a change returns them to draft" in page
    assert edit_notes(client, meeting, item, "A late change").status_code == 302
    assert reload(meeting).minutes_status == MinutesStatus.DRAFT


def test_published_minutes_do_not_change_without_a_reason(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.PUBLISHED)
    item = meeting.agenda_items[0]
    item.notes = "As published."
    db.session.commit()
    response = edit_notes(client, meeting, item, "Quietly changed")
    assert response.status_code == 200
    assert "Say why you are correcting the published minutes" in response.text
    assert 'href="#correction_reason"' in response.text
    assert reload(meeting).agenda_items[0].notes == "As published."
    assert db.session.scalars(sa.select(MinutesRevision)).all() == []


def test_a_correction_makes_a_revision_kept_with_who_and_why(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.PUBLISHED)
    item = meeting.agenda_items[0]
    item.notes = "The DMPC thanked T/ACC Galvin."
    db.session.commit()
    response = edit_notes(
        client, meeting, item, "The DMPC thanked T/ACC Glavin.",
        correction_reason="T/ACC Glavin's name was misspelt.",
    )
    assert response.status_code == 302
    meeting = reload(meeting)
    assert meeting.minutes_status == MinutesStatus.PUBLISHED
    assert meeting.minutes_revision == 1
    [revision] = meeting.revisions
    assert revision.number == 1 and revision.created_by_id == secretariat.id
    assert revision.reason == "T/ACC Glavin's name was misspelt."
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.event == "agenda.item_changed"))
    assert entry.user_id == secretariat.id
    assert entry.detail["revision"] == 1 and entry.detail["reason"] == revision.reason
    assert entry.detail["changes"]["notes"] == ["The DMPC thanked T/ACC Galvin.", "The DMPC thanked T/ACC Glavin."]
    page = client.get(f"/meetings/{meeting.id}").text
    assert "Corrections to the published minutes" in page and "misspelt" in page
    assert "<strong>Revision:</strong> 1, corrected on" in client.get(f"/public/meetings/{meeting.id}").text


def test_every_kind_of_change_to_published_minutes_asks_why(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.PUBLISHED)
    first, second = meeting.agenda_items[:2]
    db.session.commit()
    base = f"/meetings/{meeting.id}"
    attempts = {
        f"{base}/items/{second.id}/move": {"direction": "up"},
        f"{base}/items/{second.id}/remove": {},
        f"{base}/items/new": {"title": "Late item", "position": "0"},
        f"{base}/items/{first.id}/actions/new": {"text": "WYP to act.", "owner": str(organisation("WYP").id)},
        f"{base}/previous-minutes": {"outcome": "accepted"},
        f"{base}/next": {"form": "future", "future-title": "Rural crime"},
    }
    db.session.commit()
    for url, data in attempts.items():
        response = client.post(url, data=data)
        assert response.status_code == 200, url
        assert "Say why you are correcting the published minutes" in response.text, url
    meeting = reload(meeting)
    assert [i.title for i in meeting.agenda_items] == ["One", "Two", "Three"]
    assert meeting.actions == [] and meeting.future_items == [] and meeting.minutes_revision == 0
    # The move form for published minutes is a page of its own, asking why.
    page = client.get(f"{base}/items/{second.id}/move?direction=up").text
    assert "Why are you correcting the published minutes?" in page
    response = client.post(
        f"{base}/items/{second.id}/move", data={"direction": "up", "correction_reason": "Wrong order"}
    )
    assert response.status_code == 302
    assert [i.title for i in reload(meeting).agenda_items] == ["Two", "One", "Three"]
    assert reload(meeting).minutes_revision == 1


def test_previous_minutes_accepted_or_amended(client, secretariat):
    meeting = meeting_with_items(
        meeting_type=com_type(), titles=("Welcome", "Notes of the previous meeting and matters arising")
    )
    db.session.commit()
    response = client.post(f"/meetings/{meeting.id}/previous-minutes", data={"outcome": "amended"})
    assert "Enter the amendment" in response.text
    assert reload(meeting).previous_minutes_outcome is None
    client.post(
        f"/meetings/{meeting.id}/previous-minutes",
        data={"outcome": "amended", "amendment": "Item 4: T/ACC Glavin, not Galvin."},
    )
    meeting = reload(meeting)
    assert meeting.previous_minutes_outcome == "amended"
    minutes = client.get(f"/meetings/{meeting.id}/minutes").text
    assert "accepted as a correct record, subject to the following amendment:" in minutes
    assert "Item 4: T/ACC Glavin, not Galvin." in minutes
    client.post(f"/meetings/{meeting.id}/previous-minutes", data={"outcome": "accepted", "amendment": "ignored"})
    meeting = reload(meeting)
    assert (meeting.previous_minutes_outcome, meeting.previous_minutes_amendment) == ("accepted", "")
    assert "The notes of the previous meeting were accepted as a correct record." in client.get(
        f"/meetings/{meeting.id}/minutes"
    ).text
