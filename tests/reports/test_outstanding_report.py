"""The outstanding-actions report over the demo data as at 27 February 2024: order and contents.

The demo's actions as at that date (tracker/demo_data): four overdue (58, 27, 11 and 4 days), six
not yet due, two of them confidential; four closed ones and two raised later are left out.
"""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.actions.helpers import signed_in, text_of
from tracker.auth.models import User
from tracker.extensions import db
from tracker.plans.models import Plan, PlanStatus, Priority
from tracker.reports.outstanding.data import confidential_condition, outstanding

pytestmark = pytest.mark.read_only_demo

AS_AT = date(2024, 2, 27)
# Most overdue first, then the rest by due date (and reference when the date is shared).
EXPECTED = [
    ("COM-2023-07-05a", 58, date(2023, 12, 31)),
    ("COM-2023-10-04a", 27, date(2024, 1, 31)),
    ("COM-2023-10-07b", 11, date(2024, 2, 16)),
    ("COM-2023-10-09a", 4, date(2024, 2, 23)),
    ("COM-2023-10-04b", 0, date(2024, 2, 29)),
    ("COM-2023-10-05a", 0, date(2024, 3, 29)),
    ("JEM-2023-11-05a", 0, date(2024, 3, 31)),
    ("DQ-2024-01-03a", 0, date(2024, 4, 16)),
    ("DQ-2024-01-03b", 0, date(2024, 4, 16)),
    ("COM-2023-10-08a", 0, date(2024, 4, 30)),
]
CONFIDENTIAL = {"JEM-2023-11-05a", "COM-2023-10-08a"}
NOT_CONFIDENTIAL = [row for row in EXPECTED if row[0] not in CONFIDENTIAL]


def report(**options):
    return outstanding(AS_AT, visibility=confidential_condition(True), **options)


def user(username: str) -> User:
    return db.session.scalar(sa.select(User).where(User.username == username))


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
    from tests.actions.helpers import references_in

    for username, expected in (
        ("dmpc", EXPECTED),
        ("lead", EXPECTED),
        ("viewer", NOT_CONFIDENTIAL),
    ):
        response = signed_in(app, user(username)).get(
            "/reports/outstanding-actions?as_at=2024-02-27"
        )
        assert response.status_code == 200
        assert references_in(response) == [reference for reference, _, _ in expected], username
    page = text_of(
        signed_in(app, user("viewer")).get(
            "/reports/outstanding-actions?as_at=27&as_at=2&as_at=2024"
        )
    )
    assert "Outstanding actions as at 27 February 2024" in page
    assert "8 actions are outstanding, of which 4 overdue." in page
    assert 'href="/reports/outstanding-actions.docx?as_at=2024-02-27"' in page


def test_page_defaults_to_today_and_reports_a_wrong_date(app, read_only_demo):
    from tracker.kit.dates import today
    from tracker.kit.dates import long_date

    viewer = signed_in(app, user("viewer"))
    assert f"Outstanding actions as at {long_date(today())}" in text_of(
        viewer.get("/reports/outstanding-actions")
    )
    wrong = viewer.get("/reports/outstanding-actions?as_at=31&as_at=2&as_at=2024")
    assert wrong.status_code == 400
    assert "As at must be a real date" in text_of(wrong)
    assert viewer.get("/reports/outstanding-actions.csv?as_at=2024-13-01").status_code == 400
