"""Minutes as the house prints them, in Word and on the web: the meeting, its date and "Page X of Y"
on every page; "DRAFT" on minutes not yet approved and nowhere else; attendees in two columns;
"None." under an Any other business left blank."""

import io
from datetime import datetime

import lxml.html
import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.factories import AgendaItemFactory, MeetingFactory, MeetingTypeFactory, PersonFactory
from tests.office import pdf_text
from tests.pages import text_of
from tracker.extensions import db
from tracker.meetings.models import Attendance, AttendanceKind, MinutesStatus

PRESENT = ["Alison Lowe", "Julie Reid", "Catherine Hankinson", "Damien Miller"]


@pytest.fixture
def meeting(users):
    com = MeetingTypeFactory(name="Community Outcomes Meeting", short_name="COM")
    meeting = MeetingFactory(meeting_type=com, starts_at=datetime(2023, 10, 10, 10, 0))
    wyp = users["lead"].person.organisation
    for name in PRESENT:
        meeting.attendances.append(
            Attendance(person=PersonFactory(name=name, organisation=wyp), kind=AttendanceKind.PRESENT)
        )
    AgendaItemFactory(meeting=meeting, position=0, title="Welcome", notes="Welcome to all.")
    AgendaItemFactory(meeting=meeting, position=1, title="Any Other Business", notes="")
    db.session.commit()
    return meeting


def approve(meeting) -> None:
    meeting.minutes_status = MinutesStatus.APPROVED
    db.session.commit()


def word(client, meeting):
    response = client.get(f"/meetings/{meeting.id}/minutes.docx")
    assert response.status_code == 200
    return response.data, Document(io.BytesIO(response.data))


def header_text(document) -> str:
    return "\n".join(p.text for p in document.sections[0].header.paragraphs)


def html(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return lxml.html.fromstring(response.text)


def after_heading(page, heading: str):
    """The element that follows the heading with this text."""
    [found] = [h for h in page.iter("h2", "h3") if h.text_content().strip() == heading]
    return found.getnext()


def columns_of_each_paragraph(document) -> dict[str, int]:
    """Each paragraph's text → the number of columns its section is laid out in."""
    def number(section) -> int:
        cols = section.find(qn("w:cols"))
        return int(cols.get(qn("w:num"), "1")) if cols is not None else 1

    shown, waiting = {}, []
    for paragraph in document.paragraphs:
        waiting.append(paragraph.text)
        section = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if section is not None:  # the section ends here
            shown.update({text: number(section) for text in waiting})
            waiting = []
    # The last section's properties are the body's own.
    shown.update({text: number(document.element.body.sectPr) for text in waiting})
    return shown


def test_every_page_names_the_meeting_and_its_date_and_numbers_the_pages(
    client, secretariat, meeting, tmp_path
):
    data, document = word(client, meeting)
    footer = document.sections[0].footer
    assert not footer.is_linked_to_previous
    xml = footer._element.xml
    assert "Community Outcomes Meeting (COM), 10 October 2023" in "".join(
        p.text for p in footer.paragraphs
    )
    # Word's own fields, so the numbers are right however the document flows.
    assert " PAGE " in xml and " NUMPAGES " in xml
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)

    text = pdf_text(data, tmp_path, "minutes", layout=True)
    footer_line = next(line for line in text.splitlines() if "Page 1 of 1" in line)
    assert "Community Outcomes Meeting (COM), 10 October 2023" in footer_line


def test_draft_minutes_say_draft_in_their_title_and_at_the_top_of_every_page(
    client, secretariat, meeting
):
    _, document = word(client, meeting)
    assert document.paragraphs[0].text == "DRAFT – Community Outcomes Meeting (COM)"
    assert "DRAFT – not yet approved" in header_text(document)
    assert document.core_properties.title.startswith("DRAFT")

    page = client.get(f"/meetings/{meeting.id}/minutes").text
    assert '<h1 class="govuk-heading-l">DRAFT – Community Outcomes Meeting (COM)</h1>' in page
    assert "DRAFT – not yet approved" in text_of(client.get(f"/meetings/{meeting.id}/minutes"))


def test_approved_minutes_carry_no_draft_mark(client, secretariat, meeting):
    approve(meeting)
    _, document = word(client, meeting)
    assert document.paragraphs[0].text == "Community Outcomes Meeting (COM)"
    whole = "\n".join(p.text for p in document.paragraphs) + header_text(document)
    assert "DRAFT" not in whole and "Draft" not in whole
    assert "West Yorkshire Combined Authority" in header_text(document)
    page = text_of(client.get(f"/meetings/{meeting.id}/minutes"))
    assert "DRAFT" not in page


def test_any_other_business_left_blank_prints_none(client, secretariat, meeting):
    _, document = word(client, meeting)
    texts = [p.text for p in document.paragraphs]
    at = texts.index("2. Any Other Business")
    assert texts[at + 1] == "None."

    for url in (f"/meetings/{meeting.id}/minutes", f"/meetings/{meeting.id}"):
        shown = after_heading(html(client, url), "2. Any Other Business")
        if "ca-notes" in shown.get("class", ""):  # the meeting page keeps the notes in a box
            shown = shown[0]
        assert (shown.tag, shown.text_content().strip()) == ("p", "None."), url


def test_attendees_print_in_two_columns(client, secretariat, meeting, tmp_path):
    data, document = word(client, meeting)
    columns = columns_of_each_paragraph(document)
    people = [text for text in columns if text.split(" – ")[0] in PRESENT]
    assert len(people) == len(PRESENT)
    assert {columns[text] for text in people} == {2}
    assert columns["Present"] == 1 and columns["1. Welcome"] == 1

    # LibreOffice lays them side by side: the first and the third on one line.
    lines = pdf_text(data, tmp_path, "minutes", layout=True).splitlines()
    assert any("Alison Lowe" in line and "Catherine Hankinson" in line for line in lines)

    for url in (f"/meetings/{meeting.id}/minutes", f"/meetings/{meeting.id}"):
        listed = after_heading(html(client, url), "Present")
        assert listed.tag == "ul" and "ca-two-columns" in listed.classes, url
        assert [li.text_content().split(" – ")[0] for li in listed] == PRESENT, url
