"""The seed minutes' item 3, pasted as the secretariat pastes it, is four lettered entries on the
meeting page, in the public minutes and in Word; "Preview notes" shows it so before saving, and
saves nothing."""

import io

import lxml.html
from docx import Document
from docx.shared import Cm

from tests.meetings.factories import item_as_shown, meeting_with_items
from tests.pages import seed_item_3_notes
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, MinutesStatus
from tracker.reports.minutes.docx import INDENT

HEADINGS = ["Mayor's Safer Communities Fun", "Male Behavior Change Campaign",
            "Bus PCSO's - Safer Travel announcement", "Israel and Gaza Conflict"]


def lettered_entries(page: str, within: str = "//body") -> list[str]:
    """The text of each entry of the lettered lists on the page (inside `within`)."""
    tree = lxml.html.fromstring(page)
    return [" ".join(li.text_content().split())
            for li in tree.xpath(f"{within}//ol[contains(@class, 'ca-lettered')]/li")]


def assert_four_entries(entries: list[str]) -> None:
    assert len(entries) == 4, entries
    for entry, heading in zip(entries, HEADINGS, strict=True):
        assert entry.startswith(heading), entry
    assert "The deadline for submissions was midday" in entries[0]
    assert "T/ACC Galvin was the Gold Command" in entries[3]


def test_pasted_item_3_is_four_lettered_entries_on_every_page_and_in_word(client, secretariat):
    meeting = meeting_with_items(minutes_status=MinutesStatus.PUBLISHED)
    meeting.agenda_items[2].notes = seed_item_3_notes()
    db.session.commit()

    for url in (f"/meetings/{meeting.id}", f"/meetings/{meeting.id}/minutes",
                f"/public/meetings/{meeting.id}"):
        assert_four_entries(lettered_entries(client.get(url).text))

    document = Document(io.BytesIO(client.get(f"/meetings/{meeting.id}/minutes.docx").data))
    paragraphs = document.paragraphs
    entries = [p for p in paragraphs if p.text[:3] in ("a)\t", "b)\t", "c)\t", "d)\t")]
    assert [p.text[:3] for p in entries] == ["a)\t", "b)\t", "c)\t", "d)\t"]
    for paragraph, heading in zip(entries, HEADINGS, strict=True):
        assert paragraph.text[3:].startswith(heading)
    # a)'s second paragraph sits under a)'s text, before b), without a letter of its own.
    first, second = paragraphs.index(entries[0]), paragraphs.index(entries[1])
    continuation = [p for p in paragraphs[first + 1:second] if p.text.strip()]
    assert [p.text[:30] for p in continuation] == ["The deadline for submissions w"]
    for paragraph in (entries[0], continuation[0]):  # Word keeps indents in twips
        assert abs(paragraph.paragraph_format.left_indent - INDENT) < Cm(0.01)


def test_preview_shows_the_notes_as_the_minutes_will_and_saves_nothing(client, secretariat):
    meeting = meeting_with_items()
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/new",
        data={"title": "Mayor's announcements", "position": "3", "notes": seed_item_3_notes(),
              "preview": "Preview notes"},
    )
    assert response.status_code == 200
    assert_four_entries(lettered_entries(response.text, "//*[@id='notes-preview']"))
    assert "Nothing has been saved yet" in response.text
    # What they pasted is still in the box, ready to save.
    assert 'name="notes"' in response.text and "Male Behavior Change Campaign" in response.text
    db.session.expire_all()
    assert len(meeting.agenda_items) == 3


def test_preview_when_editing_keeps_the_saved_notes_until_saved(client, secretariat):
    meeting = meeting_with_items()
    item = meeting.agenda_items[1]
    item.notes = "Old notes"
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/edit",
        data={"title": item.title, "presenter": "", "notes": seed_item_3_notes(),
              "version": str(item.version), "original": item_as_shown(item),
              "preview": "Preview notes"},
    )
    assert response.status_code == 200
    assert_four_entries(lettered_entries(response.text, "//*[@id='notes-preview']"))
    db.session.expire_all()
    assert db.session.get(AgendaItem, item.id).notes == "Old notes"
