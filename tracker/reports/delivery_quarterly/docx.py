"""The Delivery Quarterly pack as a Word document: a `Pack` in, .docx bytes out, no queries.

Laid out like the October–December 2020 report: the Current Measures table first (priority,
measure, baseline value, current value, difference, change in %, trend arrow, whether it is good,
comment), then a section per priority with its rating, a chart and district table for each
measure, and how many actions it had outstanding, with the first few overdue and open. Charts are
PNGs drawn from the same layout as the page's SVGs, each with its description as the picture's
alternative text; a measure with no figures says so instead.

Every table has column widths set for its content (a heading never breaks inside a word), and a
measure's heading, its summary and its chart are kept together on a page.
"""

import io
from copy import deepcopy

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml.etree import Element, SubElement

from tracker.kit import docx as word
from tracker.kit.dates import long_date
from tracker.plans import charts
from tracker.plans.measures import Measure, Reading
from tracker.plans.models import FORCE
from tracker.reports.delivery_quarterly.actions import ActionLine
from tracker.reports.delivery_quarterly.data import Pack

MEASURE_COLUMNS = ("Priority", "Measure", "{baseline}", "{current}", "Difference", "Change (%)",
                   "Trend", "Good?", "Comment")
# Centimetres, to fit a landscape A4 page (26.1 cm between the margins): room for the comment,
# and for each heading's longest word in bold with the cell's margins.
MEASURE_WIDTHS = (3.4, 3.8, 2.6, 2.6, 2.5, 2.3, 1.7, 1.7, 5.4)
DISTRICT_COLUMNS = ("Area", "Baseline", "Current", "Difference", "Change (%)", "Trend")
DISTRICT_WIDTHS = (3.4, 5.0, 5.0, 2.8, 2.6, 3.0)
ACTION_COLUMNS = ("Reference", "Action", "Owner", "Due", "Status", "Days overdue", "Latest update")
ACTION_WIDTHS = (3.5, 6.3, 3.4, 2.5, 3.2, 2.2, 4.9)
CHART_WIDTH_CM = 15


def _table(document, headings: list[str] | tuple[str, ...], widths: tuple[float, ...]):
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    word.repeat_as_header(table.rows[0])
    word.set_widths(table, widths)
    return table


def _row(table, values: list[str], widths: tuple[float, ...]) -> list:
    row = table.add_row()
    for cell, value, width in zip(row.cells, values, widths, strict=True):
        cell.text = value
        cell.width = Cm(width)
    return row.cells


def value_cell(reading_label: str, text: str, heading: str) -> str:
    """A value, with its own period when that differs from the column's (e.g. a survey date)."""
    if not reading_label:
        return "No value"
    return text if reading_label == heading else f"{reading_label}: {text}"


def measure_row(priority_title: str, measure: Measure, pack: Pack) -> list[str]:
    r = measure.force
    return [
        priority_title,
        measure.name,
        value_cell(r.baseline_label, r.baseline_text, pack.baseline_heading),
        value_cell(r.current_label, r.current_text, pack.current_heading),
        r.difference_text,
        r.percent_text,
        r.change.arrow,
        r.change.verdict_label,
        r.comment,
    ]


def _district_table(document, measure: Measure) -> None:
    table = _table(document, DISTRICT_COLUMNS, DISTRICT_WIDTHS)
    for reading in [measure.force, *measure.districts]:
        _row(table, _district_values(reading), DISTRICT_WIDTHS)


def _district_values(r: Reading) -> list[str]:
    return [
        r.district,
        f"{r.baseline_label}: {r.baseline_text}" if r.baseline_label else "No value",
        f"{r.current_label}: {r.current_text}" if r.current_label else "No value",
        r.difference_text,
        r.percent_text,
        f"{r.change.arrow} {r.change.trend_word}".strip(),
    ]


def _chart(document, measure: Measure) -> None:
    points = measure.series.get(FORCE, [])
    if not charts.has_figures(points):
        document.add_paragraph(f"{charts.NO_FIGURES} for {FORCE}.")
        return
    image = charts.png(points, name=measure.name, area=FORCE, unit=measure.unit)
    document.add_picture(io.BytesIO(image), width=Cm(CHART_WIDTH_CM))
    picture_paragraph = document.paragraphs[-1]
    # The district table follows the chart: keep them together too, with a little space between.
    picture_paragraph.paragraph_format.keep_with_next = bool(measure.districts)
    picture_paragraph.paragraph_format.space_after = Pt(4)
    # Alternative text for screen readers, as Word's "Alt Text" pane shows it.
    picture = document.inline_shapes[-1]
    picture._inline.docPr.set("descr", charts.describe(measure.name, FORCE, points))
    picture._inline.docPr.set("title", f"{measure.name}, West Yorkshire")


def _actions(document, heading: str, actions: list[ActionLine], empty: str, total: int,
             first: str) -> tuple | None:
    """The heading and header row of a table of actions, and how many there are beyond those
    listed; its rows are written when the document is saved: (table, actions, add_row) for
    `to_bytes_with_rows`."""
    document.add_heading(heading, level=3)
    if not actions:
        document.add_paragraph(empty)
        return None
    table = _table(document, ACTION_COLUMNS, ACTION_WIDTHS)
    if total > len(actions):
        document.add_paragraph(f"The {len(actions)} {first} of {total:,}. Every action is in the "
                               "pack's CSV download.")
    widths = [cell._tc.tcPr.find(qn("w:tcW")).get(qn("w:w")) for cell in table.rows[0].cells]
    return table, actions, _ActionRows(widths).add


class _ActionRows:
    """An action's row, copied from one made up front: the XML python-docx writes for `_row`
    (each cell's width and one plain run; the reference kept on one line)."""

    def __init__(self, widths: list[str]):
        row = Element(qn("w:tr"))
        for index, width in enumerate(widths):
            properties = SubElement(SubElement(row, qn("w:tc")), qn("w:tcPr"))
            SubElement(properties, qn("w:tcW"), {qn("w:type"): "dxa", qn("w:w"): width})
            if index == 0:  # a reference broken in two reads as two
                SubElement(properties, qn("w:noWrap"))
            SubElement(SubElement(SubElement(row[-1], qn("w:p")), qn("w:r")), qn("w:t"))
        self.row = row

    def add(self, table, a: ActionLine) -> None:
        tr = deepcopy(self.row)
        table.append(tr)
        text = f"{a.text} (confidential)" if a.confidential else a.text
        owner = f"{a.owner}, {a.lead}" if a.lead else a.owner
        values = (a.reference, text, owner, long_date(a.due_on) or "No date", a.status_label,
                  str(a.days_overdue) if a.days_overdue else "", a.latest_update_text)
        for cell, value in zip(tr, values, strict=True):
            word.fill_run(cell[1][0], value)  # tc > p > r


def build_docx(pack: Pack) -> bytes:
    """The pack as a Word document."""
    document = Document()
    # Landscape: the Current Measures table has nine columns.
    word.landscape(document.sections[0], margin_cm=1.8)
    word.page_footer(document.sections[0], f"{pack.title}, as at {long_date(pack.as_at)}")
    word.use_font(document, ("Normal",))
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = pack.title

    document.add_heading("Delivery Quarterly report", level=0)
    document.add_paragraph(pack.quarter.label)
    document.add_paragraph(f"{pack.plan_title}. Ratings, figures and actions as they stood on "
                           f"{long_date(pack.as_at)}.")

    document.add_heading("1. Current Measures", level=1)
    document.add_paragraph(
        "Each measure's West Yorkshire value for the latest period ending by the quarter's end, "
        "against the same period a year before. Good or not is read from the measure's direction."
    )
    headings = [h.format(baseline=pack.baseline_heading, current=pack.current_heading)
                for h in MEASURE_COLUMNS]
    table = _table(document, headings, MEASURE_WIDTHS)
    for s in pack.sections:
        for index, measure in enumerate(s.reported):
            _row(table, measure_row(s.title if index == 0 else "", measure, pack), MEASURE_WIDTHS)
    if not any(s.reported for s in pack.sections):
        document.add_paragraph(
            f"No measure has a value for a period ending by {long_date(pack.figures_to)}.")

    action_tables = []
    for number, s in enumerate(pack.sections, start=2):
        document.add_heading(f"{number}. {s.title}", level=1)
        if s.rating:
            document.add_paragraph(f"Rating: {s.rating} (set {long_date(s.rating_set_on)}). "
                                   f"{s.rating_rationale}")
        else:
            document.add_paragraph(f"Not yet rated on {long_date(pack.as_at)}.")
        if s.unreported:
            document.add_paragraph("No figures yet for: "
                                   + "; ".join(m.name for m in s.unreported) + ".")
        for measure in s.reported:
            heading = document.add_heading(measure.name, level=2)
            heading.paragraph_format.keep_with_next = True
            facts = [measure.direction_label + (f": {measure.metric}" if measure.metric else "")]
            r = measure.force
            if r.change.arrow:
                facts.append(f"{r.change.trend_word} ({r.difference_text}"
                             + (f", {r.percent_text}" if r.percent_text else "")
                             + f"): {r.change.verdict_label.lower()}.")
            summary = document.add_paragraph(" ".join(facts))
            summary.paragraph_format.keep_with_next = True
            summary.paragraph_format.space_after = Pt(2)
            _chart(document, measure)
            if measure.districts:
                _district_table(document, measure)
        document.add_paragraph(s.actions_summary)
        action_tables += [
            _actions(document, "Overdue actions", s.overdue, "No overdue actions.",
                     s.overdue_count, "most overdue"),
            _actions(document, "Open actions", s.open, "No other open actions.",
                     s.open_count, "due soonest"),
        ]

    return word.to_bytes_with_rows(document, [table for table in action_tables if table])
