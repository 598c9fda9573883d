"""Meetings, attendance, agenda, actions raised in items, and minutes.

Everyone signed in reads meetings and minutes; only the secretariat and administrators change them.
Forms that both show (GET) and save (POST) are checked here by GET; tests/meetings/test_access.py
checks that their POSTs are refused to everyone else too.
"""

from tests.access import EVERYONE, Rule, roles

EDITORS = roles("admin", "secretariat")


def _com(d) -> dict:
    return {"meeting_id": d.com_meeting()}


def _item(d) -> dict:
    return {"meeting_id": d.com_meeting(), "item_id": d.agenda_item()}


RULES = {
    "meetings.index": Rule(allowed=EVERYONE),
    "meetings.detail": Rule(allowed=EVERYONE, args=_com),
    "reports.minutes": Rule(allowed=EVERYONE, args=_com),
    "reports.minutes_docx": Rule(allowed=EVERYONE, args=_com),
    "meetings.new": Rule(allowed=EDITORS),
    # Importing minutes: reading a file or text, then the review that creates the meeting.
    "actions.import_minutes": Rule(allowed=EDITORS),
    "actions.review_minutes": Rule(allowed=EDITORS, method="POST"),
    "meetings.edit": Rule(allowed=EDITORS, args=_com),
    "meetings.delete": Rule(allowed=EDITORS, args=_com),
    "meetings.attendance": Rule(allowed=EDITORS, args=_com),
    "meetings.new_item": Rule(allowed=EDITORS, args=_com),
    "meetings.edit_item": Rule(allowed=EDITORS, args=_item),
    "meetings.move_item": Rule(
        allowed=EDITORS, args=_item, method="POST", data=lambda d: {"direction": "down"}
    ),
    "meetings.remove_item": Rule(allowed=EDITORS, args=_item),
    "actions.raise_action": Rule(allowed=EDITORS, args=_item),
    "meetings.previous_minutes": Rule(allowed=EDITORS, args=_com),
    "meetings.next_meeting": Rule(allowed=EDITORS, args=_com),
    "meetings.remove_future_item": Rule(
        allowed=EDITORS,
        args=lambda d: {"meeting_id": d.com_meeting(), "future_id": d.future_item()},
    ),
    # Pages that say what is missing from the minutes and ask to confirm.
    "meetings.approve": Rule(allowed=EDITORS, args=_com),
    "meetings.publish": Rule(allowed=EDITORS, args=_com),
    "meetings.return_to_draft": Rule(allowed=EDITORS, args=_com, method="POST"),
    "meetings.cancel": Rule(allowed=EDITORS, args=_com, method="POST"),
    "meetings.reinstate": Rule(allowed=EDITORS, args=_com, method="POST"),
}
