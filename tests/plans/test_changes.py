"""Changing plans: adding and copying plans, ratings, values one at a time, and linked actions."""

from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from tests.factories import ActionFactory
from tests.plans.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    PlanFactory,
    PriorityFactory,
)
from tracker.actions.models import ActionStatus, ActionUpdate
from tracker.audit import AuditEntry
from tracker.extensions import db
from tracker.plans.models import (
    CrossCuttingTheme,
    IndicatorValue,
    Objective,
    Plan,
    PlanStatus,
    Priority,
    PriorityRating,
)


def test_admin_adds_a_draft_plan_with_a_priority_theme_objective_and_indicator(client, login_as):
    login_as("admin")
    response = client.post("/plans/new", data={
        "title": "Police and Crime Plan 2024-28", "version_label": "Draft",
        "starts_on": ["1", "5", "2024"], "ends_on": ["31", "3", "2028"]})
    plan = db.session.scalar(sa.select(Plan))
    assert response.headers["Location"].endswith(f"/plans/{plan.id}")
    assert plan.status == PlanStatus.DRAFT and plan.starts_on == date(2024, 5, 1)
    client.post(f"/plans/{plan.id}/priorities/new", data={"title": "Keeping People Safe"})
    client.post(f"/plans/{plan.id}/themes/new", data={"title": "Safety of Women and Girls"})
    priority = db.session.scalar(sa.select(Priority))
    client.post(f"/priorities/{priority.id}/objectives/new",
                data={"kind": "outcome", "text": "Fewer repeat victims"})
    client.post(f"/priorities/{priority.id}/indicators/new", data={
        "name": "Homicides", "source": "National Crime and Policing Measures",
        "measure_type": "Police", "metric": "Reduce number of Homicides",
        "direction": "reduce", "unit": "count"})
    db.session.expire_all()
    assert [t.title for t in plan.themes] == ["Safety of Women and Girls"]
    assert [o.text for o in priority.outcomes] == ["Fewer repeat victims"]
    assert [i.name for i in priority.indicators] == ["Homicides"]
    page = client.get(f"/priorities/{priority.id}").get_data(as_text=True)
    assert "Fewer repeat victims" in page and "Homicides" in page


def test_a_plan_needs_a_title_and_sensible_dates(client, login_as):
    login_as("admin")
    page = client.post("/plans/new", data={"title": "", "starts_on": ["1", "5", "2024"],
                                           "ends_on": ["1", "1", "2024"]}).get_data(as_text=True)
    assert "Enter the plan&#39;s title" in page
    assert "The end date must be on or after the start date" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Plan)) == 0


def test_copying_a_plan_keeps_the_old_one_and_its_actions(client, login_as):
    old = PlanFactory(title="Police and Crime Plan 2021-24")
    db.session.add(CrossCuttingTheme(plan=old, title="Early Intervention and Prevention"))
    priority = PriorityFactory(plan=old, title="Keeping People Safe")
    db.session.add(Objective(priority=priority, text="Reduce re-victimisation"))
    crime = IndicatorFactory(priority=priority, name="Total recorded crime")
    IndicatorValueFactory(indicator=crime, value=Decimal(258882))
    ongoing = ActionFactory(reference="COM-2023-10-04a")
    finished = ActionFactory(reference="COM-2023-10-07a", status=ActionStatus.CLOSED)
    for action in (ongoing, finished):
        action.priorities.append(priority)
        action.indicators.append(crime)
    db.session.commit()
    login_as("admin")

    response = client.post(f"/plans/{old.id}/copy", data={
        "title": "Police and Crime Plan 2021-24", "version_label": "Refreshed 2023"})
    new = db.session.scalar(sa.select(Plan).where(Plan.id != old.id))
    assert response.headers["Location"].endswith(f"/plans/{new.id}")
    assert new.copied_from_id == old.id and new.status == PlanStatus.DRAFT
    assert [t.title for t in new.themes] == ["Early Intervention and Prevention"]
    copy = new.priorities[0]
    assert copy.id != priority.id and copy.objectives[0].text == "Reduce re-victimisation"
    assert copy.indicators[0].values[0].value == Decimal(258882)
    # The old plan is untouched and keeps both links; the open action follows into the copy.
    db.session.expire_all()
    assert old.status == PlanStatus.CURRENT
    assert {a.reference for a in priority.actions} == {"COM-2023-10-04a", "COM-2023-10-07a"}
    assert [a.reference for a in copy.actions] == ["COM-2023-10-04a"]
    assert [a.reference for a in copy.indicators[0].actions] == ["COM-2023-10-04a"]
    history = db.session.scalars(sa.select(ActionUpdate).where(ActionUpdate.kind == "links")).all()
    assert [h.action.reference for h in history] == ["COM-2023-10-04a"]

    client.post(f"/plans/{new.id}/make-current")
    db.session.expire_all()
    assert (old.status, new.status) == (PlanStatus.ARCHIVED, PlanStatus.CURRENT)
    page = client.get("/plans").get_data(as_text=True)
    assert page.index("Refreshed 2023") < page.index("Archived")


def test_secretariat_rates_a_priority_and_earlier_ratings_are_kept(client, login_as):
    priority = PriorityFactory(title="Responding to Multiple and Complex Needs")
    db.session.add(PriorityRating(priority=priority, rating="green", set_on=date(2023, 1, 1),
                                  rationale="On track."))
    db.session.commit()
    user = login_as("secretariat")
    page = client.post(f"/priorities/{priority.id}/rating", data={"rating": ""}).get_data(as_text=True)
    assert "Choose Red, Amber or Green" in page and "Enter the rationale for the rating" in page
    client.post(f"/priorities/{priority.id}/rating",
                data={"rating": "red", "rationale": "Repeat missing children above baseline."})
    ratings = db.session.scalars(sa.select(PriorityRating).order_by(PriorityRating.id)).all()
    assert [(r.rating, r.set_by_id) for r in ratings] == [("green", None), ("red", user.id)]
    page = client.get(f"/priorities/{priority.id}").get_data(as_text=True)
    assert page.index(">Red<") < page.index("Earlier ratings") < page.index("On track.")
    assert db.session.scalar(sa.select(AuditEntry.event)) == "priority.rated"


def value_form(**overrides):
    data = {"period_label": "12 months to Dec 2020", "period_end": ["31", "12", "2020"],
            "district": "West Yorkshire", "value": "258882", "note": "Home Office rules",
            "comment": ""}
    data.update(overrides)
    return data


def test_entering_one_value_then_correcting_it(client, login_as):
    crime = IndicatorFactory(name="Total recorded crime")
    db.session.commit()
    login_as("secretariat")
    response = client.post(f"/indicators/{crime.id}/values/new", data=value_form())
    assert response.status_code == 302
    page = client.post(f"/indicators/{crime.id}/values/new",
                       data=value_form(value="258,900")).get_data(as_text=True)
    assert "is already stored (258,882)" in page
    client.post(f"/indicators/{crime.id}/values/new", data=value_form(value="258,900", replace="y"))
    stored = db.session.scalars(sa.select(IndicatorValue)).all()
    assert [(v.value, v.note) for v in stored] == [(Decimal("258900"), "Home Office rules")]
    assert "258,882 corrected to 258,900" in db.session.scalars(
        sa.select(AuditEntry.summary).order_by(AuditEntry.id)).all()[-1]


def test_a_value_can_be_not_available_for_a_district(client, login_as):
    crime = IndicatorFactory()
    db.session.commit()
    login_as("secretariat")
    client.post(f"/indicators/{crime.id}/values/new",
                data=value_form(value="", not_available="y", district="Kirklees"))
    stored = db.session.scalar(sa.select(IndicatorValue))
    assert (stored.value, stored.district) == (None, "Kirklees")
    assert "Not available" in client.get(f"/indicators/{crime.id}").get_data(as_text=True)


def test_value_form_errors_say_what_to_fix(client, login_as):
    crime = IndicatorFactory()
    db.session.commit()
    login_as("secretariat")
    page = client.post(f"/indicators/{crime.id}/values/new", data=value_form(
        value="lots", period_end=["30", "2", "2020"], period_label="")).get_data(as_text=True)
    assert "Enter the value as a number" in page
    assert "Enter the last day of the period as a real date" in page
    assert "Enter the period" in page
    page = client.post(f"/indicators/{crime.id}/values/new", data=value_form(value="")).get_data(
        as_text=True)
    assert "Enter a value, or tick" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IndicatorValue)) == 0


def test_linking_and_unlinking_an_action_from_the_priority_is_in_the_actions_history(
    client, login_as
):
    priority = PriorityFactory(title="Safer Places and Thriving Communities")
    knife = IndicatorFactory(priority=priority, name="Knife crime")
    action = ActionFactory(reference="COM-2023-10-05a")
    db.session.commit()
    login_as("secretariat")
    page = client.post(f"/priorities/{priority.id}/actions",
                       data={"reference": "COM-1999-01-01a"}).get_data(as_text=True)
    assert "There is no action with the reference COM-1999-01-01a" in page
    response = client.post(f"/priorities/{priority.id}/actions",
                           data={"reference": "com-2023-10-05a", "indicators": [str(knife.id)]})
    assert response.status_code == 302
    db.session.expire_all()
    assert action.priorities == [priority] and action.indicators == [knife]
    entry = db.session.scalar(sa.select(ActionUpdate))
    assert entry.kind == "links"
    assert entry.note == "Linked to priority Safer Places and Thriving Communities; indicator Knife crime."
    assert entry.changes["priorities"] == [[], ["Safer Places and Thriving Communities"]]
    assert "COM-2023-10-05a" in client.get(f"/priorities/{priority.id}").get_data(as_text=True)

    client.post(f"/priorities/{priority.id}/actions/{action.id}/unlink")
    db.session.expire_all()
    assert action.priorities == [] and action.indicators == []
    notes = db.session.scalars(sa.select(ActionUpdate.note).order_by(ActionUpdate.id)).all()
    assert notes[-1] == "Unlinked from priority Safer Places and Thriving Communities."


def test_a_lead_cannot_link_or_rate(client, login_as):
    priority = PriorityFactory()
    action = ActionFactory()
    db.session.commit()
    login_as("lead")
    assert client.post(f"/priorities/{priority.id}/actions",
                       data={"reference": action.reference}).status_code == 403
    assert client.post(f"/priorities/{priority.id}/rating",
                       data={"rating": "red", "rationale": "x"}).status_code == 403
    db.session.expire_all()
    assert action.priorities == []


def test_a_form_sent_without_its_date_fields_is_refused_not_crashed(client, login_as):
    crime = IndicatorFactory()
    db.session.commit()
    login_as("admin")
    response = client.post(f"/indicators/{crime.id}/values/new", data={"value": "5"})
    assert response.status_code == 200
    assert "Enter the last day of the period as a real date" in response.get_data(as_text=True)
    assert client.post("/plans/new", data={"title": "A plan"}).status_code == 302
