"""The demo COM of 10 October 2023 in Word: attendees, 12 items in order, 7 actions lettered under
the right items; the public and read-only copies without the confidential action."""

import io
import re

import pytest
from docx import Document

from tests.access.lookup import Demo, client_for
from tests.office import pdf_text

pytestmark = pytest.mark.read_only_demo

ATTENDEES = {
    "Present": [
        "Alison Lowe – Deputy Mayor for Policing and Crime (DMPC), WYCA",
        "Julie Reid – Head of Policing and Crime, WYCA",
        "Catherine Hankinson – DCC, WYP",
        "Damien Miller – ACC, WYP",
        "Carl Glavin – T/ACC, WYP",
        "Russ Hughes – Ch. Supt., WYP",
    ],
    "Also present": [
        "Paige Cowling – Consultation and Engagement Officer, Policing and Crime, WYCA",
        "Dave Iveson – Digital Communications Officer, Policing and Crime, WYCA",
        "Sharon Waugh – Consultation and Engagement Manager, Policing and Crime, WYCA",
    ],
}
ITEMS = [
    "Welcome, introductions and apologies",
    "Notes of the previous meeting on 11 July and Matters arising",
    "Mayor's announcements",
    "Use of Force",
    "Stop and Search",
    "Neighbourhood Crime",
    "Neighbourhood Policing and ASB",
    "Mental Health",
    "Business Crime – Exception Paper",
    "Future Agenda Items",
    "Any Other Business",
    "Next Meeting",
]
# Item number → the start of each action's text, in letter order.
ACTIONS = {
    4: ["WYP to provide further analytical work", "WYP to separate out Use of Force in custody"],
    5: ["WYP to consult the young people from Carr Manor"],
    7: ["WYP to provide the specific figures", "WYP to provide the Neighbourhood Performance Framework"],
    8: ["WYP to confidentially update the DMPC"],
    9: ["WYP to provide any materials on the Business Crime Group"],
}
CONFIDENTIAL = "WYP to confidentially update the DMPC"


def read(data: bytes):
    """The document's sections: {"Present": [...], "Also present": [...], items: [(title, [actions])]}."""
    document = Document(io.BytesIO(data))
    sections: dict[str, list[str]] = {}
    items: list[tuple[str, list[tuple[str, str, bool]]]] = []
    current = None
    in_actions = False
    for paragraph in document.paragraphs:
        text = paragraph.text
        if paragraph.style.name == "Heading 2":
            match = re.match(r"(\d+)\. (.*)", text)
            in_actions = False
            if match:
                assert int(match.group(1)) == len(items) + 1, "items numbered in order"
                items.append((match.group(2), []))
                current = None
            else:
                current = text
                sections[current] = []
        elif items and text in ("Actions:", "Action:"):
            in_actions = True
        elif in_actions and re.match(r"[a-z]\)\t", text):
            letter, rest = text.split("\t", 1)
            bold = all(run.bold for run in paragraph.runs[:2])
            items[-1][1].append((letter, rest, bold))
        elif current and not items:
            sections[current].append(text)
    return document, sections, items


def demo_docx(app, who="secretariat", url=None) -> bytes:
    meeting_id = Demo().com_meeting()
    response = client_for(app, who).get(url or f"/meetings/{meeting_id}/minutes.docx")
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    assert "COM-2023-10-10-minutes.docx" in response.headers["Content-Disposition"]
    return response.data


def test_the_demo_com_minutes_have_every_attendee_every_item_and_every_action(app, read_only_demo):
    document, sections, items = read(demo_docx(app))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Community Outcomes Meeting (COM)"
    assert "Date: Tuesday, 10 October 2023" in texts
    assert sections["Present"] == ATTENDEES["Present"]
    assert sections["Also present"] == ATTENDEES["Also present"]
    assert sections["Apologies"] == ["None."]
    assert [title for title, _ in items] == ITEMS
    for number, (title, actions) in enumerate(items, start=1):
        expected = ACTIONS.get(number, [])
        assert [letter for letter, _, _ in actions] == [f"{chr(97 + n)})" for n in range(len(expected))], title
        for (_, text, bold), start in zip(actions, expected, strict=True):
            assert text.startswith(start), (title, text)
            assert bold, f"action not in bold: {text}"
    assert sum(len(actions) for _, actions in items) == 7
    assert "COM-2023-10-07b" in "\n".join(texts)  # staff copies carry the references
    assert "27 February 2024" in "\n".join(texts)  # the next meeting
    assert "Actions:" in texts and "Action:" in texts


def test_the_notes_keep_their_structure_in_word(app, read_only_demo):
    document, _, _ = read(demo_docx(app))
    texts = [p.text for p in document.paragraphs]
    lettered = [t for t in texts if t.startswith(("a)\tMayor", "b)\tMale", "c)\tBus", "d)\tIsrael"))]
    assert len(lettered) == 4
    announcement = next(p for p in document.paragraphs if p.text.startswith("a)\tMayor"))
    assert announcement.runs[1].bold  # "**Mayor's Safer Communities Fun ...**"
    xml = document.element.xml
    assert "w:hyperlink" in xml
    rels = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert "https://www.westyorks-ca.gov.uk/policing-and-crime/police-and-crime-plan/" in rels


def test_the_document_opens_in_libreoffice(app, read_only_demo, tmp_path):
    text = pdf_text(demo_docx(app), tmp_path, "minutes")
    for line in ("Community Outcomes Meeting (COM)", "Alison Lowe", "12. Next Meeting", "Actions:"):
        assert line in text
    assert "WYP to provide any materials on the Business Crime Group" in " ".join(text.split())


def test_the_public_document_leaves_the_confidential_action_out(app, read_only_demo):
    meeting_id = Demo().com_meeting()
    data = demo_docx(app, "anonymous", f"/public/meetings/{meeting_id}/minutes.docx")
    document, _, items = read(data)
    assert CONFIDENTIAL not in document.element.xml
    assert sum(len(actions) for _, actions in items) == 6
    assert items[7][1] == []  # item 8, Mental Health: its only action is confidential
    labels = [p.text for p in document.paragraphs if p.text in ("Action:", "Actions:")]
    assert len(labels) == 4  # items 4, 5, 7 and 9; none left dangling under item 8
    assert "COM-2023-10-" not in document.element.xml  # no references in the public copy


def test_a_read_only_users_document_leaves_the_confidential_action_out(app, read_only_demo):
    document, _, items = read(demo_docx(app, "viewer"))
    assert CONFIDENTIAL not in document.element.xml
    assert sum(len(actions) for _, actions in items) == 6


def test_the_lead_whose_organisation_owns_it_sees_the_confidential_action(app, read_only_demo):
    document, _, items = read(demo_docx(app, "lead"))
    assert [text for _, text, _ in items[7][1]][0].startswith(CONFIDENTIAL)
