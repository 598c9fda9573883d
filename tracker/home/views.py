"""The home page, made for the signed-in user's role.

A lead sees their organisation's open actions, most urgent first; the Deputy Mayor sees what waits
for her decision and what is overdue; the secretariat sees the meetings coming up and the overdue
count. Each list is one query (with its eager loads), whatever the number of actions.
"""

import sqlalchemy as sa
from flask import redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from tracker.actions import queries
from tracker.actions.models import Action, ActionStatus
from tracker.auth.models import Role
from tracker.extensions import db
from tracker.home import bp
from tracker.kit.dates import today
from tracker.meetings.models import Meeting

HOME_LIST_SIZE = 10
# A lead's own list is their work: show it all, up to a size a page can carry.
OWNED_LIST_SIZE = 100


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    as_at = today()
    role = current_user.role
    context = {"as_at": as_at, "role": role}
    if role in (Role.SECRETARIAT, Role.ADMIN, Role.VIEWER):
        context["upcoming"] = upcoming_meetings(as_at)
        context["recent"] = actions(
            sa.true(), order=(Action.raised_on.desc(), Action.id.desc()), limit=HOME_LIST_SIZE
        )
    if role == Role.LEAD:
        context.update(lead_home(as_at))
    if role == Role.EXECUTIVE:
        context["to_sign_off"] = actions(
            Action.status == ActionStatus.AWAITING_SIGN_OFF,
            order=(Action.updated_at, Action.id),
            limit=OWNED_LIST_SIZE,
        )
        context["more_time"] = actions(
            Action.requested_due_on.is_not(None),
            queries.outstanding_condition(),
            order=(Action.due_on, Action.id),
            limit=OWNED_LIST_SIZE,
        )
    if role in (Role.EXECUTIVE, Role.ADMIN, Role.SECRETARIAT):
        overdue = queries.overdue_condition(as_at)
        context["overdue"] = actions(
            overdue, order=queries.most_overdue_first(as_at), limit=HOME_LIST_SIZE
        )
        context["overdue_count"] = queries.count(queries.visible(current_user).where(overdue))
    return render_template("home/index.html", **context)


def actions(*where, order, limit: int) -> list[Action]:
    """Actions the user may see matching `where`, with what the tables show loaded."""
    return db.session.scalars(
        queries.visible(current_user).where(*where).order_by(*order).limit(limit)
    ).all()


def lead_home(as_at) -> dict:
    """The lead's organisation's open actions, most urgent first, and those awaiting sign-off."""
    organisation = current_user.organisation
    if organisation is None:
        return {"organisation": None, "owned": [], "owned_count": 0, "awaiting": []}
    owned = sa.and_(
        Action.owner_id == organisation.id,
        Action.status.in_((ActionStatus.OPEN, ActionStatus.IN_PROGRESS)),
    )
    return {
        "organisation": organisation,
        "owned": actions(owned, order=queries.most_overdue_first(as_at), limit=OWNED_LIST_SIZE),
        "owned_count": queries.count(queries.visible(current_user).where(owned)),
        "awaiting": actions(
            Action.owner_id == organisation.id,
            Action.status == ActionStatus.AWAITING_SIGN_OFF,
            order=(Action.due_on, Action.id),
            limit=OWNED_LIST_SIZE,
        ),
    }


def upcoming_meetings(as_at):
    return db.session.scalars(
        sa.select(Meeting)
        .options(selectinload(Meeting.meeting_type))
        .where(Meeting.starts_at >= as_at)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(HOME_LIST_SIZE)
    ).all()
