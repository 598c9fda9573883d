"""GET /meetings (by type and date, newest first, paged) and GET /meetings/{id} (attendance, items,
and the actions raised in each that the token's user may see)."""

from datetime import datetime, time

import sqlalchemy as sa
from flask_login import current_user

from tracker.actions import queries as action_queries
from tracker.api import bp, etags, paging
from tracker.api.problems import abort_problem
from tracker.api.schemas.meetings import MeetingFilters, MeetingSchema, MeetingSummarySchema
from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.directory import queries as directory
from tracker.meetings.models import Meeting
from tracker.meetings.services import load_meeting

TAGS = ["Meetings"]


def _meeting_type_id(wanted: str) -> int:
    """The id of the meeting type `wanted` names by id or code; 422 when none does."""
    for meeting_type in directory.meeting_types():
        if wanted == str(meeting_type.id) or wanted.casefold() == meeting_type.short_name.casefold():
            return meeting_type.id
    abort_problem(422, "There is no meeting type with that id or code.",
                  errors={"type": ["No meeting type has this id or code."]})


@bp.route("/meetings", methods=["GET"], tags=TAGS)
@bp.arguments(MeetingFilters, location="query", as_kwargs=True)
@bp.response(200, paging.page_schema(MeetingSummarySchema))
@permission_required(Permission.READ_MEETINGS)
def list_meetings(type=None, from_=None, to=None, **paging_args):  # noqa: A002 (the query's names)
    """Meetings, newest first, of one type and between two dates if asked."""
    query = sa.select(Meeting)
    if type is not None:
        query = query.where(Meeting.meeting_type_id == _meeting_type_id(type))
    if from_ is not None:
        query = query.where(Meeting.starts_at >= datetime.combine(from_, time.min))
    if to is not None:
        query = query.where(Meeting.starts_at <= datetime.combine(to, time.max))
    # Each meeting's type is then one of the few already in the session: no query per meeting.
    directory.meeting_types()
    page = paging.keyset_page(query, (Meeting.starts_at.desc(), Meeting.id.desc()), paging_args)
    return page.body(), page.headers()


@bp.route("/meetings/<int:meeting_id>", methods=["GET"], tags=TAGS)
@bp.response(200, MeetingSchema)
@permission_required(Permission.READ_MEETINGS)
def get_meeting(meeting_id: int):
    """One meeting: who attended, the agenda, and the actions raised in each item that you may see."""
    meeting = load_meeting(meeting_id, *action_queries.MEETING_LOADS)
    etags.set_etag(etags.record_etag("meeting", meeting.id, meeting.version))
    return _MeetingInFull(
        meeting,
        attendance=meeting.attendances,
        items=[
            {
                "id": item.id,
                "number": number,
                "title": item.title,
                "presenter": item.presenter,
                "notes": item.notes,
                "papers": item.papers,
                "actions": [a for a in item.actions if can_see_action(current_user, a)],
            }
            for number, item in enumerate(meeting.agenda_items, start=1)
        ],
    )


class _MeetingInFull:
    """A meeting with what its API record adds: its attendance and its items as the user sees them."""

    def __init__(self, meeting: Meeting, **extra):
        self._meeting = meeting
        self.__dict__.update(extra)

    def __getattr__(self, name):
        return getattr(self._meeting, name)
