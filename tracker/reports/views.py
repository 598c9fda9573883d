"""Reports: the index of reports; each report's routes live in a module of its own."""

from flask import Blueprint, render_template

from tracker.auth.permissions import Permission, permission_required

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.get("")
@permission_required(Permission.READ_REPORTS)
def index():
    return render_template("reports/index.html")


# Each report registers its routes on `bp`.
from tracker.reports import delivery_quarterly_views, outstanding_views  # noqa: E402, F401
