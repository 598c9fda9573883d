"""The Deputy Mayor's overdue review: most overdue first, counts and groups by owner and priority.

Overdue is derived from the due date and the status, as at a date; nothing stores it.
"""

import html
import re
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


def count_links(response, table_id: str) -> dict[str, tuple[int, str]]:
    """Each row of a count table: its title, its count and where the count links to ("" if
    it is not a link)."""
    table = text_of(response).split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<th scope="row"[^>]*>([^<]+)</th>\s*<td[^>]*>(.*?)</td>', table, re.S)
    found = {}
    for title, cell in rows:
        link = re.search(r'href="([^"]+)">([\d,]+)<', cell)
        if link:
            found[title] = (int(link.group(2).replace(",", "")), html.unescape(link.group(1)))
        else:
            found[title] = (int(cell.strip().replace(",", "")), "")
    return found


def test_counts_by_owner_and_by_priority_link_to_the_register(browser_as, users):
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    safe = PriorityFactory(title="Keeping People Safe")
    victims = PriorityFactory(title="Supporting Victims", plan=safe.plan)
    db.session.commit()
    both = make_action(reference="W-1", due_on=days_ago(5))
    both.priorities.extend([safe, victims])
    older = make_action(reference="W-2", due_on=days_ago(50))
    older.priorities.append(safe)
    make_action(kirklees, reference="K-1", due_on=days_ago(20))
    make_action(kirklees, reference="K-2", due_on=days_ago(20), status=ActionStatus.CLOSED)
    db.session.commit()
    dmpc = browser_as("executive")
    response = dmpc.get("/actions/overdue")

    wyp = both.owner
    by_owner = count_links(response, "counts-by-owner")
    assert list(by_owner) == ["West Yorkshire Police", "Kirklees Council"]  # most first
    assert by_owner["West Yorkshire Police"][0] == 2 and by_owner["Kirklees Council"][0] == 1
    by_priority = count_links(response, "counts-by-priority")
    assert {title: count for title, (count, _) in by_priority.items()} == {
        safe.title: 2,
        victims.title: 1,
        "No priority linked": 1,
    }
    # The register behind each count lists exactly the actions counted.
    for link, expected in (
        (by_owner["West Yorkshire Police"][1], ["W-2", "W-1"]),
        (by_owner["Kirklees Council"][1], ["K-1"]),
        (by_priority[safe.title][1], ["W-2", "W-1"]),
        (by_priority[victims.title][1], ["W-1"]),
    ):
        assert references_in(dmpc.get(link)) == expected, link
    assert f"owner={wyp.id}" in by_owner["West Yorkshire Police"][1]
    assert by_priority["No priority linked"][1] == ""  # the register has no such filter
    # Each action is listed once, most overdue first, whatever it serves.
    assert references_in(response) == ["W-2", "K-1", "W-1"]


def test_the_page_lists_only_the_most_overdue_and_links_to_the_rest(browser_as, monkeypatch):
    monkeypatch.setattr(overdue, "LISTED", 2)
    kirklees = OrganisationFactory(name="Kirklees Council", short_name="KC")
    db.session.commit()
    for n in range(4):
        make_action(reference=f"W-{n}", due_on=days_ago(10 + n))
    make_action(kirklees, reference="K-9", due_on=days_ago(2))
    response = browser_as("executive").get("/actions/overdue")
    assert references_in(response) == ["W-3", "W-2"]
    assert "The 2 most overdue actions" in text_of(response)
    assert "5 actions are overdue" in text_of(response)
    everything = re.search(
        r'href="([^"]+)">See all 5 overdue actions in the register</a>', text_of(response)
    )
    assert everything, "no link to every overdue action"
    register = browser_as("executive").get(html.unescape(everything.group(1)))
    assert references_in(register) == ["W-3", "W-2", "W-1", "W-0", "K-9"]


def test_the_page_stays_the_same_size_however_many_are_overdue(browser_as, users):
    """Counts are rows per owner and priority; the list never grows past LISTED, however many
    owners have overdue actions."""
    owners = [OrganisationFactory(name=f"Council {n}", short_name=f"C{n}") for n in range(3)]
    db.session.commit()
    dmpc = browser_as("executive")
    for n, owner in enumerate(owners):
        make_action(owner, reference=f"W-{n}", due_on=days_ago(1 + n))
    few = len(dmpc.get("/actions/overdue").data)
    for n in range(3, 3 * overdue.LISTED):
        make_action(owners[n % 3], reference=f"W-{n}", due_on=days_ago(1 + n))
    many = dmpc.get("/actions/overdue")
    assert len(references_in(many)) == overdue.LISTED
    assert f"{3 * overdue.LISTED} actions are overdue" in text_of(many)
    # Only the rows of the LISTED actions were added: no group of every action.
    assert len(many.data) < few + overdue.LISTED * 2_000


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
