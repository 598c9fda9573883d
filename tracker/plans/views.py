"""Plans, priorities and indicators: reading them, and the forms that change them.

Reading needs READ_PLANS. Entering values, rating priorities and linking actions need EDIT_PLANS
(the Policing and Crime team); shaping a plan (adding or copying plans, priorities, themes,
objectives, indicators, and making a plan current) is an administrator's job (ADMINISTER).
"""

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

# Upward, on purpose: a priority's and an indicator's pages list the actions that serve them,
# and link actions to them; the actions domain owns those queries and that change.
from tracker.actions import plan_links
from tracker.actions import queries as action_queries
from tracker.actions.models import Action
from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.plans import bp, csv_upload, forms, measures, performance, queries, services
from tracker.plans.models import (
    DISTRICTS,
    FORCE,
    Plan,
    Priority,
    Rating,
)
from tracker.request_guard import accepts_upload

# --- Reading ------------------------------------------------------------------------------------


@bp.get("/plans")
@permission_required(Permission.READ_PLANS)
def index():
    return render_template("plans/index.html", plans=services.plans_in_order())


@bp.get("/plans/<int:plan_id>")
@permission_required(Permission.READ_PLANS)
def plan(plan_id: int):
    found = queries.load_plan(plan_id)
    return render_template("plans/plan.html", plan=found)


@bp.get("/priorities/<int:priority_id>")
@permission_required(Permission.READ_PLANS)
def priority(priority_id: int):
    found = queries.load_priority(priority_id)
    return _render_priority(found, forms.LinkActionForm(formdata=None))


def _render_priority(found: Priority, link_form):
    as_at = today()
    link_form.indicators.choices = forms.choices(
        (str(i.id), i.name) for i in found.indicators)
    return render_template(
        "plans/priority.html",
        priority=found,
        measures=[measures.measure(i, as_at) for i in found.indicators],
        actions=action_queries.for_priority(found, current_user, as_at),
        recently_closed_days=action_queries.RECENTLY_CLOSED_DAYS,
        as_at=as_at,
        form=link_form,
    )


@bp.get("/indicators/<int:indicator_id>")
@permission_required(Permission.READ_PLANS)
def indicator(indicator_id: int):
    found = queries.load_indicator(indicator_id)
    as_at = today()
    figures = measures.measure(found, as_at)
    periods = sorted({(v.period_end, v.period_label) for v in found.values}, reverse=True)
    cells = {(v.period_end, v.district): v for v in found.values}
    areas = [FORCE, *(d for d in DISTRICTS if d in figures.series)]
    return render_template(
        "plans/indicator.html",
        indicator=found,
        measure=figures,
        periods=periods,
        cells=cells,
        areas=areas,
        actions=action_queries.for_indicator(found, current_user),
        as_at=as_at,
    )


# --- Shaping plans (administrators) -------------------------------------------------------------


@bp.route("/plans/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def add_plan():
    form = forms.PlanForm()
    if form.validate_on_submit():
        new = services.add_plan(current_user, title=form.title.data.strip(),
                                version_label=(form.version_label.data or "").strip(),
                                starts_on=form.starts_on.data, ends_on=form.ends_on.data)
        flash(f"{new.title} added as a draft plan", "success")
        return redirect(url_for("plans.plan", plan_id=new.id))
    return render_template("plans/plan_form.html", form=form, heading="Add a plan", source=None)


@bp.route("/plans/<int:plan_id>/copy", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def copy_plan(plan_id: int):
    source = db.get_or_404(Plan, plan_id)
    form = forms.PlanForm()
    if request.method == "GET":
        form.title.data = source.title
        form.version_label.data = "New version"
    if form.validate_on_submit():
        new = services.copy_plan(source, current_user, title=form.title.data.strip(),
                                 version_label=(form.version_label.data or "").strip(),
                                 starts_on=form.starts_on.data, ends_on=form.ends_on.data,
                                 carry=lambda old, copy: plan_links.carry_forward(
                                     old, copy, current_user))
        flash(f"{source.title} copied into a new draft version; the original is unchanged",
              "success")
        return redirect(url_for("plans.plan", plan_id=new.id))
    return render_template("plans/plan_form.html", form=form,
                           heading=f"Copy {source.title} into a new version", source=source)


@bp.post("/plans/<int:plan_id>/make-current")
@permission_required(Permission.ADMINISTER)
def make_current(plan_id: int):
    found = db.get_or_404(Plan, plan_id)
    services.make_current(found, current_user)
    flash(f"{found.title} is now the current plan; the previous plan is archived", "success")
    return redirect(url_for("plans.plan", plan_id=found.id))


@bp.route("/plans/<int:plan_id>/priorities/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def add_priority(plan_id: int):
    found = db.get_or_404(Plan, plan_id)
    form = forms.PriorityForm()
    if form.validate_on_submit():
        new = services.add_priority(found, current_user, title=form.title.data.strip(),
                                    summary=(form.summary.data or "").strip())
        flash(f"Priority {new.title} added", "success")
        return redirect(url_for("plans.priority", priority_id=new.id))
    return render_template("plans/simple_form.html", form=form, plan=found,
                           heading="Add a priority", fields=["title", "summary"])


@bp.route("/plans/<int:plan_id>/themes/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def add_theme(plan_id: int):
    found = db.get_or_404(Plan, plan_id)
    form = forms.PriorityForm()
    if form.validate_on_submit():
        services.add_theme(found, current_user, title=form.title.data.strip(),
                           summary=(form.summary.data or "").strip())
        flash(f"Cross-cutting theme {form.title.data.strip()} added", "success")
        return redirect(url_for("plans.plan", plan_id=found.id))
    return render_template("plans/simple_form.html", form=form, plan=found,
                           heading="Add a cross-cutting theme", fields=["title", "summary"])


@bp.route("/priorities/<int:priority_id>/objectives/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def add_objective(priority_id: int):
    found = db.get_or_404(Priority, priority_id)
    form = forms.ObjectiveForm()
    if form.validate_on_submit():
        services.add_objective(found, current_user, kind=form.kind.data,
                               text=form.text.data.strip())
        flash(f"{form.kind.data.capitalize()} added", "success")
        return redirect(url_for("plans.priority", priority_id=found.id))
    return render_template("plans/simple_form.html", form=form, plan=found.plan, priority=found,
                           heading="Add an objective or outcome", fields=["kind", "text"])


@bp.route("/priorities/<int:priority_id>/indicators/new", methods=["GET", "POST"])
@permission_required(Permission.ADMINISTER)
def add_indicator(priority_id: int):
    found = db.get_or_404(Priority, priority_id)
    form = forms.IndicatorForm()
    if form.validate_on_submit():
        new = services.add_indicator(
            found, current_user, name=form.name.data.strip(),
            source=(form.source.data or "").strip(),
            measure_type=(form.measure_type.data or "").strip(),
            metric=(form.metric.data or "").strip(), direction=form.direction.data,
            unit=form.unit.data,
        )
        flash(f"Indicator {new.name} added", "success")
        return redirect(url_for("plans.indicator", indicator_id=new.id))
    return render_template(
        "plans/simple_form.html", form=form, plan=found.plan, priority=found,
        heading="Add an indicator",
        fields=["name", "source", "measure_type", "metric", "direction", "unit"],
    )


# --- The Policing and Crime team's work ---------------------------------------------------------


@bp.route("/priorities/<int:priority_id>/rating", methods=["GET", "POST"])
@permission_required(Permission.EDIT_PLANS)
def rate_priority(priority_id: int):
    found = db.get_or_404(Priority, priority_id)
    form = forms.RatingForm()
    if form.validate_on_submit():
        services.set_rating(found, current_user, rating=form.rating.data,
                            rationale=form.rationale.data.strip())
        flash(f"{found.title} rated {Rating(form.rating.data).label}", "success")
        return redirect(url_for("plans.priority", priority_id=found.id))
    return render_template("plans/simple_form.html", form=form, plan=found.plan, priority=found,
                           heading=f"Rate {found.title}", fields=["rating", "rationale"])


@bp.route("/indicators/<int:indicator_id>/values/new", methods=["GET", "POST"])
@permission_required(Permission.EDIT_PLANS)
def add_value(indicator_id: int):
    found = queries.load_indicator(indicator_id)
    form = forms.ValueForm()
    if form.validate_on_submit():
        try:
            services.add_value(
                found, current_user, period_label=form.period_label.data.strip(),
                period_end=form.period_end.data, district=form.district.data,
                value=form.number(), note=(form.note.data or "").strip(),
                comment=(form.comment.data or "").strip(), replace=form.replace.data,
            )
        except services.ValueAlreadyStored as clash:
            db.session.rollback()
            form.period_end.errors.append(
                f"A value for {clash.existing.period_label}, {clash.existing.district} is already "
                f"stored ({performance.format_value(clash.existing.value, found.unit)}). "
                "Tick ‘Replace the value already stored’ to correct it"
            )
        else:
            flash(f"Value saved for {form.period_label.data.strip()}, {form.district.data}",
                  "success")
            return redirect(url_for("plans.indicator", indicator_id=found.id))
    return render_template("plans/value_form.html", form=form, indicator=found)


@bp.route("/plans/<int:plan_id>/values/upload", methods=["GET", "POST"])
@accepts_upload
@permission_required(Permission.EDIT_PLANS)
def upload_values(plan_id: int):
    found = db.get_or_404(Plan, plan_id)
    form = forms.UploadForm()
    problems: list[csv_upload.Problem] = []
    if form.validate_on_submit():
        upload = form.file.data
        try:
            rows = csv_upload.read(upload.read(), services.plan_indicators(found),
                                   services.stored_keys(found))
        except csv_upload.UploadRefused as refused:
            problems = refused.problems
            form.file.errors.append(
                f"The file was not saved: {len(problems)} problem{'s' if len(problems) != 1 else ''}"
                f" to fix. {problems[0]}"
            )
        else:
            try:
                count = services.save_upload(rows, current_user, upload.filename or "the file")
            except services.ValueAlreadyStored as clash:
                # Stored by someone else since the file was checked: refused whole, as a duplicate.
                problems = [csv_upload.Problem(0, services.already_stored(clash.existing))]
                form.file.errors.append(f"The file was not saved: {problems[0]}")
            else:
                flash(f"{count} value{'s' if count != 1 else ''} saved from {upload.filename}",
                      "success")
                return redirect(url_for("plans.plan", plan_id=found.id))
    return render_template(
        "plans/upload.html", form=form, plan=found, problems=problems[:csv_upload.MAX_PROBLEMS_SHOWN],
        more=max(0, len(problems) - csv_upload.MAX_PROBLEMS_SHOWN), header=csv_upload.HEADER,
        districts=DISTRICTS, force=FORCE,
    )


@bp.get("/plans/<int:plan_id>/values/template.csv")
@permission_required(Permission.EDIT_PLANS)
def values_template(plan_id: int):
    found = db.get_or_404(Plan, plan_id)
    return Response(
        csv_upload.template(services.plan_indicators(found)),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="indicator-values-plan-{found.id}.csv"'},
    )


@bp.post("/priorities/<int:priority_id>/actions")
@permission_required(Permission.EDIT_PLANS)
def link_action(priority_id: int):
    found = queries.load_priority(priority_id)
    form = forms.LinkActionForm()
    form.indicators.choices = forms.choices((str(i.id), i.name) for i in found.indicators)
    if form.validate_on_submit():
        reference = form.reference.data.strip()
        action = db.session.scalar(
            sa.select(Action).where(sa.func.lower(Action.reference) == reference.lower())
        )
        if action is None or not can_see_action(current_user, action):
            form.reference.errors.append(f"There is no action with the reference {reference}")
        else:
            chosen = [i for i in found.indicators if i.id in (form.indicators.data or [])]
            if plan_links.link(found, action, current_user, chosen):
                flash(f"{action.reference} linked to {found.title}", "success")
            else:
                flash(f"{action.reference} was already linked", "success")
            return redirect(url_for("plans.priority", priority_id=found.id) + "#actions")
    return _render_priority(found, form)


@bp.post("/priorities/<int:priority_id>/actions/<int:action_id>/unlink")
@permission_required(Permission.EDIT_PLANS)
def unlink_action(priority_id: int, action_id: int):
    found = db.get_or_404(Priority, priority_id)
    action = db.get_or_404(Action, action_id)
    if not can_see_action(current_user, action):
        abort(404)
    if plan_links.unlink(found, action, current_user):
        flash(f"{action.reference} unlinked from {found.title}", "success")
    return redirect(url_for("plans.priority", priority_id=found.id) + "#actions")
