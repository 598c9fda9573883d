"""The outstanding-actions report: a page, and Word and CSV downloads of the same report.

The options live in the URL (?as_at=2024-02-27&meeting_type=..&owner=..&priority=..), so the page
can be bookmarked and its downloads carry the same options. Confidential actions appear only for
those who may see them.
"""

from io import BytesIO

from flask import render_template, request, send_file, url_for
from flask_login import current_user

from tracker.actions import queries
from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.kit import docx as word
from tracker.kit.dates import today
from tracker.plans import queries as plan_queries
from tracker.reports import bp
from tracker.reports.outstanding.csv import build_csv
from tracker.reports.outstanding.data import outstanding
from tracker.reports.outstanding.docx import build_docx
from tracker.reports.outstanding.forms import OutstandingReportForm
from tracker.reports.outstanding.page import outstanding_page


def report_options(args) -> dict[str, list]:
    """The choices of the report's options. Plan priorities are the current plan's; earlier
    versions' when the URL asks (`earlier`), or the one already chosen, labelled with their version."""
    chosen = args.get("priority", "")
    # The records, not only their names: the report then names its limits without asking again.
    return {
        "meeting_type": [(kind.id, kind.name) for kind in directory.meeting_types()],
        "owner": [(owner.id, owner.name) for owner in directory.organisations()],
        "priority": plan_queries.priority_choices(
            earlier=bool(args.get("earlier")), keep=[int(chosen)] if chosen.isdigit() else []
        ),
    }


def read_options(gather=outstanding):
    """The form read from the URL, and the report it asks for (None if the options are wrong):
    `gather` is `outstanding` for the full list, `outstanding_page` for the page's counts."""
    form = OutstandingReportForm(formdata=request.args, options=report_options(request.args))
    if not form.validate():
        return form, None
    report = gather(
        form.as_at.data or today(),
        visibility=queries.visibility(current_user),
        meeting_type_id=form.id_value("meeting_type"),
        owner_id=form.id_value("owner"),
        priority_id=form.id_value("priority"),
    )
    return form, report


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
    form, report = read_options(outstanding_page)
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


def download(build, extension: str, mimetype: str):
    form, report = read_options()
    if report is None:
        return render_template(
            "reports/outstanding.html", form=form, report=None, downloads={}
        ), 400
    return send_file(
        BytesIO(build(report)),
        mimetype=mimetype,
        as_attachment=True,
        download_name=f"outstanding-actions-{report.as_at.isoformat()}.{extension}",
        max_age=0,
    )


@bp.get("/reports/outstanding-actions.docx")
@permission_required(Permission.READ_REPORTS)
def outstanding_actions_docx():
    return download(build_docx, "docx", word.MIMETYPE)


@bp.get("/reports/outstanding-actions.csv")
@permission_required(Permission.READ_REPORTS)
def outstanding_actions_csv():
    return download(build_csv, "csv", "text/csv")
