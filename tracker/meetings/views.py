"""Meetings: the list, one meeting's page, and (later) the agenda, attendance and minutes."""

import sqlalchemy as sa
from flask import Blueprint, render_template
from sqlalchemy.orm import selectinload

from tracker.auth.permissions import Permission, permission_required
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, Attendance, Meeting

bp = Blueprint("meetings", __name__, url_prefix="/meetings")


@bp.get("")
@permission_required(Permission.READ_MEETINGS)
def index():
    page = db.paginate(
        sa.select(Meeting).options(selectinload(Meeting.meeting_type)).order_by(Meeting.starts_at.desc()),
        error_out=False,
    )
    return render_template("meetings/index.html", page=page)


@bp.get("/<int:meeting_id>")
@permission_required(Permission.READ_MEETINGS)
def detail(meeting_id: int):
    meeting = db.first_or_404(
        sa.select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.meeting_type),
            selectinload(Meeting.attendances).selectinload(Attendance.person),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.actions),
        )
    )
    return render_template("meetings/detail.html", meeting=meeting)
