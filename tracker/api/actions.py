"""Actions in the API: the register with every filter, one action with its history, a lead's
update and the Deputy Mayor's decision.

Nothing here decides who may do what or what a change may be: the register's own form
(`RegisterFilterForm`) checks the filters against what the page offers, the action page's forms
check an update or a decision as they do for the web, and the services (`actions.services`) make
the change and refuse it with the web's messages (tracker/api/problems.py turns the refusals into
problems). The token's user is `current_user`, so `queries.visible` and the permission checks
apply as they do on the pages.
"""

from flask import url_for
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from tracker.actions import listed, queries, register, services
from tracker.actions.forms import RegisterFilterForm, SignOffForm, UpdateForm
from tracker.actions.models import Action, UpdateKind
from tracker.actions.views import load_action, register_filters
from tracker.api import bp, paging
from tracker.api.etags import record_etag, require_if_match, set_etag
from tracker.api.problems import MEDIA_TYPE, ProblemSchema, abort_problem
from tracker.api.schemas.actions import (
    ActionFilters,
    ActionSchema,
    DecisionBody,
    ListedActionSchema,
    UpdateBody,
)
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
CHANGE_REFUSALS = {
    404: NOT_FOUND,
    409: "The action's state does not allow it (the web's message is the detail); nothing saved",
    412: "The action changed since you read it, or If-Match is not its ETag; nothing saved",
    428: "If-Match is missing: send the ETag you read",
}


def checked(form, names: dict[str, str] | None = None) -> None:
    """Stop with a 422 problem naming each field the web's `form` refused, under the API's
    names (`names` maps the form's to the API's where they differ)."""
    if form.validate():
        return
    names = names or {}
    errors = {
        names.get(field, field): [str(message) for message in messages]
        for field, messages in form.errors.items()
    }
    abort_problem(422, "Some of what you sent is not valid. Nothing was saved.", errors=errors)


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
        "owner": organisation(action.owner),
        "lead": {"id": action.lead.id, "name": action.lead.name} if action.lead else None,
        "meeting": {
            "id": action.meeting.id,
            "starts_at": action.meeting.starts_at,
            "meeting_type": action.meeting.meeting_type.name,
        },
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
        queries.visible(current_user).where(*filters.conditions(as_at)),
        filters.sort,
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
        "owner": organisation(action.owner),
        "lead": {"id": action.lead.id, "name": action.lead.name} if action.lead else None,
        "meeting": {
            "id": action.meeting.id,
            "starts_at": action.meeting.starts_at,
            "meeting_type": action.meeting.meeting_type.name,
        },
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


IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": True,
    "schema": {"type": "string"},
    "description": 'The ETag of the action as you read it, such as "action-12-v3"',
}


def changed(action_id: int):
    """The action as it now stands, answered 201 with its new ETag, after a change."""
    action = load_action(action_id)
    return one_action(action), 201, {
        "ETag": etag_of(action),
        "Location": url_for("api.get_action", action_id=action_id),
    }


def web_form(form_class, data: dict, prefix: str):
    """The web's form filled from a JSON body (already typed by the schema), so the page's rules
    and messages apply: dates go in as ISO dates, which the date fields take."""
    formdata = MultiDict(
        (f"{prefix}-{name}", value.isoformat() if hasattr(value, "isoformat") else str(value))
        for name, value in data.items()
        if value is not None
    )
    return form_class(formdata=formdata, prefix=prefix, meta={"csrf": False})


@bp.route("/actions/<int:action_id>/updates", methods=["POST"], tags=TAGS)
@bp.arguments(UpdateBody)
@bp.response(201, ActionSchema)
@bp.doc(parameters=[IF_MATCH])
@refusals({
    403: "Not the owning organisation's lead or the secretariat, or a read-only token",
    **CHANGE_REFUSALS,
})
@permission_required(Permission.READ_ACTIONS)
def add_action_update(body, action_id: int):
    """A progress update by the owning organisation's lead (or the secretariat for them).

    It may move the status between open, in progress and completed – awaiting sign-off, link to
    evidence, and ask for a new due date with a reason. If-Match is required: an action changed
    since you read it is 412 and nothing is saved.
    """
    action = load_action(action_id)
    # Refused before the body is read, as on the web: nothing another organisation sends is used.
    services.require_can_update(current_user, action)
    seen = require_if_match("action", action_id)
    form = web_form(UpdateForm, body, "update")
    checked(form)
    services.add_update(
        action,
        current_user,
        note=form.note.data,
        status=form.status.data,
        evidence_url=form.evidence_url.data or "",
        requested_due_on=form.requested_due_on.data,
        reason=form.reason.data or "",
        seen_version=seen,
    )
    return changed(action_id)


# The decision's names in the API, and the sign-off form's.
DECISION_CHOICES = {"sign-off": "close", "send-back": "send_back"}


@bp.route("/actions/<int:action_id>/decision", methods=["POST"], tags=TAGS)
@bp.arguments(DecisionBody)
@bp.response(201, ActionSchema)
@bp.doc(parameters=[IF_MATCH])
@refusals({403: "Only the Deputy Mayor decides, with a read and write token", **CHANGE_REFUSALS})
@permission_required(Permission.SIGN_OFF_ACTIONS)
def decide_action(body, action_id: int):
    """The Deputy Mayor signs off an action completed and awaiting sign-off, or sends it back
    (with the reason: what is still to do, and optionally a new due date).

    If-Match is required: an action changed since you read it is 412 and nothing is saved.
    """
    action = load_action(action_id)
    seen = require_if_match("action", action_id)
    form = web_form(
        SignOffForm,
        {
            "decision": DECISION_CHOICES[body["decision"]],
            "note": body["reason"],
            "due_on": body["due_on"],
        },
        "signoff",
    )
    checked(form, {"note": "reason"})
    if form.decision.data == "close":
        services.sign_off(action, current_user, note=form.note.data or "", seen_version=seen)
    else:
        services.send_back(
            action,
            current_user,
            note=form.note.data or "",
            due_on=form.due_on.data,
            seen_version=seen,
        )
    return changed(action_id)
