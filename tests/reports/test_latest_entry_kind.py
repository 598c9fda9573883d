"""A refusal of more time is the Deputy Mayor's decision, not the action's progress: wherever an
action's latest entry is shown, it says what kind of entry it is and who made it."""

import csv
import io
from datetime import date

import pytest
from docx import Document

from tests.factories import ActionFactory
from tracker.actions import services
from tracker.actions.models import ActionStatus
from tracker.extensions import db
from tracker.reports.outstanding.data import confidential_condition, outstanding
from tracker.reports.outstanding.docx import build_docx

REFUSAL = "Not agreed: the figures were promised for this quarter."


@pytest.fixture
def refused(users):
    lead, dmpc = users["lead"], users["executive"]
    action = ActionFactory(
        reference="COM-2023-10-04a",
        owner=lead.person.organisation,
        lead=lead.person,
        status=ActionStatus.IN_PROGRESS,
        due_on=date(2024, 1, 31),
    )
    db.session.commit()
    services.add_update(
        action, lead, note="We need until April for the national figures.",
        status=ActionStatus.IN_PROGRESS, requested_due_on=date(2024, 4, 30),
        reason="National figures are published in March.",
    )
    services.decide_extension(action, dmpc, accept=False, note=REFUSAL)
    return action


def test_the_report_says_the_latest_entry_is_a_refusal_and_whose(refused, users):
    [row] = outstanding(date(2024, 2, 27), visibility=confidential_condition(True)).rows
    dmpc = users["executive"].person.name
    assert (row.latest_update, row.latest_update_kind, row.latest_update_by) == (
        REFUSAL, "More time refused", dmpc,
    )
    assert row.latest_heading.startswith(f"More time refused by {dmpc}, ")

    report = outstanding(date(2024, 2, 27), visibility=confidential_condition(True))
    cell = Document(io.BytesIO(build_docx(report))).tables[-1].rows[1].cells[1].text
    assert f"More time refused by {dmpc}" in cell and REFUSAL in cell
    assert "Progress update" not in cell


def test_pages_and_csv_say_the_latest_entry_is_a_refusal(refused, users, login_as, client):
    login_as("secretariat")
    dmpc = users["executive"].person.name
    for url in ("/actions", "/reports/outstanding-actions?as_at=2024-02-27"):
        page = client.get(url).get_data(as_text=True)
        assert f"More time refused by {dmpc}, " in page, url
        assert "Latest update, " not in page, url
    rows = list(csv.DictReader(io.StringIO(
        client.get("/reports/outstanding-actions.csv?as_at=2024-02-27").data.decode("utf-8-sig")
    )))
    assert (rows[0]["Latest update"], rows[0]["Latest update kind"], rows[0]["Latest update by"]) == (
        REFUSAL, "More time refused", dmpc,
    )
