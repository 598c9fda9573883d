"""Differences, percentages, trends and good/bad, read from an indicator's direction."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.plans import performance
from tracker.plans.models import Direction
from tracker.plans.performance import Trend, Verdict, change

D = Decimal


def test_total_recorded_crime_falling_is_good_when_the_aim_is_to_reduce():
    figures = change(Direction.REDUCE, D(292070), D(258882))
    assert figures.difference == D(-33188)
    assert figures.percent == D("-11.4")
    assert figures.trend == Trend.DOWN and figures.arrow == "↓"
    assert figures.verdict == Verdict.GOOD
    assert performance.format_difference(figures.difference) == "−33,188"
    assert performance.format_percent(figures.percent) == "−11.4%"
    assert performance.format_value(figures.baseline) == "292,070"


def test_a_fall_in_victim_satisfaction_is_not_good():
    figures = change(Direction.INCREASE, D("77.4"), D("75.1"))
    assert figures.trend == Trend.DOWN
    assert figures.verdict == Verdict.BAD
    assert figures.verdict_label == "Not good"
    assert performance.format_difference(figures.difference, "percent") == "−2.3 points"


def test_a_rise_is_good_for_increase_and_bad_for_reduce():
    assert change(Direction.INCREASE, D(45290), D(52475)).verdict == Verdict.GOOD
    rising = change(Direction.REDUCE, D(45290), D(52475))
    assert rising.verdict == Verdict.BAD
    assert rising.arrow == "↑"
    assert performance.format_difference(rising.difference) == "+7,185"
    assert performance.format_percent(rising.percent) == "+15.9%"


@pytest.mark.parametrize("direction", tuple(Direction))
def test_unchanged_is_level_and_neither_good_nor_bad(direction):
    figures = change(direction, D(500), D(500))
    assert figures.difference == 0
    assert figures.percent == D("0.0")
    assert figures.trend == Trend.LEVEL and figures.arrow == "↔"
    assert figures.verdict == Verdict.NEUTRAL
    assert performance.format_percent(figures.percent) == "0.0%"


def test_a_change_under_one_percent_is_level():
    figures = change(Direction.INCREASE, D("89.6"), D("90.0"))
    assert figures.trend == Trend.LEVEL
    assert figures.verdict == Verdict.NEUTRAL


@pytest.mark.parametrize("baseline,current", [(None, D(5)), (D(5), None), (None, None)])
@pytest.mark.parametrize("direction", tuple(Direction))
def test_missing_values_give_no_difference_trend_or_verdict(direction, baseline, current):
    figures = change(direction, baseline, current)
    assert figures.difference is None and figures.percent is None
    assert figures.trend == Trend.UNKNOWN and figures.arrow == ""
    assert figures.verdict == Verdict.UNKNOWN
    assert performance.format_difference(figures.difference) == ""


def test_a_baseline_of_zero_has_a_difference_and_trend_but_no_percentage():
    figures = change(Direction.REDUCE, D(0), D(4))
    assert figures.difference == D(4)
    assert figures.percent is None
    assert figures.trend == Trend.UP
    assert figures.verdict == Verdict.BAD
    assert change(Direction.INCREASE, D(0), D(4)).verdict == Verdict.GOOD
    assert change(Direction.REDUCE, D(0), D(0)).trend == Trend.LEVEL


def test_below_baseline_is_good_below_and_bad_above_with_no_tolerance():
    assert change(Direction.BELOW_BASELINE, D(1406), D(969)).verdict == Verdict.GOOD
    # Half a percent above the line is still above it.
    slightly_above = change(Direction.BELOW_BASELINE, D(1000), D(1005))
    assert slightly_above.trend == Trend.LEVEL
    assert slightly_above.verdict == Verdict.BAD
    assert change(Direction.BELOW_BASELINE, D(1000), D(1000)).verdict == Verdict.NEUTRAL


def test_monitor_is_never_judged():
    assert change(Direction.MONITOR, D(6397), D(6114)).verdict == Verdict.NEUTRAL
    assert change(Direction.MONITOR, D(614), D(900)).verdict == Verdict.NEUTRAL


def test_values_are_written_as_the_report_writes_them():
    assert performance.format_value(None) == "Not available"
    assert performance.format_value(D("77.40"), "percent") == "77.4%"
    assert performance.format_value(D("1.25")) == "1.25"
    assert performance.format_value(D("-3")) == "−3"


amounts = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False,
                      allow_infinity=False)


@settings(deadline=None)
@given(baseline=amounts, current=amounts, direction=st.sampled_from(tuple(Direction)))
def test_figures_are_consistent_for_any_values(baseline, current, direction):
    figures = change(direction, baseline, current)
    assert figures.difference == current - baseline
    if baseline == 0:
        assert figures.percent is None
    else:
        assert figures.percent is not None
        assert abs(figures.percent - (current - baseline) / abs(baseline) * 100) <= D("0.05")
    # The arrow never contradicts the sign of the change.
    if figures.trend == Trend.UP:
        assert current > baseline
    if figures.trend == Trend.DOWN:
        assert current < baseline
    # Opposite aims never agree that the same change is good.
    reduce_v = change(Direction.REDUCE, baseline, current).verdict
    increase_v = change(Direction.INCREASE, baseline, current).verdict
    assert not (reduce_v == increase_v == Verdict.GOOD)
    assert not (reduce_v == increase_v == Verdict.BAD)
