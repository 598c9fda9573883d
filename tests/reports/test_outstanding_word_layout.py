"""The outstanding-actions report in Word laid out as the house's printed papers: columns set for
their content, no heading broken mid-word, a footer with the report and "Page X of Y"; and each
action's latest entry saying what kind it is and who made it, in Word, CSV and on the page."""

import csv
import io

import pytest
import sqlalchemy as sa
from docx import Document
from docx.oxml.ns import qn

from tests.clients import sign_in
from tests.office import pdf_text
from tracker.auth.models import User
from tracker.extensions import db

pytestmark = pytest.mark.read_only_demo

URL = "/reports/outstanding-actions{}?as_at=2024-02-27"
HEADINGS = ["Reference", "Action", "Raised at", "Owner and lead", "Due", "Status", "Days overdue"]


def get(app, suffix: str, username: str = "dmpc"):
    user = db.session.scalar(sa.select(User).where(User.username == username))
    response = sign_in(app.test_client(), user).get(URL.format(suffix))
    assert response.status_code == 200
    return response


def widths_cm(table) -> tuple[list[float], list[float]]:
    """The table grid's widths (LibreOffice reads these) and the header cells' (Word reads these)."""
    grid = [round(int(col.get(qn("w:w"))) / 567, 1) for col in table._tbl.tblGrid.gridCol_lst]
    cells = [round(cell.width.cm, 1) for cell in table.rows[0].cells]
    return grid, cells


def test_columns_are_set_for_their_content_and_no_heading_breaks_mid_word(
    app, read_only_demo, tmp_path
):
    data = get(app, ".docx").data
    document = Document(io.BytesIO(data))
    table = document.tables[-1]
    assert [cell.text for cell in table.rows[0].cells] == HEADINGS
    grid, cells = widths_cm(table)
    assert grid == cells
    action = grid[HEADINGS.index("Action")]
    assert action >= 9 and all(action > 2 * width for width in grid if width != action)
    section = document.sections[0]
    assert section.page_width > section.page_height
    text_width = (section.page_width - section.left_margin - section.right_margin) / 360000
    assert sum(grid) <= round(text_width, 1)

    # Laid out by LibreOffice, each heading's words stay whole ("overdu" / "e" before).
    words = pdf_text(data, tmp_path, "report").split()
    for heading in HEADINGS:
        for word in heading.split():
            assert word in words, f"{word!r} of {heading!r} is broken across lines"
    assert "overdu" not in words and "Overdu" not in words


def test_every_page_has_a_footer_with_page_x_of_y(app, read_only_demo, tmp_path):
    data = get(app, ".docx").data
    footer = Document(io.BytesIO(data)).sections[0].footer
    assert "Outstanding actions as at 27 February 2024" in footer.paragraphs[0].text
    assert " PAGE " in footer._element.xml and " NUMPAGES " in footer._element.xml

    lines = pdf_text(data, tmp_path, "report", layout=True).splitlines()
    footers = [line for line in lines if "Page " in line and " of " in line]
    assert len(footers) >= 2, "the report runs onto a second page, each numbered"
    assert all("Outstanding actions as at 27 February 2024" in line for line in footers)
    assert "Page 1 of" in footers[0] and f"Page {len(footers)} of {len(footers)}" in footers[-1]


def test_the_latest_entry_says_what_kind_it_is_and_who_made_it(app, read_only_demo):
    # COM-2023-10-09a's latest entry is the Deputy Mayor sending it back; COM-2023-10-04a's is a
    # request for more time the secretariat entered for the lead.
    sent_back = "Sent back by Alison Lowe, 2 Feb 2024"
    asked = "Request for more time by Sharon Waugh, 19 Feb 2024"

    document = Document(io.BytesIO(get(app, ".docx").data))
    rows = {row.cells[0].text: row.cells[1].text for row in document.tables[-1].rows[1:]}
    assert f"{sent_back}: Thank you for the Shop Kind materials." in rows["COM-2023-10-09a"]
    assert f"{asked}: Update from T/ACC Glavin's office" in rows["COM-2023-10-04a"]

    table = list(csv.DictReader(io.StringIO(get(app, ".csv").data.decode("utf-8-sig"))))
    row = next(row for row in table if row["Reference"] == "COM-2023-10-09a")
    assert (row["Latest update kind"], row["Latest update by"]) == ("Sent back", "Alison Lowe")

    page = get(app, "").get_data(as_text=True)
    assert f'<span class="govuk-!-font-weight-bold">{sent_back}:</span>' in page
    assert f'<span class="govuk-!-font-weight-bold">{asked}:</span>' in page
    assert "Latest update, 2 Feb 2024" not in page
