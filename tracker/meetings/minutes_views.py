"""The minutes of a meeting for signed-in readers: a printable page and a Word document.

A reader sees the actions they may see (`can_see_action`): read-only users get minutes without
the confidential actions, exactly as the public do, but with the action references.
"""

import io

from flask import render_template, send_file
from flask_login import current_user

from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.meetings.minutes import Minutes, minutes_for
from tracker.meetings.views import bp, load_meeting
from tracker.reports.minutes import build_docx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def send_docx(minutes: Minutes):
    return send_file(
        io.BytesIO(build_docx(minutes)),
        mimetype=DOCX,
        as_attachment=True,
        download_name=minutes.filename,
        max_age=0,
    )


def _minutes(meeting_id: int) -> tuple:
    meeting = load_meeting(meeting_id)
    return meeting, minutes_for(meeting, lambda action: can_see_action(current_user, action))


@bp.get("/<int:meeting_id>/minutes")
@permission_required(Permission.READ_MEETINGS)
def minutes(meeting_id: int):
    meeting, minutes = _minutes(meeting_id)
    return render_template("meetings/minutes.html", meeting=meeting, minutes=minutes)


@bp.get("/<int:meeting_id>/minutes.docx")
@permission_required(Permission.READ_MEETINGS)
def minutes_docx(meeting_id: int):
    return send_docx(_minutes(meeting_id)[1])
