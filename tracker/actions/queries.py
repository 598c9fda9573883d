"""Queries over actions shared by the register, home pages and reports.

Every list of actions starts from `visible(user)`, so confidential actions never leak into a page
whose reader may not see them. Pages load what they show up front (`selectinload`) and fetch the
latest update of a page's actions in one query (`latest_updates`), so the number of queries a
page makes does not grow with the data. The counts a priority's or an indicator's page shows are
kept until the actions next change (`counts.kept`).
"""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload, selectinload

from tracker.actions import counts
from tracker.actions.models import (
    FINISHED_STATUSES,
    OUTSTANDING_STATUSES,
    Action,
    ActionStatus,
    ActionUpdate,
    UpdateKind,
    action_indicator,
    action_priority,
)
from tracker.auth.models import User
from tracker.auth.permissions import Permission, can
from tracker.extensions import db
from tracker.meetings.models import AgendaItem, Meeting, item_number
from tracker.plans.models import Indicator, Priority


def visibility(user):
    """A SQL condition: the actions `user` may see. Confidential ones only for those who read
    confidential actions, and for a lead whose organisation owns them (as `can_see_action`)."""
    return visibility_of(visibility_key(user))


def visibility_key(user) -> tuple:
    """What decides which actions `user` may see, as a value pages can key statements they keep
    by: ("all",), ("own", organisation id) or ("open",)."""
    if can(user, Permission.READ_CONFIDENTIAL):
        return ("all",)
    # The organisation's id from the person's record (which every page loads to name them), so
    # the organisation itself is not fetched.
    person = getattr(user, "person", None) if can(user, Permission.UPDATE_OWN_ACTIONS) else None
    if person is not None and person.organisation_id is not None:
        return ("own", person.organisation_id)
    return ("open",)


def visibility_of(key: tuple):
    """The condition of a `visibility_key`."""
    if key[0] == "all":
        return sa.true()
    if key[0] == "own":
        return Action.confidential.is_(False) | (Action.owner_id == key[1])
    return Action.confidential.is_(False)


def visible(user) -> sa.Select:
    """Every action `user` may see, with what list pages show loaded up front."""
    return sa.select(Action).options(*LIST_LOADS).where(visibility(user))


# What a list of actions shows: owner, lead, the meeting and item it was raised at, all in the
# same query (joined). An item's number is its place in the meeting's agenda, counted in SQL:
# loading every agenda to count along it cost more than the rest of the list.
LIST_LOADS = (
    joinedload(Action.owner),
    joinedload(Action.lead),
    joinedload(Action.meeting).joinedload(Meeting.meeting_type),
    joinedload(Action.agenda_item).with_expression(AgendaItem.number_as_read, item_number()),
)


# What a meeting's pages and minutes show of the actions raised at it.
MEETING_LOADS = (
    selectinload(Meeting.agenda_items)
    .selectinload(AgendaItem.actions)
    .options(selectinload(Action.owner), selectinload(Action.lead)),
    selectinload(Meeting.actions),
)


def matters_arising(meeting: Meeting, user) -> list[Action]:
    """The previous meeting's actions still open, with their updates, that `user` may see."""
    if meeting.previous_meeting_id is None:
        return []
    return list(
        db.session.scalars(
            visible(user)
            .where(Action.meeting_id == meeting.previous_meeting_id, outstanding_condition())
            .options(
                selectinload(Action.updates)
                .joinedload(ActionUpdate.author)
                .joinedload(User.person)
            )
            .order_by(Action.reference)
        )
    )


def outstanding_condition():
    return Action.status.in_(OUTSTANDING_STATUSES)


def overdue_condition(as_at: date):
    """Overdue is derived, never stored: outstanding and due before `as_at`."""
    return sa.and_(outstanding_condition(), past_due(as_at))


def past_due(as_at: date):
    """Due before `as_at`, whatever the status: overdue if outstanding."""
    return sa.and_(Action.due_on.is_not(None), Action.due_on < as_at)


def serves_priority(priority_id: int):
    return sa.exists().where(
        action_priority.c.action_id == Action.id, action_priority.c.priority_id == priority_id
    )


def serves_indicator(indicator_id: int):
    return sa.exists().where(
        action_indicator.c.action_id == Action.id, action_indicator.c.indicator_id == indicator_id
    )


def most_overdue_first(as_at: date) -> tuple:
    """Overdue actions first, the longest overdue at the top; then by due date, undated last."""
    return (
        sa.case((overdue_condition(as_at), 0), else_=1),
        Action.due_on.is_(None),
        Action.due_on,
        Action.reference,
    )


def most_overdue_key(as_at: date):
    """The same order as `most_overdue_first`, for sorting actions already loaded."""
    return lambda action: (
        not action.is_overdue(as_at),
        action.due_on is None,
        action.due_on or date.max,
        action.reference,
    )


SORTS = {
    "due": "Due date, soonest first",
    "overdue": "Days overdue, most first",
    "reference": "Reference",
}


def sort_keys(sort: str, as_at: date) -> tuple:
    """The columns the register is ordered by, in order; the last is unique (the reference), so
    a page can start "after this one". The due-date order is served by the index
    `ix_action_due_order` (migration 0006)."""
    if sort == "overdue":
        return most_overdue_first(as_at)
    if sort == "reference":
        return (Action.reference,)
    return due_order()


def due_order() -> tuple:
    """Due date soonest first, undated last, then by reference: the index `ix_action_due_order`.
    For outstanding actions it is also the most-overdue-first order (the overdue ones are those
    due before today), so lists of outstanding actions use it and need no sort."""
    return (Action.due_on.is_(None), Action.due_on, Action.reference)


@dataclass(frozen=True)
class RegisterFilters:
    """What the register is narrowed to; every field comes from the page's URL. Hashable: the
    register keeps the statements of the filters it is asked for most (register.py)."""

    text: str = ""
    status: str = ""  # one status, "outstanding", or "" for any
    owner_id: int | None = None
    lead_id: int | None = None
    meeting_type_id: int | None = None
    meeting_id: int | None = None
    priority_id: int | None = None
    indicator_id: int | None = None
    due: str = ""  # "overdue", "within" (due in the next `within_days`), or "" for any
    within_days: int = 14
    sort: str = "due"

    def conditions(self, as_at: date) -> list:
        found = []
        if self.text:
            pattern = f"%{escape_like(self.text.lower())}%"
            found.append(
                sa.or_(
                    sa.func.lower(Action.reference).like(pattern, escape="\\"),
                    sa.func.lower(Action.text).like(pattern, escape="\\"),
                )
            )
        if self.status == "outstanding":
            found.append(outstanding_condition())
        elif self.status in tuple(ActionStatus):
            found.append(Action.status == self.status)
        for column, value in (
            (Action.owner_id, self.owner_id),
            (Action.lead_id, self.lead_id),
            (Action.meeting_id, self.meeting_id),
        ):
            if value is not None:
                found.append(column == value)
        if self.meeting_type_id is not None:
            found.append(
                Action.meeting_id.in_(
                    sa.select(Meeting.id).where(Meeting.meeting_type_id == self.meeting_type_id)
                )
            )
        if self.priority_id is not None:
            found.append(serves_priority(self.priority_id))
        if self.indicator_id is not None:
            found.append(serves_indicator(self.indicator_id))
        if self.due == "overdue":
            found.append(overdue_condition(as_at))
        elif self.due == "within":
            found.append(
                sa.and_(
                    outstanding_condition(),
                    Action.due_on >= as_at,
                    Action.due_on <= as_at + timedelta(days=self.within_days),
                )
            )
        return found


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def latest_entries(action_ids):
    """The id of the most recent history entry with a note of each of `action_ids` (a list, a
    select of ids or an expanding bind parameter), as a subquery with columns id and rank: the
    entry is the one whose rank is 1."""
    newest_first = (
        sa.func.row_number()
        .over(
            partition_by=ActionUpdate.action_id,
            order_by=(ActionUpdate.created_at.desc(), ActionUpdate.id.desc()),
        )
        .label("rank")
    )
    return (
        sa.select(ActionUpdate.id, newest_first)
        .where(
            ActionUpdate.action_id.in_(action_ids),
            # The entry made when the action was raised is not an update on it.
            ActionUpdate.kind != UpdateKind.RAISED,
            ActionUpdate.note != "",
        )
        .subquery()
    )


def latest_updates(action_ids) -> dict[int, ActionUpdate]:
    """The most recent history entry with a note, for each of `action_ids`, in one query, with
    its author (pages say who made it).

    `action_ids` is a list of ids or a select of them (for a whole report).
    """
    if isinstance(action_ids, list | tuple | set) and not action_ids:
        return {}
    ranked = latest_entries(action_ids)
    updates = db.session.scalars(
        sa.select(ActionUpdate)
        .join(ranked, ranked.c.id == ActionUpdate.id)
        .where(ranked.c.rank == 1)
        .options(joinedload(ActionUpdate.author).joinedload(User.person))
    )
    return {update.action_id: update for update in updates}


def first(query: sa.Select, order: tuple, limit: int, *, statuses: tuple = ()) -> sa.Select:
    """The first `limit` actions of `query` (from `visible`) in `order`, with its loads; only
    those of `statuses`, if given.

    Their ids are chosen first, and only those rows are joined to what a list shows: SQLite
    would otherwise join every matching action before sorting them. Each of `statuses` gives its
    first `limit` from its own walk along an index that starts with the status (a UNION ALL of
    LIMITed seeks, as the register's pages): one index cannot give several statuses in one order
    without sorting them all, and SQLite sorts even one status's if `query` also says
    `status IN (...)`, so `query` must not limit the status itself. The outer
    query has nothing but the chosen ids to go on, so PostgreSQL, even before it has statistics,
    reads them first rather than scanning actions and looking each up in them.
    """
    ids = query.with_only_columns(Action.id).order_by(None)
    if statuses:
        runs = [
            sa.select(run.c.id)
            for run in (
                ids.where(Action.status == status).order_by(*order).limit(limit).subquery()
                for status in statuses
            )
        ]
        chosen = sa.union_all(*runs) if len(runs) > 1 else runs[0]
    else:
        chosen = ids.order_by(*order).limit(limit)
    return (
        sa.select(Action).options(*LIST_LOADS).where(Action.id.in_(chosen)).order_by(*order)
        .limit(limit)
    )


# Pages count actions up to this many and say "more than" past it: a count of every action on
# every page view would cost a scan of the table.
COUNT_CAP = 10_000


def capped_count(query: sa.Select, cap: int = COUNT_CAP) -> int:
    """How many actions `query` gives, counting no further than `cap` + 1."""
    return capped_counts(query, cap=cap)[0]


def capped_counts(*queries: sa.Select, cap: int = COUNT_CAP) -> list[int]:
    """How many actions each of `queries` gives, each counted no further than `cap` + 1, in
    one statement (a scalar subquery each, so each reads its own index)."""
    return list(db.session.execute(capped_counts_statement(*queries, cap=cap)).one())


def capped_counts_statement(*queries: sa.Select, cap: int = COUNT_CAP) -> sa.Select:
    """The statement `capped_counts` runs, for a page that keeps it."""

    def capped(query: sa.Select):
        # A constant from the same tables: the rows are counted, not read, so an index alone
        # can answer (the query's own columns may be a whole Action).
        bare = query.with_only_columns(sa.literal_column("1"), maintain_column_froms=True)
        limited = bare.order_by(None).limit(cap + 1)
        return sa.select(sa.func.count()).select_from(limited.subquery()).scalar_subquery()

    return sa.select(*(capped(query) for query in queries))


# Actions a priority or indicator page lists: counted in SQL, and at most LINKED_LISTED of each
# kind listed; the register lists every one.
RECENTLY_CLOSED_DAYS = 91
LINKED_LISTED = 25


@dataclass
class LinkedActions:
    """Some of the actions linked to a priority or indicator, and how many there are of each kind.

    `lists` and `counts` share their keys ("overdue", "open", "closed" or "linked"); `total` is
    every linked action the reader may see, whatever its status.
    """

    lists: dict[str, list[Action]]
    counts: dict[str, int]
    total: int

    def is_capped(self, kind: str) -> bool:
        return self.counts[kind] > len(self.lists[kind])


def for_priority(priority: Priority, user, as_at: date) -> LinkedActions:
    """The actions linked to a priority that `user` may see: overdue (most overdue first), open
    and not overdue (soonest due first), closed in the last RECENTLY_CLOSED_DAYS (latest first)."""
    since = as_at - timedelta(days=RECENTLY_CLOSED_DAYS)
    kinds = {
        "overdue": overdue_condition(as_at),
        "open": sa.and_(
            outstanding_condition(),
            sa.or_(Action.due_on.is_(None), Action.due_on >= as_at),
        ),
        "closed": sa.and_(Action.status.in_(FINISHED_STATUSES), Action.closed_on >= since),
    }
    by_due = (Action.due_on, Action.reference)
    # Each kind's first few come from walks along indexes in the kind's order, each stopping
    # at LINKED_LISTED: one per outstanding status along (status, due_on, reference), the
    # recently closed back along (closed_on, status); a priority's thousands are never sorted.
    runs = {
        "overdue": [
            (sa.and_(Action.status == status, past_due(as_at)), by_due)
            for status in OUTSTANDING_STATUSES
        ],
        "open": [
            run
            for status in OUTSTANDING_STATUSES
            for run in (
                (sa.and_(Action.status == status, Action.due_on >= as_at), by_due),
                (sa.and_(Action.status == status, Action.due_on.is_(None)), (Action.reference,)),
            )
        ],
        "closed": [(kinds["closed"], (Action.closed_on.desc(), Action.reference))],
    }
    linked = sa.select(Action.id).where(serves_priority(priority.id), visibility(user))
    # Counted each from its own side, capped: the links alone (with the actions only for
    # whether the reader may see them), the outstanding actions by status, the recently closed
    # from their index; not every linked action's row read for each kind.
    links = sa.select(action_priority.c.action_id).where(
        action_priority.c.priority_id == priority.id
    )
    if not can(user, Permission.READ_CONFIDENTIAL):
        links = links.join(Action, Action.id == action_priority.c.action_id).where(
            visibility(user)
        )
    # A join, not EXISTS: each action has at most one link to the priority, and SQLite probes
    # the link's index for a join in half the steps of a correlated EXISTS.
    joined = (
        sa.select(Action.id)
        .join(
            action_priority,
            sa.and_(
                action_priority.c.action_id == Action.id,
                action_priority.c.priority_id == priority.id,
            ),
        )
        .where(visibility(user))
    )
    counted = counts.kept(
        "priority page",
        (priority.id, visibility_key(user), as_at),
        lambda: tuple(
            capped_counts(links, *(joined.where(condition) for condition in kinds.values()))
        ),
    )
    return _gather(
        counted,
        kinds,
        linked,
        runs,
        sort_keys={
            "overdue": lambda a: (a.due_on, a.reference),
            "open": lambda a: (a.due_on is None, a.due_on or date.max, a.reference),
            "closed": lambda a: (-(a.closed_on or as_at).toordinal(), a.reference),
        },
    )


def for_indicator(indicator: Indicator, user) -> LinkedActions:
    """The actions linked to an indicator that `user` may see, outstanding first, each by due
    date; at most LINKED_LISTED listed."""
    base = (
        sa.select(Action)
        .join(action_indicator, action_indicator.c.action_id == Action.id)
        .where(action_indicator.c.indicator_id == indicator.id, visibility(user))
    )
    order = (
        sa.case((outstanding_condition(), 0), else_=1),
        Action.due_on.is_(None),
        Action.due_on,
        Action.reference,
    )
    return _gather(
        counts.kept(
            "indicator page",
            (indicator.id, visibility_key(user)),
            lambda: _count_kinds(base, {"linked": sa.true()}),
        ),
        {"linked": sa.true()},
        base.with_only_columns(Action.id),
        {"linked": [(sa.true(), order)]},
        kept_as=("indicator page, listed", (indicator.id, visibility_key(user))),
        sort_keys={
            "linked": lambda a: (
                not a.is_outstanding, a.due_on is None, a.due_on or date.max, a.reference
            ),
        },
    )


def _count_kinds(base: sa.Select, kinds: dict) -> tuple:
    """Every action of `base`, and those of each kind, counted in one query."""
    counted = db.session.execute(
        base.with_only_columns(
            sa.func.count(),
            *(sa.func.sum(sa.case((condition, 1), else_=0)) for condition in kinds.values()),
        ).order_by(None)
    ).one()
    return tuple(count or 0 for count in counted)


def _gather(counted: tuple, kinds: dict, ids: sa.Select, runs: dict, *, sort_keys: dict,
            kept_as: tuple | None = None) -> LinkedActions:
    """Load the first LINKED_LISTED of each kind (one query, owners and leads joined in, each
    action labelled with its kind); `counted` is (every linked action, each kind).

    `ids` selects the ids of the linked actions; each kind's `runs` are (condition, order)
    walks of them whose first LINKED_LISTED, together, hold the kind's first LINKED_LISTED;
    `sort_keys` put each kind's few back in order. The kinds do not overlap. With `kept_as` (what
    and key), which ids the walks choose is kept until the actions change (`counts.kept`): an
    indicator's order has no index, so choosing sorts every linked action (a priority's walks
    follow indexes, and stop at LINKED_LISTED each).
    """
    picks = [
        sa.select(picked.c.id)
        for picked in (
            ids.where(condition).order_by(*order).limit(LINKED_LISTED).subquery()
            for kind_runs in runs.values()
            for condition, order in kind_runs
        )
    ]
    chosen = sa.union_all(*picks) if len(picks) > 1 else picks[0]
    if kept_as is not None:
        walked = chosen
        chosen = counts.kept(*kept_as, lambda: tuple(db.session.scalars(walked)))
    labelled = db.session.execute(
        sa.select(Action, sa.case(*((condition, kind) for kind, condition in kinds.items())))
        .options(joinedload(Action.owner), joinedload(Action.lead))
        .where(Action.id.in_(chosen))
    ).all()
    lists = {
        kind: sorted(
            (action for action, its in labelled if its == kind), key=sort_keys[kind]
        )[:LINKED_LISTED]
        for kind in kinds
    }
    return LinkedActions(
        lists=lists,
        counts=dict(zip(kinds, counted[1:], strict=True)),
        total=counted[0],
    )
