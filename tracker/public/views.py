"""Pages anyone may read without signing in: published minutes and the accessibility statement.

Only the published minutes of public meeting types are here; anything else is "not found", so the
public pages never reveal that a private meeting exists. Confidential actions are left out of the
minutes' data before they are rendered: they are absent from the page and the document.
"""

import sqlalchemy as sa
from flask import abort, current_app, render_template, request
from sqlalchemy.orm import selectinload

from tracker.actions import queries
from tracker.directory import queries as directory
from tracker.directory.models import MeetingType
from tracker.extensions import db
from tracker.kit.docx import send_docx
from tracker.meetings import services
from tracker.meetings.models import Meeting, MinutesStatus
from tracker.public import bp
from tracker.reports.minutes.data import minutes_for
from tracker.reports.minutes.docx import build_docx
from tracker.search import page as search_page


def published_public_meetings() -> sa.Select:
    return (
        sa.select(Meeting)
        .join(Meeting.meeting_type)
        .where(MeetingType.is_public.is_(True), Meeting.minutes_status == MinutesStatus.PUBLISHED)
    )


def public_minutes(meeting_id: int):
    meeting = db.session.scalar(services.meeting_query(meeting_id, *queries.MEETING_LOADS))
    if meeting is None or not meeting.is_public or meeting.minutes_status != MinutesStatus.PUBLISHED:
        abort(404)
    return meeting, minutes_for(
        meeting, lambda action: not action.confidential, show_references=False
    )


@bp.get("/meetings")
def index():
    page = db.paginate(
        published_public_meetings()
        .options(selectinload(Meeting.meeting_type))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc()),
        per_page=current_app.config["PER_PAGE"],
        max_per_page=100,
        error_out=False,
    )
    return render_template("public/index.html", page=page)


@bp.get("/meetings/<int:meeting_id>")
def meeting(meeting_id: int):
    meeting, minutes = public_minutes(meeting_id)
    return render_template("public/meeting.html", meeting=meeting, minutes=minutes)


@bp.get("/meetings/<int:meeting_id>/minutes.docx")
def minutes_docx(meeting_id: int):
    minutes = public_minutes(meeting_id)[1]
    return send_docx(build_docx(minutes), minutes.filename)


@bp.get("/search")
def search():
    # Published minutes of public meetings only: the search itself keeps to them (no user).
    public_types = [t for t in directory.meeting_types() if t.is_public]
    outcome = search_page.run(request.args, None, public_types)
    return render_template("search/search.html", outcome=outcome, form=outcome.form,
                           endpoint="public.search", public=True)


@bp.get("/accessibility")
def accessibility():
    return render_template("public/accessibility.html")
