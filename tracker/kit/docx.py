"""Word helpers the minutes, the outstanding-actions report and the Delivery Quarterly pack share."""

import re
import uuid
import zipfile
from collections.abc import Callable, Iterable
from io import BytesIO

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.shared import Cm, Pt, RGBColor
from flask import send_file
from lxml import etree

MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FONT = "Arial"


def send_docx(data: bytes, filename: str):
    """A Word document as a download."""
    return send_file(
        BytesIO(data), mimetype=MIMETYPE, as_attachment=True, download_name=filename, max_age=0
    )


def to_bytes(document) -> bytes:
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCUMENT_PART = "word/document.xml"
ROWS_PER_BATCH = 500


def to_bytes_with_rows(document, tables: list[tuple]) -> bytes:
    """The document as .docx bytes, each of `tables` given as (table, items, add_row) ending
    with a row for each of its `items`.

    python-docx holds a document as one tree, some 20 KB of memory a table row, and adds a row in
    time that grows with the table. Here `add_row(parent, item)` makes each row as lxml elements
    under a holder that is written out and emptied every `ROWS_PER_BATCH` rows, straight into
    the saved document's XML where the table's rows belong: a table of any length takes memory
    for a batch. The XML is what python-docx would write for the same rows.
    """
    marks = []
    for table, items, add_row in tables:
        mark = etree.Comment(f" rows {uuid.uuid4().hex} ")
        table._tbl.append(mark)
        marks.append((mark, items, add_row))
    saved = zipfile.ZipFile(BytesIO(to_bytes(document)))
    for mark, _, _ in marks:
        mark.getparent().remove(mark)
    xml = saved.read(DOCUMENT_PART)
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as docx:
        for info in saved.infolist():  # the parts in python-docx's order
            if info.filename != DOCUMENT_PART:
                docx.writestr(info.filename, saved.read(info))
                continue
            with docx.open(info.filename, "w") as part:
                done = 0
                for mark, items, add_row in marks:  # in the document's order
                    text = etree.tostring(mark)
                    at = xml.index(text)
                    part.write(xml[done:at])
                    for batch in _row_batches(items, add_row):
                        part.write(batch)
                    done = at + len(text)
                part.write(xml[done:])
    return out.getvalue()


LINE_BREAKS = re.compile(r"([\t\r\n])")


def fill_run(run, text: str) -> None:
    """Text into a run made with an empty `w:t` (after its `w:rPr`, if any), as python-docx puts
    it: a tab is `w:tab`, a line end `w:br`, the rest `w:t`, keeping its spaces when it starts or
    ends with one; no text, no `w:t`."""
    t = run[-1]
    if text and "\t" not in text and "\n" not in text and "\r" not in text:
        t.text = text
        if len(text.strip()) < len(text):
            t.set(qn("xml:space"), "preserve")
        return
    run.remove(t)
    for piece in LINE_BREAKS.split(text):
        if piece == "\t":
            etree.SubElement(run, qn("w:tab"))
        elif piece in ("\r", "\n"):
            etree.SubElement(run, qn("w:br"))
        elif piece:
            t = etree.SubElement(run, qn("w:t"))
            t.text = piece
            if len(piece.strip()) < len(piece):
                t.set(qn("xml:space"), "preserve")


def _row_batches(items: Iterable, add_row: Callable):
    """The rows' XML, `ROWS_PER_BATCH` at a time, with no namespace declarations of their own
    (the document's root declares them)."""
    holder = etree.Element(qn("w:tbl"), nsmap={"w": nsmap["w"]})
    opening = _utf8(holder).removesuffix(b"/>") + b">"  # <w:tbl xmlns:w="...">
    for count, item in enumerate(items, start=1):
        add_row(holder, item)
        if count % ROWS_PER_BATCH == 0:
            yield _rows_of(holder, opening)
    if len(holder):
        yield _rows_of(holder, opening)


def _utf8(element) -> bytes:
    """An element's XML in UTF-8 as the document's part has it, with no XML declaration."""
    return etree.tostring(element, encoding="UTF-8", xml_declaration=False)


def _rows_of(holder, opening: bytes) -> bytes:
    xml = _utf8(holder)
    holder.clear()
    return xml[len(opening) : -len(b"</w:tbl>")]


def plain_font(style, size: int | None = None, bold: bool | None = None) -> None:
    """The house font in black on a style: the built-in styles' theme fonts and colours would
    otherwise override it, and East Asian and complex-script text would fall back to Word's own."""
    style.font.name = FONT
    style.font.color.rgb = RGBColor(0, 0, 0)
    if size is not None:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), FONT)
    fonts.set(qn("w:cs"), FONT)


def use_font(document, style_names=("Normal", "Title", "Heading 1", "Heading 2")) -> None:
    """The house font on these styles of a document."""
    for name in style_names:
        plain_font(document.styles[name])


def landscape(section, margin_cm: float = 2) -> None:
    """Turn a section to landscape A4 with even margins."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))


def repeat_as_header(row) -> None:
    """Mark a table row to repeat at the top of every page the table runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def no_wrap(cell) -> None:
    """Keep a cell's text on one line (a reference broken in two reads as two references)."""
    cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))


def set_widths(table, widths_cm) -> None:
    """Column widths: Word reads each cell's, LibreOffice the table grid's, so set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def a4_portrait(section, margin_cm: float = 2.5) -> None:
    """Portrait A4 with even margins (python-docx's blank document is US Letter)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin_cm))


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) in `paragraph`; `shown` is the text until it is updated."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    result = OxmlElement("w:t")
    result.text = shown
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, result, end):
        # Each part in its own run, as Word writes them.
        run._r.append(element)
        if element is not end:
            run = paragraph.add_run()


def _text_width(section):
    return section.page_width - section.left_margin - section.right_margin


def page_footer(section, text: str, size: int = 9) -> None:
    """The house footer on every page of `section` (and the sections after it): what the
    document is on the left, "Page X of Y" on the right, from Word's PAGE and NUMPAGES fields."""
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.text = ""
    # The Footer style's own stops are set for US Letter: clear them, and stop at the right margin.
    stops = paragraph.paragraph_format.tab_stops
    for position in footer.paragraphs[0].style.paragraph_format.tab_stops:
        stops.add_tab_stop(position.position, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(_text_width(section), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{text}\tPage ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    _field(paragraph, "NUMPAGES", "1")
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.name = FONT


def page_header(section, text: str, *, bold: bool = False, size: int = 9) -> None:
    """A line at the top of every page of `section` (and the sections after it), set right."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.text = ""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    run.font.name = FONT


def end_section_in_columns(document, paragraph, columns: int) -> None:
    """End a section at `paragraph`, everything since the last such break laid out in `columns`
    newspaper columns; what follows carries on down the same page.

    The break lives in the paragraph's properties, so no empty paragraph is added. The section's
    page set-up is the document's; its header and footer are the first section's.
    """
    body = document.element.body.sectPr
    ended = body.clone()
    for reference in ended.xpath("w:headerReference|w:footerReference"):
        ended.remove(reference)
    for section in (ended, body):  # each starts on the page before it ends
        section.start_type = WD_SECTION.CONTINUOUS
    cols = ended.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        grid = ended.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(cols)
        else:
            ended.append(cols)
    cols.set(qn("w:num"), str(columns))
    cols.set(qn("w:space"), str(int(Cm(0.75).twips)))
    paragraph._p.get_or_add_pPr()._insert_sectPr(ended)
