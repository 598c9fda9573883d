"""Notes with markup, HTML and script: stored as written, shown escaped, the text kept in Word."""

import io

from docx import Document

from tests.meetings.factories import com_type, item_as_shown, meeting_with_items
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, MinutesStatus

HOSTILE = (
    "**Bold** and <b>tags</b>\n\n"
    "<script>alert('notes')</script>\n\n"
    '<img src=x onerror="alert(1)">\n\n'
    "[click me](javascript:alert(2)) and [fine](https://example.org)"
)


def test_hostile_notes_are_stored_as_written_and_never_rendered_as_html(client, secretariat):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.DRAFT)
    item = meeting.agenda_items[0]
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data={"title": "One <i>item</i>", "presenter": "", "notes": HOSTILE,
              "version": str(item.version), "original": item_as_shown(item)},
    )
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(AgendaItem, item.id)
    assert stored.notes == HOSTILE and stored.title == "One <i>item</i>"

    for url in (f"/meetings/{meeting.id}", f"/meetings/{meeting.id}/minutes"):
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page, url
        assert "&lt;script&gt;alert('notes')&lt;/script&gt;" in page, url
        assert "&lt;img src=x onerror=" in page, url
        assert 'href="javascript' not in page, url
        assert "<strong>Bold</strong>" in page and '<a href="https://example.org" class="govuk-link">fine</a>' in page
        assert "One &lt;i&gt;item&lt;/i&gt;" in page

    document = Document(io.BytesIO(client.get(f"/meetings/{meeting.id}/minutes.docx").data))
    texts = [p.text for p in document.paragraphs]
    assert "<script>alert('notes')</script>" in texts
    assert '<img src=x onerror="alert(1)">' in texts
    assert "[click me](javascript:alert(2)) and fine" in texts
    assert "1. One <i>item</i>" in texts
    assert "javascript" not in "".join(r.target_ref for r in document.part.rels.values() if r.is_external)


def test_hostile_notes_in_public_minutes_are_escaped_too(client):
    meeting = meeting_with_items(meeting_type=com_type(), minutes_status=MinutesStatus.PUBLISHED)
    meeting.agenda_items[0].notes = HOSTILE
    db.session.commit()
    page = client.get(f"/public/meetings/{meeting.id}").text
    assert "<script>alert" not in page and "&lt;script&gt;" in page
