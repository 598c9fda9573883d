"""Factories for plans, priorities, indicators and their values."""

from datetime import date
from decimal import Decimal

import factory

from tests.factories import Base
from tracker.plans.models import (
    FORCE,
    Direction,
    Indicator,
    IndicatorValue,
    Plan,
    PlanStatus,
    Priority,
)


class PlanFactory(Base):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"Police and Crime Plan {n}")
    status = PlanStatus.CURRENT
    starts_on = date(2021, 5, 10)
    ends_on = date(2024, 5, 31)


class PriorityFactory(Base):
    class Meta:
        model = Priority

    plan = factory.SubFactory(PlanFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Priority {n}")


class IndicatorFactory(Base):
    class Meta:
        model = Indicator

    priority = factory.SubFactory(PriorityFactory)
    position = factory.Sequence(lambda n: n)
    name = factory.Sequence(lambda n: f"Indicator {n}")
    source = "National Crime and Policing Measures"
    measure_type = "Police"
    metric = "Reduce it"
    direction = Direction.REDUCE
    unit = "count"


class IndicatorValueFactory(Base):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period_label = "12 months to Dec 2020"
    period_end = date(2020, 12, 31)
    district = FORCE
    value = Decimal("100")


def monthly_values(indicator, count: int, district: str = FORCE, start: int = 1000):
    """`count` month-end values for an indicator, ending December 2020."""
    values = []
    year, month = 2020, 12
    for i in range(count):
        end = date(year, month, 28)
        values.append(IndicatorValueFactory(indicator=indicator, district=district,
                                            period_label=f"12 months to {end:%b %Y}",
                                            period_end=end, value=Decimal(start + i)))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return values
