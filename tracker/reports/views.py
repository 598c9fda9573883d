"""Reports: the index of reports; each report's routes live in a module of its own."""

from flask import render_template

from tracker.auth.permissions import Permission, permission_required
from tracker.reports import bp


@bp.get("/reports")
@permission_required(Permission.READ_REPORTS)
def index():
    return render_template("reports/index.html")

