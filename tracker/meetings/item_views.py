"""Agenda items: add, edit (with the notes), reorder, remove; item 2; future agenda items and the
next meeting's date. Routes on the meetings blueprint. (Raising an action in an item is the
actions domain's: `tracker.actions.raise_views`.)"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from tracker.auth.permissions import Permission, can_see_action, permission_required
from tracker.directory import queries as directory
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit.conflicts import ChangedMeanwhile
from tracker.meetings import agenda, bp, forms, items, services
from tracker.meetings.lifecycle import MinutesError
from tracker.meetings.models import MinutesStatus
from tracker.meetings.services import load_meeting


def _presenter_choices(form, directory) -> None:
    form.presenter.choices = forms.choices(
        ((p.id, p.description) for p in directory), blank="No presenter"
    )


def _presenter(form) -> Person | None:
    return db.session.get(Person, int(form.presenter.data)) if form.presenter.data else None


def _item_page(meeting, item, form, **context):
    actions = [a for a in item.actions if can_see_action(current_user, a)] if item else []
    # "Preview notes" re-shows the form with the notes as the minutes will show them.
    preview = (form.notes.data or "") if form.previewing() else None
    return render_template(
        "meetings/item_form.html", meeting=meeting, item=item, form=form, actions=actions,
        preview=preview, **context
    )


@bp.route("/<int:meeting_id>/items/new", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def new_item(meeting_id: int):
    meeting = load_meeting(meeting_id)
    agenda_items = meeting.agenda_items
    default = agenda.insertion_index([item.title for item in agenda_items])
    form = forms.AgendaItemForm(data={"position": str(default)}).for_meeting(meeting)
    _presenter_choices(form, directory.people())
    form.position.choices = forms.choices(
        [(0, "First")] + [(n, f"After {n}. {item.title}") for n, item in enumerate(agenda_items, start=1)]
    )
    if not form.previewing() and form.validate_on_submit():
        item = items.add_item(
            meeting,
            current_user,
            title=form.title.data,
            presenter=_presenter(form),
            notes=form.notes.data or "",
            papers=form.paper_links(),
            index=int(form.position.data),
            reason=forms.correction_reason(form),
        )
        flash(f"Item {item.number}, {item.title}, has been added.", "success")
        if form.save_and_raise.data:
            return redirect(url_for("actions.raise_action", meeting_id=meeting.id, item_id=item.id))
        return redirect(url_for("meetings.detail", meeting_id=meeting.id, _anchor=f"item-{item.id}"))
    return _item_page(meeting, None, form)


@bp.route("/<int:meeting_id>/items/<int:item_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def edit_item(meeting_id: int, item_id: int):
    meeting = load_meeting(meeting_id)
    item = services.item_of(meeting, item_id)
    papers = [{"title": p.title, "url": p.url} for p in item.papers] + [{"title": "", "url": ""}]
    form = forms.AgendaItemForm(
        data={
            "title": item.title,
            "presenter": str(item.presenter_id or ""),
            "notes": item.notes,
            "papers": papers,
        }
    ).for_meeting(meeting)
    if not form.is_submitted():
        form.remember(item)
    del form.position  # an item's place is changed with the move buttons
    _presenter_choices(form, directory.people())
    conflict = None
    if not form.previewing() and form.validate_on_submit():
        try:
            items.update_item(
                item,
                current_user,
                title=form.title.data,
                presenter=_presenter(form),
                notes=form.notes.data or "",
                papers=form.paper_links(),
                seen_version=form.seen_version,
                shown=form.shown(),
                reason=forms.correction_reason(form),
            )
        except ChangedMeanwhile:
            db.session.rollback()
            # Keep what they typed; show the newer version; let the next save go through.
            conflict = item
            form.remember(item)
            forms.refuse(form, "notes", "Someone else saved this item while you were editing it. "
                   "Their version is shown below; check it against yours, then save again.")
        else:
            flash(f"Item {item.number}, {item.title}, has been saved.", "success")
            if form.save_and_raise.data:
                return redirect(url_for("actions.raise_action", meeting_id=meeting.id, item_id=item.id))
            return redirect(url_for("meetings.detail", meeting_id=meeting.id, _anchor=f"item-{item.id}"))
    return _item_page(meeting, item, form, conflict=conflict)


@bp.route("/<int:meeting_id>/items/<int:item_id>/move", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def move_item(meeting_id: int, item_id: int):
    """Move up or down. Drafts move at once; published minutes ask why (GET shows that form)."""
    meeting = load_meeting(meeting_id)
    item = services.item_of(meeting, item_id)
    direction = request.values.get("direction", "")
    if direction not in ("up", "down"):
        direction = "up"
    form = forms.ConfirmForm().for_meeting(meeting)
    if form.validate_on_submit():
        moved = items.move_item(item, current_user, direction, forms.correction_reason(form))
        if moved:
            flash(f"“{item.title}” is now item {item.number}.", "success")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id, _anchor=f"item-{item.id}"))
    return render_template(
        "meetings/move_item.html", form=form, meeting=meeting, item=item, direction=direction
    )


@bp.route("/<int:meeting_id>/items/<int:item_id>/remove", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def remove_item(meeting_id: int, item_id: int):
    meeting = load_meeting(meeting_id)
    item = services.item_of(meeting, item_id)
    form = forms.ConfirmForm().for_meeting(meeting)
    if form.validate_on_submit():
        try:
            title = item.title
            items.remove_item(item, current_user, forms.correction_reason(form))
        except MinutesError as refusal:
            db.session.rollback()
            forms.refuse(form, "submit", str(refusal))
        else:
            flash(f"“{title}” has been removed from the agenda.", "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render_template("meetings/remove_item.html", form=form, meeting=meeting, item=item)


# --- raising an action ----------------------------------------------------------------------


# --- item 2, future items and the next meeting ----------------------------------------------


@bp.route("/<int:meeting_id>/previous-minutes", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def previous_minutes(meeting_id: int):
    meeting = load_meeting(meeting_id)
    form = forms.PreviousMinutesForm(
        data={
            "outcome": meeting.previous_minutes_outcome,
            "amendment": meeting.previous_minutes_amendment,
        }
    ).for_meeting(meeting)
    if form.validate_on_submit():
        try:
            services.record_previous_minutes(
                meeting, current_user, form.outcome.data, form.amendment.data or "",
                forms.correction_reason(form),
            )
        except MinutesError as refusal:
            db.session.rollback()
            forms.refuse(form, "outcome", str(refusal))
        else:
            flash("The outcome for the previous meeting's notes has been saved.", "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    previous = meeting.previous_meeting
    in_draft = previous is not None and previous.minutes_status == MinutesStatus.DRAFT
    return render_template(
        "meetings/previous_minutes.html",
        form=form,
        meeting=meeting,
        draft_warning=services.previous_minutes_in_draft(previous) if in_draft else None,
    )


@bp.route("/<int:meeting_id>/next", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def next_meeting(meeting_id: int):
    """The next meeting's date and the items agreed for a future agenda (two forms, one page)."""
    meeting = load_meeting(meeting_id)
    which = request.form.get("form") if request.method == "POST" else None

    def bound(name: str) -> dict:
        # Only the form that was sent reads the request; the other shows what is saved.
        return {} if which == name else {"formdata": None}

    date_form = forms.NextMeetingForm(
        prefix="date", data={"next_meeting_on": meeting.next_meeting_on}, **bound("date")
    ).for_meeting(meeting)
    item_form = forms.FutureItemForm(prefix="future", **bound("future")).for_meeting(meeting)
    if which is not None:
        if which == "date" and date_form.validate_on_submit():
            services.set_next_meeting_date(
                meeting, current_user, date_form.next_meeting_on.data, forms.correction_reason(date_form)
            )
            flash("The next meeting's date has been saved.", "success")
            return redirect(url_for("meetings.next_meeting", meeting_id=meeting.id))
        if which == "future" and item_form.validate_on_submit():
            services.add_future_item(
                meeting, current_user, item_form.title.data, forms.correction_reason(item_form)
            )
            flash("The future agenda item has been added.", "success")
            return redirect(url_for("meetings.next_meeting", meeting_id=meeting.id))
    failed = date_form if date_form.errors else item_form
    return render_template(
        "meetings/next_meeting.html",
        form=failed,
        date_form=date_form,
        item_form=item_form,
        meeting=meeting,
        following=services.following_meeting(meeting),
    )


@bp.route("/<int:meeting_id>/future-items/<int:future_id>/remove", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def remove_future_item(meeting_id: int, future_id: int):
    meeting = load_meeting(meeting_id)
    future = next((f for f in meeting.future_items if f.id == future_id), None)
    if future is None:
        abort(404)
    form = forms.ConfirmForm().for_meeting(meeting)
    if form.validate_on_submit():
        try:
            services.remove_future_item(future, current_user, forms.correction_reason(form))
        except MinutesError as refusal:
            db.session.rollback()
            forms.refuse(form, "submit", str(refusal))
        else:
            flash(f"“{future.title}” has been removed from the future agenda items.", "success")
            return redirect(url_for("meetings.next_meeting", meeting_id=meeting.id))
    return render_template(
        "meetings/remove_future_item.html", form=form, meeting=meeting, future=future
    )

