"""The Delivery Quarterly pack is gathered in the same number of SQL queries for 10 actions as for
5,000 (bulk-inserted by tests/bulk.py, linked to the plan's priorities, each with a history entry):
it counts every one of them, and its Word document lists the few that matter most."""

import csv
import io

import sqlalchemy as sa
from docx import Document
from docx.oxml.ns import qn

from tests.bulk import add_actions
from tests.clients import sign_in
from tests.database import empty_all_tables
from tests.factories import make_users
from tests.queries import page_queries
from tracker.actions.models import Action, action_priority
from tracker.extensions import db
from tracker.kit.dates import long_date
from tracker.reports.delivery_quarterly.actions import LISTED
from tracker.reports.delivery_quarterly.data import Quarter, gather

QUARTER = Quarter(2023, 4)  # the bulk actions were raised on 1 January 2023


def test_pack_takes_the_same_queries_for_10_actions_as_for_5000(app, count_queries):
    queries, page_counts = {}, {}
    for count in (10, 5_000):
        in_full = {}
        db.session.remove()
        empty_all_tables()  # each size with a plan of its own
        executive = make_users()["executive"]
        add_actions(count)
        with count_queries() as statements:
            pack = gather(QUARTER, executive, QUARTER.ends_on)
        queries[count] = len(statements)

        # Each priority counts every outstanding action linked to it, overdue or not, and lists
        # the first few of each: the most overdue, and those due soonest.
        for section in pack.sections:
            linked = db.session.execute(
                sa.select(Action.reference, Action.due_on)
                .join(action_priority, action_priority.c.action_id == Action.id)
                .where(
                    action_priority.c.priority_id == section.id,
                    Action.status.in_(("open", "in_progress", "awaiting_sign_off")),
                )
                .order_by(Action.due_on, Action.reference)
            ).all()
            overdue = [a.reference for a in linked if a.due_on < QUARTER.ends_on]
            other = [a.reference for a in linked if a.due_on >= QUARTER.ends_on]
            assert (section.overdue_count, section.open_count) == (len(overdue), len(other))
            assert [line.reference for line in section.overdue] == overdue[:LISTED]
            assert [line.reference for line in section.open] == other[:LISTED]
            in_full[section.title] = overdue + other
        assert sum(s.overdue_count + s.open_count for s in pack.sections) >= count // 6

        # The page says how many there are beyond those listed, and the CSV has every one.
        client = sign_in(app.test_client(), executive)
        page = client.get(f"/reports/delivery-quarterly?quarter={QUARTER.code}").get_data(as_text=True)
        first = pack.sections[0]
        capped = f"The {LISTED} most overdue of {first.overdue_count:,}: " in page
        assert capped == (first.overdue_count > LISTED)
        page_counts[count] = page_queries(client, f"/reports/delivery-quarterly?quarter={QUARTER.code}")
        rows = list(csv.reader(io.StringIO(client.get(
            f"/reports/delivery-quarterly.csv?quarter={QUARTER.code}").data.decode("utf-8-sig"))))
        assert rows[0][:2] == ["Priority", "Reference"]
        assert [(row[0], row[1]) for row in rows[1:]] == [
            (title, reference) for title, references in in_full.items() for reference in references
        ]

        # The Word pack has a row for each listed, in the pack's order, its reference kept on one line.
        response = sign_in(app.test_client(), executive).get(
            f"/reports/delivery-quarterly.docx?quarter={QUARTER.code}"
        )
        tables = [
            table for table in Document(io.BytesIO(response.data)).tables
            if table.rows[0].cells[0].text == "Reference"
        ]  # fmt: skip
        lines = [line for s in pack.sections for line in [*s.overdue, *s.open]]
        rows = [row for table in tables for row in table.rows[1:]]
        assert [row.cells[0].text for row in rows] == [line.reference for line in lines]
        assert [cell.text for cell in rows[0].cells] == [
            lines[0].reference,
            lines[0].text + (" (confidential)" if lines[0].confidential else ""),
            f"{lines[0].owner}, {lines[0].lead}",
            long_date(lines[0].due_on) or "No date",
            lines[0].status_label,
            str(lines[0].days_overdue or ""),
            lines[0].latest_update_text,
        ]
        assert all(row._tr.tc_lst[0].tcPr.find(qn("w:noWrap")) is not None for row in rows)
    assert queries[5_000] == queries[10] <= 10
    assert page_counts[5_000] == page_counts[10] <= 10
