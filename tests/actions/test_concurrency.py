"""Two people change the same action at once: the second is told, sees the newer version, keeps what they typed.

No change is ever written over another silently: a form carries the version its author saw, and the
database refuses a write made from a stale copy (the version column), even when two requests pass
the check at the same moment.
"""

import pytest
import sqlalchemy as sa

from tests.actions.helpers import history, make_action, reload
from tests.pages import hidden_version, text_of
from tracker.actions import services
from tracker.actions.models import Action, ActionStatus
from tracker.extensions import db


def test_service_refuses_a_change_from_an_older_version(users):
    action = make_action(status=ActionStatus.OPEN)
    seen = action.version
    services.add_update(
        action, users["lead"], note="First.", status=ActionStatus.IN_PROGRESS, seen_version=seen
    )  # saved: each service is one transaction

    with pytest.raises(services.ActionChanged):
        services.add_update(
            action,
            users["secretariat"],
            note="Second.",
            status=ActionStatus.OPEN,
            seen_version=seen,
        )

    db.session.rollback()
    assert [entry.note for entry in history(action)] == ["First."]
    assert reload(action).status == ActionStatus.IN_PROGRESS


def someone_else_writes(action_id: int) -> None:
    """Another worker commits a change to the action, on a connection of its own."""
    with db.engine.begin() as connection:
        connection.execute(
            sa.update(Action)
            .where(Action.id == action_id)
            .values(version=Action.version + 1, text="Changed elsewhere.")
        )


def test_a_write_racing_past_the_check_is_refused_by_the_database(users):
    action = make_action(status=ActionStatus.OPEN)
    seen = action.version
    # Both passed the version check; the other commits first.
    someone_else_writes(action.id)

    # The commit at the end of the service finds the row's version moved on.
    with pytest.raises(services.ActionChanged):
        services.add_update(
            action, users["lead"], note="Mine.", status=ActionStatus.IN_PROGRESS, seen_version=seen
        )

    action = reload(action)
    assert (action.text, action.status) == ("Changed elsewhere.", ActionStatus.OPEN)
    assert history(action) == []


def test_the_second_person_is_told_sees_the_newer_version_and_keeps_what_they_typed(browser_as):
    action = make_action(status=ActionStatus.OPEN)
    lead, secretariat = browser_as("lead"), browser_as("secretariat")
    lead_page, secretariat_page = (
        lead.get(f"/actions/{action.id}"),
        secretariat.get(f"/actions/{action.id}"),
    )

    first = lead.post(
        f"/actions/{action.id}/updates",
        data={
            "update-version": hidden_version(lead_page),
            "update-note": "The lead's news.",
            "update-status": "in_progress",
        },
    )
    second = secretariat.post(
        f"/actions/{action.id}/updates",
        data={
            "update-version": hidden_version(secretariat_page),
            "update-note": "The secretariat's careful note.",
            "update-status": "open",
            "update-evidence_url": "https://example.org/minutes.pdf",
        },
    )

    assert first.status_code == 302
    assert second.status_code == 409
    page = text_of(second)
    assert "This action changed since you opened it" in page
    assert (
        "The lead&#39;s news." in page or "The lead's news." in page
    )  # the newer version, with the lead's update
    assert "The secretariat&#39;s careful note.</textarea>" in page  # what they typed, kept
    assert 'value="https://example.org/minutes.pdf"' in page
    assert [entry.note for entry in history(action)] == ["The lead's news."]
    assert reload(action).status == ActionStatus.IN_PROGRESS

    # Having read the newer version, they send it again and it is saved.
    again = secretariat.post(
        f"/actions/{action.id}/updates",
        data={
            "update-version": hidden_version(second),
            "update-note": "The secretariat's careful note.",
            "update-status": "in_progress",
        },
    )
    assert again.status_code == 302
    assert [entry.note for entry in history(action)] == [
        "The lead's news.",
        "The secretariat's careful note.",
    ]


def test_a_race_at_commit_in_a_request_is_answered_the_same_way(browser_as, monkeypatch):
    action = make_action(status=ActionStatus.OPEN)
    lead = browser_as("lead")
    page = lead.get(f"/actions/{action.id}")
    passed_check = services.check_version

    def check_then_lose_the_race(action, seen_version):
        passed_check(action, seen_version)
        someone_else_writes(action.id)

    monkeypatch.setattr(services, "check_version", check_then_lose_the_race)
    response = lead.post(
        f"/actions/{action.id}/updates",
        data={
            "update-version": hidden_version(page),
            "update-note": "Typed while racing.",
            "update-status": "in_progress",
        },
    )

    assert response.status_code == 409
    assert "This action changed since you opened it" in text_of(response)
    assert "Typed while racing.</textarea>" in text_of(response)
    assert "Changed elsewhere." in text_of(response)
    assert history(action) == []


def test_two_dmpc_decisions_cannot_both_land(browser_as):
    action = make_action(status=ActionStatus.AWAITING_SIGN_OFF)
    one, two = browser_as("executive"), browser_as("executive")
    version = hidden_version(one.get(f"/actions/{action.id}"), "signoff")

    closed = one.post(
        f"/actions/{action.id}/sign-off",
        data={"signoff-version": version, "signoff-decision": "close"},
    )
    sent_back = two.post(
        f"/actions/{action.id}/sign-off",
        data={
            "signoff-version": version,
            "signoff-decision": "send_back",
            "signoff-note": "Not yet.",
        },
    )

    assert (closed.status_code, sent_back.status_code) == (302, 409)
    assert reload(action).status == ActionStatus.CLOSED
    assert "Not yet.</textarea>" in text_of(sent_back)


def test_an_edit_from_an_older_version_is_not_saved(browser_as):
    action = make_action()
    secretariat = browser_as("secretariat")
    form = secretariat.get(f"/actions/{action.id}/edit")
    version = text_of(form).split('name="version" type="hidden" value="')[1].split('"')[0]
    someone_else_writes(action.id)

    response = secretariat.post(
        f"/actions/{action.id}/edit",
        data={
            "version": version,
            "text": "My rewording.",
            "owner": str(action.owner_id),
            "lead": "",
        },
    )

    assert response.status_code == 409
    assert "This action changed since you opened it" in text_of(response)
    assert "My rewording.</textarea>" in text_of(response)
    assert reload(action).text == "Changed elsewhere."
