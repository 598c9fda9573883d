"""A lead updates the actions their organisation owns: a note, a status, evidence, more time."""

import re
from datetime import date, timedelta

from tests.actions.helpers import audit_events, history, make_action, reload
from tests.clients import sign_in
from tests.factories import OrganisationFactory
from tests.pages import error_summary, text_of
from tracker.actions.models import ActionStatus, UpdateKind
from tracker.kit.dates import today


def post_update(browser, action, **fields):
    data = {"update-version": str(action.version), "update-status": action.status, **fields}
    return browser.post(
        f"/actions/{action.id}/updates", data={k: v for k, v in data.items() if v is not None}
    )


def test_lead_adds_an_update_and_it_shows_in_the_history(browser_as, users):
    lead = browser_as("lead")
    action = make_action(status=ActionStatus.OPEN)

    response = post_update(
        lead,
        action,
        **{"update-note": "Analysts have started.", "update-status": ActionStatus.IN_PROGRESS},
    )

    assert response.status_code == 302
    action = reload(action)
    assert action.status == ActionStatus.IN_PROGRESS
    [entry] = history(action)
    assert (entry.kind, entry.note, entry.author_id) == (
        UpdateKind.UPDATE,
        "Analysts have started.",
        users["lead"].id,
    )
    assert (entry.old_status, entry.new_status) == (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    assert audit_events(action) == ["action.update"]
    page = text_of(lead.get(f"/actions/{action.id}"))
    assert "Your update was saved." in page
    assert "Analysts have started." in page
    assert "Status: Open to <strong>In progress</strong>" in page
    assert users["lead"].display_name in page


def test_lead_moves_an_action_to_completed_awaiting_sign_off(browser_as):
    lead = browser_as("lead")
    action = make_action(status=ActionStatus.IN_PROGRESS)

    post_update(
        lead,
        action,
        **{"update-note": "Figures sent.", "update-status": ActionStatus.AWAITING_SIGN_OFF},
    )

    assert reload(action).status == ActionStatus.AWAITING_SIGN_OFF


def test_lead_cannot_close_their_own_action(browser_as):
    lead = browser_as("lead")
    action = make_action(status=ActionStatus.IN_PROGRESS)

    response = post_update(
        lead, action, **{"update-note": "Done.", "update-status": ActionStatus.CLOSED}
    )

    assert response.status_code == 400
    assert (
        "Not a valid choice" in error_summary(response)
        or "status" in error_summary(response).lower()
    )
    assert reload(action).status == ActionStatus.IN_PROGRESS
    assert history(action) == []


def test_the_update_form_offers_no_way_to_close(browser_as):
    action = make_action(status=ActionStatus.IN_PROGRESS)
    page = text_of(browser_as("lead").get(f"/actions/{action.id}"))
    assert 'name="update-status" type="radio" value="awaiting_sign_off"' in page
    assert 'value="closed"' not in page


def test_lead_is_refused_on_another_organisations_action_and_nothing_is_saved(browser_as):
    lead = browser_as("lead")
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    action = make_action(kirklees, status=ActionStatus.OPEN)
    version = action.version

    page = lead.get(f"/actions/{action.id}")
    response = post_update(
        lead,
        action,
        **{"update-note": "Not mine to say.", "update-status": ActionStatus.AWAITING_SIGN_OFF},
    )

    assert page.status_code == 200 and "Add an update" not in text_of(page)
    assert response.status_code == 403
    action = reload(action)
    assert (action.status, action.version) == (ActionStatus.OPEN, version)
    assert history(action) == [] and audit_events(action) == []


def test_lead_cannot_see_another_organisations_confidential_action(browser_as):
    action = make_action(OrganisationFactory(), confidential=True)
    lead = browser_as("lead")
    assert lead.get(f"/actions/{action.id}").status_code == 404
    assert post_update(lead, action, **{"update-note": "x"}).status_code == 404
    assert history(action) == []


def test_the_deputy_mayor_and_viewers_cannot_add_updates(browser_as):
    action = make_action()
    for role in ("executive", "viewer"):
        response = post_update(browser_as(role), action, **{"update-note": "x"})
        assert response.status_code == 403
    assert history(action) == []


def test_secretariat_can_add_an_update_on_a_leads_behalf(browser_as, users):
    action = make_action(OrganisationFactory(), status=ActionStatus.OPEN)
    response = post_update(
        browser_as("secretariat"), action, **{"update-note": "Emailed by the lead."}
    )
    assert response.status_code == 302
    assert history(action)[0].author_id == users["secretariat"].id


def test_a_note_is_required(browser_as):
    action = make_action()
    response = post_update(browser_as("lead"), action, **{"update-note": "  "})
    assert response.status_code == 400
    assert "Enter a progress update" in error_summary(response)
    assert history(action) == []


def test_evidence_link_must_be_a_web_address(browser_as):
    lead = browser_as("lead")
    action = make_action()
    for bad in ("javascript://example.com/%0Aalert(1)", "not a link", "file:///etc/passwd"):
        response = post_update(
            lead, action, **{"update-note": "See it.", "update-evidence_url": bad}
        )
        assert response.status_code == 400, bad
        assert "Enter a full web address" in error_summary(response)
    assert history(action) == []

    url = "https://www.westyorks-ca.gov.uk/media/figures.pdf"
    post_update(lead, reload(action), **{"update-note": "See it.", "update-evidence_url": url})

    assert history(action)[0].evidence_url == url
    assert f'href="{url}"' in text_of(lead.get(f"/actions/{action.id}"))


def ask_for(day: date | None) -> list[str] | None:
    return None if day is None else [str(day.day), str(day.month), str(day.year)]


def test_lead_asks_for_more_time_with_a_reason_and_the_due_date_stays_until_decided(browser_as):
    lead = browser_as("lead")
    due = today() - timedelta(days=3)
    action = make_action(due_on=due, status=ActionStatus.IN_PROGRESS)
    wanted = today() + timedelta(days=60)

    response = post_update(
        lead,
        action,
        **{
            "update-note": "Waiting for national figures.",
            "update-requested_due_on": ask_for(wanted),
            "update-reason": "The IOPC figures come out in March.",
        },
    )

    assert response.status_code == 302
    action = reload(action)
    assert action.due_on == due
    assert (action.requested_due_on, action.requested_due_reason) == (
        wanted,
        "The IOPC figures come out in March.",
    )
    [entry] = history(action)
    assert entry.kind == UpdateKind.EXTENSION_REQUEST
    assert entry.changes == {"requested_due_on": [None, wanted.isoformat()]}
    assert "waiting for the Deputy Mayor" in text_of(lead.get(f"/actions/{action.id}"))


def test_more_time_needs_a_reason_a_real_date_and_a_date_in_the_future(browser_as):
    lead = browser_as("lead")
    action = make_action()
    future = today() + timedelta(days=30)
    cases = [
        ({"update-requested_due_on": ask_for(future)}, "Give a reason for the new due date"),
        ({"update-reason": "Because."}, "Enter the new due date you are asking for"),
        (
            {"update-requested_due_on": ask_for(today()), "update-reason": "x"},
            "must be in the future",
        ),
        (
            {"update-requested_due_on": ["31", "2", str(future.year + 1)], "update-reason": "x"},
            "must be a real date",
        ),
        (
            {"update-requested_due_on": ["", "4", "2030"], "update-reason": "x"},
            "must include a day, month and year",
        ),
    ]
    for fields, message in cases:
        response = post_update(lead, action, **{"update-note": "Progress.", **fields})
        assert response.status_code == 400, fields
        assert message in error_summary(response), fields
    assert history(action) == []
    assert reload(action).requested_due_on is None


def test_a_finished_action_has_no_update_form_and_refuses_updates(browser_as):
    lead = browser_as("lead")
    action = make_action(status=ActionStatus.CLOSED, closed_on=date(2024, 1, 5))

    assert "Add an update" not in text_of(lead.get(f"/actions/{action.id}"))
    response = post_update(
        lead, action, **{"update-note": "Reopen it.", "update-status": ActionStatus.IN_PROGRESS}
    )

    assert response.status_code == 409
    assert "can no longer be changed" in text_of(response)
    assert reload(action).status == ActionStatus.CLOSED
    assert history(action) == []


def test_update_form_with_csrf_on_needs_the_token(csrf_app, users):
    action = make_action()
    lead = sign_in(csrf_app.test_client(), users["lead"])
    response = post_update(lead, action, **{"update-note": "No token."})
    assert response.status_code == 400
    assert history(action) == []


def test_each_question_on_the_update_form_is_labelled(browser_as):
    action = make_action(requested_due_on=today() + timedelta(days=9), requested_due_reason="x")
    lead_page = text_of(browser_as("lead").get(f"/actions/{action.id}"))
    dmpc_page = text_of(browser_as("executive").get(f"/actions/{action.id}"))
    legends = re.findall(r"<legend[^>]*>\s*(.*?)\s*</legend>", lead_page + dmpc_page, re.S)
    assert {"Status", "New due date (optional)", "Do you agree to the new due date?"} <= set(
        legends
    )
