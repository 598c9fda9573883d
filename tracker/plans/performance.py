"""Derived figures for indicators: the change on a baseline, its trend, and whether it is good.

Pure functions over numbers, so the rules are easy to test and the same on every page and in the
Word pack. Nothing here is stored: differences and trends are worked out each time.

The rules, as the Delivery Quarterly report reads them:

- difference = current − baseline; percentage = difference ÷ baseline × 100, to one decimal place.
  A baseline of zero has no percentage change (it is shown as "not calculable").
- trend: ↑ rising, ↓ falling, ↔ level. A change smaller than `LEVEL_WITHIN_PERCENT` of the
  baseline counts as level, as the seed report's analysts mark small movements ↔. A missing
  value on either side gives no trend.
- good or bad comes from the indicator's direction: REDUCE, a fall is good; INCREASE, a rise is
  good; BELOW_BASELINE, being below the baseline is good and above it bad (strictly, with no
  tolerance: a plan target is a line); MONITOR, neither.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tracker.kit.enums import LabelledEnum
from tracker.plans.models import Direction

# A change smaller than this share of the baseline is "level" (↔), not a trend.
LEVEL_WITHIN_PERCENT = Decimal("1")


class Trend(LabelledEnum):
    UP = "up", "Rising"
    DOWN = "down", "Falling"
    LEVEL = "level", "Level"
    UNKNOWN = "unknown", "No trend"

    @property
    def arrow(self) -> str:
        return {"up": "↑", "down": "↓", "level": "↔"}.get(self.value, "")


class Verdict(LabelledEnum):
    GOOD = "good", "Good"
    BAD = "bad", "Not good"
    NEUTRAL = "neutral", "No judgement"
    UNKNOWN = "unknown", "Not known"

    @property
    def tag_class(self) -> str:
        """The GOV.UK tag colour; the word is always shown too, never the colour alone."""
        return {"good": "govuk-tag--green", "bad": "govuk-tag--red"}.get(self.value, "govuk-tag--grey")


@dataclass(frozen=True)
class Change:
    """A current value set against a baseline, with everything the tables show about it."""

    baseline: Decimal | None
    current: Decimal | None
    difference: Decimal | None
    percent: Decimal | None
    trend: str
    verdict: str

    @property
    def arrow(self) -> str:
        return Trend(self.trend).arrow

    @property
    def trend_word(self) -> str:
        return Trend(self.trend).label

    @property
    def verdict_label(self) -> str:
        return Verdict(self.verdict).label

    @property
    def verdict_tag_class(self) -> str:
        return Verdict(self.verdict).tag_class


def percent_change(baseline: Decimal | None, current: Decimal | None) -> Decimal | None:
    """The change as a percentage of the baseline, to 1 d.p.; None if either is missing or 0."""
    if baseline is None or current is None or baseline == 0:
        return None
    return ((current - baseline) / abs(baseline) * 100).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )


def trend(baseline: Decimal | None, current: Decimal | None) -> str:
    """Rising, falling or level; level when the change is within LEVEL_WITHIN_PERCENT."""
    if baseline is None or current is None:
        return Trend.UNKNOWN
    difference = current - baseline
    if difference == 0:
        return Trend.LEVEL
    if baseline != 0 and abs(difference) / abs(baseline) * 100 < LEVEL_WITHIN_PERCENT:
        return Trend.LEVEL
    return Trend.UP if difference > 0 else Trend.DOWN


def verdict(direction: str, baseline: Decimal | None, current: Decimal | None) -> str:
    """Whether the change is good, read from the indicator's direction."""
    if baseline is None or current is None:
        return Verdict.UNKNOWN
    if direction == Direction.BELOW_BASELINE:
        if current < baseline:
            return Verdict.GOOD
        return Verdict.BAD if current > baseline else Verdict.NEUTRAL
    movement = trend(baseline, current)
    if direction == Direction.REDUCE:
        wanted, unwanted = Trend.DOWN, Trend.UP
    elif direction == Direction.INCREASE:
        wanted, unwanted = Trend.UP, Trend.DOWN
    else:  # MONITOR, or a direction this code does not know: no judgement either way
        return Verdict.NEUTRAL
    if movement == wanted:
        return Verdict.GOOD
    return Verdict.BAD if movement == unwanted else Verdict.NEUTRAL


def change(direction: str, baseline: Decimal | None, current: Decimal | None) -> Change:
    """Everything derived from one baseline and one current value."""
    difference = None if baseline is None or current is None else current - baseline
    return Change(
        baseline=baseline,
        current=current,
        difference=difference,
        percent=percent_change(baseline, current),
        trend=trend(baseline, current),
        verdict=verdict(direction, baseline, current),
    )


# --- How figures are written -------------------------------------------------------------------

MINUS = "\u2212"  # a true minus sign, as typeset reports use, not a hyphen


def _plain(number: Decimal) -> str:
    """Thousands separators, and no more decimal places than the figure has (up to 2)."""
    rounded = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return f"{abs(rounded):,.0f}"
    text = f"{abs(rounded):,.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_value(number: Decimal | None, unit: str = "count") -> str:
    """A value as the report writes it: '292,070', '77.4%', 'Not available'."""
    if number is None:
        return "Not available"
    sign = MINUS if number < 0 else ""
    suffix = "%" if unit == "percent" else ""
    return f"{sign}{_plain(number)}{suffix}"


def format_difference(number: Decimal | None, unit: str = "count") -> str:
    """A signed difference: '−33,188', '+7,185', '−2.9 points' (percentages move in points)."""
    if number is None:
        return ""
    sign = MINUS if number < 0 else ("+" if number > 0 else "")
    suffix = " points" if unit == "percent" else ""
    return f"{sign}{_plain(number)}{suffix}"


def format_percent(number: Decimal | None) -> str:
    """A signed percentage change: '−11.4%', '+15.9%', '0.0%'."""
    if number is None:
        return ""
    sign = MINUS if number < 0 else ("+" if number > 0 else "")
    return f"{sign}{abs(number):.1f}%"
