"""The helpers every API resource uses: If-Match to a seen version, and keyset pages in any order."""

from datetime import date

import pytest
import sqlalchemy as sa
from werkzeug.exceptions import HTTPException

from tests.factories import ActionFactory
from tracker.actions.models import Action
from tracker.api import etags, paging
from tracker.api.problems import from_http_exception
from tracker.extensions import db


def refusal(app, headers: dict) -> tuple[int, str]:
    with app.test_request_context("/api/v1/actions/12/updates", method="POST", headers=headers):
        try:
            return 200, str(etags.require_if_match("action", 12))
        except HTTPException as error:
            response = from_http_exception(error)
            return response.status_code, response.get_json()["detail"]


def test_if_match_gives_the_version_read(app):
    assert refusal(app, {"If-Match": '"action-12-v3"'}) == (200, "3")
    assert refusal(app, {"If-Match": 'W/"action-12-v4"'}) == (200, "4")


def test_a_change_without_if_match_is_428(app):
    status, detail = refusal(app, {})
    assert status == 428 and "If-Match" in detail


@pytest.mark.parametrize("tag", ['"action-13-v3"', '"meeting-12-v3"', "*", '"abc"',
                                 '"action-12-v99999999999999999999"'])
def test_if_match_naming_another_record_or_none_is_412(app, tag):
    assert refusal(app, {"If-Match": tag})[0] == 412


def test_record_etag():
    assert etags.record_etag("action", 12, 3) == '"action-12-v3"'


def test_keyset_pages_follow_mixed_orders_and_nullable_columns(app):
    # Due soonest first, undated last (NULL made a date after any), then reference descending.
    for n, due in enumerate([date(2024, 1, 1), None, date(2024, 1, 1), date(2023, 6, 1), None]):
        ActionFactory(reference=f"REF-{n}", due_on=due)
    db.session.commit()
    order = (sa.func.coalesce(Action.due_on, date(9999, 12, 31)), Action.reference.desc())
    expected = [a.reference for a in db.session.scalars(sa.select(Action).order_by(*order))]

    walked, cursor = [], None
    with app.test_request_context("/api/v1/actions"):
        while True:
            page = paging.keyset_page(sa.select(Action), order, {"limit": 2, "cursor": cursor})
            walked += [a.reference for a in page.items]
            cursor = page.next_cursor
            if cursor is None:
                break
    assert walked == expected == ["REF-3", "REF-2", "REF-0", "REF-4", "REF-1"]
