"""Importing minutes the team already has: read a Word file or pasted text, review, create.

Step 1 reads and shows step 2, the review, straight away; nothing is saved until "Create draft
meeting", which makes the meeting, its attendance and its actions in one transaction. The pages
belong to the meetings (their address is under /meetings); the actions raised make them this
domain's.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from tracker.actions import bp
from tracker.actions.import_forms import ReadForm, ReviewForm
from tracker.actions.import_review import (
    checked_minutes,
    offer_choices,
    read_source,
    review_data,
    sign_source,
)
from tracker.actions.imported_minutes import create_draft_meeting
from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.extensions import db
from tracker.kit.forms import choices
from tracker.meetings.importing.files import source_text
from tracker.meetings.importing.minutes import UnreadableMinutes
from tracker.meetings.importing.proposal import propose
from tracker.meetings.importing.reading import read_text
from tracker.meetings.services import SameDay
from tracker.request_guard import accepts_upload


@bp.route("/meetings/import", methods=["GET", "POST"])
@accepts_upload
@permission_required(Permission.EDIT_MEETINGS)
def import_minutes():
    types = directory.meeting_types()
    form = ReadForm()
    form.meeting_type.choices = choices(((t.id, t.name) for t in types), blank="Guess from the title")
    if form.validate_on_submit():
        upload = form.file.data
        data, name = (upload.read(), upload.filename or "") if upload else (
            form.text.data.encode(), "minutes.txt")
        try:
            text = source_text(data, name)
            minutes = read_text(text)
        except UnreadableMinutes as error:
            refused = form.file if upload else form.text
            refused.errors = [*refused.errors, error.message]
        else:
            people, organisations = directory.people(), directory.organisations()
            chosen = next((t for t in types if str(t.id) == form.meeting_type.data), None)
            proposal = propose(minutes, types, people, organisations)
            review = ReviewForm(formdata=None, data=review_data(proposal, chosen))
            review.source.data = sign_source(text, minutes)
            offer_choices(review, types, people, organisations)
            return render_template(
                "actions/import_review.html", form=review, source=read_source(review.source.data),
                guessed=chosen is None and proposal.meeting_type is not None, same_day=())
    return render_template("actions/import_read.html", form=form)


@bp.post("/meetings/import/review")
@accepts_upload  # it carries the minutes' whole text back, twice over (the fields and the source)
@permission_required(Permission.EDIT_MEETINGS)
def review_minutes():
    types, people, organisations = (directory.meeting_types(), directory.people(),
                                    directory.organisations())
    form = ReviewForm()
    source = read_source(form.source.data)
    if source is None:
        abort(400)
    offer_choices(form, types, people, organisations)
    same_day = []
    if form.validate_on_submit():
        checked = checked_minutes(form, {p.id: p for p in people},
                                  {o.id: o for o in organisations}, {t.id: t for t in types})
        if checked is not None:
            try:
                meeting = create_draft_meeting(current_user, checked,
                                               same_day_confirmed=form.same_day_confirmed())
            except SameDay as clash:
                db.session.rollback()
                form.same_day.data = form.date.data.isoformat()
                same_day = clash.meetings
            else:
                flash(f"The {meeting.title} has been created as a draft, with "
                      f"{len(checked.actions)} actions raised. Check it before approving the "
                      "minutes.", "success")
                return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return render_template("actions/import_review.html", form=form, source=source,
                           guessed=False, same_day=same_day)
