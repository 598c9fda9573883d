"""Actions in the API: the register with every filter, and one action with its history.

Nothing here decides what the reader may see or what a filter may be: the register's own form
(`RegisterFilterForm`) checks the filters against what the page offers, the register's pages
(`actions.register`) give the rows and where the next page starts, and `queries.visible` and
`load_action` leave out what the token's user (`current_user`) may not see, as on the pages.
The changes are in `action_changes`.
"""

from flask import url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from tracker.actions import listed, queries, register
from tracker.actions.forms import RegisterFilterForm
from tracker.actions.models import Action, UpdateKind
from tracker.actions.views import load_action, register_filters
from tracker.api import bp, paging
from tracker.api.etags import record_etag, set_etag
from tracker.api.problems import MEDIA_TYPE, ProblemSchema, abort_problem
from tracker.api.schemas.actions import ActionFilters, ActionSchema, ListedActionSchema
from tracker.api.web_forms import checked
from tracker.auth.permissions import Permission, permission_required
from tracker.kit.dates import today

TAGS = ["Actions"]

# The register form's field for each of the API's filter names (the page's URL is shorter).
REGISTER_FIELDS = {
    "text": "q",
    "status": "status",
    "owner": "owner",
    "lead": "lead",
    "meeting_type": "meeting_type",
    "meeting": "meeting",
    "priority": "priority",
    "indicator": "indicator",
    "due": "due",
    "within_days": "days",
    "sort": "sort",
}
API_NAMES = {form_name: api_name for api_name, form_name in REGISTER_FIELDS.items()}


def refusals(described: dict[int, str]):
    """Document the problems a route may answer with, beside its success (for /api/v1/docs)."""

    def decorator(view):
        for status, description in described.items():
            view = bp.alt_response(
                status, schema=ProblemSchema, content_type=MEDIA_TYPE, description=description
            )(view)
        return view

    return decorator


NOT_FOUND = "No such action, or one you may not see (a confidential one): as on the web"


def read_filters(args: dict, as_at) -> queries.RegisterFilters:
    """The register's filters from the API's arguments, checked by the register's own form
    against the choices the page offers (an owner, meeting or priority that does not exist is
    refused, as the page leaves it out)."""
    formdata = MultiDict(
        (REGISTER_FIELDS[name], str(value))
        for name, value in args.items()
        if name in REGISTER_FIELDS and value is not None
    )
    form = RegisterFilterForm(
        formdata=formdata,
        options=register.filter_options(formdata, as_at),
        meta={"csrf": False},
    )
    checked(form, API_NAMES)
    return register_filters(form)


def edge_in(args: dict, sort: str) -> str:
    """The register's "after this one" (`register.edge`) that the page's cursor carries, or ""
    for the first page; a 422 problem for a cursor no page in the order `sort` gave."""
    if not args.get("cursor"):
        return ""
    edge = paging.decode_cursor(args["cursor"], [Action.reference])[0]
    if register.position(edge, sort) is None:
        abort_problem(
            422,
            "The cursor is not one this list gave: start again without ?cursor=.",
            errors={"cursor": ["Not a valid cursor."]},
        )
    return edge


def cursor_after(edge: str | None) -> str | None:
    """The next page's cursor: the register's edge, opaque to the client."""
    return paging.encode_cursor([edge]) if edge else None


def organisation(owner) -> dict:
    return {"id": owner.id, "name": owner.name, "short_name": owner.short_name}


def whose_and_where(action) -> dict:
    """The owner, lead and meeting of an action or a register row, as every action answer has them."""
    return {
        "owner": organisation(action.owner),
        "lead": {"id": action.lead.id, "name": action.lead.name} if action.lead else None,
        "meeting": {
            "id": action.meeting.id,
            "starts_at": action.meeting.starts_at,
            "meeting_type": action.meeting.meeting_type.name,
        },
    }


def listed_action(action: listed.ListedAction, latest: listed.LatestEntry | None, as_at) -> dict:
    return {
        "id": action.id,
        "reference": action.reference,
        "text": action.text,
        "confidential": action.confidential,
        "status": action.status,
        "status_label": action.status_label,
        "due_on": action.due_on,
        "closed_on": action.closed_on,
        "days_overdue": action.days_overdue(as_at),
        **whose_and_where(action),
        "item_number": action.agenda_item.number if action.agenda_item else None,
        "latest_update": None
        if latest is None
        else {
            "kind": latest.kind,
            "kind_label": UpdateKind.label_of(latest.kind),
            "note": latest.note,
            "created_at": latest.created_at,
            "author": latest.author_name,
        },
        "url": url_for("api.get_action", action_id=action.id),
    }


@bp.route("/actions", methods=["GET"], tags=TAGS)
@bp.arguments(ActionFilters, location="query")
@bp.response(200, paging.page_schema(ListedActionSchema))
@permission_required(Permission.READ_ACTIONS)
def list_actions(args):
    """The register: the actions you may see, with the register's filters and sorts.

    Confidential actions appear only for those who may see them, as on the register's page.
    A page starts after the last action of the one before (`cursor`).
    """
    as_at = today()
    filters = read_filters(args, as_at)
    page = register.fetch(
        current_user,
        filters,
        as_at,
        {"after": edge_in(args, filters.sort)},
        per_page=args["limit"],
    )
    latest = listed.latest_entries([action.id for action in page.items])
    found = paging.Page(
        [listed_action(action, latest.get(action.id), as_at) for action in page.items],
        cursor_after(page.after),
    )
    return found.body(), found.headers()


def one_action(action: Action) -> dict:
    """The action as its page shows it: its links to the plan and its history, oldest first."""
    as_at = today()
    item = action.agenda_item
    return {
        "id": action.id,
        "reference": action.reference,
        "text": action.text,
        "confidential": action.confidential,
        "recurring": action.recurring,
        "status": action.status,
        "status_label": action.status_label,
        "status_reason": action.status_reason,
        "raised_on": action.raised_on,
        "due_on": action.due_on,
        "closed_on": action.closed_on,
        "days_overdue": action.days_overdue(as_at),
        "requested_due_on": action.requested_due_on,
        "requested_due_reason": action.requested_due_reason,
        "version": action.version,
        **whose_and_where(action),
        "agenda_item": {"id": item.id, "number": item.number, "title": item.title}
        if item
        else None,
        "priorities": [
            {"id": priority.id, "title": priority.title, "plan": str(priority.plan)}
            for priority in action.priorities
        ],
        "indicators": [
            {"id": indicator.id, "name": indicator.name} for indicator in action.indicators
        ],
        "history": [
            {
                "id": entry.id,
                "kind": entry.kind,
                "kind_label": entry.kind_label,
                "created_at": entry.created_at,
                "author": entry.author_name,
                "author_id": entry.author_id,
                "note": entry.note,
                "old_status": entry.old_status,
                "new_status": entry.new_status,
                "evidence_url": entry.evidence_url,
                "changes": entry.changes or {},
            }
            for entry in action.updates
        ],
    }


def etag_of(action: Action) -> str:
    return record_etag("action", action.id, action.version)


@bp.route("/actions/<int:action_id>", methods=["GET"], tags=TAGS)
@bp.response(200, ActionSchema)
@refusals({404: NOT_FOUND})
@permission_required(Permission.READ_ACTIONS)
def get_action(action_id: int):
    """One action with its links to the plan and its history (who, when, what).

    Its ETag names its version: send it back in If-Match to change the action. An action you may
    not see (a confidential one) is 404, as if it did not exist, as on the web.
    """
    found = load_action(action_id)
    set_etag(etag_of(found))
    return one_action(found)
