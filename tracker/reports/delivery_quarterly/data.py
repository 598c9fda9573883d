"""Gathering the Delivery Quarterly pack for a quarter: the one place that queries for it.

Which plan: the plan in force at the quarter's end (its dates cover that day and it is not a
draft); failing that, the current plan. Which figures: for each indicator of that plan,
`tracker.plans.measures` as at the quarter's last day — the current value is the latest ending on
or before that day, the baseline the value a year before it (see that module). Which actions:
those linked to each priority that are still open (overdue ones first), as at today, limited to
what the person asking may see; the pack is about the work still to do.

The builder (`delivery_quarterly.build_docx`) and the page take the `Pack` made here and run no
queries of their own.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.actions import queries
from tracker.actions.models import Action, action_priority
from tracker.extensions import db
from tracker.kit.limits import sane_year
from tracker.plans import measures
from tracker.plans.measures import Measure
from tracker.plans.models import Indicator, IndicatorValue, Plan, PlanStatus, Priority, Rating
from tracker.plans.queries import current_plan

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
class ActionLine:
    id: int
    reference: str
    text: str
    owner: str
    lead: str
    due_on: date | None
    status_label: str
    days_overdue: int
    confidential: bool


@dataclass(frozen=True)
class PrioritySection:
    id: int
    title: str
    rating: str  # "Red", "Amber", "Green" or ""
    rating_code: str
    rating_rationale: str
    rating_set_on: date | None
    measures: list[Measure]
    overdue: list[ActionLine] = field(default_factory=list)
    open: list[ActionLine] = field(default_factory=list)

    @property
    def reported(self) -> list[Measure]:
        """The measures with a value for a period ending by the quarter's end."""
        return [m for m in self.measures if m.has_values]

    @property
    def unreported(self) -> list[Measure]:
        return [m for m in self.measures if not m.has_values]


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


def quarters_with_values(today: date) -> list[Quarter]:
    """Quarters to choose from, newest first: from the earliest value to the current quarter."""
    first, last = db.session.execute(
        sa.select(sa.func.min(IndicatorValue.period_end), sa.func.max(IndicatorValue.period_end))
    ).one()
    newest = Quarter.containing(today)
    oldest = Quarter.containing(first) if first else newest.previous()
    found, quarter = [], newest
    while quarter >= oldest and len(found) < 60:
        found.append(quarter)
        quarter = quarter.previous()
    return found


def default_quarter(today: date) -> Quarter:
    """The quarter of the latest value up to today, or the last complete quarter."""
    latest = db.session.scalar(
        sa.select(sa.func.max(IndicatorValue.period_end)).where(IndicatorValue.period_end <= today)
    )
    return Quarter.containing(latest) if latest else Quarter.containing(today).previous()


def _action_line(action: Action, as_at: date) -> ActionLine:
    return ActionLine(
        id=action.id, reference=action.reference, text=action.text,
        owner=action.owner.short_name or action.owner.name,
        lead=action.lead.name if action.lead else "", due_on=action.due_on,
        status_label=action.status_label, days_overdue=action.days_overdue(as_at),
        confidential=action.confidential,
    )


def _most_common(labels: list[str], fallback: str) -> str:
    found = Counter(label for label in labels if label).most_common(1)
    return found[0][0] if found else fallback


def gather(quarter: Quarter, user, as_at: date) -> Pack | None:
    """The pack for a quarter as `user` may see it; None when there is no plan at all."""
    plan = plan_for(quarter)
    if plan is None:
        return None
    priorities = db.session.scalars(
        sa.select(Priority).where(Priority.plan_id == plan.id)
        .options(selectinload(Priority.ratings),
                 selectinload(Priority.indicators).selectinload(Indicator.values))
        .order_by(Priority.position, Priority.id)
    ).all()
    actions = db.session.scalars(
        queries.visible(user)
        .options(selectinload(Action.priorities))
        .where(
            Action.id.in_(
                sa.select(action_priority.c.action_id)
                .where(action_priority.c.priority_id.in_([p.id for p in priorities]))
            ),
            queries.outstanding_condition(),
        )
    ).all()
    sections = []
    for priority in priorities:
        linked = [a for a in actions if priority in a.priorities]
        linked.sort(key=lambda a: (-a.days_overdue(as_at), a.due_on or date.max, a.reference))
        latest = priority.ratings[0] if priority.ratings else None
        sections.append(PrioritySection(
            id=priority.id,
            title=priority.title,
            rating=Rating.label_of(latest.rating) if latest else "",
            rating_code=latest.rating if latest else "",
            rating_rationale=latest.rationale if latest else "",
            rating_set_on=latest.set_on if latest else None,
            measures=[measures.measure(i, quarter.ends_on) for i in priority.indicators],
            overdue=[_action_line(a, as_at) for a in linked if a.is_overdue(as_at)],
            open=[_action_line(a, as_at) for a in linked if not a.is_overdue(as_at)],
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
