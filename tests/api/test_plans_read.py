"""Reading plans, priorities and indicators over the API: what the pages show, as JSON."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.api.conftest import bearer
from tests.factories import ActionFactory
from tests.plans.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    PlanFactory,
    PriorityFactory,
    monthly_values,
)
from tests.queries import counting_queries
from tracker.actions.models import ActionStatus
from tracker.auth import tokens
from tracker.auth.models import User
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.plans.models import (
    DISTRICTS,
    CrossCuttingTheme,
    Objective,
    Outcome,
    PlanStatus,
    PriorityRating,
    Rating,
)


def test_plans_list_the_current_plan_first_and_mark_it(api_client, api_token):
    PlanFactory(title="Police and Crime Plan 2016-21", status=PlanStatus.ARCHIVED,
                starts_on=date(2016, 4, 1))
    PlanFactory(title="Police and Crime Plan 2024-28", status=PlanStatus.DRAFT,
                starts_on=date(2024, 5, 1))
    PlanFactory(title="Police and Crime Plan 2021-24", status=PlanStatus.CURRENT)
    db.session.commit()
    response = api_client.get("/api/v1/plans", headers=api_token("viewer"))
    assert response.status_code == 200
    items = response.json["items"]
    assert [p["title"] for p in items] == [
        "Police and Crime Plan 2021-24", "Police and Crime Plan 2024-28",
        "Police and Crime Plan 2016-21"]
    assert [p["is_current"] for p in items] == [True, False, False]
    assert items[2]["version_name"] == "Police and Crime Plan 2016-21 (from 1 April 2016, archived)"
    assert items[0]["starts_on"] == "2021-05-10"
    assert response.json["next_cursor"] is None


def test_plans_page_with_a_cursor_and_a_link_header(api_client, api_token):
    for year in range(2010, 2015):
        PlanFactory(title=f"Plan {year}", status=PlanStatus.ARCHIVED, starts_on=date(year, 4, 1))
    PlanFactory(title="Undated", status=PlanStatus.ARCHIVED, starts_on=None)
    db.session.commit()
    headers = api_token("viewer")
    seen, url = [], "/api/v1/plans?limit=4"
    while url:
        response = api_client.get(url, headers=headers)
        assert response.status_code == 200
        seen += [p["title"] for p in response.json["items"]]
        cursor = response.json["next_cursor"]
        assert ("Link" in response.headers) == (cursor is not None)
        url = f"/api/v1/plans?limit=4&cursor={cursor}" if cursor else None
    assert seen == ["Plan 2014", "Plan 2013", "Plan 2012", "Plan 2011", "Plan 2010", "Undated"]


@pytest.fixture
def priority(app):
    priority = PriorityFactory(title="Safer Places and Thriving Communities",
                               summary="Everyone safe where they live")
    crime = IndicatorFactory(priority=priority, name="Total recorded crime")
    IndicatorValueFactory(indicator=crime, period_label="12 months to Dec 2019",
                          period_end=date(2019, 12, 31), value=Decimal(292070))
    IndicatorValueFactory(indicator=crime, period_label="12 months to Dec 2020",
                          period_end=date(2020, 12, 31), value=Decimal(258882),
                          note="Home Office counting rules")
    IndicatorValueFactory(indicator=crime, period_label="12 months to Dec 2020",
                          period_end=date(2020, 12, 31), district="Leeds", value=None)
    IndicatorFactory(priority=priority, name="Victim satisfaction", unit="percent")
    priority.objectives.append(Objective(text="Tackle anti-social behaviour", position=1))
    priority.outcomes.append(Outcome(text="People feel safer", position=1))
    priority.plan.themes.append(CrossCuttingTheme(title="Early intervention", position=1))
    db.session.add(PriorityRating(priority=priority, rating=Rating.RED, set_on=date(2023, 9, 1),
                                  rationale="Rising."))
    db.session.add(PriorityRating(priority=priority, rating=Rating.AMBER, set_on=date(2024, 1, 23),
                                  rationale="ASB remains high."))
    db.session.commit()
    return priority


def test_a_plan_has_its_priorities_with_their_latest_rating_indicators_and_themes(
    api_client, api_token, priority
):
    response = api_client.get(f"/api/v1/plans/{priority.plan.id}", headers=api_token("viewer"))
    assert response.status_code == 200
    body = response.json
    assert body["is_current"] is True and body["title"] == priority.plan.title
    [shown] = body["priorities"]
    assert shown["title"] == "Safer Places and Thriving Communities"
    assert shown["rating"] == {"rating": "amber", "rationale": "ASB remains high.",
                               "set_on": "2024-01-23"}
    assert [i["name"] for i in shown["indicators"]] == ["Total recorded crime", "Victim satisfaction"]
    assert [t["title"] for t in body["themes"]] == ["Early intervention"]
    assert response.headers["ETag"]


def test_a_priority_has_what_its_page_shows(api_client, api_token, priority):
    body = api_client.get(f"/api/v1/priorities/{priority.id}", headers=api_token("executive")).json
    assert body["plan"]["id"] == priority.plan.id and body["summary"] == "Everyone safe where they live"
    assert body["objectives"] == ["Tackle anti-social behaviour"]
    assert body["outcomes"] == ["People feel safer"]
    assert [(r["rating"], r["set_on"]) for r in body["ratings"]] == [
        ("amber", "2024-01-23"), ("red", "2023-09-01")]
    crime, satisfaction = body["indicators"]
    assert crime["force"]["current"] == "258882" and crime["force"]["current_text"] == "258,882"
    assert crime["force"]["baseline"] == "292070"
    assert crime["force"]["difference_text"] == "−33,188"
    assert crime["force"]["percent_text"] == "−11.4%"
    assert (crime["force"]["trend"], crime["force"]["verdict"]) == ("down", "good")
    assert satisfaction["force"]["current"] is None and satisfaction["unit"] == "percent"
    assert body["actions"] == {"overdue": 0, "open": 0, "closed_recently": 0, "total": 0,
                               "capped_at": 10_000}


def test_a_priority_counts_the_linked_actions_the_caller_may_see(api_client, api_token, priority):
    as_at = today()
    linked = [
        ActionFactory(due_on=as_at - timedelta(days=10)),
        ActionFactory(due_on=as_at + timedelta(days=10)),
        ActionFactory(due_on=as_at + timedelta(days=12), confidential=True),
        ActionFactory(status=ActionStatus.CLOSED, closed_on=as_at - timedelta(days=20)),
        ActionFactory(status=ActionStatus.CLOSED, closed_on=as_at - timedelta(days=400)),
    ]
    for action in linked:
        action.priorities.append(priority)
    db.session.commit()
    url = f"/api/v1/priorities/{priority.id}"
    executive = api_client.get(url, headers=api_token("executive")).json["actions"]
    assert executive == {"overdue": 1, "open": 2, "closed_recently": 1, "total": 5,
                         "capped_at": 10_000}
    viewer = api_client.get(url, headers=api_token("viewer")).json["actions"]
    assert viewer == {"overdue": 1, "open": 1, "closed_recently": 1, "total": 4,
                      "capped_at": 10_000}


def test_an_indicator_has_its_readings_and_its_values_a_page_at_a_time(
    api_client, api_token, priority
):
    crime = priority.indicators[0]
    headers = api_token("viewer")
    body = api_client.get(f"/api/v1/indicators/{crime.id}?limit=2", headers=headers).json
    assert body["name"] == "Total recorded crime" and body["direction"] == "reduce"
    assert body["priority"] == {"id": priority.id, "title": priority.title}
    assert body["plan"]["id"] == priority.plan.id
    assert body["force"]["current_text"] == "258,882"
    assert [d["district"] for d in body["districts"]] == ["Leeds"]
    assert body["values"] == [
        {"period_label": "12 months to Dec 2020", "period_end": "2020-12-31",
         "district": "West Yorkshire", "value": "258882", "value_text": "258,882",
         "note": "Home Office counting rules", "comment": ""},
        {"period_label": "12 months to Dec 2020", "period_end": "2020-12-31",
         "district": "Leeds", "value": None, "value_text": "Not available", "note": "",
         "comment": ""},
    ]
    rest = api_client.get(f"/api/v1/indicators/{crime.id}?limit=2&cursor={body['next_cursor']}",
                          headers=headers).json
    assert [(v["period_end"], v["value"]) for v in rest["values"]] == [("2019-12-31", "292070")]
    assert rest["next_cursor"] is None


def test_missing_records_are_404_problems(api_client, api_token):
    headers = api_token("viewer")
    for url in ("/api/v1/plans/999", "/api/v1/priorities/999", "/api/v1/indicators/999"):
        response = api_client.get(url, headers=headers)
        assert response.status_code == 404, url
        assert response.mimetype == "application/problem+json"


def test_reading_needs_a_token(api_client, priority):
    response = api_client.get(f"/api/v1/priorities/{priority.id}")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def grow(priority, indicators: int, values: int, actions: int):
    for _ in range(indicators):
        indicator = IndicatorFactory(priority=priority)
        monthly_values(indicator, values)
        for district in DISTRICTS:
            monthly_values(indicator, values, district=district)
    for n in range(actions):
        action = ActionFactory(due_on=today() - timedelta(days=n - 3))
        action.priorities.append(priority)
        action.indicators.append(priority.indicators[0])
        db.session.add(PriorityRating(priority=priority, rating=Rating.GREEN,
                                      set_on=date(2024, 1, 1) - timedelta(n)))
    db.session.commit()


def queries(api_client, headers, url: str) -> int:
    api_client.get(url, headers=headers)
    db.session.remove()
    with counting_queries() as statements:
        assert api_client.get(url, headers=headers).status_code == 200, url
    return len(statements)


def test_each_read_makes_the_same_number_of_queries_however_much_data(api_client, api_token):
    small, big = PriorityFactory(), PriorityFactory()
    grow(small, indicators=1, values=1, actions=1)
    grow(big, indicators=4, values=24, actions=12)
    for year in range(2000, 2012):
        PlanFactory(status=PlanStatus.ARCHIVED, starts_on=date(year, 1, 1))
    db.session.commit()
    headers = api_token("viewer")
    ids = [{"plan": p.plan.id, "priority": p.id, "indicator": p.indicators[0].id}
           for p in (small, big)]
    for template in ("/api/v1/plans/{plan}", "/api/v1/priorities/{priority}",
                     "/api/v1/indicators/{indicator}"):
        counts = [queries(api_client, headers, template.format(**each)) for each in ids]
        assert counts[0] == counts[1], (template, counts)
    assert queries(api_client, headers, "/api/v1/plans?limit=2") == queries(
        api_client, headers, "/api/v1/plans?limit=200")


def test_the_demo_plan_reads_as_its_pages_show_it(api_client, demo):
    viewer = db.session.scalar(sa.select(User).where(User.username == "viewer"))
    headers = bearer(tokens.issue(viewer, name="demo", scope="read", expires_in_days=1)[1])
    [current] = [p for p in api_client.get("/api/v1/plans", headers=headers).json["items"]
                 if p["is_current"]]
    plan = api_client.get(f"/api/v1/plans/{current['id']}", headers=headers).json
    assert plan["priorities"] and all(p["indicators"] for p in plan["priorities"])
    first = plan["priorities"][0]
    priority = api_client.get(f"/api/v1/priorities/{first['id']}", headers=headers).json
    assert [i["id"] for i in priority["indicators"]] == [i["id"] for i in first["indicators"]]
    assert priority["actions"]["total"] > 0
    indicator = api_client.get(f"/api/v1/indicators/{first['indicators'][0]['id']}",
                               headers=headers).json
    assert indicator["values"] and indicator["force"]["current_label"]
