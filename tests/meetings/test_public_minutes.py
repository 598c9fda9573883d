"""Public minutes: published minutes of public meetings only, without confidential actions."""

import io
from datetime import datetime

from docx import Document

from tests.factories import ActionFactory
from tests.meetings.factories import MeetingTypeFactory, com_type, meeting_with_items
from tracker.extensions import db
from tracker.meetings.models import MinutesStatus


def test_unpublished_or_private_minutes_are_not_found(client):
    public, private = com_type(), MeetingTypeFactory(is_public=False)
    draft = meeting_with_items(meeting_type=public)
    approved = meeting_with_items(meeting_type=public, starts_at=datetime(2023, 11, 1, 10),
                                  minutes_status=MinutesStatus.APPROVED)
    secret = meeting_with_items(meeting_type=private, minutes_status=MinutesStatus.PUBLISHED)
    published = meeting_with_items(meeting_type=public, starts_at=datetime(2024, 2, 27, 10),
                                   minutes_status=MinutesStatus.PUBLISHED)
    db.session.commit()
    for meeting in (draft, approved, secret):
        assert client.get(f"/public/meetings/{meeting.id}").status_code == 404
        assert client.get(f"/public/meetings/{meeting.id}/minutes.docx").status_code == 404
    assert client.get("/public/meetings/999999").status_code == 404
    assert client.get(f"/public/meetings/{published.id}").status_code == 200
    listing = client.get("/public/meetings").text
    assert f"/public/meetings/{published.id}" in listing
    assert all(f"/public/meetings/{m.id}\"" not in listing for m in (draft, approved, secret))


def test_a_confidential_action_is_absent_from_the_public_page_and_document(client):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.PUBLISHED)
    item = meeting.agenda_items[0]
    ActionFactory(meeting=meeting, agenda_item=item, reference="COM-2023-10-01a", position=0,
                  text="WYP to publish the figures.")
    ActionFactory(meeting=meeting, agenda_item=item, reference="COM-2023-10-01b", position=1,
                  text="WYP to brief the DMPC privately.", confidential=True)
    ActionFactory(meeting=meeting, agenda_item=item, reference="COM-2023-10-01c", position=2,
                  text="WYP to report back.")
    db.session.commit()
    page = client.get(f"/public/meetings/{meeting.id}").text
    assert "WYP to publish the figures." in page and "WYP to report back." in page
    assert "brief the DMPC privately" not in page
    document = client.get(f"/public/meetings/{meeting.id}/minutes.docx").data
    texts = [p.text for p in Document(io.BytesIO(document)).paragraphs]
    # The public copy is lettered without a gap: a) and b), not a) and c).
    assert "a)\tWYP to publish the figures." in texts and "b)\tWYP to report back." in texts
    assert not any("privately" in text for text in texts)
