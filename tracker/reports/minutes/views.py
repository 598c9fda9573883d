"""The minutes of a meeting for signed-in readers: a printable page and a Word document.

A reader sees the actions they may see (`can_see_action`): read-only users get minutes without
the confidential actions, exactly as the public do, but with the action references.
"""

from flask import render_template
from flask_login import current_user

from tracker.actions import queries
from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.kit.docx import send_docx
from tracker.meetings.services import load_meeting
from tracker.reports import bp
from tracker.reports.minutes.data import minutes_for
from tracker.reports.minutes.docx import build_docx


def _minutes(meeting_id: int) -> tuple:
    meeting = load_meeting(meeting_id, *queries.MEETING_LOADS)
    return meeting, minutes_for(meeting, lambda action: can_see_action(current_user, action))


@bp.get("/meetings/<int:meeting_id>/minutes")
@permission_required(Permission.READ_MEETINGS)
def minutes(meeting_id: int):
    meeting, minutes = _minutes(meeting_id)
    return render_template("reports/minutes.html", meeting=meeting, minutes=minutes)


@bp.get("/meetings/<int:meeting_id>/minutes.docx")
@permission_required(Permission.READ_MEETINGS)
def minutes_docx(meeting_id: int):
    minutes = _minutes(meeting_id)[1]
    return send_docx(build_docx(minutes), minutes.filename)
