"""The Delivery Quarterly pack: page and Word, and the CSV of every action it counts, for a
quarter chosen as ?quarter=2020-Q4, as at the quarter's last day or a day chosen as
&as_at=2021-01-15."""

from flask import Response, render_template, request, stream_with_context, url_for
from flask_login import current_user

from tracker.auth.permissions import Permission, permission_required
from tracker.errors import abort_with
from tracker.kit.dates import today
from tracker.kit.docx import send_docx
from tracker.reports import bp
from tracker.reports.delivery_quarterly.csv import csv_pieces
from tracker.reports.delivery_quarterly.data import (
    Quarter,
    default_as_at,
    default_quarter,
    every_action,
    gather,
    quarters_with_values,
)
from tracker.reports.delivery_quarterly.docx import build_docx, value_cell
from tracker.reports.delivery_quarterly.forms import DeliveryQuarterlyForm


def _chosen_quarter() -> Quarter:
    text = request.args.get("quarter", "").strip()
    if not text:
        return default_quarter(today())
    try:
        return Quarter.parse(text)
    except ValueError:
        abort_with(400, "Choose a quarter, written like 2020-Q4.")


def read_day():
    """The quarter, the form read from the URL, and the as-at day it asks for (None if wrong)."""
    quarter = _chosen_quarter()
    form = DeliveryQuarterlyForm(formdata=request.args, starts_on=quarter.starts_on, today=today())
    if not form.validate():
        return quarter, form, None
    return quarter, form, form.as_at.data or default_as_at(quarter, today())


def read_options():
    """The quarter, the form read from the URL, and the pack it asks for (None if the date is
    wrong, or there is no plan)."""
    quarter, form, as_at = read_day()
    return quarter, form, (gather(quarter, current_user, as_at) if as_at else None)


def _page(quarter, form, pack):
    docx_url = csv_url = None
    if pack is not None:
        args = {"quarter": quarter.code, "as_at": pack.as_at.isoformat()}
        docx_url = url_for("reports.delivery_quarterly_docx", **args)
        csv_url = url_for("reports.delivery_quarterly_csv", **args)
    return render_template(
        "reports/delivery_quarterly.html",
        quarter=quarter,
        quarters=quarters_with_values(),
        form=form,
        pack=pack,
        docx_url=docx_url,
        csv_url=csv_url,
        value_cell=value_cell,
    ), (400 if form.errors else 200)


@bp.get("/reports/delivery-quarterly")
@permission_required(Permission.READ_REPORTS)
def delivery_quarterly():
    return _page(*read_options())


@bp.get("/reports/delivery-quarterly.docx")
@permission_required(Permission.READ_REPORTS)
def delivery_quarterly_docx():
    quarter, form, pack = read_options()
    if form.errors:
        return _page(quarter, form, pack)
    if pack is None:
        abort_with(404, "There is no plan yet, so there is no Delivery Quarterly pack.")
    return send_docx(build_docx(pack), f"delivery-quarterly-{quarter.code}.docx")


@bp.get("/reports/delivery-quarterly.csv")
@permission_required(Permission.READ_REPORTS)
def delivery_quarterly_csv():
    quarter, form, as_at = read_day()
    if form.errors:
        return _page(quarter, form, None)
    found = every_action(quarter, current_user, as_at)
    if found is None:
        abort_with(404, "There is no plan yet, so there is no Delivery Quarterly pack.")
    titles, lines = found
    # Sent as the rows are read: no more than a batch is held, however many actions there are.
    response = Response(stream_with_context(csv_pieces(as_at, titles, lines)), mimetype="text/csv")
    response.headers.set("Content-Disposition", "attachment",
                         filename=f"delivery-quarterly-{quarter.code}-actions.csv")
    response.headers["Cache-Control"] = "no-cache"
    return response
