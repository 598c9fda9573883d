"""The plan pages as people read them, and the number of queries each makes."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.factories import ActionFactory
from tests.plans.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    PlanFactory,
    PriorityFactory,
    monthly_values,
)
from tests.queries import page_queries
from tracker.actions.models import ActionStatus
from tracker.extensions import db
from tracker.kit.dates import today
from tracker.plans.models import DISTRICTS, PlanStatus, PriorityRating, Rating


def test_plans_lists_the_current_plan_first(client, login_as):
    PlanFactory(title="Police and Crime Plan 2016-21", status=PlanStatus.ARCHIVED,
                starts_on=date(2016, 4, 1))
    PlanFactory(title="Police and Crime Plan 2021-24", status=PlanStatus.CURRENT)
    db.session.commit()
    login_as("viewer")
    page = client.get("/plans").get_data(as_text=True)
    assert page.index("Plan 2021-24") < page.index("Plan 2016-21")
    assert "Current" in page and "Archived" in page


@pytest.fixture
def priority(app):
    priority = PriorityFactory(title="Safer Places and Thriving Communities")
    crime = IndicatorFactory(priority=priority, name="Total recorded crime")
    IndicatorValueFactory(indicator=crime, period_label="12 months to Dec 2019",
                          period_end=date(2019, 12, 31), value=Decimal(292070))
    IndicatorValueFactory(indicator=crime, period_label="12 months to Dec 2020",
                          period_end=date(2020, 12, 31), value=Decimal(258882))
    db.session.add(PriorityRating(priority=priority, rating=Rating.AMBER, set_on=date(2024, 1, 23),
                                  rationale="ASB remains high."))
    db.session.commit()
    return priority


def test_priority_page_shows_indicators_with_change_rating_and_no_open_actions(
    client, login_as, priority
):
    login_as("executive")
    page = client.get(f"/priorities/{priority.id}").get_data(as_text=True)
    assert "Total recorded crime" in page
    assert "258,882" in page and "292,070" in page
    assert "−33,188" in page and "−11.4%" in page and "Falling" in page
    assert ">Good<" in page
    assert "govuk-tag--yellow" in page and ">Amber<" in page
    assert "ASB remains high." in page and "23 January 2024" in page
    assert "No open actions." in page


def test_priority_page_splits_actions_into_overdue_open_and_recently_closed(
    client, login_as, priority
):
    as_at = today()
    late = ActionFactory(reference="COM-2023-10-04a", due_on=as_at - timedelta(days=10))
    soon = ActionFactory(reference="COM-2023-10-05a", due_on=as_at + timedelta(days=10))
    done = ActionFactory(reference="COM-2023-10-07a", status=ActionStatus.CLOSED,
                         closed_on=as_at - timedelta(days=20))
    old = ActionFactory(reference="COM-2022-10-07a", status=ActionStatus.CLOSED,
                        closed_on=as_at - timedelta(days=400))
    for action in (late, soon, done, old):
        action.priorities.append(priority)
    db.session.commit()
    login_as("executive")
    page = client.get(f"/priorities/{priority.id}").get_data(as_text=True)
    assert "No open actions." not in page
    overdue = page.index(">Overdue<")
    open_ = page.index("Open, not overdue")
    closed = page.index("Closed in the last 3 months")
    assert overdue < page.index("COM-2023-10-04a") < open_ < page.index("COM-2023-10-05a") < closed
    assert page.index("COM-2023-10-07a") > closed
    assert "10 days overdue" in page
    assert "COM-2022-10-07a" not in page


def test_confidential_actions_are_not_shown_to_a_viewer(client, login_as, priority):
    secret = ActionFactory(reference="COM-2023-10-08a", confidential=True)
    secret.priorities.append(priority)
    db.session.commit()
    login_as("viewer")
    assert "COM-2023-10-08a" not in client.get(f"/priorities/{priority.id}").get_data(as_text=True)


def test_indicator_page_has_details_a_chart_per_area_with_its_table(client, login_as, priority):
    crime = priority.indicators[0]
    for district in ("Leeds", "Bradford"):
        IndicatorValueFactory(indicator=crime, district=district, value=Decimal(1000))
    link = ActionFactory(reference="COM-2023-10-09a")
    link.indicators.append(crime)
    db.session.commit()
    login_as("viewer")
    page = client.get(f"/indicators/{crime.id}").get_data(as_text=True)
    for fact in ("National Crime and Policing Measures", "Police", "Reduce it", "Reduce"):
        assert fact in page
    assert page.count('role="img"') == 3  # the force, Bradford and Leeds
    assert "Total recorded crime, West Yorkshire: the chart's figures" in page
    assert "Total recorded crime, Leeds: the chart's figures" in page
    assert page.index("Bradford") < page.index("Leeds")
    assert "COM-2023-10-09a" in page


def test_missing_records_are_404(client, login_as):
    login_as("viewer")
    assert client.get("/priorities/999").status_code == 404
    assert client.get("/indicators/999").status_code == 404
    assert client.get("/plans/999").status_code == 404


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
    db.session.commit()


def test_priority_and_indicator_pages_make_the_same_number_of_queries_however_much_data(
    client, login_as
):
    small = PriorityFactory()
    big = PriorityFactory()
    grow(small, indicators=1, values=1, actions=1)
    grow(big, indicators=4, values=24, actions=12)
    ids = {"small": (small.id, small.indicators[0].id, small.plan.id),
           "big": (big.id, big.indicators[0].id, big.plan.id)}
    login_as("executive")
    for template in ("/priorities/{0}", "/indicators/{1}", "/plans/{2}"):
        assert page_queries(client, template.format(*ids["small"])) == page_queries(
            client, template.format(*ids["big"])), template
