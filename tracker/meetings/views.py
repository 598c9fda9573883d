"""Meetings: the list, one meeting's page, creating and changing a meeting, attendance, lifecycle.

The agenda items (with the actions raised in them, item 2 and the future items) have their routes
in `item_views`, the minutes (page and Word) in `minutes_views`; all share this blueprint.
Reading needs READ_MEETINGS; every change needs EDIT_MEETINGS (secretariat and admin).
"""

from datetime import datetime

import sqlalchemy as sa
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

# Upward, on purpose: the meeting page lists the actions raised in its items (and the previous
# meeting's, as matters arising); the actions domain owns those queries.
from tracker.actions import queries as action_queries
from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.directory import queries as directory
from tracker.directory.models import MeetingType, Organisation
from tracker.errors import render_error
from tracker.extensions import db
from tracker.kit.conflicts import ChangedMeanwhile
from tracker.kit.dates import today
from tracker.kit.limits import database_id
from tracker.meetings import agenda, bp, forms, lifecycle, readiness, services
from tracker.meetings.lifecycle import MinutesError
from tracker.meetings.models import AttendanceKind, Meeting, MinutesStatus
from tracker.meetings.services import load_meeting


@bp.errorhandler(ChangedMeanwhile)
@bp.errorhandler(StaleDataError)
@bp.errorhandler(IntegrityError)
def changed_meanwhile(error):
    # Someone else saved the same record between this person's reading and writing it.
    db.session.rollback()
    return render_error(
        409,
        "Someone else changed this meeting while you were working on it, so your change was not "
        "saved. Go back, reload the page to see their change, and try again.",
    )


# --- shared helpers -------------------------------------------------------------------------














# --- the list and one meeting ---------------------------------------------------------------


@bp.get("")
@permission_required(Permission.READ_MEETINGS)
def index():
    types = directory.meeting_types()
    # The years between the first meeting and the last: two index look-ups, not a scan of every
    # meeting, and the choices grow by one a year whatever the number of meetings.
    first, last = db.session.execute(
        sa.select(
            sa.select(sa.func.min(Meeting.starts_at)).scalar_subquery(),
            sa.select(sa.func.max(Meeting.starts_at)).scalar_subquery(),
        )
    ).one()
    years = range(last.year, first.year - 1, -1) if first else []
    filters = forms.FilterForm(request.args)
    filters.type.choices = forms.choices(((t.short_name, t.name) for t in types), blank="All types")
    filters.year.choices = forms.choices(((y, y) for y in years), blank="All years")
    # Each meeting's type is one of `types`, already in the session: no query to load it.
    query = sa.select(Meeting)
    chosen_type = next((t for t in types if t.short_name == request.args.get("type")), None)
    if chosen_type is not None:
        query = query.where(Meeting.meeting_type_id == chosen_type.id)
    year = request.args.get("year", type=int)
    if year and 1900 < year < 3000:
        query = query.where(
            Meeting.starts_at >= datetime(year, 1, 1), Meeting.starts_at < datetime(year + 1, 1, 1)
        )
    page = db.paginate(
        query.order_by(Meeting.starts_at.desc(), Meeting.id.desc()),
        per_page=current_app.config["PER_PAGE"],
        max_per_page=100,
        error_out=False,
    )
    return render_template(
        "meetings/index.html",
        page=page,
        filters=filters,
        filtered=chosen_type is not None or bool(year),
    )


@bp.get("/<int:meeting_id>")
@permission_required(Permission.READ_MEETINGS)
def detail(meeting_id: int):
    meeting = load_meeting(meeting_id, *action_queries.MEETING_LOADS)
    items = meeting.agenda_items
    arising = action_queries.matters_arising(meeting, current_user)
    return render_template(
        "meetings/detail.html",
        meeting=meeting,
        actions_of={
            item.id: [a for a in item.actions if can_see_action(current_user, a)] for item in items
        },
        previous_minutes_item=agenda.find(items, agenda.is_previous_minutes),
        any_other_business_item=agenda.find(items, agenda.is_any_other_business),
        matters_arising=arising,
        arising_latest={action.id: action.updates[-1] for action in arising if action.updates},
        as_at=today(),
        attendees={kind: services.attendees(meeting, kind) for kind in AttendanceKind},
        Kind=AttendanceKind,
        Status=MinutesStatus,
    )


# --- creating and changing a meeting --------------------------------------------------------


def _meeting_form(types, **data):
    form = forms.MeetingForm(data=data)
    form.meeting_type.choices = forms.choices(
        ((t.id, t.name) for t in types), blank="Choose a type of meeting"
    )
    return form


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def new():
    types = directory.meeting_types()
    data = {}
    after = db.session.get(Meeting, request.args.get("after", type=database_id) or 0)
    if after is not None:
        # "Create the next meeting": same series, same time and place, on the agreed date.
        data = {
            "meeting_type": str(after.meeting_type_id),
            "date": after.next_meeting_on,
            "time": f"{after.starts_at:%H:%M}",
            "place": after.place,
        }
    form = _meeting_form(types, **data)
    same_day = []
    if form.validate_on_submit():
        meeting_type = db.session.get(MeetingType, int(form.meeting_type.data))
        try:
            meeting = services.create_meeting(
                current_user,
                meeting_type=meeting_type,
                starts_at=datetime.combine(form.date.data, form.starts_time),
                place=form.place.data or "",
                theme=form.theme.data or "",
                same_day_confirmed=form.same_day_confirmed(),
            )
        except services.SameDay as clash:
            same_day = _ask_about_same_day(form, clash)
        else:
            flash(f"The {meeting.title} has been created with its standing agenda.", "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render_template(
        "meetings/form.html", form=form, meeting=None, after=after, same_day=same_day
    )


def _ask_about_same_day(form, clash: services.SameDay) -> list[Meeting]:
    """The form again, warning of the meetings already on that day; sent again, it goes ahead."""
    db.session.rollback()
    form.same_day.data = form.date.data.isoformat()
    return clash.meetings


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def edit(meeting_id: int):
    meeting = load_meeting(meeting_id)
    types = directory.meeting_types()
    form = _meeting_form(
        types,
        meeting_type=str(meeting.meeting_type_id),
        date=meeting.starts_at.date(),
        time=f"{meeting.starts_at:%H:%M}",
        place=meeting.place,
        theme=meeting.theme,
    ).for_meeting(meeting)
    same_day = []
    if form.validate_on_submit():
        try:
            changed = services.update_details(
                meeting,
                current_user,
                meeting_type=db.session.get(MeetingType, int(form.meeting_type.data)),
                starts_at=datetime.combine(form.date.data, form.starts_time),
                place=form.place.data or "",
                theme=form.theme.data or "",
                reason=forms.correction_reason(form),
                same_day_confirmed=form.same_day_confirmed(),
            )
        except services.SameDay as clash:
            same_day = _ask_about_same_day(form, clash)
        except MinutesError as refusal:
            db.session.rollback()
            forms.refuse(form, "meeting_type", str(refusal))
        else:
            if changed:
                flash("The meeting's details have been saved.", "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render_template(
        "meetings/form.html", form=form, meeting=meeting, after=None, same_day=same_day
    )


@bp.route("/<int:meeting_id>/delete", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def delete(meeting_id: int):
    meeting = load_meeting(meeting_id)
    form = forms.ConfirmForm()
    if form.validate_on_submit():
        try:
            title = meeting.title
            services.delete_meeting(meeting, current_user)
        except MinutesError as refusal:
            db.session.rollback()
            forms.refuse(form, "submit", str(refusal))
        else:
            flash(f"The {title} has been deleted.", "success")
            return redirect(url_for("meetings.index"))
    return render_template("meetings/delete.html", form=form, meeting=meeting)


# --- attendance -----------------------------------------------------------------------------


@bp.route("/<int:meeting_id>/attendance", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def attendance(meeting_id: int):
    meeting = load_meeting(meeting_id)
    everyone = directory.people()
    recorded = {a.person_id: a.kind for a in meeting.attendances}
    form = forms.attendance_form(
        everyone,
        directory.organisations(),
        data={f"person_{p.id}": recorded.get(p.id, "") for p in everyone},
    ).for_meeting(meeting)
    if form.validate_on_submit():
        choices = {person: (field.data or None) for person, field in form.person_fields()}
        adding = form.adding()
        if adding:
            new = form.new_person.form
            person = services.add_person(
                new.name.data,
                new.job_title.data or "",
                db.session.get(Organisation, int(new.organisation.data)),
            )
            choices[person] = new.kind.data or AttendanceKind.PRESENT
        try:
            services.record_attendance(meeting, current_user, choices, forms.correction_reason(form))
        except MinutesError as refusal:
            db.session.rollback()
            forms.refuse(form, "save", str(refusal))
        else:
            if adding:
                flash(f"{person.name} has been added to the directory and to this meeting.", "success")
                return redirect(url_for("meetings.attendance", meeting_id=meeting.id))
            flash("Attendance has been saved.", "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render_template("meetings/attendance.html", form=form, meeting=meeting)


# --- the minutes' lifecycle, and cancelling the meeting --------------------------------------


# Approving and publishing: a page that says what is missing and asks to confirm.
CONFIRMED_STEPS = {
    "approve": (lifecycle.check_can_approve, lifecycle.approve, "The minutes have been approved."),
    "publish": (lifecycle.check_can_publish, lifecycle.publish, "The minutes have been published."),
}
# One-click changes (a button on the meeting's page).
LIFECYCLE = {
    "return_to_draft": (lifecycle.return_to_draft, "The minutes are back in draft."),
    "cancel": (
        services.cancel_meeting,
        "The meeting has been cancelled. Calendars that follow it show it as cancelled.",
    ),
    "reinstate": (services.reinstate_meeting, "The meeting has been reinstated."),
}


def _confirmed_step(meeting_id: int, step: str):
    meeting = load_meeting(meeting_id, *action_queries.MEETING_LOADS)
    check, change, message = CONFIRMED_STEPS[step]
    form = forms.ConfirmForm()
    try:
        check(meeting)
        if form.validate_on_submit():
            change(meeting, current_user, confirmed=True)
            flash(message, "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    except MinutesError as refusal:
        db.session.rollback()
        flash(str(refusal), "error")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render_template(
        "meetings/confirm_minutes.html",
        form=form,
        meeting=meeting,
        step=step,
        gaps=readiness.gaps(meeting),
    )


def _lifecycle(meeting_id: int, step: str):
    meeting = load_meeting(meeting_id)
    form = forms.ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    change, message = LIFECYCLE[step]
    try:
        change(meeting, current_user)
    except MinutesError as refusal:
        db.session.rollback()
        flash(str(refusal), "error")
    else:
        flash(message, "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


@bp.route("/<int:meeting_id>/approve", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def approve(meeting_id: int):
    return _confirmed_step(meeting_id, "approve")


@bp.route("/<int:meeting_id>/publish", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def publish(meeting_id: int):
    return _confirmed_step(meeting_id, "publish")


@bp.post("/<int:meeting_id>/return-to-draft")
@permission_required(Permission.EDIT_MEETINGS)
def return_to_draft(meeting_id: int):
    return _lifecycle(meeting_id, "return_to_draft")


@bp.post("/<int:meeting_id>/cancel")
@permission_required(Permission.EDIT_MEETINGS)
def cancel(meeting_id: int):
    return _lifecycle(meeting_id, "cancel")


@bp.post("/<int:meeting_id>/reinstate")
@permission_required(Permission.EDIT_MEETINGS)
def reinstate(meeting_id: int):
    return _lifecycle(meeting_id, "reinstate")


# Agenda items and minutes register their routes on `bp`.
