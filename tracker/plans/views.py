"""Plans, priorities and indicators."""

import sqlalchemy as sa
from flask import Blueprint, render_template

from tracker.auth.permissions import Permission, permission_required
from tracker.extensions import db
from tracker.plans.models import Plan, PlanStatus

bp = Blueprint("plans", __name__)


@bp.get("/plans")
@permission_required(Permission.READ_PLANS)
def index():
    plans = db.session.scalars(
        sa.select(Plan).order_by((Plan.status != PlanStatus.CURRENT), Plan.starts_on.desc())
    ).all()
    return render_template("plans/index.html", plans=plans)
