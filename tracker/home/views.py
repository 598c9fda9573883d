"""The home page, made for the signed-in user's role."""

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from tracker.actions import queries
from tracker.actions.models import Action
from tracker.auth.models import Role
from tracker.extensions import db
from tracker.meetings.models import Meeting
from tracker.timeutil import today

bp = Blueprint("home", __name__)

HOME_LIST_SIZE = 10


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    as_at = today()
    context = {"as_at": as_at, "role": current_user.role}
    if current_user.role in (Role.SECRETARIAT, Role.ADMIN, Role.VIEWER):
        context["upcoming"] = upcoming_meetings(as_at)
        context["recent"] = db.session.scalars(
            queries.visible(current_user)
            .order_by(Action.raised_on.desc(), Action.id.desc())
            .limit(HOME_LIST_SIZE)
        ).all()
    if current_user.role == Role.LEAD:
        org = current_user.organisation
        context["organisation"] = org
        context["owned"] = (
            db.session.scalars(
                queries.visible(current_user)
                .where(Action.owner_id == (org.id if org else -1), queries.outstanding_condition())
                # Most urgent first: earliest due date, undated last.
                .order_by(Action.due_on.is_(None), Action.due_on, Action.id)
                .limit(HOME_LIST_SIZE * 3)
            ).all()
        )
    if current_user.role in (Role.EXECUTIVE, Role.ADMIN, Role.SECRETARIAT):
        context["overdue"] = db.session.scalars(
            queries.visible(current_user)
            .where(queries.overdue_condition(as_at))
            .order_by(Action.due_on, Action.id)
            .limit(HOME_LIST_SIZE)
        ).all()
        context["overdue_count"] = db.session.scalar(
            sa.select(sa.func.count()).select_from(
                queries.visible(current_user).where(queries.overdue_condition(as_at)).subquery()
            )
        )
    return render_template("home/index.html", **context)


def upcoming_meetings(as_at):
    return db.session.scalars(
        sa.select(Meeting)
        .options(selectinload(Meeting.meeting_type))
        .where(Meeting.starts_at >= as_at)
        .order_by(Meeting.starts_at)
        .limit(HOME_LIST_SIZE)
    ).all()
