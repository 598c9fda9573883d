"""The Delivery Quarterly pack: page and Word, for a quarter chosen as ?quarter=2020-Q4."""

from flask import render_template, request
from flask_login import current_user

from tracker.auth.permissions import Permission, permission_required
from tracker.errors import abort_with
from tracker.kit.dates import today
from tracker.kit.docx import send_docx
from tracker.reports import bp
from tracker.reports.delivery_quarterly.data import (
    Quarter,
    default_quarter,
    gather,
    quarters_with_values,
)
from tracker.reports.delivery_quarterly.docx import build_docx, value_cell


def _chosen_quarter() -> Quarter:
    text = request.args.get("quarter", "").strip()
    if not text:
        return default_quarter(today())
    try:
        return Quarter.parse(text)
    except ValueError:
        abort_with(400, "Choose a quarter, written like 2020-Q4.")


@bp.get("/reports/delivery-quarterly")
@permission_required(Permission.READ_REPORTS)
def delivery_quarterly():
    quarter = _chosen_quarter()
    as_at = today()
    return render_template(
        "reports/delivery_quarterly.html",
        quarter=quarter,
        quarters=quarters_with_values(as_at),
        pack=gather(quarter, current_user, as_at),
        value_cell=value_cell,
    )


@bp.get("/reports/delivery-quarterly.docx")
@permission_required(Permission.READ_REPORTS)
def delivery_quarterly_docx():
    quarter = _chosen_quarter()
    pack = gather(quarter, current_user, today())
    if pack is None:
        abort_with(404, "There is no plan yet, so there is no Delivery Quarterly pack.")
    return send_docx(build_docx(pack), f"delivery-quarterly-{quarter.code}.docx")
