"""The plan as the other domains read it: the current plan, and (id, label) pairs for choices."""

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.extensions import db
from tracker.plans.models import Indicator, Plan, PlanStatus, Priority


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


def priority_choices() -> list[tuple[int, str]]:
    """Every plan's priorities, newest plan first, each labelled with its plan."""
    rows = db.session.execute(
        sa.select(Priority.id, Priority.title, Plan.title)
        .join(Plan, Priority.plan_id == Plan.id)
        .order_by(Plan.starts_on.desc(), Plan.id.desc(), Priority.position)
    )
    return [(pid, f"{title} ({plan})") for pid, title, plan in rows]


def indicator_choices() -> list[tuple[int, str]]:
    return list(
        db.session.execute(
            sa.select(Indicator.id, Indicator.name).order_by(Indicator.name, Indicator.id)
        )
    )


