"""Changing actions in the API: a lead's update and the Deputy Mayor's decision.

As the action's page does it (tracker/actions/change_views.py): the page's own forms check what
was sent, with the page's messages, and the services make the change or refuse it
(tracker/api/problems.py turns their refusals into problems; nothing is saved). The version the
client read comes in If-Match and goes to the service as the version the page showed.
"""

from flask import url_for
from flask_login import current_user

from tracker.actions import services
from tracker.actions.forms import SignOffForm, UpdateForm
from tracker.actions.views import load_action
from tracker.api import bp
from tracker.api.actions import NOT_FOUND, TAGS, etag_of, one_action, refusals
from tracker.api.etags import require_if_match
from tracker.api.schemas.actions import ActionSchema, DecisionBody, UpdateBody
from tracker.api.web_forms import checked, filled
from tracker.auth.permissions import Permission, permission_required

CHANGE_REFUSALS = {
    404: NOT_FOUND,
    409: "The action's state does not allow it (the web's message is the detail); nothing saved",
    412: "The action changed since you read it, or If-Match is not its ETag; nothing saved",
    428: "If-Match is missing: send the ETag you read",
}


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


@bp.route("/actions/<int:action_id>/updates", methods=["POST"], tags=TAGS)
@permission_required(Permission.READ_ACTIONS)
@bp.arguments(UpdateBody)
@bp.response(201, ActionSchema)
@bp.doc(parameters=[IF_MATCH])
@refusals({
    403: "Not the owning organisation's lead or the secretariat, or a read-only token",
    **CHANGE_REFUSALS,
})
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
    form = filled(UpdateForm, body, "update")
    checked(form)
    services.add_update(action, current_user, **form.update(), seen_version=seen)
    return changed(action_id)


# The decision's names in the API, and the sign-off form's.
DECISION_CHOICES = {"sign-off": "close", "send-back": "send_back"}


@bp.route("/actions/<int:action_id>/decision", methods=["POST"], tags=TAGS)
# Before the body is read (as the web's decorator comes first): the role decides.
@permission_required(Permission.SIGN_OFF_ACTIONS)
@bp.arguments(DecisionBody)
@bp.response(201, ActionSchema)
@bp.doc(parameters=[IF_MATCH])
@refusals({403: "Only the Deputy Mayor decides, with a read and write token", **CHANGE_REFUSALS})
def decide_action(body, action_id: int):
    """The Deputy Mayor signs off an action completed and awaiting sign-off, or sends it back
    (with the reason: what is still to do, and optionally a new due date).

    If-Match is required: an action changed since you read it is 412 and nothing is saved.
    """
    action = load_action(action_id)
    seen = require_if_match("action", action_id)
    form = filled(
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
