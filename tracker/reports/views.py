"""Reports: the outstanding-actions report, minutes and the Delivery Quarterly pack."""

from flask import Blueprint, render_template

from tracker.auth.permissions import Permission, permission_required

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.get("")
@permission_required(Permission.READ_REPORTS)
def index():
    return render_template("reports/index.html")
