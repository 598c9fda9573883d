"""The outstanding-actions report in the API: its rows as JSON, a page at a time.

The options are the page's, read by the page's own form (`read_form`, which also applies the
confidential rule: only actions the token's user may see); the rows are the downloads' rows
(`data.read_rows` over `data.row_query`), most overdue first, that is in the register's due-date
order, so a page starts after the last row of the one before along the same index
(`register.window`): page 200 costs what page 1 costs.
"""

import sqlalchemy as sa
from flask import url_for

from tracker.actions import register
from tracker.actions.models import Action
from tracker.api import bp, paging
from tracker.api.actions import cursor_after, edge_in
from tracker.api.schemas.reports import OutstandingOptions, OutstandingPageSchema
from tracker.api.web_forms import checked
from tracker.auth.permissions import Permission, permission_required
from tracker.extensions import db
from tracker.reports.outstanding.data import read_rows, row_query, select_outstanding
from tracker.reports.outstanding.views import read_form

# The report lists outstanding actions only, for which "most overdue first" is the due-date
# order (queries.due_order): the register's pages in the order "due" walk it.
ORDER = "due"


def row(found) -> dict:
    return {**vars(found), "url": url_for("api.get_action", action_id=found.action_id)}


@bp.route("/reports/outstanding-actions", methods=["GET"], tags=["Reports"])
@bp.arguments(OutstandingOptions, location="query")
@bp.response(200, OutstandingPageSchema)
@permission_required(Permission.READ_REPORTS)
def outstanding_actions_report(args):
    """The outstanding-actions report's rows, most overdue first, with the page's options.

    Outstanding means not closed, superseded or dropped; the report is as at a date (today if
    not given). Confidential actions appear only for those who may see them, as on the page.
    """
    form, limits = read_form()
    if limits is None:
        checked(form)
    edge = edge_in(args, ORDER)
    start = register.position(edge, ORDER) if edge else None
    limit = args["limit"]
    selection = select_outstanding(**limits)
    nearest = register.window(
        sa.select(Action).where(selection.condition), ORDER, selection.as_at, start, True, limit + 1
    )
    rows = list(
        read_rows(
            db.session.execute(row_query(Action.id.in_(nearest), limit=limit + 1)),
            selection.as_at,
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    page = paging.Page(
        [row(found) for found in rows],
        cursor_after(register.edge(rows[-1], ORDER, selection.as_at) if more else None),
    )
    body = {
        "as_at": selection.as_at,
        "title": selection.title,
        "limited_to": selection.limited_to,
        **page.body(),
    }
    return body, page.headers()
