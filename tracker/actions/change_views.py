"""The routes that change an action: a lead's update, the DMPC's decisions, the secretariat's edits.

Each parses its form, calls the service and commits. A change made from a page showing an older
version of the action is not saved: the page comes back (409) with the newer version and
everything the person typed, so they can check and send it again.
"""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from tracker.actions import bp, services
from tracker.actions.forms import (
    EditActionForm,
    ExtensionForm,
    SetAsideForm,
    SignOffForm,
    UpdateForm,
)
from tracker.actions.models import Action, ActionStatus
from tracker.actions.services import ActionChanged, ActionError, NotAllowed
from tracker.actions.views import load_action, render_action
from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.directory.models import Organisation, Person
from tracker.extensions import db
from tracker.plans import queries as plan_queries
from tracker.plans.models import Indicator, Priority


def apply(action_id: int, change, form, *, render, success: str):
    """Run `change` (a service, which commits) and redirect to the action with `success`.

    If the action changed since the person opened it, or its state no longer allows the change,
    nothing is saved and the form comes back with what they typed.
    """
    try:
        change()
    except ActionChanged:
        db.session.rollback()
        return render(load_action(action_id), form, code=409, changed=True)
    except NotAllowed:
        db.session.rollback()
        abort(403)
    except ActionError as error:
        db.session.rollback()
        if error.field and error.field in form:
            form[error.field].errors = [*form[error.field].errors, str(error)]
            return render(load_action(action_id), form, code=400)
        return render(load_action(action_id), form, code=409, problem=str(error))
    flash(success, "success")
    return redirect(url_for("actions.detail", action_id=action_id))


def on_action_page(action, form, *, code, changed=False, problem=""):
    return render_action(action, code=code, active=form, changed=changed, problem=problem)


@bp.post("/actions/<int:action_id>/updates")
@permission_required(Permission.READ_ACTIONS)
def add_update(action_id: int):
    action = load_action(action_id)
    # Refused before the form is read: nothing a lead of another organisation sends is used.
    try:
        services.require_can_update(current_user, action)
    except NotAllowed:
        abort(403)
    form = UpdateForm(prefix="update")
    if not form.validate():
        return on_action_page(action, form, code=400)
    return apply(
        action_id,
        lambda: services.add_update(
            action, current_user, **form.update(), seen_version=form.seen_version
        ),
        form,
        render=on_action_page,
        success="Your update was saved."
        + (
            " The Deputy Mayor will decide on the new due date."
            if form.requested_due_on.data
            else ""
        ),
    )


@bp.post("/actions/<int:action_id>/sign-off")
@permission_required(Permission.SIGN_OFF_ACTIONS)
def sign_off(action_id: int):
    action = load_action(action_id)
    form = SignOffForm(prefix="signoff")
    if not form.validate():
        return on_action_page(action, form, code=400)
    if form.decision.data == "close":
        change = lambda: services.sign_off(  # noqa: E731
            action, current_user, note=form.note.data or "", seen_version=form.seen_version
        )
        success = f"Action {action.reference} is signed off and closed."
    else:
        change = lambda: services.send_back(  # noqa: E731
            action,
            current_user,
            note=form.note.data or "",
            due_on=form.due_on.data,
            seen_version=form.seen_version,
        )
        success = f"Action {action.reference} was sent back to {action.owner.short_name}."
    return apply(action_id, change, form, render=on_action_page, success=success)


@bp.post("/actions/<int:action_id>/more-time")
@permission_required(Permission.SIGN_OFF_ACTIONS)
def decide_extension(action_id: int):
    action = load_action(action_id)
    form = ExtensionForm(prefix="extension")
    if not form.validate():
        return on_action_page(action, form, code=400)
    accept = form.decision.data == "accept"
    return apply(
        action_id,
        lambda: services.decide_extension(
            action,
            current_user,
            accept=accept,
            note=form.note.data or "",
            seen_version=form.seen_version,
        ),
        form,
        render=on_action_page,
        success="The new due date is agreed."
        if accept
        else "The request for more time is refused.",
    )


def edit_options(action: Action) -> dict[str, list]:
    """The current plan's priorities and indicators, and any of an earlier version the action is
    already linked to (labelled with their version), so saving keeps them."""
    return {
        "owner": directory.organisation_choices(),
        "priorities": plan_queries.priority_choices(keep=[p.id for p in action.priorities]),
        "indicators": plan_queries.indicator_choices(keep=[i.id for i in action.indicators]),
    }


def form_page(template: str):
    """How a page of its own whose form changes the action (edit, set aside) is shown: with the
    version now shown, and what went wrong."""

    def render(action, form, *, code=200, changed=False, problem=""):
        form.version.data = str(action.version)
        return render_template(
            template, action=action, form=form, changed=changed, problem=problem
        ), code

    return render


render_edit = form_page("actions/edit.html")
render_set_aside = form_page("actions/set_aside.html")


@bp.route("/actions/<int:action_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.EDIT_ACTIONS)
def edit(action_id: int):
    action = load_action(action_id)
    form = EditActionForm(options=edit_options(action))
    if not form.is_submitted():
        form.text.data = action.text
        form.owner.data = str(action.owner_id)
        form.lead.data = str(action.lead_id or "")
        form.due_on.data = action.due_on
        form.priorities.data = [str(priority.id) for priority in action.priorities]
        form.indicators.data = [str(indicator.id) for indicator in action.indicators]
        form.confidential.data = action.confidential
        form.recurring.data = action.recurring
    form.offer_leads(directory.people(), blank="No named lead")  # the owner's people
    if not form.is_submitted():
        return render_edit(action, form)
    if not form.validate():
        return render_edit(action, form, code=400)
    owner = db.session.get(Organisation, int(form.owner.data))
    lead = db.session.get(Person, int(form.lead.data)) if form.lead.data else None
    priorities = db.session.scalars(
        sa.select(Priority).where(Priority.id.in_([int(value) for value in form.priorities.data]))
    ).all()
    indicators = db.session.scalars(
        sa.select(Indicator).where(Indicator.id.in_([int(value) for value in form.indicators.data]))
    ).all()

    def change():
        services.edit(
            action,
            current_user,
            text=form.text.data,
            owner=owner,
            lead=lead,
            due_on=form.due_on.data,
            priorities=priorities,
            indicators=indicators,
            confidential=form.confidential.data,
            recurring=form.recurring.data,
            note=form.note.data or "",
            seen_version=form.seen_version,
        )

    return apply(
        action_id,
        change,
        form,
        render=render_edit,
        success=f"Action {action.reference} was updated.",
    )


@bp.route("/actions/<int:action_id>/supersede-or-drop", methods=["GET", "POST"])
@permission_required(Permission.EDIT_ACTIONS)
def set_aside(action_id: int):
    action = load_action(action_id)
    if not action.is_outstanding:
        problem = f"This action is {action.status_label.lower()}; it can no longer be changed."
        return render_set_aside(action, SetAsideForm(formdata=None), code=409, problem=problem)
    form = SetAsideForm()
    if not form.is_submitted():
        return render_set_aside(action, form)
    if not form.validate():
        return render_set_aside(action, form, code=400)
    label = ActionStatus(form.status.data).label.lower()
    return apply(
        action_id,
        lambda: services.set_aside(
            action,
            current_user,
            status=form.status.data,
            reason=form.reason.data,
            seen_version=form.seen_version,
        ),
        form,
        render=render_set_aside,
        success=f"Action {action.reference} is marked as {label}.",
    )
