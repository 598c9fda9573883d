"""The outstanding-actions report as a Word document, ready for a meeting pack.

Landscape A4: a title with the "as at" date, what the report is limited to, a summary of counts,
then one table row per outstanding action, most overdue first, its latest history entry (what
kind, who, when) under its text. The table's header row repeats on every page; every page's
footer names the report and says "Page X of Y". Takes an `OutstandingReport`; does not query.

python-docx adds a table row in time that grows with the table, so the actions' rows (thousands
of them) are written as `w:tr` elements with lxml, exactly as python-docx would write them: the
same cell widths, runs and properties. The header row and the small summary tables use python-docx.
"""

from copy import deepcopy

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from lxml.etree import Element, SubElement

from tracker.kit import docx as word
from tracker.kit.dates import short_date
from tracker.reports.outstanding.data import OutstandingReport, OutstandingRow

RED = RGBColor(0xD4, 0x35, 0x1C)
# Column widths in cm across the 25.7 cm of a landscape A4 page inside 2 cm margins, each set for
# its content: the action, with its latest entry under it, has most of the page. The reference
# column fits "COM-2023-10-04a" in 9 pt Arial, or in DejaVu Sans (wider) where a reader has no
# Arial, and its cells are set not to wrap besides. Every other column is wide enough for the
# longest word of its heading in bold ("overdue", "Reference"), so no heading breaks mid-word.
COLUMNS = (
    ("Reference", 3.6),
    ("Action", 9.0),
    ("Raised at", 3.3),
    ("Owner and lead", 2.6),
    ("Due", 2.4),
    ("Status", 2.6),
    ("Days overdue", 2.2),
)
NO_WRAP = {"Reference", "Due"}
# The summary tables: a label and its counts, no wider than they need.
SUMMARY_WIDTHS = (7.0, 2.5)
OWNER_WIDTHS = (7.0, 2.5, 2.5)


def build_docx(report: OutstandingReport) -> bytes:
    document = Document()
    _set_up_page(document)
    word.page_footer(document.sections[0], report.title)
    document.core_properties.title = report.title
    document.core_properties.author = "Policing and Crime team, West Yorkshire Combined Authority"

    document.add_heading(report.title, level=0)
    for limit in report.limited_to:
        document.add_paragraph(limit)
    _add_summary(document, report)
    if not report.rows:
        return word.to_bytes(document)
    document.add_heading("Actions, most overdue first", level=1)
    table, widths = _add_table(document)
    return word.to_bytes_with_rows(document, [(table, report.rows, _RowWriter(widths).add)])


def _set_up_page(document) -> None:
    word.landscape(document.sections[0])
    word.use_font(document, ("Normal", "Title", "Heading 1"))
    document.styles["Normal"].font.size = Pt(11)


def _add_summary(document, report: OutstandingReport) -> None:
    document.add_paragraph(report.summary)
    if not report.rows:
        return
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    _header(table.rows[0], ("Status", "Actions"))
    for label, count in report.by_status:
        _cells(table.add_row(), (label, str(count)))
    _cells(table.add_row(), ("Overdue (any status)", str(report.overdue)))
    word.set_widths(table, SUMMARY_WIDTHS)
    document.add_paragraph()
    owners = document.add_table(rows=1, cols=3)
    owners.style = "Table Grid"
    _header(owners.rows[0], ("Owner", "Outstanding", "Overdue"))
    for owner, count, overdue in report.by_owner:
        _cells(owners.add_row(), (owner, str(count), str(overdue)))
    word.set_widths(owners, OWNER_WIDTHS)


def _add_table(document):
    """The actions' table with its header row, and the width of each column's cells."""
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _header(header, [name for name, _ in COLUMNS])
    word.repeat_as_header(header)
    word.set_widths(table, [width for _, width in COLUMNS])
    for cell, (name, _) in zip(header.cells, COLUMNS, strict=True):
        if name in NO_WRAP:
            word.no_wrap(cell)
    # Each body cell's width, as python-docx wrote it on the header cell above it.
    return table, [cell._tc.tcPr.find(TC_W).get(W_W) for cell in header.cells]


# The qualified names of the WordprocessingML elements and attributes a body row uses.
TR, TC, TC_PR, TC_W, NO_WRAP_TAG = (qn(f"w:{tag}") for tag in ("tr", "tc", "tcPr", "tcW", "noWrap"))
P, P_PR, SPACING, R, R_PR = (qn(f"w:{tag}") for tag in ("p", "pPr", "spacing", "r", "rPr"))
B, COLOR, SZ, T = (qn(f"w:{tag}") for tag in ("b", "color", "sz", "t"))
W_VAL, W_W, W_TYPE, W_BEFORE = (qn(f"w:{name}") for name in ("val", "w", "type", "before"))
CELL_SIZE, LATEST_SIZE = str(9 * 2), str(8 * 2)  # half-points
LATEST_SPACE_BEFORE = str(4 * 20)  # twentieths of a point


class _RowWriter:
    """Writes an action's row by copying one row made up front and putting the action's text in.

    The XML is what python-docx writes for a row filled with `_text` (a 9 pt run, not bold, per
    cell; days overdue in red) with the latest entry's paragraph under the action (4 pt before
    it; its heading in bold, then its note, in 8 pt). Copying one row is about five times
    quicker than making each element in turn."""

    def __init__(self, widths: list[str]):
        row = Element(TR)
        for (name, _), width in zip(COLUMNS, widths, strict=True):
            properties = SubElement(SubElement(row, TC), TC_PR)
            SubElement(properties, TC_W, {W_TYPE: "dxa", W_W: width})
            if name in NO_WRAP:
                SubElement(properties, NO_WRAP_TAG)
            red = {COLOR: str(RED)} if name == "Days overdue" else {}  # when overdue
            _run(SubElement(row[-1], P), {B: "0", **red, SZ: CELL_SIZE})
        # The latest entry under the action: its heading in bold, then its note, in 8 pt.
        latest = SubElement(row[1], P)
        SubElement(SubElement(latest, P_PR), SPACING, {W_BEFORE: LATEST_SPACE_BEFORE})
        _run(latest, {B: None, SZ: LATEST_SIZE})
        _run(latest, {SZ: LATEST_SIZE})
        self.row = row

    def add(self, table, row: OutstandingRow) -> None:
        tr = deepcopy(self.row)
        table.append(tr)
        reference, action, raised_at, owner, due, status, overdue = tr
        word.fill_run(reference[1][0], row.reference)
        word.fill_run(action[1][0], row.text + (" (Confidential)" if row.confidential else ""))
        heading, note = action[2][1], action[2][2]
        word.fill_run(heading, row.latest_heading + (": " if row.latest_update else ""))
        if row.latest_update:
            word.fill_run(note, row.latest_update)
        else:
            action[2].remove(note)
        word.fill_run(raised_at[1][0], row.meeting + (f"\n{row.item}" if row.item else ""))
        word.fill_run(owner[1][0], row.owner + (f"\n{row.lead}" if row.lead else ""))
        word.fill_run(due[1][0], short_date(row.due_on) if row.due_on else "No date")
        word.fill_run(status[1][0], row.status_label)
        if row.days_overdue:
            word.fill_run(overdue[1][0], str(row.days_overdue))
        else:
            del overdue[1][0][0][1]  # tc > p > r > rPr > color: not red
            word.fill_run(overdue[1][0], "–")


def _run(paragraph, properties: dict):
    """A run with these properties (`w:b`, `w:color`, `w:sz`: value, or None for none) and an
    empty `w:t` for its text."""
    run = SubElement(paragraph, R)
    settings = SubElement(run, R_PR)
    for tag, value in properties.items():
        SubElement(settings, tag, {W_VAL: value} if value is not None else {})
    SubElement(run, T)
    return run


def _header(row, names) -> None:
    for cell, name in zip(row.cells, names, strict=True):
        _text(cell, name, bold=True)


def _cells(row, values) -> None:
    for cell, value in zip(row.cells, values, strict=True):
        _text(cell, value)


def _text(cell, text: str, *, bold: bool = False, colour=None) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(9)
    if colour is not None:
        run.font.color.rgb = colour
