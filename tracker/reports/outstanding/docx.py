"""The outstanding-actions report as a Word document, ready for a meeting pack.

Landscape A4: a title with the "as at" date, what the report is limited to, a summary of counts,
then one table row per outstanding action, most overdue first, its latest history entry (what
kind, who, when) under its text. The table's header row repeats on every page; every page's
footer names the report and says "Page X of Y". Takes an `OutstandingReport`; does not query.
"""


from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt, RGBColor

from tracker.kit import docx as word
from tracker.kit.dates import short_date
from tracker.reports.outstanding.data import OutstandingReport

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
    if report.rows:
        document.add_heading("Actions, most overdue first", level=1)
        _add_table(document, report)

    return word.to_bytes(document)


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


def _add_table(document, report: OutstandingReport) -> None:
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _header(header, [name for name, _ in COLUMNS])
    word.repeat_as_header(header)
    for row in report.rows:
        cells = table.add_row().cells
        _text(cells[0], row.reference)
        _text(cells[1], row.text + (" (Confidential)" if row.confidential else ""))
        _latest(cells[1], row)
        _text(cells[2], f"{row.meeting}" + (f"\n{row.item}" if row.item else ""))
        _text(cells[3], row.owner + (f"\n{row.lead}" if row.lead else ""))
        _text(cells[4], short_date(row.due_on) if row.due_on else "No date")
        _text(cells[5], row.status_label)
        _text(
            cells[6],
            str(row.days_overdue) if row.days_overdue else "–",
            colour=RED if row.days_overdue else None,
        )
    word.set_widths(table, [width for _, width in COLUMNS])
    for row in table.rows:
        for cell, (name, _) in zip(row.cells, COLUMNS, strict=True):
            if name in NO_WRAP:
                word.no_wrap(cell)


def _latest(cell, row) -> None:
    """The action's latest history entry under its text: what kind, who, when, then the note."""
    paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(4)
    heading = paragraph.add_run(row.latest_heading + (": " if row.latest_update else ""))
    heading.bold = True
    heading.font.size = Pt(8)
    if row.latest_update:
        paragraph.add_run(row.latest_update).font.size = Pt(8)


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
