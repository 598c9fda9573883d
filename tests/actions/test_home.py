"""Home pages: the lead's own open actions, then their organisation's, most urgent first; what waits for the DMPC."""

import html
import re
from datetime import timedelta

from tests.actions.helpers import make_action
from tests.factories import OrganisationFactory
from tests.pages import references_in, text_of
from tracker.actions.models import ActionStatus
from tracker.home import views as home_views
from tracker.kit.dates import today

TODAY = today()


def test_lead_home_lists_their_organisations_open_actions_most_urgent_first(browser_as, users):
    make_action(reference="W-due-later", due_on=TODAY + timedelta(days=30))
    make_action(reference="W-undated", due_on=None)
    make_action(
        reference="W-most-overdue",
        due_on=TODAY - timedelta(days=40),
        status=ActionStatus.IN_PROGRESS,
    )
    make_action(reference="W-overdue", due_on=TODAY - timedelta(days=2))
    make_action(reference="W-closed", due_on=TODAY - timedelta(days=90), status=ActionStatus.CLOSED)
    make_action(
        reference="W-done", due_on=TODAY + timedelta(days=3), status=ActionStatus.AWAITING_SIGN_OFF
    )
    make_action(OrganisationFactory(), reference="K-other", due_on=TODAY - timedelta(days=50))
    # The lead's own: before the organisation's, however urgent those are.
    mine = users["lead"].person
    make_action(reference="W-mine-later", lead=mine, due_on=TODAY + timedelta(days=60))
    make_action(reference="W-mine-overdue", lead=mine, due_on=TODAY - timedelta(days=1))

    response = browser_as("lead").get("/")

    page = text_of(response)
    assert "Actions for West Yorkshire Police" in page
    assert references_in(response) == [
        "W-mine-overdue",
        "W-mine-later",
        "W-most-overdue",
        "W-overdue",
        "W-due-later",
        "W-undated",
        "W-done",
    ]
    assert "Your open actions, most urgent first" in page
    assert "Open actions others lead, most urgent first" in page
    assert "Completed, awaiting the Deputy Mayor&#39;s sign-off" in page


def test_a_lead_with_no_organisation_is_told_why_the_list_is_empty(browser_as, users):
    from tracker.extensions import db

    users["lead"].person = None
    db.session.commit()
    assert "not linked to an organisation" in text_of(browser_as("lead").get("/"))


def test_dmpc_home_shows_sign_offs_requests_for_more_time_and_overdue(browser_as, users):
    make_action(
        reference="W-signoff",
        status=ActionStatus.AWAITING_SIGN_OFF,
        due_on=TODAY + timedelta(days=5),
    )
    make_action(
        reference="W-moretime",
        due_on=TODAY - timedelta(days=1),
        requested_due_on=TODAY + timedelta(days=60),
        requested_due_reason="Figures due.",
    )
    make_action(reference="W-late", due_on=TODAY - timedelta(days=20))

    page = text_of(browser_as("executive").get("/"))

    assert "Waiting for your decision" in page
    signoff = page[
        page.index("Completed, awaiting your sign-off") : page.index("Requests for more time")
    ]
    assert "W-signoff" in signoff and "W-late" not in signoff
    more_time = page[page.index("Requests for more time") : page.index("Overdue</h2>")]
    assert "W-moretime" in more_time
    assert "<strong>2</strong> actions are overdue" in page


def test_secretariat_home_shows_the_overdue_count(browser_as, users):
    make_action(due_on=TODAY - timedelta(days=20))
    page = text_of(browser_as("secretariat").get("/"))
    assert "<strong>1</strong> action is overdue" in page and "Review overdue actions" in page


def test_lead_home_lists_are_bounded_with_a_link_to_the_register_in_the_same_queries(
    browser_as, users, count_queries
):
    mine = users["lead"].person

    def add(count: int, start: int) -> None:
        for n in range(start, start + count):
            make_action(reference=f"W-mine-{n:03d}", lead=mine, due_on=TODAY + timedelta(days=n))
            make_action(reference=f"W-other-{n:03d}", due_on=TODAY + timedelta(days=n))

    def home_queries():
        browser = browser_as("lead")
        browser.get("/")
        with count_queries() as statements:
            response = browser.get("/")
        return len(statements), response

    add(2, 0)
    few, _ = home_queries()
    add(30, 2)
    many, response = home_queries()
    assert many == few
    listed = references_in(response)
    assert listed == [f"W-mine-{n:03d}" for n in range(25)] + [f"W-other-{n:03d}" for n in range(25)]
    page = text_of(response)
    assert "See all 32 open actions you lead in the register" in page
    assert f'href="/actions?lead={mine.id}&amp;status=outstanding&amp;sort=overdue"' in page
    assert "See all WYP's open actions in the register" in page


def test_lists_awaiting_a_decision_show_the_first_few_and_link_to_the_rest(
    browser_as, users, monkeypatch
):
    monkeypatch.setattr(home_views, "OWNED_LIST_SIZE", 2)
    for n in range(3):
        make_action(
            reference=f"W-done-{n}",
            status=ActionStatus.AWAITING_SIGN_OFF,
            due_on=TODAY + timedelta(days=n),
        )
    for n in range(3):
        make_action(
            reference=f"W-asks-{n}",
            due_on=TODAY + timedelta(days=n),
            requested_due_on=TODAY + timedelta(days=90),
            requested_due_reason="Waiting for figures.",
        )
    dmpc = browser_as("executive")

    response = dmpc.get("/")
    page = text_of(response)
    signoff = page[page.index("Completed, awaiting your sign-off") : page.index("Requests for more time")]
    assert re.findall(r">(W-done-\d)<", signoff) == ["W-done-0", "W-done-1"]
    assert "the 2 waiting longest" in signoff
    link = re.search(r'href="([^"]+)">See all 3 actions awaiting your sign-off in the register', page)
    assert link, "no link to every action awaiting sign-off"
    register = references_in(dmpc.get(html.unescape(link.group(1))))
    assert sorted(register) == ["W-done-0", "W-done-1", "W-done-2"]
    more_time = page[page.index("Requests for more time") : page.index("Overdue</h2>")]
    assert re.findall(r">(W-asks-\d)<", more_time) == ["W-asks-0", "W-asks-1"]
    assert "the 2 due soonest of 3" in more_time

    lead_page = browser_as("lead").get("/")
    awaiting = text_of(lead_page).split("Completed, awaiting the Deputy Mayor", 1)[1]
    assert re.findall(r">(W-done-\d)<", awaiting) == ["W-done-0", "W-done-1"]
    link = re.search(
        r'href="([^"]+)">See all 3 of WYP\'s actions awaiting sign-off in the register', awaiting
    )
    assert link, "no link to every action of the organisation awaiting sign-off"
    register = references_in(browser_as("lead").get(html.unescape(link.group(1))))
    assert sorted(register) == ["W-done-0", "W-done-1", "W-done-2"]
