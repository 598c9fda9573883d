"""Administration: people, organisations, meeting types and users."""

from flask import Blueprint, render_template

from tracker.auth.permissions import Permission, permission_required

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("")
@permission_required(Permission.ADMINISTER)
def index():
    return render_template("admin/index.html")
