"""An indicator's figures as at a date: its current value, the baseline, and what changed.

Which values are compared (the same rule on the priority page, the indicator page and the
Delivery Quarterly pack):

- current: the latest value whose period ends on or before the date asked about (for the pack,
  the quarter's last day), for the force and for each district separately;
- baseline: the value for the same period a year earlier — the latest value ending on or before
  the current period's end less 12 months. Where there is none (a survey run twice in a year, a
  new measure), the value before the current one, with its own period label shown beside it.

A value marked "not available" can be the current value or the baseline: it is shown as such and
gives no difference. Everything here works on loaded objects; nothing queries the database.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from tracker.plans import performance
from tracker.plans.models import DISTRICTS, FORCE, Direction, Indicator, IndicatorValue
from tracker.plans.performance import Change


@dataclass(frozen=True)
class Point:
    """One value of a series, for charts and data tables."""

    period_end: date
    period_label: str
    value: object  # Decimal, or None when not available
    text: str


@dataclass(frozen=True)
class Reading:
    """One area's (the force's or a district's) current value against its baseline."""

    district: str
    baseline_label: str
    current_label: str
    baseline_text: str
    current_text: str
    difference_text: str
    percent_text: str
    change: Change
    comment: str = ""
    note: str = ""

    @property
    def has_current(self) -> bool:
        return bool(self.current_label)


@dataclass(frozen=True)
class Measure:
    """An indicator with its figures worked out, ready for a page or the Word pack."""

    indicator_id: int
    name: str
    metric: str
    source: str
    measure_type: str
    direction: str
    direction_label: str
    unit: str
    force: Reading
    districts: list[Reading] = field(default_factory=list)
    # Each area's values in date order: FORCE first, then the districts that have values.
    series: dict[str, list[Point]] = field(default_factory=dict)

    @property
    def has_values(self) -> bool:
        return any(self.series.values())


def year_before(day: date) -> date:
    """The same day a year earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def pick_current(values: list[IndicatorValue], as_at: date) -> IndicatorValue | None:
    """The latest value ending on or before `as_at` (values sorted by period end)."""
    candidates = [v for v in values if v.period_end <= as_at]
    return candidates[-1] if candidates else None


def pick_baseline(values: list[IndicatorValue], current: IndicatorValue | None) -> IndicatorValue | None:
    """The value a year before `current`, or failing that the one just before it."""
    if current is None:
        return None
    year_earlier = [v for v in values if v.period_end <= year_before(current.period_end)]
    if year_earlier:
        return year_earlier[-1]
    earlier = [v for v in values if v.period_end < current.period_end]
    return earlier[-1] if earlier else None


def reading(
    district: str, values: list[IndicatorValue], as_at: date, direction: str, unit: str
) -> Reading:
    current = pick_current(values, as_at)
    baseline = pick_baseline(values, current)
    figures = performance.change(
        direction,
        baseline.value if baseline else None,
        current.value if current else None,
    )
    if figures.baseline == 0 and figures.current is not None:
        percent_text = "Not calculable: the baseline is 0"
    else:
        percent_text = performance.format_percent(figures.percent)
    return Reading(
        district=district,
        baseline_label=baseline.period_label if baseline else "",
        current_label=current.period_label if current else "",
        baseline_text=performance.format_value(figures.baseline, unit) if baseline else "No value",
        current_text=performance.format_value(figures.current, unit) if current else "No value",
        difference_text=performance.format_difference(figures.difference, unit),
        percent_text=percent_text,
        change=figures,
        comment=current.comment if current else "",
        note=current.note if current else "",
    )


def by_district(values: Iterable[IndicatorValue]) -> dict[str, list[IndicatorValue]]:
    """Values grouped by area, force first then districts in their usual order, by period end."""
    groups: dict[str, list[IndicatorValue]] = {}
    for area in (FORCE, *DISTRICTS):
        found = sorted((v for v in values if v.district == area), key=lambda v: v.period_end)
        if found or area == FORCE:
            groups[area] = found
    return groups


def measure(indicator: Indicator, as_at: date, values: Iterable[IndicatorValue] | None = None) -> Measure:
    """Work out an indicator's figures as at a date, from its (already loaded) values."""
    groups = by_district(indicator.values if values is None else values)
    readings = {
        area: reading(area, found, as_at, indicator.direction, indicator.unit)
        for area, found in groups.items()
    }
    series = {
        area: [
            Point(v.period_end, v.period_label, v.value, performance.format_value(v.value, indicator.unit))
            for v in found
            if v.period_end <= as_at
        ]
        for area, found in groups.items()
    }
    return Measure(
        indicator_id=indicator.id,
        name=indicator.name,
        metric=indicator.metric,
        source=indicator.source,
        measure_type=indicator.measure_type,
        direction=indicator.direction,
        direction_label=Direction.label_of(indicator.direction),
        unit=indicator.unit,
        force=readings[FORCE],
        districts=[readings[area] for area in DISTRICTS if area in readings],
        series=series,
    )
