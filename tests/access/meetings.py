"""Meetings, attendance, agenda and minutes."""

from tests.access import EVERYONE, Rule

RULES = {
    "meetings.index": Rule(allowed=EVERYONE),
    "meetings.detail": Rule(allowed=EVERYONE, args=lambda d: {"meeting_id": d.com_meeting()}),
}
