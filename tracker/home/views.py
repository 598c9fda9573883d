"""The home page, made for the signed-in user's role.

A lead sees the open actions they lead, most urgent first, then their organisation's others; the Deputy Mayor sees what waits
for her decision and what is overdue; the secretariat sees the meetings coming up and the overdue
count. Each list is one query (with its eager loads), whatever the number of actions; the counts
are kept until the actions next change (`actions.counts`).
"""

from dataclasses import dataclass

import sqlalchemy as sa
from flask import redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from tracker.actions import counts, queries
from tracker.actions.models import OUTSTANDING_STATUSES, Action, ActionStatus
from tracker.auth.models import Role
from tracker.extensions import db
from tracker.home import bp
from tracker.kit.dates import today
from tracker.meetings.models import Meeting

HOME_LIST_SIZE = 10
# Lists of work waiting for a decision: the oldest (or soonest due) few, counted, the rest a link
# away in the register, so a home page is the same size whatever piles up.
OWNED_LIST_SIZE = 25
# A lead's own actions, then their organisation's others: the most urgent, the rest a link away
# in the register.
LEADS_LIST_SIZE = 25
# What a lead's lists hold: open actions, not those awaiting sign-off.
OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


@bp.get("/")
def index():
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    as_at = today()
    role = current_user.role
    context = {"as_at": as_at, "role": role, "count_cap": queries.COUNT_CAP}
    if role in (Role.SECRETARIAT, Role.ADMIN, Role.VIEWER):
        context["upcoming"] = upcoming_meetings(as_at)
        context["recent"] = actions(
            sa.true(), order=(Action.raised_on.desc(), Action.id.desc()), limit=HOME_LIST_SIZE
        )
    if role == Role.LEAD:
        context.update(lead_home())
    if role == Role.EXECUTIVE:
        awaiting = Action.status == ActionStatus.AWAITING_SIGN_OFF
        # Few actions carry a request: a partial index holds them, by status and due date.
        requested = Action.requested_due_on.is_not(None)
        context["to_sign_off"] = actions(
            awaiting, order=(Action.updated_at, Action.id), limit=OWNED_LIST_SIZE
        )
        context["more_time"] = actions(
            requested,
            order=(Action.due_on, Action.id),
            limit=OWNED_LIST_SIZE,
            statuses=OUTSTANDING_STATUSES,
        )
        visible = queries.visible(current_user)
        context["to_sign_off_count"], context["more_time_count"] = counts.kept(
            "home, executive",
            (queries.visibility_key(current_user),),
            lambda: tuple(
                queries.capped_counts(
                    visible.where(awaiting),
                    visible.where(requested, queries.outstanding_condition()),
                )
            ),
        )
    if role in (Role.EXECUTIVE, Role.ADMIN, Role.SECRETARIAT):
        context["overdue"] = actions(
            queries.past_due(as_at),
            # Overdue actions all have a due date: the index (status, due_on, reference) gives
            # due_order() per outstanding status.
            order=(Action.due_on, Action.reference),
            limit=HOME_LIST_SIZE,
            statuses=OUTSTANDING_STATUSES,
        )
        context["overdue_count"] = counts.kept(
            "home, overdue",
            (queries.visibility_key(current_user), as_at),
            lambda: queries.capped_count(
                queries.visible(current_user).where(queries.overdue_condition(as_at))
            ),
        )
    return render_template("home/index.html", **context)


def actions(*where, order, limit: int, statuses: tuple = ()) -> list[Action]:
    """Actions the user may see matching `where` (and of `statuses`, if given: see
    `queries.first`), with what the tables show loaded."""
    query = queries.visible(current_user).where(*where)
    return db.session.scalars(queries.first(query, order, limit, statuses=statuses)).all()


def lead_home() -> dict:
    """The open actions the lead leads, most urgent first; then their organisation's other open
    actions, most urgent first; and those awaiting sign-off. Each list is bounded and counted."""
    organisation = current_user.organisation
    if organisation is None:
        return {"organisation": None, "mine": Bounded([], 0), "others": Bounded([], 0),
                "awaiting": Bounded([], 0)}
    person_id = current_user.person_id
    owned = Action.owner_id == organisation.id
    led_by_me = Action.lead_id == person_id
    led_by_others = sa.or_(Action.lead_id.is_(None), Action.lead_id != person_id)
    mine, others = sa.and_(owned, led_by_me), sa.and_(owned, led_by_others)
    awaiting = sa.and_(owned, Action.status == ActionStatus.AWAITING_SIGN_OFF)
    visible = queries.visible(current_user)
    # Each list's count, off the index (owner_id, status, ...), in one query.
    mine_count, others_count, awaiting_count = counts.kept(
        "home, lead",
        (queries.visibility_key(current_user), organisation.id, person_id),
        lambda: tuple(
            queries.capped_counts(
                visible.where(mine, Action.status.in_(OPEN_STATUSES)),
                visible.where(others, Action.status.in_(OPEN_STATUSES)),
                visible.where(awaiting),
            )
        ),
    )
    return {
        "organisation": organisation,
        "mine": Bounded(open_actions(mine), mine_count),
        "others": Bounded(open_actions(others), others_count),
        "awaiting": Bounded(
            # Soonest due first, undated last: the order of the index (owner_id, status, ...),
            # walked for the first few; by (due_on, id) SQLite sorted every one awaiting.
            actions(awaiting, order=queries.due_order(), limit=OWNED_LIST_SIZE),
            awaiting_count,
        ),
    }


@dataclass
class Bounded:
    """The first actions of a list, and how many there are in all (up to COUNT_CAP + 1)."""

    actions: list[Action]
    count: int

    @property
    def more(self) -> bool:
        return self.count > len(self.actions)


def open_actions(condition) -> list[Action]:
    """The first LEADS_LIST_SIZE open actions matching `condition`, most urgent first."""
    # Open actions only: the due-date order is the most-overdue-first order, from the index.
    return actions(
        condition, order=queries.due_order(), limit=LEADS_LIST_SIZE, statuses=OPEN_STATUSES
    )


def upcoming_meetings(as_at):
    return db.session.scalars(
        sa.select(Meeting)
        .options(selectinload(Meeting.meeting_type))
        .where(Meeting.starts_at >= as_at)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(HOME_LIST_SIZE)
    ).all()
