"""Counts kept until the actions change (tracker/kit/data_versions.py, tracker/actions/counts.py):
every way of changing the actions shows in the very next view's counts, in this app and in another
one on the same database, and a page makes the same few queries whether it counts or reuses.
"""

import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from tests.actions.helpers import make_action, wyp
from tests.bulk import add_actions
from tests.clients import SeparateRequestsClient, sign_in
from tests.pages import references_in, text_of
from tests.plans.factories import IndicatorFactory, PriorityFactory
from tests.queries import counting_queries
from tracker.actions import overdue, plan_links, services
from tracker.actions.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    action_indicator,
    action_priority,
)
from tracker.actions.raising import raise_action
from tracker.audit import AuditEntry
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit import data_versions
from tracker.kit.dates import today

TODAY = today()
MAX_QUERIES = 10


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def number(pattern: str, response) -> int:
    found = re.search(pattern, text_of(response), re.S)
    assert found, pattern
    return int(found.group(1).replace(",", ""))


def shown(browser, priority) -> dict[str, int]:
    """The counts the overdue review, the priority's page and the register show."""
    review = browser.get("/actions/overdue")
    return {
        "overdue": number(r'id="overdue-total">([\d,]+) action', review)
        if 'id="overdue-total"' in text_of(review)
        else 0,
        "awaiting sign-off": number(r"([\d,]+) actions? completed and awaiting", review)
        if "completed and awaiting" in text_of(review)
        else 0,
        "priority": number(r'id="see-all">.*?See all ([\d,]+) action', browser.get(
            f"/priorities/{priority.id}"
        )),
        "register, open": number(r'id="register-count">\s*([\d,]+) action', browser.get(
            "/actions?status=open"
        )),
        "register": number(r'id="register-count">\s*([\d,]+) action', browser.get("/actions")),
    }


def token() -> str | None:
    return db.session.scalar(
        sa.select(data_versions.DataVersion.token).where(data_versions.DataVersion.name == "actions")
    )


def uncached(app, browser, priority) -> dict[str, int]:
    """What the pages show worked out afresh: the app's kept counts thrown away."""
    app.extensions[data_versions.EXTENSION][0].clear()
    return shown(browser, priority)


@pytest.fixture
def plan(users):
    """A priority with one overdue open action linked to it, one awaiting sign-off (overdue), and
    one open action linked to nothing."""
    priority = PriorityFactory(title="Keeping People Safe")
    db.session.commit()
    linked = make_action(reference="W-1", due_on=days_ago(5))
    linked.priorities.append(priority)
    awaiting = make_action(
        reference="W-2", due_on=days_ago(9), status=ActionStatus.AWAITING_SIGN_OFF
    )
    unlinked = make_action(reference="W-3", due_on=TODAY + timedelta(days=9))
    db.session.commit()
    return {"priority": priority, "linked": linked, "awaiting": awaiting, "unlinked": unlinked}


def raise_one(plan, users):
    raise_action(
        plan["linked"].agenda_item,
        users["secretariat"],
        text="WYP to report back.",
        owner=wyp(),
        due_on=days_ago(2),
        priorities=[plan["priority"]],
    )


def update_one(plan, users):
    services.add_update(
        plan["linked"], users["lead"], note="Done.", status=ActionStatus.AWAITING_SIGN_OFF
    )


def sign_one_off(plan, users):
    services.sign_off(plan["awaiting"], users["executive"], note="Agreed.")


def link_one(plan, users):
    plan_links.link(plan["priority"], plan["unlinked"], users["secretariat"])


def insert_in_bulk(plan, users):
    # Core statements through the session, as a bulk load or a script would make them.
    first = plan["linked"]
    db.session.execute(
        sa.insert(Action),
        [
            {
                "reference": f"B-{n}",
                "text": "Bulk.",
                "owner_id": first.owner_id,
                "meeting_id": first.meeting_id,
                "due_on": days_ago(n),
                "status": ActionStatus.OPEN,
                "raised_on": days_ago(30),
            }
            for n in (1, 2)
        ],
    )
    new = db.session.scalar(sa.select(Action.id).where(Action.reference == "B-1"))
    db.session.execute(
        sa.insert(action_priority).values(action_id=new, priority_id=plan["priority"].id)
    )
    db.session.commit()


def close_in_bulk(plan, users):
    db.session.execute(
        sa.update(Action).where(Action.reference == "W-1").values(status=ActionStatus.CLOSED)
    )
    db.session.commit()


CHANGES = {
    # each path that changes actions, and the counts it must change
    "raised": (raise_one, {"overdue": 3, "priority": 2, "register, open": 3, "register": 4}),
    "updated": (update_one, {"awaiting sign-off": 2, "register, open": 1}),
    "signed off": (sign_one_off, {"overdue": 1, "awaiting sign-off": 0}),
    "linked": (link_one, {"priority": 2}),
    "inserted in bulk": (
        insert_in_bulk, {"overdue": 4, "priority": 2, "register, open": 4, "register": 5}
    ),
    "closed in bulk": (close_in_bulk, {"overdue": 1, "register, open": 1}),
}
BEFORE = {"overdue": 2, "awaiting sign-off": 1, "priority": 1, "register, open": 2, "register": 3}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_shows_in_the_next_views_counts(app, browser_as, users, plan, change):
    dmpc = browser_as("executive")
    assert shown(dmpc, plan["priority"]) == BEFORE
    kept = token()
    assert kept is not None
    # A view again reuses what was counted; the counts are the same.
    assert shown(dmpc, plan["priority"]) == BEFORE

    make_change, expected = CHANGES[change]
    make_change(plan, users)

    assert shown(dmpc, plan["priority"]) == {**BEFORE, **expected}
    assert token() != kept
    assert uncached(app, dmpc, plan["priority"]) == {**BEFORE, **expected}


def test_a_change_rolled_back_leaves_the_token_and_the_counts(browser_as, users, plan):
    dmpc = browser_as("executive")
    assert shown(dmpc, plan["priority"]) == BEFORE
    kept = token()

    make_action(reference="W-9", due_on=days_ago(1))  # committed: counted
    renewed = token()
    assert renewed != kept
    plan["linked"].status = ActionStatus.CLOSED
    db.session.flush()
    # This session, with its change not yet committed, counts for itself and keeps nothing.
    assert overdue.review(users["executive"], TODAY).total == 2
    db.session.rollback()
    assert token() == renewed
    # The rolled-back change is forgotten with it: committing something else (an entry in the
    # audit log, which no kept count or choice reads) renews nothing.
    db.session.add(AuditEntry(event="note", entity_type="test", summary="Not about actions"))
    db.session.commit()
    assert token() == renewed
    assert shown(dmpc, plan["priority"]) == {
        **BEFORE, "overdue": 3, "register, open": 3, "register": 4
    }


def test_with_no_token_nothing_is_kept_and_the_counts_are_still_right(browser_as, plan):
    dmpc = browser_as("executive")
    assert shown(dmpc, plan["priority"]) == BEFORE
    # Emptied as a restore or a test run might leave it, then a change the sessions never see.
    with db.engine.begin() as connection:
        connection.execute(sa.delete(data_versions.DataVersion))
        connection.execute(
            sa.update(Action).where(Action.reference == "W-1").values(status=ActionStatus.CLOSED)
        )
    assert token() is None
    assert shown(dmpc, plan["priority"]) == {**BEFORE, "overdue": 1, "register, open": 1}


def test_another_app_on_the_same_database_sees_a_change_at_once(app, make_app, users, plan):
    second = make_app(
        {
            "SECRET_KEY": app.config["SECRET_KEY"],
            "TESTING": True,
            "SESSION_COOKIE_SECURE": False,
            "REMEMBER_COOKIE_SECURE": False,
        }
    )
    second.test_client_class = SeparateRequestsClient
    # Signed in through the first app's session; the session record is in the shared database.
    other_worker = sign_in(second.test_client(), users["executive"])
    assert shown(other_worker, plan["priority"]) == BEFORE

    raise_one(plan, users)  # through this app's session

    assert shown(other_worker, plan["priority"]) == {
        **BEFORE, "overdue": 3, "priority": 2, "register, open": 3, "register": 4
    }


# The pages whose counts are kept, each counted on its first view after a change (counting) and
# on its second (reusing).
KEPT_PAGES = {
    "/actions/overdue": "executive",
    "/actions?status=outstanding&owner={owner}&priority={priority}": "executive",
    "/priorities/{priority}": "viewer",
    "/indicators/{indicator}": "viewer",
    "/reports/outstanding-actions": "executive",
    "/": "lead",
    "/?dmpc": "executive",
}


def queries_of(browser, url: str) -> int:
    db.session.remove()  # start from an empty identity map, as a fresh request does
    with counting_queries() as statements:
        response = browser.get(url)
    assert response.status_code == 200, url
    return len(statements)


def test_pages_make_the_same_few_queries_counting_or_not_at_any_size(app, users):
    browsers = {role: sign_in(app.test_client(), users[role]) for role in set(KEPT_PAGES.values())}
    lead = users["lead"].person_id

    def measured(size: int) -> dict:
        ids = add_actions(size)
        # The lead works for the first owner, so their home page counts its actions.
        db.session.execute(
            sa.update(Person).where(Person.id == lead).values(organisation_id=ids["owner"])
        )
        db.session.commit()
        for browser in browsers.values():
            browser.get("/meetings")  # the first request after signing in does one-off work
        found = {}
        for page, role in KEPT_PAGES.items():
            url = page.format(**ids)
            found[page] = (queries_of(browsers[role], url), queries_of(browsers[role], url))
        return found

    few = measured(10)
    db.session.execute(sa.delete(ActionUpdate))
    db.session.execute(action_priority.delete())
    db.session.execute(action_indicator.delete())
    db.session.execute(sa.delete(Action))
    db.session.commit()
    many = measured(5_000)
    assert many == few
    assert {page: counts for page, counts in few.items() if max(counts) > MAX_QUERIES} == {}
    # Reusing kept counts costs fewer queries than counting (the token's read is one).
    assert all(reusing <= counting for counting, reusing in few.values()), few


def test_what_is_kept_stays_within_its_bound_however_many_pages_are_asked_for(app, browser_as):
    # A crawler paging through the register must not make a process grow without bound: past
    # the cache's size in bytes, the least recently used pages go first.
    add_actions(300)
    viewer = browser_as("viewer")
    cache, lock = app.extensions[data_versions.EXTENSION]
    bound = 150_000  # bytes: three or so pages of the register as shown
    small = type(cache)(maxsize=bound, getsizeof=data_versions._size)
    app.extensions[data_versions.EXTENSION] = (small, lock)
    try:
        first = references_in(viewer.get("/actions"))
        assert len(first) == 25
        address, pages = "/actions", 0
        while address and pages < 8:
            html = text_of(viewer.get(address))
            pages += 1
            after = re.search(r'href="(/actions\?after=[^"]+)"', html)
            address = after.group(1).replace("&amp;", "&") if after else None
            assert small.currsize <= bound
        assert pages == 8
        # Only the last few pages are still kept; the first went to make room.
        assert len(small) < pages
        assert references_in(viewer.get("/actions")) == first  # worked out again, and right
    finally:
        app.extensions[data_versions.EXTENSION] = (cache, lock)


def test_the_priority_and_indicator_pages_list_each_change_at_once(browser_as, users, plan):
    # Which actions those pages list is kept too; a change to what they list shows at once.
    indicator = IndicatorFactory(name="Knife crime", priority=plan["priority"])
    plan["linked"].indicators.append(indicator)
    db.session.commit()
    dmpc = browser_as("executive")
    priority_page = f"/priorities/{plan['priority'].id}"
    indicator_page = f"/indicators/{indicator.id}"
    assert references_in(dmpc.get(priority_page)) == ["W-1"]
    assert references_in(dmpc.get(indicator_page)) == ["W-1"]

    plan["unlinked"].priorities.append(plan["priority"])
    plan["unlinked"].indicators.append(indicator)
    db.session.commit()
    assert references_in(dmpc.get(priority_page)) == ["W-1", "W-3"]
    # Outstanding first, soonest due first: W-1 (overdue) before W-3.
    assert references_in(dmpc.get(indicator_page)) == ["W-1", "W-3"]

    plan["linked"].status = ActionStatus.CLOSED
    plan["linked"].closed_on = TODAY
    db.session.commit()
    # Closed, W-1 moves below the open W-3 (the priority page lists it as recently closed).
    assert references_in(dmpc.get(indicator_page)) == ["W-3", "W-1"]
    assert references_in(dmpc.get(priority_page)) == ["W-3", "W-1"]
