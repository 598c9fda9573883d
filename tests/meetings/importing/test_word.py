"""Word documents read as they show: list numbering, bold and tables."""

import io

import docx

from tracker.meetings.importing.files import read_minutes


def _read(document):
    out = io.BytesIO()
    document.save(out)
    return read_minutes(out.getvalue(), "minutes.docx")


def test_word_numbering_and_bold_are_read_as_written():
    document = docx.Document()
    document.add_paragraph("Panel meeting")
    document.add_paragraph("Welcome", style="List Number")
    document.add_paragraph("Budget", style="List Number")
    paragraph = document.add_paragraph()
    paragraph.add_run("Decision:").bold = True
    paragraph.add_run(" approved.")
    minutes = _read(document)
    assert [(item.number, item.title) for item in minutes.items] == [(1, "Welcome"), (2, "Budget")]
    assert minutes.items[1].notes == "**Decision:** approved."


def test_attendance_in_a_table():
    document = docx.Document()
    document.add_paragraph("Community Outcomes Meeting")
    document.add_paragraph("Present")
    table = document.add_table(rows=2, cols=2)
    for row, (name, role) in zip(table.rows, [("Alison Lowe", "DMPC"), ("Damien Miller", "ACC, WYP")],
                                 strict=True):
        row.cells[0].text, row.cells[1].text = name, role
    document.add_paragraph("Apologies")
    document.add_paragraph("Julie Reid")
    document.add_paragraph("1. Welcome")
    minutes = _read(document)
    assert minutes.attendance.present == ["Alison Lowe", "Damien Miller"]
    assert minutes.attendance.apologies == ["Julie Reid"]


def test_bold_headings_are_still_items_and_action_headings():
    document = docx.Document()
    document.add_paragraph("Community Outcomes Meeting")
    document.add_paragraph().add_run("1. Mental Health").bold = True
    document.add_paragraph("The DMPC asked for an update.")
    document.add_paragraph().add_run("Action:").bold = True
    document.add_paragraph("WYP to update the DMPC.")
    minutes = _read(document)
    assert [(item.number, item.title) for item in minutes.items] == [(1, "Mental Health")]
    assert minutes.items[0].notes == "The DMPC asked for an update."
    assert [(action.letter, action.text, action.owner) for action in minutes.actions] == [
        ("a", "WYP to update the DMPC.", "WYP")]
