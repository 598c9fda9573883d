"""Searching the demo data, as each role and as the public: what is found, in what order, and
what is left out for those who may not see it. Runs on SQLite (FTS5) and PostgreSQL (tsvector)."""

import re

import pytest

from tests.access.lookup import client_for
from tests.records import action

pytestmark = pytest.mark.read_only_demo

RIGHT_CARE = "Right Care Right Person"
# Words only in the confidential action's history.
ITS_UPDATE = '"baseline data on welfare checks"'


def page(app, role, query, **args):
    response = client_for(app, role).get("/search", query_string={"q": query, **args})
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def results(html: str) -> list[str]:
    """Each result's heading, meta line and snippet, as text, in page order."""
    found = re.findall(r'<li class="ca-search-result">(.*?)</li>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in found]


def test_jossigill_finds_the_10_october_2023_item(app, read_only_demo):
    html = page(app, "viewer", "Jossigill")
    found = results(html)
    assert found, "no results for Jossigill"
    assert "10 October 2023" in found[0]
    assert "Agenda item" in found[0]
    # The matched word is marked, inside escaped text.
    assert "<mark>Jossigill</mark>" in html


def test_custody_finds_the_action_about_use_of_force_in_custody(app, read_only_demo):
    html = page(app, "secretariat", "custody", kind="actions")
    found = results(html)
    assert any("Use of Force in custody settings" in result for result in found), found
    reference = action_reference_with("Use of Force in custody")
    assert f'/actions/{action(reference).id}"' in html


def action_reference_with(words: str) -> str:
    import sqlalchemy as sa

    from tracker.actions.models import Action
    from tracker.extensions import db

    return db.session.scalar(sa.select(Action.reference).where(Action.text.contains(words)))


def test_a_word_finds_the_other_forms_of_it(app, read_only_demo):
    # The demo says "complaints"; searching the singular finds it, and the plural the singular.
    singular = results(page(app, "secretariat", "complaint"))
    assert any("complaints" in result.lower() for result in singular)
    assert results(page(app, "secretariat", "complaints"))


def test_a_quoted_phrase_finds_only_that_phrase(app, read_only_demo):
    phrase = results(page(app, "secretariat", '"custody settings"', kind="actions"))
    assert phrase and all("custody settings" in result.lower() for result in phrase)
    # The same words in the other order are not the phrase.
    assert results(page(app, "secretariat", '"settings custody"')) == []


def test_or_and_minus(app, read_only_demo):
    either = results(page(app, "secretariat", "Jossigill or custody"))
    assert any("Jossigill" in r for r in either) and any("custody" in r.lower() for r in either)
    without = results(page(app, "secretariat", "custody -settings", kind="actions"))
    assert all("settings" not in r.lower() for r in without)


@pytest.mark.parametrize("role", ["viewer"])
def test_a_reader_without_confidential_access_never_meets_the_confidential_action(
    app, read_only_demo, role
):
    html = page(app, role, RIGHT_CARE)
    # The minutes discuss it (an agenda item is found), but the confidential action and its
    # history are not: not in the list, not in the counts.
    assert "Actions: 0" in html
    assert "Action updates and decisions: 0" in html
    assert "confidentially update" not in html
    assert results(html), "the agenda item about it should still be found"
    assert results(page(app, role, ITS_UPDATE)) == []


@pytest.mark.parametrize("role", ["secretariat", "executive", "admin"])
def test_those_who_read_confidential_actions_find_it(app, read_only_demo, role):
    html = page(app, role, RIGHT_CARE, kind="actions")
    assert "confidentially update the DMPC" in html
    assert any("welfare checks" in result for result in results(page(app, role, ITS_UPDATE)))


def test_the_lead_of_the_owning_organisation_finds_its_confidential_action(app, read_only_demo):
    assert "confidentially update the DMPC" in page(app, "lead", RIGHT_CARE, kind="actions")


def test_a_reference_goes_straight_to_its_action(app, read_only_demo):
    reference = action_reference_with("Use of Force in custody")
    for typed in (reference, reference.lower(), f"  {reference} "):
        response = client_for(app, "viewer").get("/search", query_string={"q": typed})
        assert response.status_code == 302
        assert response.headers["Location"].endswith(f"/actions/{action(reference).id}")


def test_a_confidential_reference_is_not_revealed_to_the_viewer(app, read_only_demo):
    reference = action_reference_with("Right Care Right Person")
    response = client_for(app, "viewer").get("/search", query_string={"q": reference})
    assert response.status_code == 200
    assert "confidentially update" not in response.get_data(as_text=True)
    secretariat = client_for(app, "secretariat").get("/search", query_string={"q": reference})
    assert secretariat.status_code == 302


def test_filters_narrow_by_meeting_type_and_date(app, read_only_demo):
    assert results(page(app, "secretariat", "Jossigill", since="2023-10-10", until="2023-10-10"))
    assert results(page(app, "secretariat", "Jossigill", since="2023-10-11")) == []
    assert results(page(app, "secretariat", "Jossigill", until="2023-10-09")) == []


def test_one_kind_is_paged_with_its_count(app, read_only_demo):
    html = page(app, "secretariat", "force", kind="items")
    found = results(html)
    assert found and all("Agenda item" in result for result in found)
    assert "best match first" in html


def test_the_public_search_finds_only_published_minutes(app, read_only_demo):
    client = app.test_client()
    response = client.get("/public/search", query_string={"q": "Jossigill"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "10 October 2023" in html and "/public/meetings/" in html
    # No link into the signed-in tracker, no confidential action, no action history.
    assert "/actions/" not in html and "/meetings/" not in html.replace("/public/meetings/", "")
    assert "confidentially update" not in client.get(
        "/public/search", query_string={"q": RIGHT_CARE}).get_data(as_text=True)
    history = client.get("/public/search", query_string={"q": ITS_UPDATE})
    assert results(history.get_data(as_text=True)) == []


def test_the_public_search_leaves_out_draft_minutes(app, read_only_demo):
    import sqlalchemy as sa

    from tracker.extensions import db
    from tracker.meetings.models import AgendaItem, Meeting, MinutesStatus

    draft_title = db.session.scalar(
        sa.select(AgendaItem.title).join(Meeting)
        .where(Meeting.minutes_status != MinutesStatus.PUBLISHED, AgendaItem.notes != "")
        .order_by(AgendaItem.id).limit(1)
    )
    word = max(re.findall(r"[A-Za-z]{5,}", draft_title), key=len)
    signed_in = page(app, "secretariat", f'"{word}"', kind="items")
    assert results(signed_in)
    public = app.test_client().get("/public/search", query_string={"q": f'"{word}"', "kind": "items"})
    for result in results(public.get_data(as_text=True)):
        assert draft_title not in result
