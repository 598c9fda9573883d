"""The Delivery Quarterly pack for the demo quarter, as a page and as Word."""

import io
import subprocess
from datetime import date

import pytest
import sqlalchemy as sa
from docx import Document
from docx.shared import Cm

from tests.access.lookup import client_for
from tests.office import pdf_text
from tests.queries import page_queries
from tracker.extensions import db
from tracker.plans.models import Priority
from tracker.reports.delivery_quarterly.data import Quarter

pytestmark = pytest.mark.read_only_demo


def word(response) -> Document:
    assert response.status_code == 200
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return Document(io.BytesIO(response.data))


def measure_rows(document) -> dict[str, list[str]]:
    table = document.tables[0]
    return {row.cells[1].text: [c.text for c in row.cells] for row in table.rows[1:]}


def test_word_pack_has_the_seed_figures_for_total_recorded_crime(app, read_only_demo):
    response = client_for(app, "executive").get("/reports/delivery-quarterly.docx?quarter=2020-Q4")
    assert "delivery-quarterly-2020-Q4.docx" in response.headers["Content-Disposition"]
    document = word(response)
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header[2:4] == ["12 months to Dec 2019", "12 months to Dec 2020"]
    row = measure_rows(document)["Total recorded crime"]
    assert row[2:8] == ["292,070", "258,882", "−33,188", "−11.4%", "↓", "Good"]


def test_word_pack_reads_good_from_each_measures_direction(app, read_only_demo):
    rows = measure_rows(word(client_for(app, "executive").get(
        "/reports/delivery-quarterly.docx?quarter=2020-Q4")))
    assert rows["ASB incidents"][4:8] == ["+7,185", "+15.9%", "↑", "Not good"]
    assert rows["Victim satisfaction"][2:8] == ["75.1%", "77.4%", "+2.3 points", "+3.1%", "↑", "Good"]
    assert rows["Repeat missing children"][2:8] == ["1,406", "969", "−437", "−31.1%", "↓", "Good"]


def test_word_pack_has_district_tables_charts_and_actions_under_priorities(app, read_only_demo):
    # As at a day in 2024: the demo's actions were raised in 2023, after the quarter.
    document = word(client_for(app, "executive").get(
        "/reports/delivery-quarterly.docx?quarter=2020-Q4&as_at=2024-02-27"))
    text = "\n".join(p.text for p in document.paragraphs)
    districts = [t for t in document.tables if t.rows[0].cells[0].text == "Area"]
    leeds = [[c.text for c in row.cells] for t in districts for row in t.rows
             if row.cells[0].text == "Leeds"]
    assert ["Leeds", "12 months to Dec 2019: 105,375", "12 months to Dec 2020: 91,044", "−14,331",
            "−13.6%", "↓ Falling"] in leeds
    assert any(row[0] == "Leeds" and row[2] == "12 months to Dec 2020: 136" for row in leeds)
    assert len(document.inline_shapes) >= 10  # a chart per measure with figures
    assert "Overdue actions" in text
    references = {row.cells[0].text for t in document.tables for row in t.rows}
    assert "COM-2023-10-04a" in references
    # The DMPC sees the confidential action (a viewer does not: see the next test).
    assert "COM-2023-10-08a" in references


def test_a_viewers_pack_leaves_out_confidential_actions(app, read_only_demo):
    # One user per test: Flask-Login keeps the signed-in user on the app context the test holds.
    viewer = word(client_for(app, "viewer").get(
        "/reports/delivery-quarterly.docx?quarter=2020-Q4&as_at=2024-02-27"))
    references = {row.cells[0].text for t in viewer.tables for row in t.rows}
    assert "COM-2023-10-04a" in references
    assert "COM-2023-10-08a" not in references
    every = client_for(app, "viewer").get(
        "/reports/delivery-quarterly.csv?quarter=2020-Q4&as_at=2024-02-27").data.decode("utf-8-sig")
    assert "COM-2023-10-04a" in every and "COM-2023-10-08a" not in every


def test_pack_page_has_the_table_charts_and_a_word_link(app, read_only_demo):
    page = client_for(app, "viewer").get("/reports/delivery-quarterly?quarter=2020-Q4").get_data(
        as_text=True)
    assert "October to December 2020" in page
    assert "292,070" in page and "258,882" in page and "−33,188" in page and "−11.4%" in page
    assert 'role="img"' in page and "<desc" in page
    assert "Total recorded crime by district" in page
    assert "Repeat missing adults by district" in page
    assert "/reports/delivery-quarterly.docx?quarter=2020-Q4&amp;as_at=2020-12-31" in page
    assert '<option value="2020-Q4" selected>' in page


def test_a_later_quarter_uses_only_values_up_to_its_end(app, read_only_demo):
    page = client_for(app, "viewer").get("/reports/delivery-quarterly?quarter=2020-Q3").get_data(
        as_text=True)
    assert "July to September 2020" in page
    assert "258,882" not in page


def test_a_quarter_that_is_not_a_quarter_is_refused_plainly(app, read_only_demo):
    response = client_for(app, "viewer").get("/reports/delivery-quarterly?quarter=Q4-2020")
    assert response.status_code == 400
    assert "Choose a quarter, written like 2020-Q4." in response.get_data(as_text=True)


def test_the_dmpc_sees_each_priority_with_its_overdue_actions_on_the_page(app, read_only_demo):
    page = client_for(app, "executive").get(
        "/reports/delivery-quarterly?quarter=2020-Q4&as_at=2024-02-27").get_data(as_text=True)
    first = db.session.scalar(sa.select(Priority.title).order_by(Priority.id))
    assert first in page
    assert "Overdue actions: Keeping People Safe and Building Resilience" in page
    assert "days overdue" in page


def test_pack_queries_do_not_grow_with_the_values_and_actions(app, read_only_demo):
    # 2020-Q4 has values for most measures; 2019-Q1 has none, and so nothing to draw.
    client = client_for(app, "executive")
    assert page_queries(client, "/reports/delivery-quarterly?quarter=2020-Q4") == page_queries(
        client, "/reports/delivery-quarterly?quarter=2019-Q1")


@pytest.mark.parametrize(
    "code,start,end,label",
    [("2020-Q4", date(2020, 10, 1), date(2020, 12, 31), "October to December 2020"),
     ("2024-Q1", date(2024, 1, 1), date(2024, 3, 31), "January to March 2024"),
     ("2021-Q2", date(2021, 4, 1), date(2021, 6, 30), "April to June 2021")],
)
def test_quarters(code, start, end, label):
    quarter = Quarter.parse(code)
    assert (quarter.starts_on, quarter.ends_on, quarter.label, quarter.code) == (start, end, label, code)
    assert Quarter.containing(end) == quarter
    assert Quarter.parse("2021-Q1").previous() == Quarter(2020, 4)


def test_a_measure_without_figures_says_so_on_the_page_and_in_word(app, read_only_demo):
    # The LCJB measure was in the 2020 report with no figures: no empty chart on a 0–1 axis.
    client = client_for(app, "viewer")
    page = client.get("/reports/delivery-quarterly?quarter=2020-Q4").get_data(as_text=True)
    section = page.split("<h3 class=\"govuk-heading-s\">Time to case resolution</h3>", 1)[1]
    assert section.split("<h", 1)[0].count("<svg") == 0
    assert "No figures yet for this measure up to 31 December 2020." in section
    document = word(client.get("/reports/delivery-quarterly.docx?quarter=2020-Q4"))
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("Time to case resolution") + 2] == "No figures yet for West Yorkshire."


def heading_word_widths_cm(text: str) -> float:
    """How wide a heading's longest word is in 10pt bold Liberation Sans (Arial's metrics)."""
    from PIL import ImageFont

    path = subprocess.run(["fc-match", "--format=%{file}", "Liberation Sans:bold"], check=True,
                          capture_output=True, text=True).stdout
    font = ImageFont.truetype(path, 1000)
    return max(font.getlength(w) for w in text.split()) / 1000 * 10 / 72 * 2.54


def test_word_pack_columns_fit_their_headings_and_headings_keep_with_their_charts(
        app, read_only_demo, tmp_path):
    response = client_for(app, "executive").get(
        "/reports/delivery-quarterly.docx?quarter=2020-Q4&as_at=2024-02-27")
    document = word(response)
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    for table in document.tables:
        widths = [column.width for column in table.columns]
        assert all(widths) and sum(widths) <= text_width
        for cell, width in zip(table.rows[0].cells, widths, strict=True):
            assert cell.width == width
            # The longest word, bold, plus the cell's margins of 0.19 cm a side, with room to spare.
            assert heading_word_widths_cm(cell.text) * 1.1 + 0.38 <= width.cm, cell.text
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style.name == "Heading 2":
            assert paragraph.paragraph_format.keep_with_next, paragraph.text
            assert paragraphs[index + 1].paragraph_format.keep_with_next, paragraph.text
    assert all(shape.height <= Cm(6.5) for shape in document.inline_shapes)

    # Laid out by LibreOffice, no heading breaks inside a word ("Differenc e", "Tren d").
    lines = pdf_text(response.data, tmp_path, "pack").splitlines()
    for table in document.tables:
        for heading in (cell.text for cell in table.rows[0].cells):
            for part in heading.split():
                assert any(part in line.split() for line in lines), part


def test_every_page_of_the_pack_is_numbered_with_its_quarter_in_the_footer(
        app, read_only_demo, tmp_path):
    response = client_for(app, "executive").get(
        "/reports/delivery-quarterly.docx?quarter=2020-Q4&as_at=2024-02-27")
    footer = word(response).sections[0].footer
    assert " PAGE " in footer._element.xml and " NUMPAGES " in footer._element.xml
    lines = pdf_text(response.data, tmp_path, "pack", layout=True).splitlines()
    footers = [line for line in lines if "as at 27 February 2024" in line and "Page " in line]
    assert len(footers) >= 2 and f"Page {len(footers)} of {len(footers)}" in footers[-1]
