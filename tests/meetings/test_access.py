"""Only the secretariat and administrators change meetings: every change refused to the others.

The access matrix tries each form page by GET; these send the POSTs those pages make, as a
lead, the Deputy Mayor and a read-only user, and check that nothing changed.
"""

import pytest
import sqlalchemy as sa

from tests.access.lookup import Demo, client_for
from tracker.extensions import db
from tracker.models import Action, AgendaItem, Attendance, AuditEntry, Meeting, Person


def posts(d: Demo) -> dict[str, dict]:
    com, item = d.com_meeting(), d.agenda_item()
    return {
        "/meetings/new": {"meeting_type": "1", "date": ["1", "1", "2025"], "time": "10am"},
        "/meetings/import": {"text": "Minutes\n1. Welcome\nHello"},
        "/meetings/import/review": {"meeting_type": "1", "date": ["1", "1", "2025"],
                                    "time": "10am", "items-0-title": "Intruder"},
        f"/meetings/{com}/edit": {"meeting_type": "1", "date": ["1", "1", "2025"], "time": "10am",
                                  "correction_reason": "x"},
        f"/meetings/{com}/delete": {},
        f"/meetings/{com}/attendance": {"new_person-name": "Intruder", "add": "y"},
        f"/meetings/{com}/items/new": {"title": "Intruder", "position": "0", "correction_reason": "x"},
        f"/meetings/{com}/items/{item}/edit": {"title": "Intruder", "correction_reason": "x"},
        f"/meetings/{com}/items/{item}/remove": {"correction_reason": "x"},
        f"/meetings/{com}/items/{item}/actions/new": {"text": "Intruder", "owner": "1",
                                                       "correction_reason": "x"},
        f"/meetings/{com}/previous-minutes": {"outcome": "amended", "amendment": "x"},
        f"/meetings/{com}/next": {"form": "future", "future-title": "Intruder"},
        f"/meetings/{com}/future-items/{d.future_item()}/remove": {"correction_reason": "x"},
        f"/meetings/{com}/approve": {},
        f"/meetings/{com}/publish": {},
    }


def snapshot() -> tuple:
    count = lambda model: db.session.scalar(sa.select(sa.func.count()).select_from(model))  # noqa: E731
    return tuple(count(m) for m in (Meeting, AgendaItem, Attendance, Action, Person, AuditEntry))


@pytest.mark.parametrize("who", ["lead", "executive", "viewer"])
def test_readers_cannot_change_meetings(app, demo, who):
    before = snapshot()
    client = client_for(app, who)
    for url, data in posts(Demo()).items():
        assert client.post(url, data=data).status_code == 403, url
    db.session.expire_all()
    assert snapshot() == before


def test_signed_out_visitors_are_sent_to_sign_in(app, demo):
    client = client_for(app, "anonymous")
    for url, data in posts(Demo()).items():
        response = client.post(url, data=data)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


def test_forms_need_their_csrf_token(csrf_app, demo):
    client = client_for(csrf_app, "secretariat")
    d = Demo()
    response = client.post(f"/meetings/{d.com_meeting()}/approve")
    assert response.status_code == 400
    response = client.post(f"/meetings/{d.com_meeting()}/items/{d.agenda_item()}/move", data={"direction": "down"})
    assert response.status_code == 400
