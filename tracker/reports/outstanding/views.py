"""The outstanding-actions report: a page, and Word and CSV downloads of the same report.

The options live in the URL (?as_at=2024-02-27&meeting_type=..&owner=..&priority=..), so the page
can be bookmarked and its downloads carry the same options. Confidential actions appear only for
those who may see them. The CSV is streamed as its rows are read, so its size is not held in memory.
"""

from flask import Response, render_template, request, stream_with_context, url_for
from flask_login import current_user

from tracker.actions import queries
from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.kit import docx as word
from tracker.kit.dates import today
from tracker.kit.limits import database_id
from tracker.plans import queries as plan_queries
from tracker.reports import bp
from tracker.reports.outstanding.csv import csv_pieces
from tracker.reports.outstanding.data import select_outstanding
from tracker.reports.outstanding.docx import build_docx
from tracker.reports.outstanding.forms import OutstandingReportForm
from tracker.reports.outstanding.page import outstanding_page


def report_options(args) -> dict[str, list]:
    """The choices of the report's options. Plan priorities are the current plan's; earlier
    versions' when the URL asks (`earlier`), or the one already chosen, labelled with their version."""
    # A number no record could have is left for the form to refuse, not looked up.
    chosen = args.get("priority", type=database_id)
    # The records, not only their names: the report then names its limits without asking again.
    return {
        "meeting_type": [(kind.id, kind.name) for kind in directory.meeting_types()],
        "owner": [(owner.id, owner.name) for owner in directory.organisations()],
        "priority": plan_queries.priority_choices(
            earlier=bool(args.get("earlier")), keep=[chosen] if chosen is not None else []
        ),
    }


def read_form() -> tuple[OutstandingReportForm, dict | None]:
    """The form read from the URL, and the report's limits it asks for (None if they are wrong)."""
    form = OutstandingReportForm(formdata=request.args, options=report_options(request.args))
    if not form.validate():
        return form, None
    return form, {
        "as_at": form.as_at.data or today(),
        "visibility": queries.visibility(current_user),
        "meeting_type_id": form.id_value("meeting_type"),
        "owner_id": form.id_value("owner"),
        "priority_id": form.id_value("priority"),
    }


def read_selection():
    """The form, and the actions it asks for, not yet read (None if the options are wrong)."""
    form, limits = read_form()
    return form, (select_outstanding(**limits) if limits is not None else None)


def canonical_args(form: OutstandingReportForm, report) -> dict:
    """The report's options as short URL arguments, for its download links."""
    args = {"as_at": report.as_at.isoformat()}
    for name in ("meeting_type", "owner", "priority"):
        if form.id_value(name) is not None:
            args[name] = form.id_value(name)
    return args


@bp.get("/reports/outstanding-actions")
@permission_required(Permission.READ_REPORTS)
def outstanding_actions():
    # The page shows counts and the first few; the downloads and the register list them all.
    form, limits = read_form()
    report = (
        outstanding_page(**limits, reader=queries.visibility_key(current_user))
        if limits is not None
        else None
    )
    downloads = {}
    register = None
    if report is not None:
        args = canonical_args(form, report)
        downloads = {
            "docx": url_for("reports.outstanding_actions_docx", **args),
            "csv": url_for("reports.outstanding_actions_csv", **args),
        }
        # The register lists every one of them; it has no "as at", so it shows them as today.
        register = url_for(
            "actions.index",
            status="outstanding",
            sort="overdue",
            **{name: value for name, value in args.items() if name != "as_at"},
        )
    return render_template(
        "reports/outstanding.html",
        form=form,
        report=report,
        downloads=downloads,
        register=register,
    ), (200 if report is not None else 400)


def wrong_options(form):
    return render_template("reports/outstanding.html", form=form, report=None, downloads={}), 400


def filename(selection, extension: str) -> str:
    return f"outstanding-actions-{selection.as_at.isoformat()}.{extension}"


@bp.get("/reports/outstanding-actions.docx")
@permission_required(Permission.READ_REPORTS)
def outstanding_actions_docx():
    form, selection = read_selection()
    if selection is None:
        return wrong_options(form)
    return word.send_docx(build_docx(selection.report()), filename(selection, "docx"))


@bp.get("/reports/outstanding-actions.csv")
@permission_required(Permission.READ_REPORTS)
def outstanding_actions_csv():
    form, selection = read_selection()
    if selection is None:
        return wrong_options(form)
    # Sent as the rows are read: the first arrive at once, and no more than a batch is held.
    response = Response(
        stream_with_context(csv_pieces(selection.as_at, selection.rows())), mimetype="text/csv"
    )
    response.headers.set("Content-Disposition", "attachment", filename=filename(selection, "csv"))
    response.headers["Cache-Control"] = "no-cache"
    return response
