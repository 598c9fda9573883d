"""Word helpers the minutes, the outstanding-actions report and the Delivery Quarterly pack share."""

from io import BytesIO

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from flask import send_file

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
