"""The plan as the other domains read it: the current plan, and (id, label) pairs for choices."""

from collections.abc import Iterable
from functools import cache

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from tracker.auth.models import User
from tracker.extensions import db
from tracker.plans.models import (
    Indicator,
    Plan,
    PlanStatus,
    Priority,
    PriorityRating,
    version_name,
)


def current_plan(*loads) -> Plan | None:
    """The plan in force: the newest of those marked current (there is one unless mid-change)."""
    return db.session.scalar(
        sa.select(Plan)
        .where(Plan.status == PlanStatus.CURRENT)
        .options(*loads)
        .order_by(Plan.starts_on.desc().nulls_last(), Plan.id.desc())
        .limit(1)
    )


def current_plan_with_indicators() -> Plan | None:
    return current_plan(selectinload(Plan.priorities).selectinload(Priority.indicators))


def _offered(*, earlier: bool, keep) -> sa.ColumnElement:
    """Which plans' records a choice offers: the plans in force; with `earlier`, every version;
    and always the records in `keep` (what an action is linked to, or a filter already chosen)."""
    if earlier:
        return sa.true()
    return sa.or_(Plan.status == PlanStatus.CURRENT, keep)


# Plans in force first, then the others newest first; a version's records together.
_PLAN_ORDER = (
    sa.case((Plan.status == PlanStatus.CURRENT, 0), else_=1),
    Plan.starts_on.desc().nulls_last(),
    Plan.id.desc(),
)

# The ids to `keep`, as a parameter: each statement below is built once, for `earlier` or not, as
# the register's filters run them on every view.
_KEEP = sa.bindparam("keep", expanding=True)


@cache
def _priority_choices(earlier: bool) -> sa.Select:
    return (
        sa.select(
            Priority.id, Priority.title, Plan.title, Plan.version_label, Plan.status, Plan.starts_on
        )
        .join(Plan, Priority.plan_id == Plan.id)
        .where(_offered(earlier=earlier, keep=Priority.id.in_(_KEEP)))
        .order_by(*_PLAN_ORDER, Priority.position, Priority.id)
    )


def priority_choices(*, earlier: bool = False, keep: Iterable[int] = ()) -> list[tuple[int, str]]:
    """The priorities of the plans in force, each labelled with its plan. With `earlier`, those of
    every other version too, and any in `keep`, labelled with their version (`Plan.version_name`),
    so two versions of one plan never offer the same label. One query."""
    rows = db.session.connection().execute(
        _priority_choices(earlier), {"keep": [int(pid) for pid in keep]}
    )
    return [
        (pid, f"{title} ({plan if status == PlanStatus.CURRENT else version_name(plan, label, status, starts)})")
        for pid, title, plan, label, status, starts in rows
    ]


@cache
def _indicator_choices(earlier: bool) -> sa.Select:
    return (
        sa.select(
            Indicator.id, Indicator.name, Plan.title, Plan.version_label, Plan.status, Plan.starts_on
        )
        .join(Priority, Indicator.priority_id == Priority.id)
        .join(Plan, Priority.plan_id == Plan.id)
        .where(_offered(earlier=earlier, keep=Indicator.id.in_(_KEEP)))
        .order_by(*_PLAN_ORDER, Indicator.name, Indicator.id)
    )


def indicator_choices(*, earlier: bool = False, keep: Iterable[int] = ()) -> list[tuple[int, str]]:
    """The indicators of the plans in force by name; with `earlier`, and for any in `keep`, those of
    other versions too, labelled with their version. One query."""
    rows = db.session.connection().execute(
        _indicator_choices(earlier), {"keep": [int(iid) for iid in keep]}
    )
    return [
        (iid, name if status == PlanStatus.CURRENT else f"{name} ({version_name(plan, label, status, starts)})")
        for iid, name, plan, label, status, starts in rows
    ]


def load_plan(plan_id: int) -> Plan:
    """A plan with what its page (and the API's) shows, or 404."""
    return db.one_or_404(
        sa.select(Plan).where(Plan.id == plan_id).options(
            selectinload(Plan.priorities).selectinload(Priority.ratings),
            selectinload(Plan.priorities).selectinload(Priority.indicators),
            selectinload(Plan.themes),
            selectinload(Plan.copied_from),
        )
    )


def load_priority(priority_id: int) -> Priority:
    """A priority with what its page (and the API's) shows, or 404."""
    return db.one_or_404(
        sa.select(Priority).where(Priority.id == priority_id).options(
            joinedload(Priority.plan),
            selectinload(Priority.objectives),
            selectinload(Priority.outcomes),
            selectinload(Priority.ratings).joinedload(PriorityRating.set_by).joinedload(User.person),
            selectinload(Priority.indicators).selectinload(Indicator.values),
        )
    )


def load_indicator(indicator_id: int) -> Indicator:
    """An indicator with its priority, plan and values, or 404."""
    return db.one_or_404(
        sa.select(Indicator).where(Indicator.id == indicator_id).options(
            joinedload(Indicator.priority).joinedload(Priority.plan),
            selectinload(Indicator.values),
        )
    )
