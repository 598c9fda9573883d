"""Each role lands on a home page made for it, over the demo data."""

import html

import pytest
import sqlalchemy as sa

from tests.clients import sign_in
from tests.pages import references_in, text_of
from tracker.actions.queries import most_overdue_key
from tracker.extensions import db
from tracker.kit.dates import long_date, today
from tracker.models import Action, ActionStatus, Meeting, Organisation, User

pytestmark = pytest.mark.read_only_demo


@pytest.fixture
def home_of(app, read_only_demo):
    """The home page's HTML as a demo user sees it (signed in through the session: quick)."""

    def home_of(username: str) -> str:
        client = app.test_client()
        sign_in(client, db.session.scalar(sa.select(User).where(User.username == username)))
        response = client.get("/")
        assert response.status_code == 200
        return html.unescape(response.get_data(as_text=True))

    return home_of


def all_actions() -> list[Action]:
    return db.session.scalars(sa.select(Action).order_by(Action.id)).all()


def wyp() -> Organisation:
    return db.session.scalar(sa.select(Organisation).where(Organisation.short_name == "WYP"))


def test_secretariat_sees_upcoming_meetings_and_actions_raised_recently(home_of):
    page = home_of("secretariat")
    upcoming = db.session.scalars(
        sa.select(Meeting).where(Meeting.starts_at >= today()).order_by(Meeting.starts_at)
    ).all()
    assert upcoming, "the demo data should have a meeting still to come"
    assert "Upcoming meetings" in page
    for meeting in upcoming[:10]:
        assert f'href="/meetings/{meeting.id}"' in page
    assert "Actions raised recently" in page
    latest = max(all_actions(), key=lambda action: (action.raised_on, action.id))
    assert latest.reference in page


def test_lead_sees_the_open_actions_their_organisation_owns_and_no_others(home_of):
    page = home_of("lead")
    assert "Actions for West Yorkshire Police" in page
    open_statuses = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    owned = [a for a in all_actions() if a.owner_id == wyp().id and a.status in open_statuses]
    others = [a for a in all_actions() if a.owner_id != wyp().id]
    assert owned and others, "the demo data should have actions of WYP and of others"
    assert all(action.reference in page for action in owned)
    assert not [action.reference for action in others if action.reference in page]


def test_deputy_mayor_sees_what_is_overdue(home_of):
    page = home_of("dmpc")
    overdue = [action for action in all_actions() if action.is_overdue(today())]
    assert overdue, "the demo data should have overdue actions"
    plural = "actions are" if len(overdue) > 1 else "action is"
    assert f"{len(overdue)} {plural} overdue as at {long_date(today())}" in " ".join(
        page.replace("<strong>", "").replace("</strong>", "").split()
    )
    most_overdue = min(overdue, key=lambda action: (action.due_on, action.reference))
    assert most_overdue.reference in page


def test_viewer_home_shows_no_confidential_action_anywhere(home_of):
    page = home_of("viewer")
    confidential = [action for action in all_actions() if action.confidential]
    assert confidential, "the demo data should have a confidential action"
    for action in confidential:
        assert action.reference not in page
        assert action.text not in page
    assert ">Confidential<" not in page  # no tag marking an action confidential
    # The page still lists the actions the viewer may see.
    assert "Actions raised recently" in page


@pytest.mark.parametrize("username", ["admin", "secretariat", "lead", "dmpc", "viewer"])
def test_home_page_says_who_is_signed_in_and_in_which_role(home_of, username):
    user = db.session.scalar(sa.select(User).where(User.username == username))
    page = home_of(username)
    assert user.display_name in page
    assert user.role_label in page


def test_lead_sees_the_actions_they_lead_first_most_urgent_first_then_their_organisations(
    app, read_only_demo
):
    lead = db.session.scalar(sa.select(User).where(User.username == "lead"))
    client = sign_in(app.test_client(), lead)
    response = client.get("/")
    as_at = today()
    urgency = most_overdue_key(as_at)
    open_statuses = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
    owned = [a for a in all_actions() if a.owner_id == wyp().id and a.status in open_statuses]
    mine = sorted((a for a in owned if a.lead_id == lead.person_id), key=urgency)
    others = sorted((a for a in owned if a.lead_id != lead.person_id), key=urgency)
    assert mine and others, "the demo lead should lead some of WYP's open actions, not all"
    assert mine[0].is_overdue(as_at), "the demo lead should have an overdue action"
    listed = references_in(response)
    shown = [a.reference for a in mine] + [a.reference for a in others]
    assert listed[: len(shown)] == shown
    page = text_of(response)
    assert page.index("Actions you lead") < page.index("Other actions of WYP")


def test_admin_sees_the_ten_most_overdue_whatever_their_status_most_overdue_first(
    app, read_only_demo
):
    admin = db.session.scalar(sa.select(User).where(User.username == "admin"))
    response = sign_in(app.test_client(), admin).get("/")
    overdue = sorted(
        (action for action in all_actions() if action.is_overdue(today())),
        key=lambda action: (action.due_on, action.reference),
    )
    assert len({action.status for action in overdue}) > 1, (
        "the demo data should have overdue actions of more than one status"
    )
    shown = [action.reference for action in overdue[:10]]
    # The overdue table comes before the actions raised recently.
    assert references_in(response)[: len(shown)] == shown
