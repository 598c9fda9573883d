"""The secretariat edits an action and marks it superseded or dropped; every change is in its history."""

from datetime import date

import lxml.html

from tests.actions.helpers import audit_events, history, make_action, reload
from tests.factories import OrganisationFactory, PersonFactory
from tests.pages import error_summary, text_of
from tests.plans.factories import IndicatorFactory, PriorityFactory
from tracker.actions.models import ActionStatus, UpdateKind
from tracker.extensions import db


def edit_form(action, **changes) -> dict:
    """The edit form as the page fills it, with `changes` applied."""
    data = {
        "version": str(action.version),
        "text": action.text,
        "owner": str(action.owner_id),
        "lead": str(action.lead_id or ""),
        "due_on": [str(action.due_on.day), str(action.due_on.month), str(action.due_on.year)]
        if action.due_on
        else ["", "", ""],
        "priorities": [str(p.id) for p in action.priorities],
        "indicators": [str(i.id) for i in action.indicators],
    }
    if action.confidential:
        data["confidential"] = "y"
    data.update(changes)
    return data


def test_secretariat_edits_an_action_and_the_timeline_shows_old_and_new(browser_as, users):
    secretariat = browser_as("secretariat")
    action = make_action(due_on=date(2024, 1, 31))
    priority = PriorityFactory(title="Keeping People Safe and Building Resilience")
    indicator = IndicatorFactory(name="ASB incidents")
    new_lead = PersonFactory(name="Russ Hughes", organisation=action.owner)
    db.session.commit()
    form_page = secretariat.get(f"/actions/{action.id}/edit")
    assert form_page.status_code == 200 and action.text in text_of(form_page)

    response = secretariat.post(
        f"/actions/{action.id}/edit",
        data=edit_form(
            action,
            text="WYP to share the district figures.",
            lead=str(new_lead.id),
            due_on=["29", "2", "2024"],
            priorities=[str(priority.id)],
            indicators=[str(indicator.id)],
            note="Agreed at the JEM.",
        ),
    )

    assert response.status_code == 302, error_summary(response)
    action = reload(action)
    assert (action.text, action.lead.name, action.due_on) == (
        "WYP to share the district figures.",
        "Russ Hughes",
        date(2024, 2, 29),
    )
    assert [p.title for p in action.priorities] == [priority.title]
    [entry] = history(action)
    assert (entry.kind, entry.author_id, entry.note) == (
        UpdateKind.EDIT,
        users["secretariat"].id,
        "Agreed at the JEM.",
    )
    assert entry.changes["due_on"] == ["2024-01-31", "2024-02-29"]
    assert entry.changes["priorities"] == [[], [priority.title]]
    assert entry.changes["indicators"] == [[], ["ASB incidents"]]
    assert set(entry.changes) == {"text", "lead", "due_on", "priorities", "indicators"}
    assert audit_events(action) == ["action.edit"]
    page = text_of(secretariat.get(f"/actions/{action.id}"))
    assert "Action edited" in page
    assert "Due date: 31 January 2024 to <strong>29 February 2024</strong>" in page
    assert "Lead:" in page and "<strong>Russ Hughes</strong>" in page


def test_saving_without_changes_adds_nothing_to_the_history(browser_as):
    action = make_action()
    response = browser_as("secretariat").post(f"/actions/{action.id}/edit", data=edit_form(action))
    assert response.status_code == 302
    assert history(action) == []


def test_the_lead_must_work_for_the_owner(browser_as):
    action = make_action()
    outsider = PersonFactory(organisation=OrganisationFactory())
    db.session.commit()
    response = browser_as("secretariat").post(
        f"/actions/{action.id}/edit", data=edit_form(action, lead=str(outsider.id))
    )
    assert response.status_code == 400
    assert "does not work for" in error_summary(response)
    assert reload(action).lead_id != outsider.id


def test_the_lead_list_offers_the_owners_people_and_names_a_lead_from_elsewhere(browser_as):
    action = make_action()
    colleague = PersonFactory(name="Russ Hughes", organisation=action.owner)
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    PersonFactory(name="Kim Officer", organisation=kirklees)
    db.session.commit()
    secretariat = browser_as("secretariat")
    page = text_of(secretariat.get(f"/actions/{action.id}/edit"))
    offered = [" ".join(o.text_content().split())
               for o in lxml.html.fromstring(page).xpath("//select[@name='lead']/option")]
    assert offered[0] == "No named lead"
    assert any(label.startswith(colleague.name) for label in offered)
    assert not any(label.startswith("Kim Officer") for label in offered)
    # Owner moved to Kirklees but the lead left as WYP's: refused, saying why.
    response = secretariat.post(
        f"/actions/{action.id}/edit",
        data=edit_form(action, owner=str(kirklees.id), lead=str(colleague.id)),
    )
    assert response.status_code == 400
    assert "Russ Hughes does not work for Kirklees Council" in error_summary(response)
    assert reload(action).owner_id != kirklees.id


def test_owner_moves_with_a_lead_from_the_new_owner(browser_as):
    action = make_action()
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    officer = PersonFactory(organisation=kirklees)
    db.session.commit()
    response = browser_as("secretariat").post(
        f"/actions/{action.id}/edit",
        data=edit_form(action, owner=str(kirklees.id), lead=str(officer.id)),
    )
    assert response.status_code == 302
    assert history(action)[0].changes["owner"] == ["West Yorkshire Police", "Kirklees Council"]


def test_only_the_secretariat_and_administrators_edit(browser_as):
    action = make_action()
    for role in ("lead", "executive", "viewer"):
        browser = browser_as(role)
        assert browser.get(f"/actions/{action.id}/edit").status_code == 403
        assert (
            browser.post(
                f"/actions/{action.id}/edit", data=edit_form(action, text="Changed.")
            ).status_code
            == 403
        )
    assert reload(action).text != "Changed." and history(action) == []


def test_secretariat_marks_an_action_superseded_with_a_reason(browser_as):
    secretariat = browser_as("secretariat")
    action = make_action(
        status=ActionStatus.OPEN, requested_due_on=date(2024, 5, 1), requested_due_reason="x"
    )

    missing = secretariat.post(
        f"/actions/{action.id}/supersede-or-drop",
        data={"version": str(action.version), "status": ActionStatus.SUPERSEDED, "reason": " "},
    )
    response = secretariat.post(
        f"/actions/{action.id}/supersede-or-drop",
        data={
            "version": str(action.version),
            "status": ActionStatus.SUPERSEDED,
            "reason": "Replaced by JEM-2023-11-03a.",
        },
    )

    assert missing.status_code == 400 and "Give the reason" in error_summary(missing)
    assert response.status_code == 302
    action = reload(action)
    assert (action.status, action.status_reason, action.requested_due_on) == (
        ActionStatus.SUPERSEDED,
        "Replaced by JEM-2023-11-03a.",
        None,
    )
    assert not action.is_outstanding
    [entry] = history(action)
    assert (entry.kind, entry.old_status, entry.new_status) == (
        UpdateKind.SUPERSEDED,
        ActionStatus.OPEN,
        ActionStatus.SUPERSEDED,
    )
    page = text_of(secretariat.get(f"/actions/{action.id}"))
    assert "Why it was superseded" in page and "Replaced by JEM-2023-11-03a." in page


def test_secretariat_drops_an_action(browser_as):
    action = make_action(status=ActionStatus.IN_PROGRESS)
    browser_as("admin").post(
        f"/actions/{action.id}/supersede-or-drop",
        data={
            "version": str(action.version),
            "status": ActionStatus.DROPPED,
            "reason": "No longer needed.",
        },
    )
    assert reload(action).status == ActionStatus.DROPPED
    assert audit_events(action) == ["action.dropped"]


def test_a_closed_action_cannot_be_superseded(browser_as):
    action = make_action(status=ActionStatus.CLOSED, closed_on=date(2024, 1, 2))
    secretariat = browser_as("secretariat")
    page = secretariat.get(f"/actions/{action.id}/supersede-or-drop")
    response = secretariat.post(
        f"/actions/{action.id}/supersede-or-drop",
        data={"version": str(action.version), "status": ActionStatus.DROPPED, "reason": "x"},
    )
    assert page.status_code == response.status_code == 409
    assert "can no longer be changed" in text_of(response)
    assert reload(action).status == ActionStatus.CLOSED
