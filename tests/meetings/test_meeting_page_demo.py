"""One meeting's page on the demo data: item 2's matters arising, and who sees which actions."""

from datetime import datetime

import pytest
import sqlalchemy as sa

from tests.access.lookup import Demo, client_for
from tracker.extensions import db
from tracker.meetings.models import Meeting

pytestmark = pytest.mark.read_only_demo

CONFIDENTIAL = "WYP to confidentially update the DMPC"


def february_com() -> int:
    return db.session.scalar(sa.select(Meeting.id).where(Meeting.starts_at == datetime(2024, 2, 27, 10)))


def test_item_2_shows_the_previous_meetings_open_actions_with_their_latest_update(app, read_only_demo):
    page = client_for(app, "secretariat").get(f"/meetings/{february_com()}").text
    assert "Open actions from the Community Outcomes Meeting, 10 October 2023" in page
    panel = page.split("Matters arising", 1)[1].split("</table>", 1)[0]
    for reference in ("COM-2023-10-04a", "COM-2023-10-04b", "COM-2023-10-05a", "COM-2023-10-07b",
                      "COM-2023-10-08a", "COM-2023-10-09a"):
        assert reference in panel
    assert "COM-2023-10-07a" not in panel  # closed in December
    # The latest update, not the first one.
    assert "Please also send how businesses can join the Business Crime Group" in panel
    assert "Shop Kind campaign materials and the Business Crime Group" not in panel


def test_read_only_users_never_see_the_confidential_action(app, read_only_demo):
    viewer = client_for(app, "viewer")
    for url in (f"/meetings/{Demo().com_meeting()}", f"/meetings/{Demo().com_meeting()}/minutes",
                f"/meetings/{february_com()}"):
        page = viewer.get(url).text
        assert CONFIDENTIAL not in page, url


def test_the_deputy_mayor_sees_the_confidential_action_marked(app, read_only_demo):
    minutes = client_for(app, "executive").get(f"/meetings/{Demo().com_meeting()}/minutes").text
    assert CONFIDENTIAL in minutes and "(COM-2023-10-08a, confidential)" in minutes


def test_readers_see_no_editing_controls(app, read_only_demo):
    page = client_for(app, "viewer").get(f"/meetings/{Demo().com_meeting()}").text
    for control in ("Record attendance", "Add an agenda item", "Raise an action", "Move up", "Approve the minutes"):
        assert control not in page


def test_the_demo_com_page_lists_its_agenda_and_lettered_actions(app, read_only_demo):
    page = client_for(app, "secretariat").get(f"/meetings/{Demo().com_meeting()}").text
    assert "Record attendance" in page and "Raise an action" in page
    assert "1. Welcome, introductions and apologies" in page and "12. Next Meeting" in page
    assert page.index("COM-2023-10-07a") < page.index("COM-2023-10-07b") < page.index("COM-2023-10-08a")
    assert "Accepted as a correct record." in page
    assert "Rural Crime (exception item)" in page and "on the agenda of the" in page
