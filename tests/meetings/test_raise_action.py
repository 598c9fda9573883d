"""Raising actions inside an agenda item: references, lettering, links to the plan, bad input."""

from datetime import date, datetime

import lxml.html
import sqlalchemy as sa

from tests.factories import ActionFactory, PersonFactory
from tests.meetings.factories import com_type, meeting_with_items, organisation
from tests.pages import error_summary
from tracker.actions.models import Action
from tracker.actions.raising import next_reference
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.kit.lettering import letters
from tracker.plans.models import Indicator, Plan, PlanStatus, Priority


def four_item_meeting():
    return meeting_with_items(
        meeting_type=com_type(), titles=("Welcome", "Notes", "Announcements", "Use of Force")
    )


def current_plan() -> Plan:
    plan = Plan(title="Police and Crime Plan 2021-24", status=PlanStatus.CURRENT)
    safe = Priority(position=1, title="Keeping People Safe and Building Resilience")
    safe.indicators = [Indicator(position=0, name="Use of force"), Indicator(position=1, name="Victim satisfaction")]
    plan.priorities = [safe, Priority(position=2, title="Safer Places and Thriving Communities")]
    db.session.add(plan)
    return plan


def action_form(owner, **changes) -> dict:
    form = {
        "text": "WYP to separate out Use of Force in custody settings in future reports.",
        "owner": str(owner.id),
        "lead": "",
        "due_on": ["29", "2", "2024"],
    }
    form.update(changes)
    return form


def actions() -> list[Action]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Action).order_by(Action.id)))


def test_an_action_raised_in_item_4_gets_its_reference_and_history(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    wyp = organisation("WYP")
    lead = PersonFactory(name="Carl Glavin", job_title="T/ACC", organisation=wyp)
    plan = current_plan()
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/items/{item.id}/actions/new").text
    assert "COM-2023-10-04a" in page
    assert "Keeping People Safe and Building Resilience" in page and "Victim satisfaction" in page
    safe = plan.priorities[0]
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/actions/new",
        data=action_form(
            wyp,
            lead=str(lead.id),
            recurring="y",
            priorities=[str(safe.id)],
            indicators=[str(safe.indicators[0].id)],
        ),
    )
    assert response.status_code == 302
    [action] = actions()
    assert action.reference == "COM-2023-10-04a"
    assert action.agenda_item_id == item.id and action.meeting_id == meeting.id
    assert action.owner == wyp and action.lead == lead
    assert action.due_on == date(2024, 2, 29) and action.raised_on == date(2023, 10, 10)
    assert action.recurring and not action.confidential
    assert [p.title for p in action.priorities] == [safe.title]
    assert [i.name for i in action.indicators] == ["Use of force"]
    [raised] = action.updates
    assert raised.kind == "raised" and raised.new_status == "open"
    assert raised.author_id == secretariat.id
    events = db.session.scalars(sa.select(AuditEntry.event)).all()
    assert "action.raised" in events
    detail = client.get(f"/meetings/{meeting.id}").text
    assert "COM-2023-10-04a" in detail and "WYP to separate out Use of Force" in detail


def test_actions_in_one_item_are_lettered_in_order(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    wyp = organisation("WYP")
    db.session.commit()
    for text in ("WYP to do the first thing.", "WYP to do the second thing."):
        client.post(f"/meetings/{meeting.id}/items/{item.id}/actions/new", data=action_form(wyp, text=text))
    assert [(a.reference, a.position) for a in actions()] == [("COM-2023-10-04a", 0), ("COM-2023-10-04b", 1)]
    minutes = client.get(f"/meetings/{meeting.id}/minutes").text
    assert minutes.index("WYP to do the first thing.") < minutes.index("WYP to do the second thing.")
    assert "<strong>Actions:</strong>" in minutes


def test_references_stay_fixed_and_unique_when_items_are_reordered(client, secretariat):
    meeting = four_item_meeting()
    notes, use_of_force = meeting.agenda_items[1], meeting.agenda_items[3]
    wyp = organisation("WYP")
    db.session.commit()
    client.post(f"/meetings/{meeting.id}/items/{use_of_force.id}/actions/new", data=action_form(wyp))
    client.post(f"/meetings/{meeting.id}/items/{use_of_force.id}/move", data={"direction": "up"})
    client.post(f"/meetings/{meeting.id}/items/{notes.id}/move", data={"direction": "down"})
    client.post(f"/meetings/{meeting.id}/items/{notes.id}/move", data={"direction": "down"})
    db.session.expire_all()
    assert db.session.get(type(notes), notes.id).number == 4
    client.post(f"/meetings/{meeting.id}/items/{notes.id}/actions/new", data=action_form(wyp))
    assert [a.reference for a in actions()] == ["COM-2023-10-04a", "COM-2023-10-04b"]


def test_an_action_without_an_owner_is_an_error_and_nothing_is_saved(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/actions/new",
        data={"text": "WYP to report back.", "owner": "", "due_on": ["", "", ""]},
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Choose the organisation that owns the action" in response.text
    assert 'href="#owner"' in response.text
    assert "WYP to report back.</textarea>" in response.text
    assert actions() == []


def test_an_action_needs_text_and_a_real_due_date(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    wyp = organisation("WYP")
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/actions/new",
        data=action_form(wyp, text="   ", due_on=["30", "2", "2024"]),
    )
    assert "Enter the action" in response.text
    assert "Enter a real date" in response.text
    assert actions() == []


def test_the_lead_must_work_for_the_owner(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    wyp, wyca = organisation("WYP"), organisation("WYCA")
    outsider = PersonFactory(name="Julie Reid", organisation=wyca)
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/actions/new",
        data=action_form(wyp, lead=str(outsider.id)),
    )
    assert "Julie Reid does not work for West Yorkshire Police (WYP): choose a lead from" in (
        error_summary(response)
    )
    assert actions() == []


def lead_options(page: str) -> list[str]:
    return [" ".join(o.text_content().split())
            for o in lxml.html.fromstring(page).xpath("//select[@name='lead']/option")]


def test_after_raising_an_action_the_secretariat_is_back_at_the_item_on_the_meeting_page(
    client, secretariat
):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    wyp = organisation("WYP")
    db.session.commit()
    response = client.post(
        f"/meetings/{meeting.id}/items/{item.id}/actions/new", data=action_form(wyp)
    )
    assert response.status_code == 302
    assert response.location == f"/meetings/{meeting.id}#item-{item.id}"
    page = client.get(response.location).text
    assert "Action COM-2023-10-04a has been raised under item 4" in page


def test_the_lead_list_follows_the_owner_chosen(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    wyp, wyca = organisation("WYP"), organisation("WYCA")
    PersonFactory(name="Carl Glavin", job_title="T/ACC", organisation=wyp)
    PersonFactory(name="Julie Reid", job_title="Head of Policing and Crime", organisation=wyca)
    db.session.commit()
    url = f"/meetings/{meeting.id}/items/{item.id}/actions/new"
    # No owner yet: everyone, each with their organisation.
    offered = lead_options(client.get(url).text)
    assert "Carl Glavin – T/ACC, WYP" in offered
    assert "Julie Reid – Head of Policing and Crime, WYCA" in offered
    # Owner WYP chosen (the form comes back, here for a missing action text): WYP's people only.
    page = client.post(url, data=action_form(wyp, text="")).text
    assert "Enter the action" in page
    offered = lead_options(page)
    assert offered[0] == "No lead" and "Carl Glavin – T/ACC, WYP" in offered
    assert not [label for label in offered if "WYCA" in label]


def test_a_confidential_action_is_marked_so(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    db.session.commit()
    client.post(
        f"/meetings/{meeting.id}/items/{item.id}/actions/new",
        data=action_form(organisation("WYP"), confidential="y"),
    )
    assert actions()[0].confidential


def test_two_meetings_of_a_series_in_one_month_do_not_clash(app):
    kind = com_type()
    first = meeting_with_items(meeting_type=kind, starts_at=datetime(2023, 10, 3, 10), titles=("A",))
    second = meeting_with_items(meeting_type=kind, starts_at=datetime(2023, 10, 24, 10), titles=("B",))
    ActionFactory(meeting=first, agenda_item=first.agenda_items[0], reference="COM-2023-10-01a")
    db.session.flush()
    assert next_reference(second.agenda_items[0]) == "COM-2023-10-01b"


def test_letters_run_on_past_z():
    assert [letters(n) for n in (0, 1, 25, 26, 27, 51, 52)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


def test_no_current_plan_means_no_links_offered(client, secretariat):
    meeting = four_item_meeting()
    item = meeting.agenda_items[3]
    db.session.commit()
    page = client.get(f"/meetings/{meeting.id}/items/{item.id}/actions/new").text
    assert "There is no current Police and Crime Plan" in page
