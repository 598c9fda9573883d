"""The Delivery Quarterly pack is a record of its quarter: ratings, figures and actions as they
stood at the quarter's end, or on an "as at" day the reader chooses."""

import csv
import html
import io
import re
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from docx import Document

from tests.clients import sign_in
from tests.pages import error_summary, text_of
from tests.queries import page_queries
from tracker.actions.models import Action, ActionStatus, ActionUpdate, UpdateKind
from tracker.auth.models import User
from tracker.demo_data import plan_2021_24
from tracker.directory.models import Organisation
from tracker.extensions import db
from tracker.meetings.models import Meeting
from tracker.plans.models import Priority, PriorityRating, Rating


def signed_in(app, username: str = "dmpc"):
    return sign_in(app.test_client(),
                   db.session.scalar(sa.select(User).where(User.username == username)))


def plain(response) -> str:
    """The page's words, without its tags."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text_of(response))).split())


def entry(kind, day: date, note="", old=None, new=None, changes=None) -> ActionUpdate:
    return ActionUpdate(kind=kind, created_at=datetime(day.year, day.month, day.day, 11, tzinfo=UTC),
                        note=note, old_status=old, new_status=new, changes=changes or {})


@pytest.fixture
def history(demo):
    """Records of the demo's first priority: a rating of November 2020, an action raised then and
    closed in 2021 after more time was agreed, and one raised in 2026."""
    priority = db.session.scalar(sa.select(Priority).order_by(Priority.id))
    priority.ratings.append(PriorityRating(
        rating=Rating.GREEN, set_on=date(2020, 11, 16), rationale="On track in November 2020."))
    wyp = db.session.scalar(sa.select(Organisation).where(Organisation.short_name == "WYP"))
    meeting = db.session.scalar(sa.select(Meeting).order_by(Meeting.starts_at))
    common = dict(owner=wyp, meeting=meeting, priorities=[priority])
    then_open = Action(
        reference="COM-2020-11-01a", text="Review the victims' code compliance.",
        raised_on=date(2020, 11, 2), due_on=date(2021, 3, 31), status=ActionStatus.CLOSED,
        closed_on=date(2021, 3, 15), **common,
        updates=[
            entry(UpdateKind.RAISED, date(2020, 11, 2), "Raised.", new=ActionStatus.OPEN),
            entry(UpdateKind.UPDATE, date(2020, 12, 10), "Scoping under way.",
                  ActionStatus.OPEN, ActionStatus.IN_PROGRESS),
            entry(UpdateKind.EXTENSION_ACCEPTED, date(2021, 1, 20), "More time agreed.",
                  changes={"due_on": ["2020-12-01", "2021-03-31"]}),
            entry(UpdateKind.UPDATE, date(2021, 3, 1), "Review finished.",
                  ActionStatus.IN_PROGRESS, ActionStatus.AWAITING_SIGN_OFF),
            entry(UpdateKind.SIGN_OFF, date(2021, 3, 15), "", ActionStatus.AWAITING_SIGN_OFF,
                  ActionStatus.CLOSED),
        ],
    )
    later = Action(reference="COM-2026-01-01a", text="Raised long after the quarter.",
                   raised_on=date(2026, 1, 12), due_on=date(2026, 2, 1), **common,
                   updates=[entry(UpdateKind.RAISED, date(2026, 1, 12), "Raised.",
                                  new=ActionStatus.OPEN)])
    db.session.add_all([then_open, later])
    db.session.commit()
    return priority


def test_the_2020_pack_shows_the_rating_and_actions_as_they_stood_in_december_2020(app, history):
    page = plain(signed_in(app).get("/reports/delivery-quarterly?quarter=2020-Q4"))
    assert "Ratings, figures and actions as they stood on 31 December 2020" in page
    assert "Green set 16 November 2020. On track in November 2020." in page
    assert plan_2021_24.RATINGS[0][1] not in html.unescape(text_of(signed_in(app).get(
        "/reports/delivery-quarterly?quarter=2020-Q4")))  # the rating set in January 2024
    assert "COM-2026-01-01a" not in page
    # Closed in March 2021; on 31 December 2020 it was in progress and a month overdue.
    assert "Overdue actions: " + history.title in page
    assert "COM-2020-11-01a" in page
    row = page.split("COM-2020-11-01a", 1)[1][:300]
    assert "1 Dec 2020" in row and "30 days overdue" in row and "In progress" in row
    assert "Scoping under way." in row and "Closed" not in row

    document = Document(io.BytesIO(
        signed_in(app).get("/reports/delivery-quarterly.docx?quarter=2020-Q4").data))
    rows = {row.cells[0].text: [c.text for c in row.cells]
            for table in document.tables for row in table.rows}
    assert "COM-2026-01-01a" not in rows
    assert rows["COM-2020-11-01a"][3:7] == [
        "1 December 2020", "In progress", "30", "Scoping under way. (Progress update, 10 December 2020)"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Rating: Green (set 16 November 2020). On track in November 2020." in text


def test_the_csv_has_every_action_as_it_stood_on_the_day(app, history):
    response = signed_in(app).get("/reports/delivery-quarterly.csv?quarter=2020-Q4")
    assert response.mimetype == "text/csv"
    assert "delivery-quarterly-2020-Q4-actions.csv" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert "COM-2026-01-01a" not in {row["Reference"] for row in rows}
    row = next(row for row in rows if row["Reference"] == "COM-2020-11-01a")
    assert row == {
        "Priority": history.title, "Reference": "COM-2020-11-01a",
        "Action": "Review the victims' code compliance.", "Confidential": "No", "Owner": "WYP",
        "Lead": "", "Due date": "2020-12-01", "Status": "In progress", "Days overdue": "30",
        "Latest update": "Scoping under way.", "Latest update date": "2020-12-10",
        "Latest update kind": "Progress update", "As at": "2020-12-31",
    }
    # As at April 2021 it had been signed off.
    april = signed_in(app).get("/reports/delivery-quarterly.csv?quarter=2020-Q4&as_at=2021-04-01")
    assert "COM-2020-11-01a" not in april.data.decode("utf-8-sig")


def test_a_later_as_at_day_shows_the_action_as_it_then_was(app, history):
    page = plain(signed_in(app).get(
        "/reports/delivery-quarterly?quarter=2020-Q4&as_at=1&as_at=2&as_at=2021"))
    assert "as they stood on 1 February 2021" in page
    row = page.split("COM-2020-11-01a", 1)[1][:300]
    # More time agreed in January: due at the end of March, so open and not overdue.
    assert "31 Mar 2021" in row and "overdue" not in row and "More time agreed." in row
    assert "Open actions: " + history.title in page
    # Signed off in March 2021: not in a pack as at April.
    april = plain(signed_in(app).get("/reports/delivery-quarterly?quarter=2020-Q4&as_at=2021-04-01"))
    assert "COM-2020-11-01a" not in april and "COM-2026-01-01a" not in april


def test_the_pack_reads_history_in_a_fixed_number_of_queries(app, history):
    client = signed_in(app)
    # In July 2023 the demo's first meeting had raised a few actions; by 2024 there were many more,
    # each with a longer history.
    assert page_queries(client, "/reports/delivery-quarterly?quarter=2020-Q4&as_at=2023-07-31") == (
        page_queries(client, "/reports/delivery-quarterly?quarter=2020-Q4&as_at=2024-06-30"))


def test_the_quarter_list_offers_only_quarters_with_figures_newest_first(app, demo):
    page = signed_in(app, "viewer").get("/reports/delivery-quarterly?quarter=2020-Q4").get_data(
        as_text=True)
    select = page.split('<select class="govuk-select" id="quarter"', 1)[1].split("</select>")[0]
    quarters = [part.split('"')[0] for part in select.split('<option value="')[1:]]
    # The demo has figures for the years to December 2019 and December 2020 only.
    assert quarters == ["2020-Q4", "2019-Q4"]


@pytest.mark.parametrize("as_at,message", [
    ("as_at=2020-09-30",
     "The as at date must be on or after 1 October 2020, the quarter's first day"),
    ("as_at=31&as_at=2&as_at=2021", "As at must be a real date"),
    ("as_at=2099-01-01", "The as at date must be today or in the past"),
])
def test_an_as_at_day_the_pack_cannot_be_as_at_is_refused_clearly(app, demo, as_at, message):
    client = signed_in(app, "viewer")
    for address in ("/reports/delivery-quarterly", "/reports/delivery-quarterly.docx",
                    "/reports/delivery-quarterly.csv"):
        response = client.get(f"{address}?quarter=2020-Q4&{as_at}")
        assert response.status_code == 400
        assert response.mimetype == "text/html"
        assert message in html.unescape(error_summary(response))
