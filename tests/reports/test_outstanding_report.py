"""The outstanding-actions report over the demo data as at 27 February 2024: order and contents.

What the demo's actions come to on that date is in tests/reports/demo_outstanding.py.
"""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.clients import sign_in
from tests.pages import references_in, text_of
from tests.records import user
from tests.reports.demo_outstanding import AS_AT, EXPECTED, NOT_CONFIDENTIAL
from tracker.extensions import db
from tracker.plans.models import Plan, PlanStatus, Priority
from tracker.reports.outstanding.data import confidential_condition, outstanding

pytestmark = pytest.mark.read_only_demo


def report(**options):
    return outstanding(AS_AT, visibility=confidential_condition(True), **options)


def current_priority(position: int) -> int:
    return db.session.scalar(
        sa.select(Priority.id)
        .join(Plan)
        .where(Plan.status == PlanStatus.CURRENT, Priority.position == position)
    )


def test_order_and_days_overdue(read_only_demo):
    assert [(row.reference, row.days_overdue, row.due_on) for row in report().rows] == EXPECTED


def test_each_row_has_source_owner_lead_status_and_latest_update(read_only_demo):
    row = next(row for row in report().rows if row.reference == "COM-2023-10-04a")
    assert (row.meeting, row.item) == (
        "Community Outcomes Meeting, 10 October 2023",
        "Item 4: Use of Force",
    )
    assert (row.owner, row.lead, row.status_label) == ("WYP", "Carl Glavin", "In progress")
    assert row.latest_update.startswith(
        "Update from T/ACC Glavin's office: The first cut of the analysis"
    )
    assert row.latest_update_on == date(2024, 2, 19)
    sent_back = next(row for row in report().rows if row.reference == "COM-2023-10-09a")
    assert sent_back.latest_update.startswith("Thank you for the Shop Kind materials.")
    assert sent_back.latest_update_on == date(2024, 2, 2)


def test_summary_counts(read_only_demo):
    full = report()
    assert full.summary == "10 actions are outstanding, of which 4 overdue."
    assert full.by_status == [("Open", 3), ("In progress", 6), ("Completed – awaiting sign-off", 1)]
    assert full.by_owner == [("WYP", 10, 4)]


def test_limited_to_one_meeting_type_owner_or_priority(read_only_demo):
    from tracker.directory.models import MeetingType, Organisation

    jem = db.session.scalar(sa.select(MeetingType.id).where(MeetingType.short_name == "JEM"))
    wyca = db.session.scalar(sa.select(Organisation.id).where(Organisation.short_name == "WYCA"))
    assert [row.reference for row in report(meeting_type_id=jem).rows] == ["JEM-2023-11-05a"]
    assert report(meeting_type_id=jem).limited_to == ["Meeting type: Joint Executive Meeting"]
    assert report(owner_id=wyca).rows == []
    assert [row.reference for row in report(priority_id=current_priority(4)).rows] == [
        "DQ-2024-01-03b",
        "COM-2023-10-08a",
    ]


def test_actions_raised_after_the_date_are_left_out(read_only_demo):
    assert [
        row.reference
        for row in outstanding(date(2023, 10, 9), visibility=confidential_condition(True)).rows
    ] == ["COM-2023-07-05a"]


def test_page_shows_the_same_report_and_confidential_only_to_those_who_may_see_it(
    app, read_only_demo
):
    for username, expected in (
        ("dmpc", EXPECTED),
        ("lead", EXPECTED),
        ("viewer", NOT_CONFIDENTIAL),
    ):
        response = sign_in(app.test_client(), user(username)).get(
            "/reports/outstanding-actions?as_at=2024-02-27"
        )
        assert response.status_code == 200
        assert references_in(response) == [reference for reference, _, _ in expected], username
    page = text_of(
        sign_in(app.test_client(), user("viewer")).get(
            "/reports/outstanding-actions?as_at=27&as_at=2&as_at=2024"
        )
    )
    assert "Outstanding actions as at 27 February 2024" in page
    assert "8 actions are outstanding, of which 4 overdue." in page
    assert 'href="/reports/outstanding-actions.docx?as_at=2024-02-27"' in page


def test_page_defaults_to_today_and_reports_a_wrong_date(app, read_only_demo):
    from tracker.kit.dates import long_date, today

    viewer = sign_in(app.test_client(), user("viewer"))
    assert f"Outstanding actions as at {long_date(today())}" in text_of(
        viewer.get("/reports/outstanding-actions")
    )
    wrong = viewer.get("/reports/outstanding-actions?as_at=31&as_at=2&as_at=2024")
    assert wrong.status_code == 400
    assert "As at must be a real date" in text_of(wrong)
    assert viewer.get("/reports/outstanding-actions.csv?as_at=2024-13-01").status_code == 400
