"""Raising an action inside a meeting's agenda item, as the secretariat does while writing the notes.

The page belongs to the meeting (its address is under the meeting's), the action to this domain.
"""

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from tracker.actions import bp, raising
from tracker.actions.forms import RaiseActionForm
from tracker.auth.permissions import Permission, permission_required
from tracker.directory import queries as directory
from tracker.directory.models import Organisation, Person
from tracker.extensions import db
from tracker.kit.forms import choices
from tracker.meetings.forms import correction_reason
from tracker.meetings.services import item_of, load_meeting
from tracker.plans.queries import current_plan_with_indicators


@bp.route("/meetings/<int:meeting_id>/items/<int:item_id>/actions/new", methods=["GET", "POST"])
@permission_required(Permission.EDIT_MEETINGS)
def raise_action(meeting_id: int, item_id: int):
    meeting = load_meeting(meeting_id)
    item = item_of(meeting, item_id)
    everyone = directory.people()
    plan = current_plan_with_indicators()
    priorities = plan.priorities if plan else []
    indicators = [indicator for priority in priorities for indicator in priority.indicators]
    form = RaiseActionForm().for_meeting(meeting)
    form.owner.choices = choices(
        ((o.id, f"{o.name} ({o.short_name})") for o in directory.organisations()),
        blank="Choose an organisation",
    )
    form.offer_leads(everyone, blank="No lead")
    form.priorities.choices = choices((p.id, p.title) for p in priorities)
    form.indicators.choices = choices((i.id, i.name) for i in indicators)
    if form.validate_on_submit():
        chosen_priorities = {str(p) for p in form.priorities.data or []}
        chosen_indicators = {str(i) for i in form.indicators.data or []}
        action = raising.raise_action(
            item,
            current_user,
            reason=correction_reason(form),
            text=form.text.data,
            owner=db.session.get(Organisation, int(form.owner.data)),
            lead=db.session.get(Person, int(form.lead.data)) if form.lead.data else None,
            due_on=form.due_on.data,
            confidential=form.confidential.data,
            recurring=form.recurring.data,
            priorities=[p for p in priorities if str(p.id) in chosen_priorities],
            indicators=[i for i in indicators if str(i.id) in chosen_indicators],
        )
        flash(f"Action {action.reference} has been raised under item {item.number}.", "success")
        # Back to the meeting, at the item: the secretariat carries on with the minutes there.
        return redirect(url_for("meetings.detail", meeting_id=meeting.id, _anchor=f"item-{item.id}"))
    return render_template(
        "actions/raise.html",
        form=form,
        meeting=meeting,
        item=item,
        plan=plan,
        reference=raising.next_reference(item),
    )
