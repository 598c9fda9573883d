"""What people do with plans: add and copy plans, rate priorities, enter values.

Plain functions over model objects. They add to the session and flush where an id is needed;
the view commits, so each change is one transaction and an error leaves nothing half-saved.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from tracker import audit
from tracker.extensions import db
from tracker.kit.conflicts import save
from tracker.kit.dates import today
from tracker.plans import performance
from tracker.plans.csv_upload import Row
from tracker.plans.models import (
    CrossCuttingTheme,
    Indicator,
    IndicatorValue,
    Objective,
    Outcome,
    Plan,
    PlanStatus,
    Priority,
    PriorityRating,
)

# "Closed in the last quarter" on a priority's page: the last three months.


class ValueAlreadyStored(Exception):
    """A value for that indicator, period end and district exists; replacing it was not asked."""

    def __init__(self, existing: IndicatorValue):
        super().__init__("value already stored")
        self.existing = existing


def already_stored(existing: IndicatorValue) -> str:
    """What a person is told of a value that is already stored."""
    return (f"A value for {existing.indicator.name}, {existing.period_label}, {existing.district} "
            f"is already stored "
            f"({performance.format_value(existing.value, existing.indicator.unit)})")


# --- Reading ------------------------------------------------------------------------------------


def plans_in_order() -> list[Plan]:
    """Every plan, the current one first, then the newest; priorities and themes loaded."""
    return list(
        db.session.scalars(
            sa.select(Plan)
            .options(selectinload(Plan.priorities).selectinload(Priority.ratings),
                     selectinload(Plan.themes))
            .order_by(
                sa.case((Plan.status == PlanStatus.CURRENT, 0), (Plan.status == PlanStatus.DRAFT, 1),
                        else_=2),
                Plan.starts_on.desc().nulls_last(),
                Plan.id.desc(),
            )
        )
    )


def stored_keys(plan: Plan) -> dict[tuple[int, date, str], str]:
    """(indicator id, period end, district) → value text, for every value of the plan's indicators."""
    return _stored_keys(Priority.plan_id == plan.id)


def stored_keys_of(indicator_ids: Iterable[int]) -> dict[tuple[int, date, str], str]:
    """As `stored_keys`, for the values of the indicators given (from any plans)."""
    return _stored_keys(Indicator.id.in_(list(indicator_ids)))


def _stored_keys(which: sa.ColumnElement) -> dict[tuple[int, date, str], str]:
    rows = db.session.execute(
        sa.select(IndicatorValue.indicator_id, IndicatorValue.period_end, IndicatorValue.district,
                  IndicatorValue.value, Indicator.unit)
        .join(Indicator)
        .join(Priority)
        .where(which)
    )
    return {(r[0], r[1], r[2]): performance.format_value(r[3], r[4]) for r in rows}


def indicators_by_id(ids: Iterable[int]) -> dict[int, Indicator]:
    """The indicators with those ids that exist, each with its priority and plan (one query)."""
    found = db.session.scalars(
        sa.select(Indicator).where(Indicator.id.in_(list(ids)))
        .options(joinedload(Indicator.priority).joinedload(Priority.plan))
    )
    return {indicator.id: indicator for indicator in found}


def plan_indicators(plan: Plan) -> list[Indicator]:
    return list(
        db.session.scalars(
            sa.select(Indicator).join(Priority).where(Priority.plan_id == plan.id)
            .order_by(Priority.position, Indicator.position, Indicator.id)
        )
    )


# --- Plans --------------------------------------------------------------------------------------


def add_plan(user, *, title: str, version_label: str = "", starts_on: date | None = None,
             ends_on: date | None = None) -> Plan:
    """A new, empty draft plan."""
    plan = Plan(title=title, version_label=version_label, starts_on=starts_on, ends_on=ends_on,
                status=PlanStatus.DRAFT)
    db.session.add(plan)
    db.session.flush()
    audit.record(user, "plan.added", plan, f"Added the plan {title}")
    save()
    return plan


def copy_plan(source: Plan, user, *, title: str, version_label: str = "",
              starts_on: date | None = None, ends_on: date | None = None, carry=None) -> Plan:
    """A new draft version of a plan: its priorities, themes, objectives, outcomes, indicators
    and their values copied, in the same order; the source plan is left exactly as it was.

    `carry(source, copy)`, if given, runs in the same transaction before it commits: the actions
    domain's `plan_links.carry_forward` links outstanding actions to the copies.
    """
    plan = Plan(title=title, version_label=version_label, starts_on=starts_on, ends_on=ends_on,
                status=PlanStatus.DRAFT, copied_from=source)
    db.session.add(plan)
    for theme in source.themes:
        plan.themes.append(CrossCuttingTheme(position=theme.position, title=theme.title,
                                             summary=theme.summary))
    for old in source.priorities:
        new = Priority(position=old.position, title=old.title, summary=old.summary)
        plan.priorities.append(new)
        new.objectives = [Objective(position=o.position, text=o.text) for o in old.objectives]
        new.outcomes = [Outcome(position=o.position, text=o.text) for o in old.outcomes]
        for old_indicator in old.indicators:
            indicator = Indicator(
                position=old_indicator.position, name=old_indicator.name,
                source=old_indicator.source, measure_type=old_indicator.measure_type,
                metric=old_indicator.metric, direction=old_indicator.direction,
                unit=old_indicator.unit,
            )
            new.indicators.append(indicator)
            indicator.values = [
                IndicatorValue(period_label=v.period_label, period_end=v.period_end,
                               district=v.district, value=v.value, note=v.note, comment=v.comment,
                               created_by_id=v.created_by_id)
                for v in old_indicator.values
            ]
    db.session.flush()
    audit.record(user, "plan.copied", plan, f"Copied {source.title} into {title}",
                 copied_from=source.id)
    if carry is not None:
        carry(source, plan)
    save()
    return plan


def make_current(plan: Plan, user) -> None:
    """Make `plan` the current plan; the plan that was current is archived, not deleted."""
    for other in db.session.scalars(sa.select(Plan).where(Plan.status == PlanStatus.CURRENT)):
        if other is not plan:
            other.status = PlanStatus.ARCHIVED
    plan.status = PlanStatus.CURRENT
    audit.record(user, "plan.made_current", plan, f"Made {plan.title} the current plan")
    save()


def add_priority(plan: Plan, user, *, title: str, summary: str = "") -> Priority:
    priority = Priority(title=title, summary=summary, position=len(plan.priorities) + 1)
    plan.priorities.append(priority)
    db.session.flush()
    audit.record(user, "priority.added", priority, f"Added the priority {title} to {plan.title}")
    save()
    return priority


def add_theme(plan: Plan, user, *, title: str, summary: str = "") -> CrossCuttingTheme:
    theme = CrossCuttingTheme(title=title, summary=summary, position=len(plan.themes) + 1)
    plan.themes.append(theme)
    db.session.flush()
    audit.record(user, "theme.added", theme, f"Added the cross-cutting theme {title}")
    save()
    return theme


def add_objective(priority: Priority, user, *, kind: str, text: str) -> Objective | Outcome:
    """An objective ('what we will do') or an outcome ('what we want to see') of a priority."""
    if kind == "outcome":
        item: Objective | Outcome = Outcome(text=text, position=len(priority.outcomes) + 1)
        priority.outcomes.append(item)
    else:
        item = Objective(text=text, position=len(priority.objectives) + 1)
        priority.objectives.append(item)
    db.session.flush()
    audit.record(user, f"{kind}.added", item, f"Added an {kind} to {priority.title}")
    save()
    return item


def add_indicator(priority: Priority, user, **fields) -> Indicator:
    indicator = Indicator(position=len(priority.indicators) + 1, **fields)
    priority.indicators.append(indicator)
    db.session.flush()
    audit.record(user, "indicator.added", indicator, f"Added the indicator {indicator.name}")
    save()
    return indicator


def set_rating(priority: Priority, user, *, rating: str, rationale: str,
               set_on: date | None = None) -> PriorityRating:
    """A new Red/Amber/Green rating; earlier ratings are kept as the priority's history."""
    entry = PriorityRating(rating=rating, rationale=rationale, set_on=set_on or today(),
                           set_by_id=getattr(user, "id", None))
    priority.ratings.insert(0, entry)
    db.session.flush()
    audit.record(user, "priority.rated", priority, f"Rated {priority.title} {rating}",
                 rating=rating)
    save()
    return entry


# --- Values -------------------------------------------------------------------------------------


def add_value(indicator: Indicator, user, *, period_label: str, period_end: date, district: str,
              value: Decimal | None, note: str = "", comment: str = "",
              replace: bool = False) -> IndicatorValue:
    """Store one period's value; a value already stored is replaced only when asked."""
    existing = db.session.scalar(
        sa.select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator.id,
            IndicatorValue.period_end == period_end,
            IndicatorValue.district == district,
        )
    )
    if existing is not None and not replace:
        raise ValueAlreadyStored(existing)
    target = existing or IndicatorValue(indicator=indicator, period_end=period_end,
                                        district=district)
    before = performance.format_value(existing.value, indicator.unit) if existing else None
    target.period_label = period_label
    target.value = value
    target.note = note
    target.comment = comment
    target.created_by_id = getattr(user, "id", None)
    db.session.add(target)
    db.session.flush()
    after = performance.format_value(value, indicator.unit)
    summary = (f"{indicator.name}, {district}, {period_label}: "
               + (f"{before} corrected to {after}" if existing else after))
    audit.record(user, "indicator_value.corrected" if existing else "indicator_value.added",
                 target, summary)
    save()
    return target


def save_upload(rows: list[Row], user, filename: str) -> int:
    """Store every checked row of an uploaded file or API batch, all or none, in one commit.

    A row stored by someone else between the check and the commit refuses the whole upload with
    ValueAlreadyStored, as entering that one value would.
    """
    try:
        for row in rows:
            db.session.add(IndicatorValue(
                indicator=row.indicator, period_label=row.period_label, period_end=row.period_end,
                district=row.district, value=row.value, note=row.note, comment=row.comment,
                created_by_id=getattr(user, "id", None),
            ))
        db.session.flush()
        if rows:
            audit.record(user, "indicator_values.uploaded", rows[0].indicator.priority.plan,
                         f"Uploaded {len(rows)} values from {filename}", rows=len(rows))
        save()
    except IntegrityError:
        db.session.rollback()
        clash = _first_stored(rows)
        if clash is None:
            raise
        raise ValueAlreadyStored(clash) from None
    return len(rows)


def _first_stored(rows: list[Row]) -> IndicatorValue | None:
    """The first of `rows` whose indicator, period end and district now has a value stored."""
    stored = _stored_keys(Indicator.id.in_({row.indicator.id for row in rows}))
    for row in rows:
        if (row.indicator.id, row.period_end, row.district) in stored:
            return db.session.scalar(sa.select(IndicatorValue).where(
                IndicatorValue.indicator_id == row.indicator.id,
                IndicatorValue.period_end == row.period_end,
                IndicatorValue.district == row.district,
            ))
    return None
