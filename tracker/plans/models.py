"""The Police and Crime Plan (and partnership plans): priorities, themes, indicators, values."""

from datetime import date, datetime
from decimal import Decimal
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import NEVER_REUSE_IDS, db
from tracker.kit.dates import utcnow
from tracker.kit.enums import LabelledEnum

DISTRICTS = ("Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield")
FORCE = "West Yorkshire"


class PlanStatus(LabelledEnum):
    DRAFT = "draft", "Draft"
    CURRENT = "current", "Current"
    ARCHIVED = "archived", "Archived"


class Direction(LabelledEnum):
    """Which way an indicator should move; decides whether a change is good."""

    REDUCE = "reduce", "Reduce"
    INCREASE = "increase", "Increase"
    BELOW_BASELINE = "below_baseline", "Keep below baseline"
    MONITOR = "monitor", "Monitor"


class Rating(LabelledEnum):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"


class Plan(db.Model):
    __tablename__ = "plan"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    version_label: Mapped[str] = mapped_column(sa.String(100), default="")
    starts_on: Mapped[date | None] = mapped_column(sa.Date)
    ends_on: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[str] = mapped_column(sa.String(20), default=PlanStatus.DRAFT)
    copied_from_id: Mapped[int | None] = mapped_column(sa.ForeignKey("plan.id"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    copied_from: Mapped[Optional["Plan"]] = relationship(remote_side=[id])
    priorities: Mapped[list["Priority"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Priority.position"
    )
    themes: Mapped[list["CrossCuttingTheme"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="CrossCuttingTheme.position"
    )

    def __str__(self) -> str:
        return self.title

    @property
    def is_current(self) -> bool:
        return self.status == PlanStatus.CURRENT

    @property
    def version_name(self) -> str:
        """The plan told apart from its other versions of the same title."""
        return version_name(self.title, self.version_label, self.status, self.starts_on)


def version_name(title: str, version_label: str, status: str, starts_on: date | None) -> str:
    """A plan's title with what tells this version from others of the same title: its label, its
    start date when it has none, and its status unless it is in force. For example
    "Police and Crime Plan 2021-24 (Panel draft, archived)"."""
    parts = [version_label] if version_label else []
    if not version_label and starts_on:
        parts.append(f"from {starts_on.day} {starts_on:%B %Y}")
    if status != PlanStatus.CURRENT:
        parts.append(PlanStatus.label_of(status).lower())
    return f"{title} ({', '.join(parts)})" if parts else title


class Priority(db.Model):
    __tablename__ = "priority"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(300))
    summary: Mapped[str] = mapped_column(sa.Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="priorities")
    objectives: Mapped[list["Objective"]] = relationship(
        back_populates="priority", cascade="all, delete-orphan", order_by="Objective.position"
    )
    outcomes: Mapped[list["Outcome"]] = relationship(
        back_populates="priority", cascade="all, delete-orphan", order_by="Outcome.position"
    )
    indicators: Mapped[list["Indicator"]] = relationship(
        back_populates="priority", cascade="all, delete-orphan", order_by="Indicator.position"
    )
    ratings: Mapped[list["PriorityRating"]] = relationship(
        back_populates="priority",
        cascade="all, delete-orphan",
        order_by="PriorityRating.set_on.desc(), PriorityRating.id.desc()",
    )
    actions: Mapped[list["Action"]] = relationship(  # noqa: F821
        secondary="action_priority", back_populates="priorities"
    )

    def __str__(self) -> str:
        return self.title

    @property
    def versioned_title(self) -> str:
        """The title, and the plan's version when it is not the plan in force: two versions of a
        plan often share their priorities' titles."""
        if self.plan.is_current:
            return self.title
        return f"{self.title} ({self.plan.version_name})"


class Objective(db.Model):
    __tablename__ = "objective"

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(sa.Text)

    priority: Mapped[Priority] = relationship(back_populates="objectives")


class Outcome(db.Model):
    __tablename__ = "outcome"

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(sa.Text)

    priority: Mapped[Priority] = relationship(back_populates="outcomes")


class CrossCuttingTheme(db.Model):
    __tablename__ = "cross_cutting_theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plan.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(300))
    summary: Mapped[str] = mapped_column(sa.Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="themes")


class PriorityRating(db.Model):
    """A Red/Amber/Green judgement on a priority, with its rationale and when it was made."""

    __tablename__ = "priority_rating"

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"), index=True)
    rating: Mapped[str] = mapped_column(sa.String(10))
    rationale: Mapped[str] = mapped_column(sa.Text, default="")
    set_on: Mapped[date] = mapped_column(sa.Date)
    set_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    priority: Mapped[Priority] = relationship(back_populates="ratings")
    set_by: Mapped[Optional["User"]] = relationship()  # noqa: F821


class Indicator(db.Model):
    __tablename__ = "indicator"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    # Short name used in tables and CSV uploads, e.g. "Total recorded crime".
    name: Mapped[str] = mapped_column(sa.String(300))
    # Where it comes from: National Crime and Policing Measures, Mayoral Priority, LCJB.
    source: Mapped[str] = mapped_column(sa.String(100), default="")
    # Who measures it: Police, Partnership, WYCA, VRU.
    measure_type: Mapped[str] = mapped_column(sa.String(50), default="")
    # The metric as the plan words it, e.g. "Reduce number of Homicides".
    metric: Mapped[str] = mapped_column(sa.Text, default="")
    direction: Mapped[str] = mapped_column(sa.String(20), default=Direction.MONITOR)
    # count, rate, percent, ...: how values are shown.
    unit: Mapped[str] = mapped_column(sa.String(20), default="count")

    priority: Mapped[Priority] = relationship(back_populates="indicators")
    values: Mapped[list["IndicatorValue"]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", order_by="IndicatorValue.period_end"
    )
    actions: Mapped[list["Action"]] = relationship(  # noqa: F821
        secondary="action_indicator", back_populates="indicators"
    )

    def __str__(self) -> str:
        return self.name


class IndicatorValue(db.Model):
    """A value of an indicator for a period, for the force or one district."""

    __tablename__ = "indicator_value"
    __table_args__ = (sa.UniqueConstraint("indicator_id", "period_end", "district"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(sa.ForeignKey("indicator.id"), index=True)
    period_label: Mapped[str] = mapped_column(sa.String(100))
    period_end: Mapped[date] = mapped_column(sa.Date)
    # The force total is stored under FORCE, never as NULL, so the unique constraint holds.
    district: Mapped[str] = mapped_column(sa.String(40), default=FORCE)
    # None means "not available" for that period.
    value: Mapped[Decimal | None] = mapped_column(sa.Numeric(18, 4))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id"))

    indicator: Mapped[Indicator] = relationship(back_populates="values")
