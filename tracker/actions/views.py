"""Actions: the register, one action's page, and the overdue review."""

from flask import Blueprint, abort, render_template
from flask_login import current_user

from tracker.actions import queries
from tracker.actions.models import Action
from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.extensions import db
from tracker.timeutil import today

bp = Blueprint("actions", __name__, url_prefix="/actions")


@bp.get("")
@permission_required(Permission.READ_ACTIONS)
def index():
    page = db.paginate(
        queries.visible(current_user).order_by(Action.due_on, Action.id), error_out=False
    )
    return render_template("actions/index.html", page=page, as_at=today())


@bp.get("/overdue")
@permission_required(Permission.READ_ACTIONS)
def overdue():
    as_at = today()
    actions = db.session.scalars(
        queries.visible(current_user).where(queries.overdue_condition(as_at)).order_by(Action.due_on)
    ).all()
    return render_template("actions/overdue.html", actions=actions, as_at=as_at)


@bp.get("/<int:action_id>")
@permission_required(Permission.READ_ACTIONS)
def detail(action_id: int):
    action = db.get_or_404(Action, action_id)
    if not can_see_action(current_user, action):
        abort(404)  # confidential actions do not reveal that they exist
    return render_template("actions/detail.html", action=action, as_at=today())
