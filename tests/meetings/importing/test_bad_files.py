"""Files that are not readable minutes are refused with a message that says why."""

import io
import zipfile

import docx
import pytest

from tests.meetings.importing.seed import docx_from_text
from tracker.meetings.importing import files
from tracker.meetings.importing.files import read_minutes
from tracker.meetings.importing.minutes import UnreadableMinutes


def _refusal(data: bytes, name: str) -> str:
    with pytest.raises(UnreadableMinutes) as refused:
        read_minutes(data, name)
    return refused.value.message


def test_not_a_word_file():
    assert "not a Word document" in _refusal(b"%PDF-1.7 minutes", "minutes.docx")


def test_password_protected_document():
    # Word saves an encrypted .docx inside an OLE compound file, as it does an old .doc.
    message = _refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "minutes.docx")
    assert "password-protected" in message


def test_corrupt_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    assert "damaged" in _refusal(out.getvalue(), "minutes.docx")


def test_empty_document_and_empty_text():
    out = io.BytesIO()
    docx.Document().save(out)
    assert "empty" in _refusal(out.getvalue(), "minutes.docx")
    assert "empty" in _refusal(b"  \n\n", "minutes.txt")


def test_no_recognisable_items():
    data = docx_from_text("Community Outcomes Meeting\n\nDate: 10 October 2023\n\nWe talked.")
    assert "No numbered items" in _refusal(data, "minutes.docx")


def test_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 100)
    assert "larger than" in _refusal(b"1. Welcome\n" * 20, "minutes.txt")



def test_another_office_file_is_not_a_word_file():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a Word document" in _refusal(out.getvalue(), "budget.docx")
