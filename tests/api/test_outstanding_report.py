"""The outstanding-actions report through the API: the page's rows and options, a page at a time,
with confidential actions only for those who may see them."""

import pytest
import sqlalchemy as sa

from tests.api.actions_helpers import walk
from tests.reports.demo_outstanding import AS_AT, EXPECTED, NOT_CONFIDENTIAL
from tracker.auth import tokens
from tracker.auth.models import User
from tracker.directory.models import Organisation
from tracker.extensions import db

pytestmark = pytest.mark.read_only_demo

URL = "/api/v1/reports/outstanding-actions"


def bearer(username: str, scope: str = "read") -> dict:
    """A token of one of the demo's people (dmpc is the Deputy Mayor, viewer reads only)."""
    user = db.session.scalar(sa.select(User).where(User.username == username))
    _, secret = tokens.issue(user, name="report test", scope=scope)
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def rows(items) -> list[tuple]:
    return [(item["reference"], item["days_overdue"], item["due_on"]) for item in items]


def expected(found) -> list[tuple]:
    return [(reference, days, due.isoformat()) for reference, days, due in found]


def test_the_reports_rows_as_at_a_date_most_overdue_first(app, read_only_demo):
    response = app.test_client().get(f"{URL}?as_at={AS_AT.isoformat()}", headers=bearer("dmpc"))

    assert response.status_code == 200, response.json
    body = response.json
    assert body["as_at"] == "2024-02-27"
    assert body["title"] == "Outstanding actions as at 27 February 2024"
    assert rows(body["items"]) == expected(EXPECTED)
    assert body["next_cursor"] is None
    second = body["items"][1]
    # As the downloads show it (tests/reports/test_outstanding_downloads.py).
    assert (second["meeting"], second["item"], second["owner"], second["lead"]) == (
        "Community Outcomes Meeting, 10 October 2023",
        "Item 4: Use of Force",
        "WYP",
        "Carl Glavin",
    )
    assert second["status_label"] == "In progress"
    assert second["latest_update_on"] == "2024-02-19"
    assert second["url"] == f"/api/v1/actions/{second['action_id']}"


@pytest.mark.parametrize("limit", [1, 3, 4])
def test_pages_walk_every_row_once(app, read_only_demo, limit):
    walked = walk(
        app.test_client(), f"{URL}?as_at=2024-02-27&limit={limit}", bearer("dmpc")
    )

    assert rows(walked) == expected(EXPECTED)


def test_a_viewer_never_gets_a_confidential_action(app, read_only_demo):
    walked = walk(app.test_client(), f"{URL}?as_at=2024-02-27&limit=2", bearer("viewer"))

    assert rows(walked) == expected(NOT_CONFIDENTIAL)
    assert not any(item["confidential"] for item in walked)


def test_limited_to_an_owner_as_the_page_is(app, read_only_demo):
    def owned_by(short_name: str) -> dict:
        owner = db.session.scalar(
            sa.select(Organisation).where(Organisation.short_name == short_name)
        )
        return app.test_client().get(
            f"{URL}?as_at=2024-02-27&owner={owner.id}", headers=bearer("dmpc")
        ).json

    wyp, wyca = owned_by("WYP"), owned_by("WYCA")

    # Every outstanding action of the demo is WYP's.
    assert wyp["limited_to"] == ["Owner: WYP"]
    assert rows(wyp["items"]) == expected(EXPECTED)
    assert wyca["limited_to"] == ["Owner: WYCA"]
    assert wyca["items"] == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("as_at=27/02/2024", "as_at"),
        ("as_at=1066-10-14", "as_at"),
        ("owner=999999", "owner"),
        ("meeting_type=999999", "meeting_type"),
        ("priority=x", "priority"),
        ("cursor=bm9wZQ", "cursor"),
        ("limit=0", "limit"),
    ],
)
def test_options_the_page_would_refuse_are_422_problems(app, read_only_demo, query, field):
    response = app.test_client().get(f"{URL}?{query}", headers=bearer("dmpc"))

    assert response.status_code == 422, response.json
    assert response.mimetype == "application/problem+json"
    assert field in response.json["errors"], response.json


def test_without_a_token_the_report_is_401(app, read_only_demo):
    assert app.test_client().get(URL).status_code == 401
