"""What people do with plans: add and copy plans, rate priorities, enter values, link actions.

Plain functions over model objects. They add to the session and flush where an id is needed;
the view commits, so each change is one transaction and an error leaves nothing half-saved.
"""

from datetime import date, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker import audit
from tracker.actions import queries
from tracker.actions.models import (
    FINISHED_STATUSES,
    Action,
    ActionUpdate,
    action_priority,
)
from tracker.extensions import db
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
RECENTLY_CLOSED_DAYS = 91


class ValueAlreadyStored(Exception):
    """A value for that indicator, period end and district exists; replacing it was not asked."""

    def __init__(self, existing: IndicatorValue):
        super().__init__("value already stored")
        self.existing = existing


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


def current_plan() -> Plan | None:
    return db.session.scalar(
        sa.select(Plan).where(Plan.status == PlanStatus.CURRENT).order_by(Plan.id.desc()).limit(1)
    )


def priority_actions(priority: Priority, user, as_at: date) -> dict[str, list[Action]]:
    """The actions linked to a priority that `user` may see: overdue, open, recently closed."""
    since = as_at - timedelta(days=RECENTLY_CLOSED_DAYS)
    actions = db.session.scalars(
        queries.visible(user)
        .join(action_priority, action_priority.c.action_id == Action.id)
        .where(action_priority.c.priority_id == priority.id)
        .where(
            sa.or_(
                queries.outstanding_condition(),
                sa.and_(Action.status.in_(FINISHED_STATUSES), Action.closed_on >= since),
            )
        )
        .order_by(Action.due_on.nulls_last(), Action.reference)
    ).all()
    return {
        "overdue": [a for a in actions if a.is_overdue(as_at)],
        "open": [a for a in actions if a.is_outstanding and not a.is_overdue(as_at)],
        "closed": sorted(
            (a for a in actions if not a.is_outstanding),
            key=lambda a: (a.closed_on or as_at),
            reverse=True,
        ),
    }


def indicator_actions(indicator: Indicator, user) -> list[Action]:
    """The actions linked to an indicator that `user` may see, outstanding first."""
    from tracker.actions.models import action_indicator

    actions = db.session.scalars(
        queries.visible(user)
        .join(action_indicator, action_indicator.c.action_id == Action.id)
        .where(action_indicator.c.indicator_id == indicator.id)
        .order_by(Action.due_on.nulls_last(), Action.reference)
    ).all()
    return sorted(actions, key=lambda a: not a.is_outstanding)


def stored_keys(plan: Plan) -> dict[tuple[int, date, str], str]:
    """(indicator id, period end, district) → value text, for every value of the plan's indicators."""
    rows = db.session.execute(
        sa.select(IndicatorValue.indicator_id, IndicatorValue.period_end, IndicatorValue.district,
                  IndicatorValue.value, Indicator.unit)
        .join(Indicator)
        .join(Priority)
        .where(Priority.plan_id == plan.id)
    )
    return {(r[0], r[1], r[2]): performance.format_value(r[3], r[4]) for r in rows}


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
    return plan


def copy_plan(source: Plan, user, *, title: str, version_label: str = "",
              starts_on: date | None = None, ends_on: date | None = None) -> Plan:
    """A new draft version of a plan: its priorities, themes, objectives, outcomes, indicators
    and their values copied; the source plan is left exactly as it was.

    Outstanding actions linked to the source's priorities and indicators are linked to the
    copies as well (each action's history says so), so work in flight follows the new plan;
    the old links stay, so the old plan keeps its history.
    """
    plan = Plan(title=title, version_label=version_label, starts_on=starts_on, ends_on=ends_on,
                status=PlanStatus.DRAFT, copied_from=source)
    db.session.add(plan)
    for theme in source.themes:
        plan.themes.append(CrossCuttingTheme(position=theme.position, title=theme.title,
                                             summary=theme.summary))
    carried: dict[Action, list[str]] = {}
    for old in source.priorities:
        new = Priority(position=old.position, title=old.title, summary=old.summary)
        plan.priorities.append(new)
        new.objectives = [Objective(position=o.position, text=o.text) for o in old.objectives]
        new.outcomes = [Outcome(position=o.position, text=o.text) for o in old.outcomes]
        for action in old.actions:
            if action.is_outstanding:
                action.priorities.append(new)
                carried.setdefault(action, []).append(f"priority {new.title}")
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
            for action in old_indicator.actions:
                if action.is_outstanding:
                    action.indicators.append(indicator)
                    carried.setdefault(action, []).append(f"indicator {indicator.name}")
    db.session.flush()
    for action, links in carried.items():
        record_links(action, user, f"Carried into the new plan version {title}: {'; '.join(links)}.",
                     {"plan": [source.title, title]})
    audit.record(user, "plan.copied", plan, f"Copied {source.title} into {title}",
                 copied_from=source.id)
    return plan


def make_current(plan: Plan, user) -> None:
    """Make `plan` the current plan; the plan that was current is archived, not deleted."""
    for other in db.session.scalars(sa.select(Plan).where(Plan.status == PlanStatus.CURRENT)):
        if other is not plan:
            other.status = PlanStatus.ARCHIVED
    plan.status = PlanStatus.CURRENT
    audit.record(user, "plan.made_current", plan, f"Made {plan.title} the current plan")


def add_priority(plan: Plan, user, *, title: str, summary: str = "") -> Priority:
    priority = Priority(title=title, summary=summary, position=len(plan.priorities) + 1)
    plan.priorities.append(priority)
    db.session.flush()
    audit.record(user, "priority.added", priority, f"Added the priority {title} to {plan.title}")
    return priority


def add_theme(plan: Plan, user, *, title: str, summary: str = "") -> CrossCuttingTheme:
    theme = CrossCuttingTheme(title=title, summary=summary, position=len(plan.themes) + 1)
    plan.themes.append(theme)
    db.session.flush()
    audit.record(user, "theme.added", theme, f"Added the cross-cutting theme {title}")
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
    return item


def add_indicator(priority: Priority, user, **fields) -> Indicator:
    indicator = Indicator(position=len(priority.indicators) + 1, **fields)
    priority.indicators.append(indicator)
    db.session.flush()
    audit.record(user, "indicator.added", indicator, f"Added the indicator {indicator.name}")
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
    return target


def save_upload(rows: list[Row], user, filename: str) -> int:
    """Store every checked row of an uploaded file (all or none: the caller commits once)."""
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
    return len(rows)


# --- Links between actions and the plan ---------------------------------------------------------


def record_links(action: Action, user, note: str, changes: dict) -> ActionUpdate:
    """An entry in the action's history saying how its links to the plan changed."""
    entry = ActionUpdate(action=action, author_id=getattr(user, "id", None), kind="links",
                         note=note, changes=changes)
    db.session.add(entry)
    return entry


def _names(items) -> list[str]:
    return sorted(str(item) for item in items)


def link_action(priority: Priority, action: Action, user,
                indicators: list[Indicator] = ()) -> bool:
    """Link an action to a priority and (optionally) some of its indicators. False if nothing
    changed (it was linked already)."""
    before_p, before_i = _names(action.priorities), _names(action.indicators)
    if priority not in action.priorities:
        action.priorities.append(priority)
    for indicator in indicators:
        if indicator.priority_id == priority.id and indicator not in action.indicators:
            action.indicators.append(indicator)
    after_p, after_i = _names(action.priorities), _names(action.indicators)
    if (before_p, before_i) == (after_p, after_i):
        return False
    added = [f"priority {priority.title}"] if before_p != after_p else []
    added += [f"indicator {i.name}" for i in indicators if i.name not in before_i]
    changes = {}
    if before_p != after_p:
        changes["priorities"] = [before_p, after_p]
    if before_i != after_i:
        changes["indicators"] = [before_i, after_i]
    record_links(action, user, "Linked to " + "; ".join(added) + ".", changes)
    audit.record(user, "action.linked", action, f"Linked {action.reference} to {priority.title}")
    return True


def unlink_action(priority: Priority, action: Action, user) -> bool:
    """Remove an action's link to a priority and to that priority's indicators."""
    before_p, before_i = _names(action.priorities), _names(action.indicators)
    if priority in action.priorities:
        action.priorities.remove(priority)
    for indicator in [i for i in action.indicators if i.priority_id == priority.id]:
        action.indicators.remove(indicator)
    after_p, after_i = _names(action.priorities), _names(action.indicators)
    if (before_p, before_i) == (after_p, after_i):
        return False
    changes = {"priorities": [before_p, after_p]}
    if before_i != after_i:
        changes["indicators"] = [before_i, after_i]
    record_links(action, user, f"Unlinked from priority {priority.title}.", changes)
    audit.record(user, "action.unlinked", action,
                 f"Unlinked {action.reference} from {priority.title}")
    return True
