"""Queries over actions shared by the register, home pages and reports."""

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import selectinload

from tracker.actions.models import Action, ActionStatus
from tracker.auth.permissions import confidential_filter
from tracker.meetings.models import Meeting


def visible(user) -> sa.Select:
    """Every action `user` may see, with what list pages show loaded up front."""
    query = sa.select(Action).options(
        selectinload(Action.owner),
        selectinload(Action.lead),
        selectinload(Action.meeting).selectinload(Meeting.meeting_type),
        selectinload(Action.agenda_item),
    )
    condition = confidential_filter(user)
    return query if condition is None else query.where(condition)


def outstanding_condition():
    return Action.status.in_(ActionStatus.OUTSTANDING)


def overdue_condition(as_at: date):
    """Overdue is derived, never stored: outstanding and due before `as_at`."""
    return sa.and_(outstanding_condition(), Action.due_on.is_not(None), Action.due_on < as_at)
