"""The outstanding-actions report as CSV and Word, from the page and from the command line."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from docx import Document

from tests.clients import sign_in
from tests.office import pdf_text
from tests.reports.demo_outstanding import EXPECTED, NOT_CONFIDENTIAL
from tracker.auth.models import User
from tracker.extensions import db
from tracker.reports.outstanding.csv import HEADER, build_csv
from tracker.reports.outstanding.data import OutstandingReport, OutstandingRow

pytestmark = pytest.mark.read_only_demo


def download(app, username: str, url: str):
    user = db.session.scalar(sa.select(User).where(User.username == username))
    browser = sign_in(app.test_client(), user)
    return browser.get(url)


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_opens_with_the_same_rows_as_the_report(app, read_only_demo):
    response = download(app, "dmpc", "/reports/outstanding-actions.csv?as_at=2024-02-27")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert (
        "attachment; filename=outstanding-actions-2024-02-27.csv"
        in response.headers["Content-Disposition"]
    )
    rows = csv_rows(response.data)
    assert list(rows[0]) == list(HEADER)
    assert [
        (row["Reference"], int(row["Days overdue"]), date.fromisoformat(row["Due date"]))
        for row in rows
    ] == EXPECTED
    first = rows[1]
    assert (first["Meeting"], first["Meeting date"], first["Agenda item"]) == (
        "Community Outcomes Meeting, 10 October 2023",
        "2023-10-10",
        "Item 4: Use of Force",
    )
    assert (first["Owner"], first["Lead"], first["Status"], first["Latest update date"]) == (
        "WYP",
        "Carl Glavin",
        "In progress",
        "2024-02-19",
    )
    assert {row["Reference"] for row in rows if row["Confidential"] == "Yes"} == {
        "JEM-2023-11-05a",
        "COM-2023-10-08a",
    }


def test_csv_is_streamed_with_the_same_bytes_as_before(app, read_only_demo):
    # The demo's report as the CSV was before it was streamed: the same bytes, now in pieces.
    before = (Path(__file__).parent.parent / "data" / "outstanding-actions-2024-02-27.csv").read_bytes()

    response = download(app, "dmpc", "/reports/outstanding-actions.csv?as_at=2024-02-27")

    assert response.is_streamed and "Content-Length" not in response.headers
    assert response.get_data() == before


def test_viewers_csv_leaves_out_confidential_actions(app, read_only_demo):
    rows = csv_rows(
        download(app, "viewer", "/reports/outstanding-actions.csv?as_at=2024-02-27").data
    )
    assert [row["Reference"] for row in rows] == [reference for reference, _, _ in NOT_CONFIDENTIAL]


def open_docx(content: bytes):
    return Document(io.BytesIO(content))


def test_word_document_has_a_title_a_summary_and_one_table_row_per_action(
    app, read_only_demo, tmp_path
):
    response = download(app, "dmpc", "/reports/outstanding-actions.docx?as_at=2024-02-27")

    assert response.status_code == 200
    assert (
        response.mimetype
        == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    document = open_docx(response.data)
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Outstanding actions as at 27 February 2024"
    assert "10 actions are outstanding, of which 4 overdue." in paragraphs
    table = document.tables[-1]
    assert [cell.text for cell in table.rows[0].cells][:2] == ["Reference", "Action"]
    body = table.rows[1:]
    assert len(body) == len(EXPECTED)
    assert [row.cells[0].text for row in body] == [reference for reference, _, _ in EXPECTED]
    assert [row.cells[6].text for row in body][:4] == ["58", "27", "11", "4"]
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape, for a wide table

    # It opens: LibreOffice lays it out, and each reference stays whole on one line.
    text = pdf_text(response.data, tmp_path, "report")
    assert "Outstanding actions as at 27 February 2024" in text
    lines = text.splitlines()
    assert all(reference in lines for reference, _, _ in EXPECTED)


def test_viewers_word_document_leaves_out_confidential_actions(app, read_only_demo):
    document = open_docx(
        download(app, "viewer", "/reports/outstanding-actions.docx?as_at=2024-02-27").data
    )
    assert [row.cells[0].text for row in document.tables[-1].rows[1:]] == [
        r for r, _, _ in NOT_CONFIDENTIAL
    ]
    assert "Confidential" not in "".join(
        cell.text for row in document.tables[-1].rows for cell in row.cells
    )


def test_command_line_writes_the_report_for_a_scheduled_run(app, read_only_demo, tmp_path):
    runner = app.test_cli_runner()
    docx_path, csv_path = tmp_path / "report.docx", tmp_path / "report.csv"

    made = runner.invoke(
        args=[
            "report",
            "outstanding",
            "--as-at",
            "2024-02-27",
            "--format",
            "docx",
            "-o",
            str(docx_path),
        ]
    )
    both = runner.invoke(
        args=[
            "report",
            "outstanding",
            "--as-at",
            "2024-02-27",
            "--format",
            "csv",
            "-o",
            str(csv_path),
            "--include-confidential",
        ]
    )

    assert made.exit_code == 0, made.output
    assert "8 action(s), 4 overdue" in made.output
    # A pack may be made public: confidential actions only when asked for.
    assert [row.cells[0].text for row in open_docx(docx_path.read_bytes()).tables[-1].rows[1:]] == [
        r for r, _, _ in NOT_CONFIDENTIAL
    ]
    assert both.exit_code == 0, both.output
    assert [row["Reference"] for row in csv_rows(csv_path.read_bytes())] == [
        r for r, _, _ in EXPECTED
    ]


def test_command_line_limits_and_refuses_unknown_names(app, read_only_demo, tmp_path):
    runner = app.test_cli_runner()
    path = tmp_path / "jem.csv"
    limited = runner.invoke(
        args=[
            "report",
            "outstanding",
            "--as-at",
            "2024-02-27",
            "--format",
            "csv",
            "-o",
            str(path),
            "--meeting-type",
            "jem",
            "--owner",
            "WYP",
            "--include-confidential",
        ]
    )
    assert limited.exit_code == 0, limited.output
    assert [row["Reference"] for row in csv_rows(path.read_bytes())] == ["JEM-2023-11-05a"]
    unknown = runner.invoke(
        args=["report", "outstanding", "--format", "csv", "-o", str(path), "--owner", "NOPE"]
    )
    assert unknown.exit_code != 0 and "no owner called 'NOPE'" in unknown.output


def test_csv_cells_never_run_as_spreadsheet_formulas():
    row = OutstandingRow(
        action_id=1,
        reference="=1+1",
        text='=HYPERLINK("http://evil.example","Click")',
        confidential=False,
        meeting="+SUM(A1)",
        meeting_on=date(2024, 1, 1),
        item="-2+3",
        owner="@WYP",
        lead="\tTab",
        due_on=None,
        status="open",
        status_label="Open",
        days_overdue=0,
        latest_update="Fine text",
        latest_update_on=None,
    )
    [parsed] = csv_rows(build_csv(OutstandingReport(as_at=date(2024, 2, 27), rows=[row])))
    assert parsed["Reference"] == "'=1+1"
    assert parsed["Action"].startswith("'=HYPERLINK")
    assert (parsed["Meeting"], parsed["Agenda item"], parsed["Owner"], parsed["Lead"]) == (
        "'+SUM(A1)",
        "'-2+3",
        "'@WYP",
        "'\tTab",
    )
    assert parsed["Latest update"] == "Fine text" and parsed["Days overdue"] == "0"
