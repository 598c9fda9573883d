"""Actions: the register, one action's page with its history, and the overdue review.

The routes that change an action (updates, sign-off, edits) are in `change_views`, on the same
blueprint.
"""

import sqlalchemy as sa
from flask import abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy.orm import selectinload

from tracker.actions import bp, counts, queries, register
from tracker.actions import overdue as overdue_review
from tracker.actions.forms import (
    ExtensionForm,
    RegisterFilterForm,
    SignOffForm,
    UpdateForm,
)
from tracker.actions.models import Action, ActionStatus, ActionUpdate
from tracker.auth.models import User
from tracker.auth.permissions import (
    Permission,
    can,
    can_see_action,
    can_update_action,
    permission_required,
)
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.plans.models import Priority


def register_filters(form: RegisterFilterForm) -> queries.RegisterFilters:
    return queries.RegisterFilters(
        text=(form.value("q") or "").strip(),
        status=form.value("status") or "",
        owner_id=form.id_value("owner"),
        lead_id=form.id_value("lead"),
        meeting_type_id=form.id_value("meeting_type"),
        meeting_id=form.id_value("meeting"),
        priority_id=form.id_value("priority"),
        indicator_id=form.id_value("indicator"),
        due=form.value("due") or "",
        within_days=form.value("days") or 14,
        sort=form.value("sort") or "due",
    )


@bp.get("/actions")
@permission_required(Permission.READ_ACTIONS)
def index():
    as_at = today()
    form = RegisterFilterForm.for_view(request.args, register.filter_options(request.args, as_at))
    filters = register_filters(form)
    page, table = register.listing(
        current_user, filters, as_at, request.args, per_page=current_app.config["PER_PAGE"]
    )
    filtered = any(
        key not in ("sort", "page", "after", "before", "days", "earlier", "year") and value
        for key, value in request.args.items()
    )
    return render_template(
        "actions/index.html",
        form=form,
        page=page,
        table=table,
        as_at=as_at,
        filtered=filtered,
        count_cap=register.COUNT_CAP,
    )


@bp.get("/actions/overdue")
@permission_required(Permission.READ_ACTIONS)
def overdue():
    return render_template(
        "actions/overdue.html",
        review=overdue_review.review(current_user, today()),
        waiting=waiting_for_decision() if can(current_user, Permission.SIGN_OFF_ACTIONS) else None,
        count_cap=queries.COUNT_CAP,
    )


def waiting_for_decision() -> dict[str, int]:
    """How many actions wait for the DMPC (completed ones to sign off, and requests for more
    time), each counted up to COUNT_CAP off its own index, in one query, kept until the actions
    change."""
    visible = queries.visible(current_user)
    sign_off, more_time = counts.kept(
        "waiting for decision",
        (queries.visibility_key(current_user),),
        lambda: queries.capped_counts(
            visible.where(Action.status == ActionStatus.AWAITING_SIGN_OFF),
            # Worded as the partial index of requests is (migration 0008).
            visible.where(Action.requested_due_on.is_not(None), queries.outstanding_condition()),
        ),
    )
    return {"sign_off": sign_off, "more_time": more_time}


def load_action(action_id: int) -> Action:
    """The action with its history, or 404 if it does not exist or `current_user` may not see it."""
    action = db.session.scalar(
        sa.select(Action)
        .where(Action.id == action_id)
        .options(
            *queries.LIST_LOADS,
            selectinload(Action.priorities).selectinload(Priority.plan),
            selectinload(Action.indicators),
            selectinload(Action.updates)
            .selectinload(ActionUpdate.author)
            .selectinload(User.person),
        )
    )
    # A confidential action does not reveal that it exists to those who may not see it.
    if action is None or not can_see_action(current_user, action):
        abort(404)
    return action


def render_action(
    action: Action, *, code: int = 200, active=None, changed: bool = False, problem: str = ""
):
    """The action's page with the forms the user may use; `active` is a submitted form to keep."""
    forms = {}
    if action.is_outstanding and can_update_action(current_user, action):
        forms["update_form"] = UpdateForm(
            prefix="update", formdata=None, data={"status": action.status}
        )
    if can(current_user, Permission.SIGN_OFF_ACTIONS):
        if action.status == ActionStatus.AWAITING_SIGN_OFF:
            forms["sign_off_form"] = SignOffForm(prefix="signoff", formdata=None)
        if action.requested_due_on and action.is_outstanding:
            forms["extension_form"] = ExtensionForm(prefix="extension", formdata=None)
    for form in forms.values():
        form.version.data = str(action.version)
    if active is not None:
        # Keep what the person typed, but answer to the version now shown.
        active.version.data = str(action.version)
        forms[FORM_NAMES[type(active)]] = active
    return (
        render_template(
            "actions/detail.html",
            action=action,
            as_at=today(),
            history=list(reversed(action.updates)),
            form=active,
            changed=changed,
            problem=problem,
            **forms,
        ),
        code,
    )


FORM_NAMES = {
    UpdateForm: "update_form",
    SignOffForm: "sign_off_form",
    ExtensionForm: "extension_form",
}


@bp.get("/actions/<int:action_id>")
@permission_required(Permission.READ_ACTIONS)
def detail(action_id: int):
    return render_action(load_action(action_id))
