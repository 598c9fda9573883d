"""Gathering the Delivery Quarterly pack for a quarter: the one place that queries for it.

A pack is a record of a quarter, "as at" a day: by default the quarter's last day, or a later
(or earlier, within the quarter) day the reader chooses. Everything in it is as it stood then:

- Which plan: the plan in force at the quarter's end (its dates cover that day and it is not a
  draft); failing that, the current plan.
- Ratings: each priority's latest rating set on or before the as-at day.
- Figures: for each indicator of that plan, `tracker.plans.measures` as at the quarter's last day
  (or the as-at day, if earlier) — the current value is the latest ending on or before that day,
  the baseline the value a year before it (see that module). When a value was typed in does not
  matter: a quarter's figures are always entered after it ends.
- Actions: those linked to each priority, raised on or before the as-at day and outstanding on
  it, with their status, due date and latest update as they then were, limited to what the
  person asking may see: how many are overdue and how many otherwise open, and the first few of
  each (`delivery_quarterly.actions`); the CSV lists every one.

The builder (`delivery_quarterly.build_docx`) and the page take the `Pack` made here and run no
queries of their own.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.kit.limits import sane_year
from tracker.plans import measures
from tracker.plans.measures import Measure
from tracker.plans.models import Indicator, IndicatorValue, Plan, PlanStatus, Priority, Rating
from tracker.plans.queries import current_plan
from tracker.reports.delivery_quarterly import actions
from tracker.reports.delivery_quarterly.actions import ActionLine

QUARTER_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, written 2020-Q4 in addresses."""

    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        match = QUARTER_PATTERN.match(text.strip())
        if not match or not sane_year(int(match[1])):  # year 0001's previous quarter is in year 0
            raise ValueError(f"{text!r} is not a quarter like 2020-Q4")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def code(self) -> str:
        return f"{self.year}-Q{self.number}"

    @property
    def starts_on(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def ends_on(self) -> date:
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    @property
    def label(self) -> str:
        """'October to December 2020', as the report's cover says."""
        return f"{MONTHS[3 * self.number - 3]} to {MONTHS[3 * self.number - 1]} {self.year}"

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)


@dataclass(frozen=True)
class PrioritySection:
    id: int
    title: str
    rating: str  # "Red", "Amber", "Green" or ""
    rating_code: str
    rating_rationale: str
    rating_set_on: date | None
    measures: list[Measure]
    overdue: list[ActionLine] = field(default_factory=list)  # the most overdue first
    open: list[ActionLine] = field(default_factory=list)  # due soonest first
    overdue_count: int = 0
    open_count: int = 0

    @property
    def reported(self) -> list[Measure]:
        """The measures with a value for a period ending by the quarter's end."""
        return [m for m in self.measures if m.has_values]

    @property
    def unreported(self) -> list[Measure]:
        return [m for m in self.measures if not m.has_values]

    @property
    def actions_summary(self) -> str:
        """'2,249 actions outstanding, 1,888 of them overdue.'"""
        outstanding = self.overdue_count + self.open_count
        if not outstanding:
            return "No actions outstanding."
        noun = "action" if outstanding == 1 else "actions"
        return f"{outstanding:,} {noun} outstanding, {self.overdue_count:,} of them overdue."


@dataclass(frozen=True)
class Pack:
    quarter: Quarter
    plan_title: str
    as_at: date
    sections: list[PrioritySection]
    baseline_heading: str
    current_heading: str

    @property
    def title(self) -> str:
        return f"Delivery Quarterly – {self.quarter.label}"

    @property
    def figures_to(self) -> date:
        """The last day a figure's period may end on: the quarter's, or the as-at day if earlier."""
        return min(self.quarter.ends_on, self.as_at)


def plan_for(quarter: Quarter) -> Plan | None:
    """The plan in force at the quarter's end, or else the current plan."""
    end = quarter.ends_on
    in_force = db.session.scalar(
        sa.select(Plan)
        .where(Plan.status != PlanStatus.DRAFT, Plan.starts_on <= end,
               sa.or_(Plan.ends_on.is_(None), Plan.ends_on >= end))
        .order_by((Plan.status != PlanStatus.CURRENT), Plan.starts_on.desc())
        .limit(1)
    )
    return in_force if in_force is not None else current_plan()


def quarters_with_values() -> list[Quarter]:
    """Quarters to choose from, newest first: those in which a figure's period ends."""
    ends = db.session.scalars(
        sa.select(IndicatorValue.period_end).where(IndicatorValue.value.is_not(None)).distinct()
    )
    return sorted({Quarter.containing(end) for end in ends}, reverse=True)


def default_as_at(quarter: Quarter, today: date) -> date:
    """A pack is as at its quarter's last day; one for the quarter still running, as at today."""
    return min(quarter.ends_on, today)


def default_quarter(today: date) -> Quarter:
    """The quarter of the latest value up to today, or the last complete quarter."""
    latest = db.session.scalar(
        sa.select(sa.func.max(IndicatorValue.period_end)).where(IndicatorValue.period_end <= today)
    )
    return Quarter.containing(latest) if latest else Quarter.containing(today).previous()


def _most_common(labels: list[str], fallback: str) -> str:
    found = Counter(label for label in labels if label).most_common(1)
    return found[0][0] if found else fallback


def every_action(quarter: Quarter, user, as_at: date):
    """For the CSV, every action the pack counts: the priorities' titles by id (in the pack's
    order) and the lines, read as they are asked for; None when there is no plan at all."""
    plan = plan_for(quarter)
    if plan is None:
        return None
    titles = dict(db.session.execute(
        sa.select(Priority.id, Priority.title).where(Priority.plan_id == plan.id)
        .order_by(Priority.position, Priority.id)
    ).all())
    return titles, actions.every(list(titles), user, as_at)


def gather(quarter: Quarter, user, as_at: date) -> Pack | None:
    """The pack for a quarter as `user` may see it, as at a day; None when there is no plan at all.

    A fixed number of queries however many actions: two for the actions' counts and the listed
    few (`actions.listed`).
    """
    plan = plan_for(quarter)
    if plan is None:
        return None
    priorities = db.session.scalars(
        sa.select(Priority).where(Priority.plan_id == plan.id)
        .options(selectinload(Priority.ratings),
                 selectinload(Priority.indicators).selectinload(Indicator.values))
        .order_by(Priority.position, Priority.id)
    ).all()
    listed = actions.listed([p.id for p in priorities], user, as_at)
    figures_to = min(quarter.ends_on, as_at)
    sections = []
    for priority in priorities:
        latest = next((r for r in priority.ratings if r.set_on <= as_at), None)
        sections.append(PrioritySection(
            id=priority.id,
            title=priority.title,
            rating=Rating.label_of(latest.rating) if latest else "",
            rating_code=latest.rating if latest else "",
            rating_rationale=latest.rationale if latest else "",
            rating_set_on=latest.set_on if latest else None,
            measures=[measures.measure(i, figures_to) for i in priority.indicators],
            overdue=listed[priority.id].overdue,
            open=listed[priority.id].open,
            overdue_count=listed[priority.id].overdue_count,
            open_count=listed[priority.id].open_count,
        ))
    readings = [m.force for s in sections for m in s.measures]
    return Pack(
        quarter=quarter,
        plan_title=plan.title,
        as_at=as_at,
        sections=sections,
        baseline_heading=_most_common([r.baseline_label for r in readings], "Baseline"),
        current_heading=_most_common([r.current_label for r in readings], "Current period"),
    )
