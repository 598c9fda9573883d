"""The Delivery Quarterly pack as a Word document: a `Pack` in, .docx bytes out, no queries.

Laid out like the October–December 2020 report: the Current Measures table first (priority,
measure, baseline value, current value, difference, change in %, trend arrow, whether it is good,
comment), then a section per priority with its rating, a chart and district table for each
measure, and the priority's open and overdue actions. Charts are PNGs drawn from the same layout
as the page's SVGs, each with its description as the picture's alternative text.
"""

import io

from docx import Document
from docx.shared import Cm, Pt

from tracker.kit import docx as word
from tracker.kit.dates import long_date
from tracker.plans import charts
from tracker.plans.measures import Measure, Reading
from tracker.plans.models import FORCE
from tracker.reports.delivery_quarterly.data import ActionLine, Pack

MEASURE_COLUMNS = ("Priority", "Measure", "{baseline}", "{current}", "Difference", "Change (%)",
                   "Trend", "Good?", "Comment")
# Centimetres, to fit a landscape A4 page: room for the comment, little for the arrow.
MEASURE_WIDTHS = (3.6, 4.0, 2.6, 2.6, 2.4, 2.0, 1.4, 1.9, 5.5)


def _table(document, headings: list[str], widths: tuple[float, ...] | None = None):
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
    word.repeat_as_header(table.rows[0])
    if widths:
        word.set_widths(table, widths)
    return table


def _row(table, values: list[str], widths: tuple[float, ...] | None = None) -> None:
    row = table.add_row()
    for cell, value in zip(row.cells, values, strict=True):
        cell.text = value
    if widths:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Cm(width)


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
    table = _table(document, ["Area", "Baseline", "Current", "Difference", "Change (%)", "Trend"])
    for reading in [measure.force, *measure.districts]:
        _row(table, _district_values(reading))


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
    if not any(p.value is not None for p in points):
        return
    image = charts.png(points, name=measure.name, area=FORCE, unit=measure.unit)
    document.add_picture(io.BytesIO(image), width=Cm(16))
    # Alternative text for screen readers, as Word's "Alt Text" pane shows it.
    picture = document.inline_shapes[-1]
    picture._inline.docPr.set("descr", charts.describe(measure.name, FORCE, points))
    picture._inline.docPr.set("title", f"{measure.name}, West Yorkshire")


def _actions(document, heading: str, actions: list[ActionLine], empty: str) -> None:
    document.add_heading(heading, level=3)
    if not actions:
        document.add_paragraph(empty)
        return
    table = _table(document, ["Reference", "Action", "Owner", "Due", "Status", "Days overdue"])
    for a in actions:
        text = f"{a.text} (confidential)" if a.confidential else a.text
        owner = f"{a.owner}, {a.lead}" if a.lead else a.owner
        _row(table, [a.reference, text, owner, long_date(a.due_on) or "No date", a.status_label,
                     str(a.days_overdue) if a.days_overdue else ""])


def build_docx(pack: Pack) -> bytes:
    """The pack as a Word document."""
    document = Document()
    # Landscape: the Current Measures table has nine columns.
    word.landscape(document.sections[0], margin_cm=1.8)
    word.use_font(document, ("Normal",))
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = pack.title

    document.add_heading("Delivery Quarterly report", level=0)
    document.add_paragraph(pack.quarter.label)
    document.add_paragraph(f"{pack.plan_title}. Produced on {long_date(pack.as_at)}; actions as at that "
                           "date.")

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
        document.add_paragraph("No measure has a value for a period ending by the quarter's end.")

    for number, s in enumerate(pack.sections, start=2):
        document.add_heading(f"{number}. {s.title}", level=1)
        if s.rating:
            document.add_paragraph(f"Rating: {s.rating} (set {long_date(s.rating_set_on)}). "
                                   f"{s.rating_rationale}")
        if s.unreported:
            document.add_paragraph("No figures yet for: "
                                   + "; ".join(m.name for m in s.unreported) + ".")
        for measure in s.reported:
            document.add_heading(measure.name, level=2)
            facts = [measure.direction_label + (f": {measure.metric}" if measure.metric else "")]
            r = measure.force
            if r.change.arrow:
                facts.append(f"{r.change.trend_word} ({r.difference_text}"
                             + (f", {r.percent_text}" if r.percent_text else "")
                             + f"): {r.change.verdict_label.lower()}.")
            document.add_paragraph(" ".join(facts))
            _chart(document, measure)
            if measure.districts:
                _district_table(document, measure)
        _actions(document, "Overdue actions", s.overdue, "No overdue actions.")
        _actions(document, "Open actions", s.open, "No other open actions.")

    return word.to_bytes(document)
