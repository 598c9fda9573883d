"""GET /api/v1/meetings and /api/v1/meetings/{id}: filters, paging, and what each role sees."""

from datetime import datetime

import pytest

from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    MeetingTypeFactory,
    PersonFactory,
)
from tracker.extensions import db
from tracker.meetings.models import Attendance


def test_the_list_of_meetings_is_newest_first_with_dates_and_their_offset(api_client, api_token):
    com = MeetingTypeFactory(short_name="COM", name="Community Outcomes Meeting")
    MeetingFactory(meeting_type=com, starts_at=datetime(2023, 1, 10, 10, 0))
    MeetingFactory(meeting_type=com, starts_at=datetime(2023, 7, 11, 14, 30))
    db.session.commit()

    response = api_client.get("/api/v1/meetings", headers=api_token("viewer"))

    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert [m["starts_at"] for m in body["items"]] == [
        "2023-07-11T14:30:00+01:00",  # British Summer Time
        "2023-01-10T10:00:00+00:00",
    ]
    assert body["items"][0]["meeting_type"] == {"id": com.id, "code": "COM",
                                                "name": "Community Outcomes Meeting"}
    assert body["next_cursor"] is None
    assert "Link" not in response.headers
    assert "Set-Cookie" not in response.headers


def make_meetings(count: int, meeting_type=None) -> list:
    meeting_type = meeting_type or MeetingTypeFactory()
    # Pairs on the same day and hour, so the id decides between them.
    meetings = [
        MeetingFactory(meeting_type=meeting_type, starts_at=datetime(2023, 1 + n // 4 % 12, 1 + n // 2, 10))
        for n in range(count)
    ]
    db.session.commit()
    return meetings


def test_cursor_paging_walks_every_meeting_exactly_once(api_client, api_token):
    meetings = make_meetings(23)
    headers = api_token("viewer")
    seen, url, pages = [], "/api/v1/meetings?limit=5", 0
    while url:
        response = api_client.get(url, headers=headers)
        assert response.status_code == 200
        body = response.get_json()
        seen += [m["id"] for m in body["items"]]
        pages += 1
        if body["next_cursor"]:
            link = response.headers["Link"]
            assert link.endswith('>; rel="next"') and f"cursor={body['next_cursor']}" in link
            url = link[link.index("/api/"):link.index(">")]
            assert "limit=5" in url
        else:
            assert "Link" not in response.headers
            url = None
    assert pages == 5
    assert sorted(seen) == sorted(m.id for m in meetings)
    assert len(seen) == len(set(seen))
    expected = sorted(meetings, key=lambda m: (m.starts_at, m.id), reverse=True)
    assert seen == [m.id for m in expected]


def test_meetings_filter_by_type_code_or_id_and_dates(api_client, api_token):
    com = MeetingTypeFactory(short_name="COM")
    other = MeetingTypeFactory(short_name="PAB")
    first = MeetingFactory(meeting_type=com, starts_at=datetime(2023, 1, 10, 10))
    second = MeetingFactory(meeting_type=com, starts_at=datetime(2023, 3, 31, 23, 30))
    MeetingFactory(meeting_type=com, starts_at=datetime(2023, 4, 1, 9))
    MeetingFactory(meeting_type=other, starts_at=datetime(2023, 2, 1, 10))
    db.session.commit()
    headers = api_token("viewer")

    def ids(query):
        response = api_client.get("/api/v1/meetings", query_string=query, headers=headers)
        assert response.status_code == 200, response.get_json()
        return [m["id"] for m in response.get_json()["items"]]

    assert ids({"type": "COM", "to": "2023-03-31"}) == [second.id, first.id]
    assert ids({"type": str(com.id), "from": "2023-01-11", "to": "2023-03-31"}) == [second.id]
    assert ids({"type": "com", "from": "2024-01-01"}) == []


@pytest.mark.parametrize("query, field", [
    ({"type": "NOPE"}, "type"),
    ({"from": "2023-02-30"}, "from"),
    ({"to": "12345678901234567890-01-01"}, "to"),
    ({"limit": "0"}, "limit"),
    ({"limit": "201"}, "limit"),
    ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor"),
    ({"cursor": "W1siZHQiLCJub3QgYSBkYXRlIl0sWyJ2IiwxXV0"}, "cursor"),
    ({"cursor": "W1sidiIsImFcdTAwMDBiIl0sWyJ2IiwxXV0"}, "cursor"),
])
def test_bad_filters_are_a_422_problem_naming_the_field(api_client, api_token, query, field):
    make_meetings(2)
    response = api_client.get("/api/v1/meetings", query_string=query, headers=api_token("viewer"))
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == 422
    assert problem["title"] in ("Unprocessable Entity", "Unprocessable Content")  # by Python version
    assert set(problem) >= {"type", "title", "status", "detail", "errors"}
    assert field in problem["errors"] and all(isinstance(m, str) for m in problem["errors"][field])


def test_a_get_has_an_etag_and_answers_304_when_it_still_matches(api_client, api_token):
    meeting = make_meetings(1)[0]
    headers = api_token("viewer")
    first = api_client.get(f"/api/v1/meetings/{meeting.id}", headers=headers)
    assert first.headers["ETag"] == f'"meeting-{meeting.id}-v{meeting.version}"'
    unchanged = api_client.get(
        f"/api/v1/meetings/{meeting.id}", headers={**headers, "If-None-Match": first.headers["ETag"]}
    )
    assert unchanged.status_code == 304 and unchanged.data == b""

    listed = api_client.get("/api/v1/meetings", headers=headers)
    assert listed.headers["ETag"]
    again = api_client.get(
        "/api/v1/meetings", headers={**headers, "If-None-Match": listed.headers["ETag"]}
    )
    assert again.status_code == 304
    meeting.place = "Somewhere else"
    db.session.commit()
    changed = api_client.get(
        "/api/v1/meetings", headers={**headers, "If-None-Match": listed.headers["ETag"]}
    )
    assert changed.status_code == 200 and changed.headers["ETag"] != listed.headers["ETag"]


def test_one_meeting_with_attendance_items_and_their_actions(api_client, api_token, users):
    meeting = make_meetings(1)[0]
    chair = PersonFactory(name="Alison Lowe", job_title="Deputy Mayor")
    db.session.add(Attendance(meeting=meeting, person=chair, kind="present"))
    item = AgendaItemFactory(meeting=meeting, title="Neighbourhood policing", notes="**Noted**")
    ActionFactory(meeting=meeting, agenda_item=item, reference="COM-2023-10-04a",
                  owner=users["lead"].organisation)
    db.session.commit()

    response = api_client.get(f"/api/v1/meetings/{meeting.id}", headers=api_token("viewer"))

    assert response.status_code == 200
    body = response.get_json()
    assert body["attendance"] == [{"kind": "present", "person": {
        "id": chair.id, "name": "Alison Lowe", "job_title": "Deputy Mayor",
        "organisation": {"id": chair.organisation.id, "name": chair.organisation.name,
                         "short_name": chair.organisation.short_name}}}]
    assert [(i["number"], i["title"], i["notes"]) for i in body["items"]] == [
        (1, "Neighbourhood policing", "**Noted**")
    ]
    [action] = body["items"][0]["actions"]
    assert action["reference"] == "COM-2023-10-04a" and action["owner"]["short_name"] == "WYP"


@pytest.mark.parametrize("role, sees", [
    ("viewer", False), ("lead", True), ("executive", True), ("secretariat", True), ("admin", True),
])
def test_a_confidential_action_shows_only_to_those_who_may_see_it(api_client, api_token, users,
                                                                   role, sees):
    meeting = make_meetings(1)[0]
    item = AgendaItemFactory(meeting=meeting)
    ActionFactory(meeting=meeting, agenda_item=item, reference="OPEN-1a")
    # The lead's own organisation owns it, so the lead may see it; a viewer never.
    ActionFactory(meeting=meeting, agenda_item=item, reference="SECRET-1b", confidential=True,
                  owner=users["lead"].organisation, text="Confidential briefing")
    db.session.commit()

    response = api_client.get(f"/api/v1/meetings/{meeting.id}", headers=api_token(role))

    references = [a["reference"] for a in response.get_json()["items"][0]["actions"]]
    assert ("SECRET-1b" in references) is sees
    assert "OPEN-1a" in references
    assert ("Confidential briefing" in response.text) is sees


def test_a_meeting_that_is_not_there_is_a_404_problem(api_client, api_token):
    for missing in ("987654", "2147483648", "99999999999999999999"):
        response = api_client.get(f"/api/v1/meetings/{missing}", headers=api_token("viewer"))
        assert response.status_code == 404
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["title"] == "Not Found"


def test_a_method_the_address_does_not_take_is_a_405_problem(api_client, api_token):
    response = api_client.delete("/api/v1/meetings", headers=api_token("admin", "write"))
    assert response.status_code == 405
    assert response.mimetype == "application/problem+json"
    assert "GET" in response.headers["Allow"]


def test_an_unknown_api_address_is_a_problem_but_the_web_keeps_its_pages(api_client, api_token,
                                                                        client):
    assert api_client.get("/api/v1/nothing-here").status_code == 401  # no token: nothing told
    response = api_client.get("/api/v1/nothing-here", headers=api_token("viewer"))
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    web = client.get("/nothing-here")
    assert web.status_code == 404 and web.mimetype == "text/html"
    assert "Page not found" in web.text


def test_too_many_requests_is_a_429_problem_with_retry_after(app, api_client, api_token,
                                                            monkeypatch):
    monkeypatch.setitem(app.config, "API_RATE_LIMIT", "3 per hour")
    headers = api_token("viewer")
    other = api_token("viewer")
    for _ in range(3):
        assert api_client.get("/api/v1/meetings", headers=headers).status_code == 200

    refused = api_client.get("/api/v1/meetings", headers=headers)

    assert refused.status_code == 429
    assert refused.mimetype == "application/problem+json"
    # The wait is the limiter's own (what is left of the hour the first request opened), told in
    # the header and in words alike, not a stock figure of a minute or less.
    wait = refused.headers["Retry-After"]
    assert f"more than 3 requests in 1 hour(s). Try again in {wait} seconds." in refused.json["detail"]
    assert 3540 <= int(wait) <= 3600
    # The limit is the token's: another token of the same user carries on.
    assert api_client.get("/api/v1/meetings", headers=other).status_code == 200
