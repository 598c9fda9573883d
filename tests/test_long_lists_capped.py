"""Pages that would list thousands of actions show how many there are and the first few, with a
link to the register for every one: the outstanding-actions report (the 25 most overdue), a
priority's page (25 of each kind) and an indicator's page (25, outstanding first).

tests/bulk.py's 100 actions: the even-numbered serve the first priority and the indicator; every
due date is long past, so each outstanding action is overdue.
"""

import html
import re

import sqlalchemy as sa

from tests.bulk import add_actions
from tests.pages import references_in, text_of
from tracker.actions.models import OUTSTANDING_STATUSES, Action

OUTSTANDING = sum(1 for n in range(100) if n % 6 < len(OUTSTANDING_STATUSES))  # 50
# The first owner and the first priority have the even-numbered actions.
PRIORITY_ACTIONS = 50
EVEN_OUTSTANDING = sum(1 for n in range(0, 100, 2) if n % 6 < len(OUTSTANDING_STATUSES))  # 34
PRIORITY_OVERDUE = OWNER_OUTSTANDING = EVEN_OUTSTANDING


def link_to(response, text: str) -> str:
    """The address of the link whose text is `text`."""
    found = re.search(
        rf'<a class="govuk-link" href="([^"]+)"[^>]*>{re.escape(text)}</a>', text_of(response)
    )
    assert found, f"no link {text!r}"
    return html.unescape(found.group(1))


def most_overdue(count: int, *where) -> list[str]:
    from tracker.extensions import db

    return list(
        db.session.scalars(
            sa.select(Action.reference)
            .where(Action.status.in_(OUTSTANDING_STATUSES), *where)
            .order_by(Action.due_on, Action.reference)
            .limit(count)
        )
    )


def test_report_page_counts_every_outstanding_action_and_lists_the_25_most_overdue(
    client, login_as
):
    add_actions(100)
    login_as("executive")
    page = client.get("/reports/outstanding-actions")
    assert f"{OUTSTANDING} actions are outstanding, of which {OUTSTANDING} overdue." in page.text
    assert "The 25 most overdue actions" in page.text
    assert references_in(page) == most_overdue(25)
    register = link_to(page, f"See all {OUTSTANDING} outstanding actions in the register")
    assert register.startswith("/actions?") and "status=outstanding" in register
    assert "sort=overdue" in register
    # The downloads still carry every one.
    csv = client.get(link_to(page, "Spreadsheet (.csv)"))
    assert csv.data.count(b"\nWYP-") == OUTSTANDING


def test_report_page_limited_to_an_owner_links_to_the_register_limited_the_same(
    client, login_as
):
    ids = add_actions(100)
    login_as("executive")
    page = client.get(f"/reports/outstanding-actions?owner={ids['owner']}")
    assert f"{OWNER_OUTSTANDING} actions are outstanding" in page.text
    register = link_to(page, f"See all {OWNER_OUTSTANDING} outstanding actions in the register")
    assert f"owner={ids['owner']}" in register
    assert client.get(register).status_code == 200


def test_priority_page_counts_its_actions_and_lists_the_first_25_of_each_kind(client, login_as):
    ids = add_actions(100)
    login_as("executive")
    page = client.get(f"/priorities/{ids['priority']}")
    assert f"Overdue: the first 25 of {PRIORITY_OVERDUE}" in page.text
    assert references_in(page)[:25] == most_overdue(
        25, Action.priorities.any(id=ids["priority"])
    )
    overdue = link_to(page, f"See all {PRIORITY_OVERDUE} overdue actions in the register")
    assert f"priority={ids['priority']}" in overdue and "due=overdue" in overdue
    every = link_to(
        page, f"See all {PRIORITY_ACTIONS} actions for this priority in the register"
    )
    assert every == f"/actions?priority={ids['priority']}"


def test_priority_page_counts_past_the_cap_say_more_than(client, login_as, monkeypatch):
    from tracker.actions import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 20)
    monkeypatch.setattr(queries, "LINKED_LISTED", 5)
    ids = add_actions(100)
    login_as("executive")
    page = client.get(f"/priorities/{ids['priority']}")
    # 34 overdue and 50 in all: counted no further than the cap, and said so.
    assert "Overdue: the first 5 of more than 20" in page.text
    assert link_to(page, "See all more than 20 overdue actions in the register")
    assert link_to(page, "See all more than 20 actions for this priority in the register")
    assert references_in(page)[:5] == most_overdue(5, Action.priorities.any(id=ids["priority"]))


def test_indicator_page_counts_its_actions_and_lists_the_first_25(client, login_as):
    ids = add_actions(100)
    login_as("executive")
    page = client.get(f"/indicators/{ids['indicator']}")
    assert "Linked actions: the first 25 of 50" in page.text
    assert len(references_in(page)) == 25
    assert link_to(page, "See all 50 actions in the register") == (
        f"/actions?indicator={ids['indicator']}"
    )
