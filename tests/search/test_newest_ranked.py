"""When more match than a page can rank (finding.MOST_COUNTED), the results are the best of the
newest that the reader may see within the filters: the count says "more than", paging goes
through each of those once, and a filter narrows before the bound, so older matches are reached."""

import re
from datetime import datetime

import pytest
import sqlalchemy as sa

from tests.bulk import add_actions
from tests.clients import sign_in
from tests.factories import ActionFactory, MeetingFactory
from tracker.actions.models import Action
from tracker.extensions import db
from tracker.search.finding import MOST_COUNTED
from tracker.search.results import PER_PAGE

# More than are ranked: the bulk actions all say "WYP to do thing n."
BULK = MOST_COUNTED + 100
STRONG = "Thing, thing and thing."


@pytest.fixture
def many(users):
    """An old action that matches "thing" best, then BULK ordinary matches, then a new one that
    matches as well as the old one; the old one's id and the new one's."""
    old = ActionFactory(text=STRONG, meeting=MeetingFactory(starts_at=datetime(2019, 5, 1, 10)))
    db.session.commit()
    add_actions(BULK)
    new = ActionFactory(text=STRONG)
    db.session.commit()
    return old.id, new.id


def result_ids(html: str) -> list[int]:
    found = re.findall(r'<li class="ca-search-result">(.*?)</li>', html, re.S)
    return [int(re.search(r'href="/actions/(\d+)"', item).group(1)) for item in found]


def newest_visible(count: int) -> list[int]:
    """The newest `count` actions a viewer may see (the bulk makes some confidential)."""
    return list(
        db.session.scalars(
            sa.select(Action.id)
            .where(Action.confidential.is_(False))
            .order_by(Action.id.desc())
            .limit(count)
        )
    )


def test_the_best_of_the_newest_comes_first_and_the_page_says_so(app, users, many):
    _old, new = many
    browser = sign_in(app.test_client(), users["viewer"])
    html = browser.get("/search?q=thing&kind=actions").get_data(as_text=True)
    assert result_ids(html)[0] == new
    assert f"Actions (more than {MOST_COUNTED}), best match first" in html
    assert f"The best of the {MOST_COUNTED} most recently recorded" in html
    preview = browser.get("/search?q=thing").get_data(as_text=True)
    assert result_ids(preview)[0] == new
    assert f"The {MOST_COUNTED} most recently recorded results in actions" in preview


def test_paging_goes_through_the_newest_each_once(app, users, many):
    old, _new = many
    browser = sign_in(app.test_client(), users["viewer"])
    seen = []
    for page in range(1, MOST_COUNTED // PER_PAGE + 2):
        html = browser.get(f"/search?q=thing&kind=actions&page={page}").get_data(as_text=True)
        seen += result_ids(html)
    assert len(seen) == len(set(seen)) == MOST_COUNTED
    # Exactly the newest the viewer may see: no confidential one took a place, and the old
    # strong match is beyond the bound.
    assert set(seen) == set(newest_visible(MOST_COUNTED))
    assert old not in seen


def test_a_filter_narrows_before_the_bound(app, users, many):
    old, _new = many
    browser = sign_in(app.test_client(), users["viewer"])
    html = browser.get("/search?q=thing&kind=actions&until=2019-12-31").get_data(as_text=True)
    assert result_ids(html) == [old]
    assert "Actions (1), best match first" in html
    assert "most recently recorded" not in html


def test_the_type_of_meeting_narrows_before_the_bound(app, users, many):
    old, _new = many
    old_type = db.session.get(Action, old).meeting.meeting_type_id
    browser = sign_in(app.test_client(), users["viewer"])
    html = browser.get(f"/search?q=thing&kind=actions&type={old_type}").get_data(as_text=True)
    assert result_ids(html) == [old]


def test_within_dates_every_match_is_ranked(app, users, many):
    old, new = many
    browser = sign_in(app.test_client(), users["viewer"])
    html = browser.get("/search?q=thing&kind=actions&since=2019-01-01").get_data(as_text=True)
    # Both strong matches lead, the old one too, and the page does not claim only the newest.
    assert set(result_ids(html)[:2]) == {old, new}
    assert f"Actions (more than {MOST_COUNTED}), best match first" in html
    assert "most recently recorded" not in html


def test_a_phrase_is_still_a_phrase_past_the_bound(app, users, many):
    browser = sign_in(app.test_client(), users["secretariat"])

    def found(query: str) -> list[int]:
        return result_ids(browser.get(f"/search?q={query}&kind=actions").get_data(as_text=True))

    assert len(found('"WYP to do thing"')) == PER_PAGE
    # The same words in another order ("to" and "do" are stop words to PostgreSQL).
    assert found('"thing WYP"') == []
