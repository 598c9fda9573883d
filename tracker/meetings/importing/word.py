"""A Word document (.docx) as the text lines the minutes reader takes.

Paragraphs and table rows in document order, a blank line after each paragraph; bold runs as
**bold**; Word's own list numbering written out ("1.", "a)", "1.1") from the document's numbering
definitions, so numbered and lettered lists read as if typed.
"""

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from tracker.kit.lettering import letters
from tracker.meetings.importing.minutes import UnreadableMinutes

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files


def docx_text(data: bytes) -> str:
    """The document's text; UnreadableMinutes for anything that is not a readable .docx."""
    if data.startswith(OLE_SIGNATURE):
        raise UnreadableMinutes(
            "This document is password-protected or in the old Word format (.doc). Remove the "
            "password, or save it as a Word document (.docx), and try again.")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableMinutes("This is not a Word document (.docx).")
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as error:  # python-docx: another Office file (a spreadsheet, a slide deck)
        raise UnreadableMinutes("This is not a Word document (.docx).") from error
    except (zipfile.BadZipFile, KeyError, PackageNotFoundError, SyntaxError) as error:
        # lxml's XMLSyntaxError is a SyntaxError
        raise UnreadableMinutes(
            "This Word document is damaged and cannot be read. Open it in Word, save it again "
            "and try again.") from error
    numbering = _Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = _paragraph_text(block)
            if text.strip():
                lines.extend((numbering.marker(block) + text).splitlines())
                lines.append("")
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
                if cells:
                    lines.append(" – ".join(dict.fromkeys(cells)))
            lines.append("")
    return "\n".join(lines)


def _paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text with bold runs marked as **bold** (adjacent bold runs merged)."""
    pieces: list[tuple[bool, str]] = []
    for run in paragraph.runs:
        bold = bool(run.bold) and bool(run.text.strip())
        if pieces and pieces[-1][0] == bold:
            pieces[-1] = (bold, pieces[-1][1] + run.text)
        else:
            pieces.append((bold, run.text))
    if not pieces:
        return paragraph.text
    return "".join(_bold(text) if bold else text for bold, text in pieces)


def _bold(text: str) -> str:
    stripped = text.strip()
    return text.replace(stripped, f"**{stripped}**", 1)


class _Numbering:
    """Counts Word's numbered paragraphs as Word shows them: each list (numId) keeps a counter per
    level; a level's counter restarts after a higher level moves on."""

    def __init__(self, document):
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for level in node.findall(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                text = level.find(qn("w:lvlText"))
                levels[int(level.get(qn("w:ilvl")))] = (
                    fmt.get(qn("w:val")) if fmt is not None else "decimal",
                    text.get(qn("w:val")) if text is not None else "",
                )
            abstract[node.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            for level, value in abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}).items():
                self.formats[(num.get(qn("w:numId")), level)] = value

    def marker(self, paragraph: Paragraph) -> str:
        numbered = _numbering_of(paragraph._p.pPr)
        if numbered is None and paragraph.style is not None:
            numbered = _numbering_of(paragraph.style.element.pPr)  # "List Number" numbers by style
        if numbered is None or numbered.numId is None:
            return ""
        num_id = str(numbered.numId.val)
        level = numbered.ilvl.val if numbered.ilvl is not None else 0
        fmt, pattern = self.formats.get((num_id, level), ("bullet", ""))
        if fmt == "bullet" or not pattern:
            return "- " if fmt == "bullet" else ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        counts[level + 1:] = [0] * (8 - level)
        for depth in range(level + 1):
            level_fmt = self.formats.get((num_id, depth), ("decimal", ""))[0]
            pattern = pattern.replace(f"%{depth + 1}", _format(level_fmt, max(counts[depth], 1)))
        return pattern + " "


def _numbering_of(properties):
    return properties.numPr if properties is not None else None


def _format(fmt: str, count: int) -> str:
    if fmt == "lowerLetter":
        return letters(count - 1)
    if fmt == "upperLetter":
        return letters(count - 1).upper()
    if fmt == "lowerRoman":
        return _roman(count).lower()
    if fmt == "upperRoman":
        return _roman(count)
    return str(count)


def _roman(number: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while number >= value:
            out, number = out + numeral, number - value
    return out
