"""GET /api/v1/meetings and /api/v1/meetings/{id}: filters, paging, and what each role sees."""

from datetime import datetime

from tests.factories import MeetingFactory, MeetingTypeFactory
from tracker.extensions import db


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
