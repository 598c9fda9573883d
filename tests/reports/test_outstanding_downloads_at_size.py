"""The outstanding-actions downloads at size: the CSV is sent as its rows are read, the Word
report's table is laid out as it always was, and each takes the same number of SQL queries for 10
actions as for 5,000 (bulk-inserted by tests/bulk.py, each with a history entry)."""

import csv
import io
from datetime import date

import pytest
import sqlalchemy as sa
from docx import Document
from docx.oxml.ns import qn

from tests.bulk import add_actions
from tests.clients import sign_in
from tracker.actions.models import (
    OUTSTANDING_STATUSES,
    Action,
    ActionUpdate,
    action_indicator,
    action_priority,
)
from tracker.actions.queries import most_overdue_key
from tracker.extensions import db
from tracker.reports.outstanding.csv import HEADER

AS_AT = date(2023, 1, 5)  # some of the first actions overdue, most not
URL = "/reports/outstanding-actions.{}?as_at=2023-01-05"
HEADINGS = ["Reference", "Action", "Raised at", "Owner and lead", "Due", "Status", "Days overdue"]
# The widths the report has always set, in twentieths of a point (3.6 cm, 9 cm, ...).
WIDTHS = ["2041", "5102", "1871", "1474", "1361", "1474", "1247"]


def replace_actions(count: int) -> None:
    """Exactly `count` bulk-inserted actions (removing any made before)."""
    db.session.execute(sa.delete(ActionUpdate))
    db.session.execute(action_priority.delete())
    db.session.execute(action_indicator.delete())
    db.session.execute(sa.delete(Action))
    db.session.commit()
    add_actions(count)


def outstanding_in_order() -> list[Action]:
    """What the report must list as at AS_AT, most overdue first, worked out in Python."""
    actions = db.session.scalars(
        sa.select(Action).where(Action.status.in_(OUTSTANDING_STATUSES))
    ).all()
    return sorted(actions, key=most_overdue_key(AS_AT))


@pytest.fixture
def download(app, users, count_queries):
    """`download(kind)`: the executive's response, its body in the pieces it was sent in, and
    the number of SQL queries it ran (the body read inside the count: a stream queries late)."""
    browser = sign_in(app.test_client(), users["executive"])

    def fetch(kind: str):
        browser.get(URL.format(kind)).get_data()  # the first request does some one-off work
        db.session.remove()
        with count_queries() as statements:
            response = browser.get(URL.format(kind))
            pieces = list(response.response)
        assert response.status_code == 200
        return response, pieces, len(statements)

    return fetch


def test_csv_is_sent_as_its_rows_are_read_with_the_same_queries_at_any_size(download):
    queries = {}
    for count in (10, 5_000):
        replace_actions(count)
        response, pieces, queries[count] = download("csv")

        assert response.is_streamed and "Content-Length" not in response.headers
        assert response.headers["Content-Disposition"] == (
            "attachment; filename=outstanding-actions-2023-01-05.csv"
        )
        # Sent in pieces of whole rows, the first (the header) before any action is read.
        assert pieces[0].decode("utf-8-sig") == ",".join(HEADER) + "\r\n"
        assert all(piece.endswith(b"\r\n") for piece in pieces)
        expected = outstanding_in_order()
        assert len(pieces) >= 1 + len(expected) // 500
        rows = list(csv.DictReader(io.StringIO(b"".join(pieces).decode("utf-8-sig"))))
        assert [row["Reference"] for row in rows] == [action.reference for action in expected]
        first, action = rows[0], expected[0]
        assert (first["Days overdue"], first["Latest update"], first["Latest update by"]) == (
            str(action.days_overdue(AS_AT)),
            f"Update on {action.id}.",
            "the tracker",
        )
    assert queries[5_000] == queries[10] <= 10


def cell_widths(row) -> list[str]:
    return [tc.tcPr.find(qn("w:tcW")).get(qn("w:w")) for tc in row._tr.tc_lst]


def test_word_table_is_laid_out_as_before_with_the_same_queries_at_any_size(download):
    queries = {}
    for count in (10, 5_000):
        replace_actions(count)
        response, pieces, queries[count] = download("docx")

        table = Document(io.BytesIO(b"".join(pieces))).tables[-1]
        header, *body = table.rows
        assert [cell.text for cell in header.cells] == HEADINGS
        assert header._tr.trPr.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        grid = [col.get(qn("w:w")) for col in table._tbl.tblGrid.gridCol_lst]
        assert grid == WIDTHS
        expected = outstanding_in_order()
        assert [row.cells[0].text for row in body] == [action.reference for action in expected]
        for row in table.rows:
            assert cell_widths(row) == WIDTHS
            # The reference and the due date never wrap.
            assert [tc.tcPr.find(qn("w:noWrap")) is not None for tc in row._tr.tc_lst] == [
                True, False, False, False, True, False, False,
            ]  # fmt: skip

        first, action = body[0].cells, expected[0]
        confidential = " (Confidential)" if action.confidential else ""
        assert first[1].text == (
            f"{action.text}{confidential}\n"
            f"Progress update by the tracker, 1 Jan 2024: Update on {action.id}."
        )
        latest = first[1].paragraphs[1]
        assert latest.paragraph_format.space_before.pt == 4
        assert [(run.bold, run.font.size.pt) for run in latest.runs] == [(True, 8), (None, 8)]
        assert first[2].text == f"{action.meeting.title}\nItem 1: {action.agenda_item.title}"
        assert first[3].text == f"{action.owner.short_name}\n{action.lead.name}"
        days = first[6].paragraphs[0].runs[0]
        assert days.text == str(action.days_overdue(AS_AT))
        assert (days.bold, days.font.size.pt, str(days.font.color.rgb)) == (False, 9, "D4351C")
        not_overdue = next(
            row.cells[6] for row, action in zip(body, expected, strict=True)
            if not action.is_overdue(AS_AT)
        )  # fmt: skip
        assert not_overdue.text == "–" and not_overdue.paragraphs[0].runs[0].font.color.rgb is None
    assert queries[5_000] == queries[10] <= 10
