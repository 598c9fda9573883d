"""The Deputy Mayor's overdue review: most overdue first, counts and groups by owner and priority.

Overdue is derived from the due date and the status, as at a date; nothing stores it.
"""

from datetime import date, timedelta

import sqlalchemy as sa

from tests.actions.helpers import make_action
from tests.factories import OrganisationFactory
from tests.pages import references_in, text_of
from tests.plans.factories import PriorityFactory
from tracker.actions import overdue, queries
from tracker.actions.models import FINISHED_STATUSES, Action, ActionStatus
from tracker.extensions import db
from tracker.kit.dates import today

TODAY = today()


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_overdue_is_derived_from_due_date_and_status():
    action = Action(due_on=date(2024, 2, 16), status=ActionStatus.OPEN)
    assert action.days_overdue(date(2024, 2, 16)) == 0
    assert action.days_overdue(date(2024, 2, 27)) == 11
    for status in FINISHED_STATUSES:
        action.status = status
        assert action.days_overdue(date(2024, 2, 27)) == 0 and not action.is_overdue(
            date(2024, 2, 27)
        )
    action.status, action.due_on = ActionStatus.AWAITING_SIGN_OFF, None
    assert action.days_overdue(date(2024, 2, 27)) == 0


def test_the_sql_condition_agrees_with_the_model(users):
    actions = [
        make_action(due_on=date(2024, 2, 16)),
        make_action(due_on=date(2024, 2, 27)),
        make_action(due_on=None),
        make_action(due_on=date(2024, 1, 1), status=ActionStatus.CLOSED),
        make_action(due_on=date(2024, 1, 1), status=ActionStatus.AWAITING_SIGN_OFF),
    ]
    for as_at in (date(2024, 2, 16), date(2024, 2, 27), date(2024, 2, 28)):
        in_sql = set(
            db.session.scalars(sa.select(Action.id).where(queries.overdue_condition(as_at)))
        )
        assert in_sql == {a.id for a in actions if a.is_overdue(as_at)}, as_at


def test_overdue_page_lists_most_overdue_first_and_nothing_finished(browser_as, users):
    make_action(reference="A-1", due_on=days_ago(3))
    make_action(reference="A-2", due_on=days_ago(40), status=ActionStatus.AWAITING_SIGN_OFF)
    make_action(reference="A-3", due_on=days_ago(10), status=ActionStatus.IN_PROGRESS)
    make_action(reference="A-4", due_on=days_ago(100), status=ActionStatus.CLOSED)
    make_action(reference="A-5", due_on=days_ago(100), status=ActionStatus.DROPPED)
    make_action(reference="A-6", due_on=TODAY)
    response = browser_as("executive").get("/actions/overdue")
    assert references_in(response) == ["A-2", "A-3", "A-1"]
    assert "40 days overdue" in text_of(response)
    assert "3 actions are overdue" in text_of(response)


def test_counts_and_groups_by_owner_and_by_priority(browser_as, users):
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    safe = PriorityFactory(title="Keeping People Safe")
    victims = PriorityFactory(title="Supporting Victims", plan=safe.plan)
    db.session.commit()
    both = make_action(reference="W-1", due_on=days_ago(5))
    both.priorities.extend([safe, victims])
    older = make_action(reference="W-2", due_on=days_ago(50))
    older.priorities.append(safe)
    make_action(kirklees, reference="K-1", due_on=days_ago(20))
    db.session.commit()
    dmpc = browser_as("executive")

    by_owner = text_of(dmpc.get("/actions/overdue"))
    by_priority_response = dmpc.get("/actions/overdue?group=priority")
    by_priority = text_of(by_priority_response)

    review = overdue.review(users["executive"], TODAY, "owner")
    assert [(group.title, group.count) for group in review.by_owner] == [
        ("West Yorkshire Police", 2),
        ("Kirklees Council", 1),
    ]
    assert [(group.title, group.count) for group in review.by_priority] == [
        (safe.title, 2),
        (victims.title, 1),
        ("No priority linked", 1),
    ]
    assert (
        "West Yorkshire Police: 2 overdue" in by_owner and "Kirklees Council: 1 overdue" in by_owner
    )
    assert (
        "Keeping People Safe: 2 overdue" in by_priority
        and "No priority linked: 1 overdue" in by_priority
    )
    # By owner each action appears once; by priority an action serving two appears under each.
    assert references_in(dmpc.get("/actions/overdue")) == ["W-2", "W-1", "K-1"]
    assert sorted(references_in(by_priority_response)) == ["K-1", "W-1", "W-1", "W-2"]
    assert '<strong aria-current="page">Plan priority</strong>' in by_priority


def test_a_big_group_shows_its_most_overdue_and_links_to_the_rest(browser_as, users, monkeypatch):
    monkeypatch.setattr(overdue, "GROUP_LIMIT", 2)
    for n in range(4):
        make_action(reference=f"W-{n}", due_on=days_ago(10 + n))
    response = browser_as("executive").get("/actions/overdue")
    assert references_in(response) == ["W-3", "W-2"]
    assert "See all 4 overdue actions for West Yorkshire Police" in text_of(response)
    assert "due=overdue" in text_of(response)


def test_confidential_overdue_actions_are_not_shown_to_viewers(browser_as, users):
    make_action(reference="C-1", due_on=days_ago(5), confidential=True)
    assert references_in(browser_as("viewer").get("/actions/overdue")) == []
    assert "No action is overdue" in text_of(browser_as("viewer").get("/actions/overdue"))
    assert references_in(browser_as("executive").get("/actions/overdue")) == ["C-1"]


def test_dmpc_is_pointed_to_what_awaits_her_decision(browser_as, users):
    make_action(status=ActionStatus.AWAITING_SIGN_OFF, due_on=TODAY + timedelta(days=3))
    make_action(requested_due_on=TODAY + timedelta(days=30), requested_due_reason="x")
    page = text_of(browser_as("executive").get("/actions/overdue"))
    assert "1 action completed and awaiting your sign-off" in page
    assert "1 request for more time to decide" in page
    assert "awaiting your sign-off" not in text_of(browser_as("viewer").get("/actions/overdue"))
