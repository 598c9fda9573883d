"""Every meeting page, as the secretariat and the public see them, passes axe-core."""

from datetime import datetime

import sqlalchemy as sa

from tests.access.lookup import Demo
from tests.browser.axe import axe_violations
from tracker.extensions import db
from tracker.meetings.models import Meeting


def test_meeting_pages_have_no_accessibility_violations(page, demo, sign_in):
    com, item, future = Demo().com_meeting(), Demo().agenda_item(), Demo().future_item()
    draft = db.session.scalar(sa.select(Meeting.id).where(Meeting.starts_at == datetime(2024, 2, 27, 10)))
    urls = [
        "/meetings",
        "/meetings?type=COM&year=2023",
        f"/meetings/{com}",
        f"/meetings/{draft}",
        f"/meetings/{com}/minutes",
        "/meetings/new",
        f"/meetings/{com}/edit",
        f"/meetings/{draft}/delete",
        f"/meetings/{com}/attendance",
        f"/meetings/{com}/items/new",
        f"/meetings/{com}/items/{item}/edit",
        f"/meetings/{com}/items/{item}/move?direction=down",
        f"/meetings/{com}/items/{item}/remove",
        f"/meetings/{com}/items/{item}/actions/new",
        f"/meetings/{com}/previous-minutes",
        f"/meetings/{com}/next",
        f"/meetings/{com}/future-items/{future}/remove",
    ]
    sign_in(page, "secretariat")
    for url in urls:
        page.goto(url)
        assert axe_violations(page) == [], url
    page.get_by_role("button", name="Sign out").click()
    for url in ("/public/meetings", f"/public/meetings/{com}"):
        page.goto(url)
        assert axe_violations(page) == [], url
