"""The Delivery Quarterly pack is gathered in the same number of SQL queries for 10 actions as for
5,000 (bulk-inserted by tests/bulk.py, linked to the plan's priorities, each with a history entry),
and its Word document lists every one of them."""

import io

import sqlalchemy as sa
from docx import Document
from docx.oxml.ns import qn

from tests.bulk import add_actions
from tests.clients import sign_in
from tests.database import empty_all_tables
from tests.factories import make_users
from tracker.actions.models import Action, action_priority
from tracker.extensions import db
from tracker.kit.dates import long_date
from tracker.plans.models import Priority
from tracker.reports.delivery_quarterly.data import Quarter, gather

QUARTER = Quarter(2023, 4)  # the bulk actions were raised on 1 January 2023


def test_pack_takes_the_same_queries_for_10_actions_as_for_5000(app, count_queries):
    queries = {}
    for count in (10, 5_000):
        db.session.remove()
        empty_all_tables()  # each size with a plan of its own
        executive = make_users()["executive"]
        add_actions(count)
        with count_queries() as statements:
            pack = gather(QUARTER, executive, QUARTER.ends_on)
        queries[count] = len(statements)

        # Every outstanding action linked to a priority of the pack's plan is listed under it.
        listed = {line.reference for s in pack.sections for line in [*s.overdue, *s.open]}
        linked = set(
            db.session.scalars(
                sa.select(Action.reference)
                .join(action_priority, action_priority.c.action_id == Action.id)
                .join(Priority, Priority.id == action_priority.c.priority_id)
                .where(
                    Priority.id.in_([s.id for s in pack.sections]),
                    Action.status.in_(("open", "in_progress", "awaiting_sign_off")),
                )
            )
        )
        assert listed == linked and len(listed) >= count // 6

        # The Word pack has a row for each, in the pack's order, its reference kept on one line.
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
