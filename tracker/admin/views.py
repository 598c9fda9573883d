"""Administration pages: organisations, people, meeting types, users and the audit log.

Every route needs Permission.ADMINISTER. Views parse the form, call `services`, and render; a
change the services refuse comes back as an error on the form, with nothing saved.
"""


import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from tracker.admin import audit_log as log
from tracker.admin import bp, services
from tracker.admin.forms import (
    AuditFilters,
    MeetingTypeForm,
    OrganisationForm,
    PasswordForm,
    PeopleFilters,
    PersonForm,
    UserChangeForm,
    UserForm,
)
from tracker.admin.services import Refused
from tracker.auth.models import User
from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.kit.conflicts import ChangedMeanwhile, reconcile

ADMINISTER = Permission.ADMINISTER


@bp.get("")
@permission_required(ADMINISTER)
def index():
    return render_template("admin/index.html")


# Organisations ----------------------------------------------------------------------------------


@bp.get("/organisations")
@permission_required(ADMINISTER)
def organisations():
    page = _page(sa.select(Organisation).order_by(Organisation.name))
    return render_template(
        "admin/organisations.html",
        page=page,
        people_counts=services.people_counts([o.id for o in page.items]),
    )


@bp.route("/organisations/new", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def add_organisation():
    form = OrganisationForm()
    if form.validate_on_submit():
        try:
            organisation = services.add_organisation(
                current_user, form.name.data, form.short_name.data
            )
        except Refused as refusal:
            _show(refusal, form, form.name)
        else:
            flash(f"Organisation added: {organisation.name}", "success")
            return redirect(url_for(".organisations"))
    return render_template("admin/organisation_form.html", form=form, organisation=None)


@bp.route("/organisations/<int:organisation_id>", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def edit_organisation(organisation_id: int):
    organisation = db.get_or_404(Organisation, organisation_id)
    form = OrganisationForm(obj=organisation)
    if _submitted_and_current(form, organisation):
        try:
            services.change_organisation(
                current_user, organisation, form.name.data, form.short_name.data
            )
        except Refused as refusal:
            _show(refusal, form, form.name)
        else:
            flash(f"Organisation saved: {organisation.name}", "success")
            return redirect(url_for(".organisations"))
    return render_template("admin/organisation_form.html", form=form, organisation=organisation)


# People -----------------------------------------------------------------------------------------


@bp.get("/people")
@permission_required(ADMINISTER)
def people():
    filters = PeopleFilters(request.args, organisations=directory.organisations())
    if not filters.validate():
        abort(404)  # an organisation that does not exist: a tampered link
    page = _page(services.people(filters.q.data or "", filters.organisation.data))
    return render_template("admin/people.html", page=page, filters=filters)


@bp.route("/people/new", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def add_person():
    form = PersonForm(organisations=directory.organisations())
    if form.validate_on_submit():
        person = services.add_person(
            current_user,
            form.name.data,
            form.job_title.data,
            db.session.get(Organisation, form.organisation_id.data),
            form.email.data,
        )
        flash(f"Person added: {person.description}", "success")
        return redirect(url_for(".people"))
    return render_template("admin/person_form.html", form=form, person=None)


@bp.route("/people/<int:person_id>", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def edit_person(person_id: int):
    person = db.get_or_404(Person, person_id)
    form = PersonForm(obj=person, organisations=directory.organisations())
    if _submitted_and_current(form, person):
        services.change_person(
            current_user,
            person,
            form.name.data,
            form.job_title.data,
            db.session.get(Organisation, form.organisation_id.data),
            form.email.data,
        )
        flash(f"Person saved: {person.description}", "success")
        return redirect(url_for(".people"))
    return render_template("admin/person_form.html", form=form, person=person)


# Meeting types ----------------------------------------------------------------------------------


@bp.get("/meeting-types")
@permission_required(ADMINISTER)
def meeting_types():
    return render_template("admin/meeting_types.html", page=_page(services.meeting_types()))


@bp.route("/meeting-types/new", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def add_meeting_type():
    form = MeetingTypeForm()
    if form.validate_on_submit():
        try:
            meeting_type = services.add_meeting_type(current_user, **_meeting_type_values(form))
        except Refused as refusal:
            _show(refusal, form, form.name)
        else:
            flash(f"Meeting type added: {meeting_type.name}", "success")
            return redirect(url_for(".meeting_types"))
    return render_template("admin/meeting_type_form.html", form=form, meeting_type=None)


@bp.route("/meeting-types/<int:meeting_type_id>", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def edit_meeting_type(meeting_type_id: int):
    meeting_type = db.get_or_404(MeetingType, meeting_type_id)
    form = MeetingTypeForm(obj=meeting_type)
    if _submitted_and_current(form, meeting_type):
        try:
            services.change_meeting_type(current_user, meeting_type, **_meeting_type_values(form))
        except Refused as refusal:
            _show(refusal, form, form.name)
        else:
            flash(f"Meeting type saved: {meeting_type.name}", "success")
            return redirect(url_for(".meeting_types"))
    return render_template("admin/meeting_type_form.html", form=form, meeting_type=meeting_type)


def _meeting_type_values(form: MeetingTypeForm) -> dict:
    return {
        "name": form.name.data,
        "short_name": form.short_name.data,
        "cadence": form.cadence.data,
        "is_public": form.is_public.data,
        "standing_agenda": form.standing_agenda.data,
    }


# Users ------------------------------------------------------------------------------------------


@bp.get("/users")
@permission_required(ADMINISTER)
def users():
    return render_template("admin/users.html", page=_page(services.users()))


@bp.route("/users/new", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def add_user():
    form = UserForm()
    form.set_people(services.all_people())
    if form.validate_on_submit():
        try:
            user = services.add_user(
                current_user,
                form.username.data,
                form.role.data,
                _person(form.person_id.data),
                form.password.data,
            )
        except Refused as refusal:
            _show(refusal, form, form.username)
        else:
            flash(f"User added: {user.username}. Give them their password securely.", "success")
            return redirect(url_for(".users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def edit_user(user_id: int):
    user = db.get_or_404(User, user_id)
    form = UserChangeForm(obj=user)
    form.set_people(services.all_people())
    if _submitted_and_current(form, user):
        try:
            services.change_user(
                current_user, user, form.role.data, _person(form.person_id.data), form.active.data
            )
        except Refused as refusal:
            _show(refusal, form, form.role)
        else:
            flash(f"User saved: {user.username}", "success")
            return redirect(url_for(".users"))
    return render_template("admin/user_form.html", form=form, user=user)


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
@permission_required(ADMINISTER)
def reset_password(user_id: int):
    user = db.get_or_404(User, user_id)
    form = PasswordForm()
    if form.validate_on_submit():
        services.reset_password(current_user, user, form.password.data)
        flash(f"Password reset for {user.username}. Give them the new one securely.", "success")
        return redirect(url_for(".edit_user", user_id=user.id))
    return render_template("admin/password_form.html", form=form, user=user)


def _person(person_id: int | None) -> Person | None:
    return db.session.get(Person, person_id) if person_id is not None else None


# The audit log ----------------------------------------------------------------------------------


@bp.get("/audit")
@permission_required(ADMINISTER)
def audit_log():
    filters = AuditFilters(request.args, entity_types=log.audited_record_types())
    if not filters.validate():
        abort(404)  # a kind of record the log has never seen: a tampered link
    page = _page(log.audit_entries(filters.entity_type.data or ""))
    return render_template(
        "admin/audit.html",
        page=page,
        filters=filters,
        record_name=log.record_name,
        detail_lines=log.detail_lines,
    )


# Helpers ----------------------------------------------------------------------------------------


def _page(query):
    """One page of `query`, from the `page` argument (a page that does not exist is a 404)."""
    return db.paginate(query, per_page=current_app.config["PER_PAGE"], max_per_page=100)


def _submitted_and_current(form, record) -> bool:
    """The change form was sent, is valid, and saving it undoes nobody's change (kit.conflicts):
    fields another administrator changed meanwhile, and this one left alone, take their value."""
    if not form.is_submitted():
        form.remember(record)
        return False
    if not form.validate():
        return False
    submitted = {name: form[name].data for name in form.tracked}
    try:
        merged = reconcile(record, form.seen_version, form.shown(), submitted)
    except ChangedMeanwhile as clash:
        form.show_clashes(record, clash)
        return False
    for name, value in merged.items():
        form[name].data = value
    return True


def _show(refusal: Refused, form, default_field) -> None:
    """Put a refusal on the form field it concerns, for the error summary."""
    field = form[refusal.field] if refusal.field and refusal.field in form else default_field
    field.errors.append(refusal.message)
