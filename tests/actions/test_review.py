"""The Deputy Mayor signs off completed actions, sends them back, and decides on requests for more time."""

from datetime import date, timedelta

from tests.actions.helpers import audit_events, history, make_action, reload
from tests.pages import error_summary, text_of
from tracker.actions.models import ActionStatus, UpdateKind
from tracker.kit.dates import today


def decide(browser, action, **fields):
    data = {"signoff-version": str(action.version), **fields}
    return browser.post(f"/actions/{action.id}/sign-off", data=data)


def decide_more_time(browser, action, **fields):
    data = {"extension-version": str(action.version), **fields}
    return browser.post(f"/actions/{action.id}/more-time", data=data)


def test_dmpc_signs_off_a_completed_action_and_it_is_closed_and_no_longer_overdue(
    browser_as, users
):
    dmpc = browser_as("executive")
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF, due_on=today() - timedelta(days=10))
    assert action.reference in text_of(dmpc.get("/actions/overdue"))

    response = decide(
        dmpc, action, **{"signoff-decision": "close", "signoff-note": "Figures received."}
    )

    assert response.status_code == 302
    action = reload(action)
    assert (action.status, action.closed_on) == (ActionStatus.CLOSED, today())
    assert not action.is_overdue(today())
    [entry] = history(action)
    assert (entry.kind, entry.author_id, entry.note) == (
        UpdateKind.SIGN_OFF,
        users["executive"].id,
        "Figures received.",
    )
    assert (entry.old_status, entry.new_status) == (
        ActionStatus.AWAITING_SIGN_OFF,
        ActionStatus.CLOSED,
    )
    assert audit_events(action) == ["action.sign_off"]
    page = text_of(dmpc.get(response.headers["Location"]))
    assert "is signed off and closed" in page and "Signed off" in page
    assert action.reference not in text_of(dmpc.get("/actions/overdue"))


def test_dmpc_sends_an_action_back_with_a_note_and_a_new_due_date(browser_as):
    dmpc = browser_as("executive")
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF, due_on=date(2024, 1, 31))
    new_due = today() + timedelta(days=21)

    response = decide(
        dmpc,
        action,
        **{
            "signoff-decision": "send_back",
            "signoff-note": "Please also send the district breakdown.",
            "signoff-due_on": [str(new_due.day), str(new_due.month), str(new_due.year)],
        },
    )

    assert response.status_code == 302
    action = reload(action)
    assert (action.status, action.due_on, action.closed_on) == (
        ActionStatus.IN_PROGRESS,
        new_due,
        None,
    )
    [entry] = history(action)
    assert entry.kind == UpdateKind.SENT_BACK
    assert entry.changes == {"due_on": ["2024-01-31", new_due.isoformat()]}
    assert "Please also send the district breakdown." in text_of(dmpc.get(f"/actions/{action.id}"))


def test_sending_back_needs_a_note(browser_as):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)
    response = decide(browser_as("executive"), action, **{"signoff-decision": "send_back"})
    assert response.status_code == 400
    assert "Say what is still to do" in error_summary(response)
    assert reload(action).status == ActionStatus.AWAITING_SIGN_OFF


def test_only_an_action_awaiting_sign_off_can_be_signed_off(browser_as):
    dmpc = browser_as("executive")
    action = make_action(status=ActionStatus.IN_PROGRESS)
    assert "Sign off and close" not in text_of(dmpc.get(f"/actions/{action.id}"))

    response = decide(dmpc, action, **{"signoff-decision": "close"})

    assert response.status_code == 409
    assert "Only an action completed and awaiting sign-off can be signed off" in text_of(response)
    assert reload(action).status == ActionStatus.IN_PROGRESS
    assert history(action) == []


def test_leads_and_the_secretariat_cannot_sign_off(browser_as):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)
    for role in ("lead", "secretariat", "admin", "viewer"):
        assert decide(browser_as(role), action, **{"signoff-decision": "close"}).status_code == 403
    assert reload(action).status == ActionStatus.AWAITING_SIGN_OFF


def asking_for_more_time(**fields):
    return make_action(
        status=ActionStatus.IN_PROGRESS,
        due_on=date(2024, 1, 31),
        requested_due_on=date(2024, 4, 30),
        requested_due_reason="National figures are due in March.",
        **fields,
    )


def test_dmpc_agrees_to_more_time_and_the_due_date_moves(browser_as):
    dmpc = browser_as("executive")
    action = asking_for_more_time()
    page = text_of(dmpc.get(f"/actions/{action.id}"))
    assert "National figures are due in March." in page and "30 April 2024" in page

    response = decide_more_time(dmpc, action, **{"extension-decision": "accept"})

    assert response.status_code == 302
    action = reload(action)
    assert (action.due_on, action.requested_due_on, action.requested_due_reason) == (
        date(2024, 4, 30),
        None,
        "",
    )
    [entry] = history(action)
    assert entry.kind == UpdateKind.EXTENSION_ACCEPTED
    assert entry.changes == {
        "requested_due_on": ["2024-04-30", None],
        "due_on": ["2024-01-31", "2024-04-30"],
    }
    assert "Due date: 31 January 2024 to <strong>30 April 2024</strong>" in text_of(
        dmpc.get(f"/actions/{action.id}")
    )


def test_dmpc_refuses_more_time_with_a_reason_and_the_due_date_stays(browser_as):
    dmpc = browser_as("executive")
    action = asking_for_more_time()

    assert decide_more_time(dmpc, action, **{"extension-decision": "refuse"}).status_code == 400
    response = decide_more_time(
        dmpc,
        action,
        **{"extension-decision": "refuse", "extension-note": "The panel meets in February."},
    )

    assert response.status_code == 302
    action = reload(action)
    assert (action.due_on, action.requested_due_on) == (date(2024, 1, 31), None)
    assert [entry.kind for entry in history(action)] == [UpdateKind.EXTENSION_REFUSED]


def test_there_must_be_a_request_to_decide(browser_as):
    action = make_action()
    response = decide_more_time(browser_as("executive"), action, **{"extension-decision": "accept"})
    assert response.status_code == 409
    assert "no request for more time" in text_of(response)


def test_a_lead_cannot_grant_themselves_more_time(browser_as):
    action = asking_for_more_time()
    assert (
        decide_more_time(browser_as("lead"), action, **{"extension-decision": "accept"}).status_code
        == 403
    )
    assert reload(action).due_on == date(2024, 1, 31)
