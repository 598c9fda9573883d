"""Pages anyone may read without signing in: published minutes and the accessibility statement."""

import sqlalchemy as sa
from flask import Blueprint, render_template
from sqlalchemy.orm import selectinload

from tracker.admin.models import MeetingType
from tracker.extensions import db
from tracker.meetings.models import Meeting, MinutesStatus

bp = Blueprint("public", __name__, url_prefix="/public")


def published_public_meetings() -> sa.Select:
    return (
        sa.select(Meeting)
        .join(Meeting.meeting_type)
        .where(MeetingType.is_public.is_(True), Meeting.minutes_status == MinutesStatus.PUBLISHED)
    )


@bp.get("/meetings")
def index():
    meetings = db.session.scalars(
        published_public_meetings()
        .options(selectinload(Meeting.meeting_type))
        .order_by(Meeting.starts_at.desc())
    ).all()
    return render_template("public/index.html", meetings=meetings)


@bp.get("/accessibility")
def accessibility():
    return render_template("public/accessibility.html")
