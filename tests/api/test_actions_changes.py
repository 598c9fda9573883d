"""Changing actions through the API: a lead's update and the Deputy Mayor's decision, with the
web's rules and messages, If-Match against changes made meanwhile, and nothing saved when refused."""

from datetime import timedelta

import pytest

from tests.actions.helpers import audit_events, history, make_action, reload
from tests.api.actions_helpers import etag
from tests.clients import sign_in
from tests.factories import OrganisationFactory
from tracker.actions import services
from tracker.actions.models import ActionStatus, UpdateKind
from tracker.kit.dates import today


def post(app, path: str, action, headers: dict, body: dict, *, if_match: str | None = "current"):
    if if_match == "current":
        if_match = etag(action)
    if if_match is not None:
        headers = {**headers, "If-Match": if_match}
    return app.test_client().post(f"/api/v1/actions/{action.id}/{path}", headers=headers, json=body)


def unchanged(action, before_version: int, before_entries: int) -> bool:
    action = reload(action)
    return action.version == before_version and len(history(action)) == before_entries


UPDATE = {"note": "Analysts have started.", "status": "in_progress"}


def test_a_leads_write_token_updates_their_organisations_action(app, users, api_token):
    action = make_action(status=ActionStatus.OPEN)
    started = today()

    response = post(app, "updates", action, api_token("lead", "write"), {
        **UPDATE, "evidence_url": "https://www.example.org/report.pdf",
    })

    assert response.status_code == 201, response.json
    action = reload(action)
    assert action.status == ActionStatus.IN_PROGRESS
    assert response.headers["ETag"] == etag(action)
    assert response.json["status"] == "in_progress"
    [entry] = history(action)
    # Who and when, as the web records it.
    assert (entry.kind, entry.note, entry.author_id) == (
        UpdateKind.UPDATE, "Analysts have started.", users["lead"].id
    )
    assert entry.created_at.date() >= started
    assert entry.evidence_url == "https://www.example.org/report.pdf"
    assert audit_events(action) == ["action.update"]
    [shown] = response.json["history"]
    assert shown["author"] == users["lead"].display_name


def test_a_lead_asks_for_more_time_with_a_reason(app, api_token):
    action = make_action(status=ActionStatus.IN_PROGRESS)
    wanted = today() + timedelta(days=40)

    response = post(app, "updates", action, api_token("lead", "write"), {
        **UPDATE, "requested_due_on": wanted.isoformat(), "reason": "Data arrives late.",
    })

    assert response.status_code == 201, response.json
    assert response.json["requested_due_on"] == wanted.isoformat()
    assert history(reload(action))[0].kind == UpdateKind.EXTENSION_REQUEST


def test_a_lead_is_refused_another_organisations_action_and_nothing_is_saved(app, api_token):
    action = make_action(OrganisationFactory(short_name="KC"), status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token("lead", "write"), UPDATE)

    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert response.json["detail"] == "You can only update actions your organisation owns."
    assert unchanged(action, action.version, 0)


@pytest.mark.parametrize("role", ["viewer", "executive"])
def test_roles_that_do_not_update_are_refused(app, api_token, role):
    action = make_action(status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token(role, "write"), UPDATE)

    assert response.status_code == 403
    assert unchanged(action, action.version, 0)


def test_the_secretariat_updates_for_a_lead(app, users, api_token):
    action = make_action(OrganisationFactory(short_name="KC"), status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token("secretariat", "write"), UPDATE)

    assert response.status_code == 201
    assert history(reload(action))[0].author_id == users["secretariat"].id


def test_a_read_token_cannot_write(app, api_token):
    action = make_action(status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token("lead", "read"), UPDATE)

    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert unchanged(action, action.version, 0)


def test_without_if_match_it_is_428_and_nothing_is_saved(app, api_token):
    action = make_action(status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token("lead", "write"), UPDATE, if_match=None)

    assert response.status_code == 428
    assert unchanged(action, action.version, 0)


def test_a_stale_if_match_is_412_and_nothing_is_saved(app, users, api_token):
    action = make_action(status=ActionStatus.OPEN)
    read = etag(action)
    # Someone else updates the action after the client read it.
    services.add_update(action, users["secretariat"], note="Chased.", status="open",
                        seen_version=action.version)
    version = reload(action).version

    response = post(app, "updates", action, api_token("lead", "write"), UPDATE, if_match=read)

    assert response.status_code == 412
    assert response.mimetype == "application/problem+json"
    assert unchanged(action, version, 1)
    assert reload(action).status == ActionStatus.OPEN


def test_another_actions_etag_is_412(app, api_token):
    action, other = make_action(), make_action()

    response = post(app, "updates", action, api_token("lead", "write"), UPDATE,
                    if_match=etag(other))

    assert response.status_code == 412
    assert unchanged(action, action.version, 0)


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"note": "   ", "status": "open"}, "note", "Enter a progress update"),
        ({"status": "open"}, "note", ""),
        ({"note": "Done.", "status": "closed"}, "status", ""),
        ({"note": "Done.", "status": "open", "evidence_url": "javascript:alert(1)"},
         "evidence_url", "Enter a full web address"),
        ({"note": "Done.", "status": "open", "requested_due_on": "2031-01-01"},
         "reason", "Give a reason for the new due date"),
        ({"note": "Done.", "status": "open", "reason": "Late data."},
         "reason", "Enter the new due date you are asking for"),
        ({"note": "Done.", "status": "open", "requested_due_on": "2001-01-01", "reason": "Late"},
         "requested_due_on", "New due date must be in the future"),
        ({"note": "Done.", "status": "open", "requested_due_on": "31/01/2031", "reason": "Late"},
         "requested_due_on", ""),
        ({"note": "x" * 10_001, "status": "open"}, "note", ""),
    ],
)
def test_the_web_forms_refusals_are_422_problems_naming_the_field(
    app, api_token, body, field, message
):
    action = make_action(status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token("lead", "write"), body)

    assert response.status_code == 422, response.json
    assert message in " ".join(response.json["errors"][field]), response.json
    assert unchanged(action, action.version, 0)


def test_a_control_character_is_refused_and_nothing_is_saved(app, api_token):
    action = make_action(status=ActionStatus.OPEN)

    response = post(app, "updates", action, api_token("lead", "write"),
                    {"note": "Nul\u0000", "status": "open"})

    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert unchanged(action, action.version, 0)


def test_a_closed_action_cannot_be_updated_with_the_webs_message(app, api_token):
    action = make_action(status=ActionStatus.CLOSED)

    response = post(app, "updates", action, api_token("lead", "write"), UPDATE)

    assert response.status_code == 409
    assert response.json["detail"] == "This action is closed; it can no longer be changed."
    assert unchanged(action, action.version, 0)


def test_a_viewer_cannot_learn_of_a_confidential_action_by_writing_to_it(app, api_token):
    action = make_action(OrganisationFactory(short_name="KC"), confidential=True)

    response = post(app, "updates", action, api_token("viewer", "write"), UPDATE)

    assert response.status_code == 404
    assert unchanged(action, action.version, 0)


# The Deputy Mayor's decision ----------------------------------------------------------------------


def test_the_deputy_mayor_signs_off_a_completed_action(app, users, api_token):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)

    response = post(app, "decision", action, api_token("executive", "write"),
                    {"decision": "sign-off"})

    assert response.status_code == 201, response.json
    action = reload(action)
    assert (action.status, action.closed_on) == (ActionStatus.CLOSED, today())
    assert response.headers["ETag"] == etag(action)
    [entry] = history(action)
    assert (entry.kind, entry.author_id) == (UpdateKind.SIGN_OFF, users["executive"].id)


def test_sending_back_needs_the_reason_as_on_the_web(app, api_token):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)
    headers = api_token("executive", "write")

    refused = post(app, "decision", action, headers, {"decision": "send-back", "reason": " "})
    sent_back = post(app, "decision", action, headers, {
        "decision": "send-back", "reason": "The figures are missing.", "due_on": "2031-03-31",
    })

    assert refused.status_code == 422
    assert refused.json["errors"]["reason"] == [
        "Say what is still to do before the action can be signed off"
    ]
    assert sent_back.status_code == 201, sent_back.json
    action = reload(action)
    assert action.status == ActionStatus.IN_PROGRESS
    assert action.due_on.isoformat() == "2031-03-31"
    [entry] = history(action)
    assert (entry.kind, entry.note) == (UpdateKind.SENT_BACK, "The figures are missing.")


def test_only_an_action_awaiting_sign_off_can_be_decided(app, api_token):
    action = make_action(status=ActionStatus.IN_PROGRESS)

    response = post(app, "decision", action, api_token("executive", "write"),
                    {"decision": "sign-off"})

    assert response.status_code == 409
    assert response.json["detail"] == (
        "Only an action completed and awaiting sign-off can be signed off."
    )
    assert unchanged(action, action.version, 0)


@pytest.mark.parametrize("role", ["lead", "secretariat", "admin", "viewer"])
def test_only_the_deputy_mayor_decides(app, api_token, role):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)

    response = post(app, "decision", action, api_token(role, "write"), {"decision": "sign-off"})

    assert response.status_code == 403
    assert unchanged(action, action.version, 0)


def test_a_decision_on_a_stale_etag_is_412_and_nothing_is_saved(app, users, api_token):
    action = make_action(status=ActionStatus.IN_PROGRESS)
    read = etag(action)
    services.add_update(action, users["lead"], note="Done.", status="awaiting_sign_off",
                        seen_version=action.version)
    version = reload(action).version

    response = post(app, "decision", action, api_token("executive", "write"),
                    {"decision": "sign-off"}, if_match=read)

    assert response.status_code == 412
    assert unchanged(action, version, 1)
    assert reload(action).status == ActionStatus.AWAITING_SIGN_OFF


def test_an_unknown_decision_is_422(app, api_token):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)

    response = post(app, "decision", action, api_token("executive", "write"),
                    {"decision": "close"})

    assert response.status_code == 422
    assert "decision" in response.json["errors"]
    assert unchanged(action, action.version, 0)


def test_who_may_not_decide_is_refused_before_the_body_is_read(app, api_token):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)

    response = post(app, "decision", action, api_token("lead", "write"), {"decision": "close"})

    assert response.status_code == 403
    assert unchanged(action, action.version, 0)


def test_a_token_needs_no_csrf_token_where_the_web_form_does(csrf_app, users, api_token):
    """CSRF guards cookies; the API takes no cookie, so a bearer token's change needs none, while
    the same change through the web page without the form's token is still refused."""
    action = make_action(status=ActionStatus.OPEN)

    response = post(csrf_app, "updates", action, api_token("lead", "write"), UPDATE)

    assert response.status_code == 201, response.json
    assert reload(action).status == ActionStatus.IN_PROGRESS
    web = csrf_app.test_client()
    sign_in(web, users["lead"])
    refused = web.post(f"/actions/{action.id}/updates", data={"note": "No token", "status": "open"})
    assert refused.status_code == 400
    assert reload(action).status == ActionStatus.IN_PROGRESS
