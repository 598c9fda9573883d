"""The register's pages at any size: "after this one" pages, a capped count, narrowed filter choices.

A page starts after (or before) the action at the edge of the one the reader came from, named in
the URL by its sort key (`?after=2024-03-01~COM-2023-10-04a`), so the database walks the index
from there: page 2,000 costs what page 1 costs. An old bookmark with `?page=N` still shows that
page (counted from the start, as it always was). The count stops at COUNT_CAP: past that the page
says "more than 1,000", which is true and costs no scan of the whole table.

The filters' choices do not grow with the data: leads are listed once an owner is chosen, and
meetings once a meeting type and a year are; a choice already in the URL is always kept.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

import sqlalchemy as sa
from flask import get_template_attribute
from markupsafe import Markup

from tracker.actions import counts, listed, queries
from tracker.actions.models import Action
from tracker.directory import queries as directory
from tracker.directory.models import MeetingType, Organisation, Person
from tracker.extensions import db
from tracker.kit.dates import long_date
from tracker.kit.limits import database_id
from tracker.meetings.models import Meeting
from tracker.plans import queries as plan_queries

# Lower than the home page's cap: the register counts on every view, and counting to 10,000 read
# 10,000 index entries each time (an eighth of the page's cost at 100,000 actions). A filtered
# register (an owner's outstanding actions, a meeting's) is almost always under 1,000 and exact;
# the exact size of a larger one is in the outstanding-actions report.
COUNT_CAP = 1_000
# Separates the parts of a page's edge in the URL; references never contain it.
CURSOR_SEPARATOR = "~"


@dataclass
class RegisterPage:
    """One page of the register, with where the pages before and after it start."""

    items: list[listed.ListedAction]
    total: int  # up to COUNT_CAP; COUNT_CAP + 1 means "more than COUNT_CAP"
    after: str | None  # the next page's `after`, if there is a next page
    before: str | None  # the previous page's `before`, if there is a previous page
    per_page: int

    @property
    def more_than_cap(self) -> bool:
        return self.total > COUNT_CAP


def edge(action: listed.ListedAction, sort: str, as_at: date) -> str:
    """The action's place in the order `sort`, as the URL carries it."""
    due = action.due_on.isoformat() if action.due_on else ""
    if sort == "reference":
        parts = [action.reference]
    elif sort == "overdue":
        parts = ["0" if action.is_overdue(as_at) else "1", due, action.reference]
    else:
        parts = [due, action.reference]
    return CURSOR_SEPARATOR.join(parts)


def segments(sort: str, as_at: date) -> list[tuple]:
    """The order `sort` as runs of actions that each walk one index in order: (condition, columns).

    Undated actions come after dated ones, so the due-date order is the dated run then the undated
    one; most overdue first puts the overdue run (outstanding and due before today) before them.
    The conditions name `due_on IS NULL` as the index does, so both databases seek into it.
    """
    undated = Action.due_on.is_(None)
    dated_run = (undated == sa.false(), (Action.due_on, Action.reference))
    undated_run = (sa.and_(undated == sa.true(), undated), (Action.reference,))
    if sort == "reference":
        return [(sa.true(), (Action.reference,))]
    if sort == "overdue":
        overdue = queries.overdue_condition(as_at)
        return [
            (sa.and_(dated_run[0], overdue), dated_run[1]),
            (sa.and_(dated_run[0], sa.not_(overdue)), dated_run[1]),
            undated_run,
        ]
    return [dated_run, undated_run]


def position(cursor: str, sort: str) -> tuple[int, tuple] | None:
    """The run (an index into `segments`) and the values of its columns that `cursor` names, or
    None if the cursor cannot be read."""
    try:
        if sort == "reference":
            return (0, (cursor,)) if cursor else None
        if sort == "overdue":
            run, due, reference = cursor.split(CURSOR_SEPARATOR, 2)
            if run not in ("0", "1"):
                return None
        else:
            run = "0"
            due, reference = cursor.split(CURSOR_SEPARATOR, 1)
        if not reference:
            return None
        if not due:
            return (2 if sort == "overdue" else 1, (reference,))
        return (int(run), (date.fromisoformat(due), reference))
    except ValueError:
        return None


def beyond(columns: tuple, values: tuple, forwards: bool):
    """Rows after (or before) `values` in the order of `columns`, as one row-value comparison that
    an index on the columns can seek to."""
    left = sa.tuple_(*columns)
    right = sa.tuple_(
        *(sa.literal(value, column.type) for column, value in zip(columns, values, strict=True))
    )
    return left > right if forwards else left < right


def fetch(user, filters: queries.RegisterFilters, as_at: date, args, per_page: int) -> RegisterPage:
    """The page of the actions `user` may see that `filters` narrow to, that the URL's `after`,
    `before` or `page` asks for; the first page otherwise.

    Each run of the order gives its next `per_page + 1` ids from its index (a UNION ALL of small
    seeks); the page is the first of those in the whole order, so the cost does not depend on how
    deep the page is.
    """
    sort = filters.sort
    before = position(args.get("before", ""), sort)
    after = position(args.get("after", ""), sort) if before is None else None
    number = args.get("page", "")
    # An old bookmarked page number: the same rows as it always showed (past the end, the first
    # page; request_guard refuses numbers too large to be a page).
    old_page = (
        int(number)
        if after is None and before is None and number.isdigit() and int(number) > 1
        else None
    )
    forwards = before is None
    visibility = queries.visibility_key(user)
    statements = _statements(
        visibility, filters, as_at, after or before, forwards, old_page, per_page
    )
    total = counts.kept(
        "register",
        # Whatever the order, the same count.
        (visibility, replace(filters, sort=""), as_at),
        lambda: db.session.connection().execute(statements.count).scalar_one(),
    )
    rows = []
    if statements.numbered is not None:
        rows = listed.rows(statements.numbered)
        has_previous = True
    if not rows:
        rows = listed.rows(statements.nearest)
        has_previous = after is not None
        if not forwards:
            has_previous = len(rows) > per_page
            rows = list(reversed(rows[:per_page]))
    has_next = len(rows) > per_page if forwards else True
    items = list(rows[:per_page])
    return RegisterPage(
        items=items,
        total=total,
        after=edge(items[-1], sort, as_at) if items and has_next else None,
        before=edge(items[0], sort, as_at) if items and has_previous else None,
        per_page=per_page,
    )


def listing(user, filters: queries.RegisterFilters, as_at: date, args, per_page: int):
    """The page of the register that `fetch` gives, and its table of actions as the page shows
    it (templates/macros/actions.html), kept until the actions or their history next change
    (`counts.kept`): the same page is asked for again and again between two changes (the plain
    register above all), and reading and writing its 25 rows was most of its cost. Nothing in
    the table is the reader's own but which actions they may see, which is part of the key."""
    key = (
        queries.visibility_key(user),
        filters,
        as_at,
        *(args.get(name, "") for name in ("after", "before", "page")),
        per_page,
    )

    def worked_out():
        page = fetch(user, filters, as_at, args, per_page)
        latest = listed.latest_entries([action.id for action in page.items])
        table = get_template_attribute("macros/actions.html", "action_table")(
            page.items, as_at, f"Actions, as at {long_date(as_at)}", latest=latest,
            caption_size="s",
        )
        return replace(page, items=tuple(page.items)), Markup(table)

    return counts.kept("register page", key, worked_out)


@dataclass(frozen=True)
class Statements:
    """What a page of the register runs: its capped count, the rows of an old page number (or
    None) and the rows nearest where the page starts."""

    count: sa.Select
    numbered: sa.Select | None
    nearest: sa.Select


@lru_cache(maxsize=256)
def _statements(visibility: tuple, filters: queries.RegisterFilters, as_at: date, start,
                forwards: bool, old_page: int | None, per_page: int) -> Statements:
    """The statements of one page, kept: SQLAlchemy builds and keys a statement anew each time,
    which cost more than running it. Most views ask for the same few pages (the first page of
    the register, or of an owner's outstanding actions), so these are built once a day each."""
    query = sa.select(Action).where(
        queries.visibility_of(visibility), *filters.conditions(as_at)
    )
    order = queries.sort_keys(filters.sort, as_at)
    numbered = None
    if old_page is not None:
        numbered = listed.statement(
            query.order_by(*order).offset((old_page - 1) * per_page).limit(per_page + 1)
        )
    nearest = window(query, filters.sort, as_at, start, forwards, per_page + 1)
    return Statements(
        count=queries.capped_counts_statement(query, cap=COUNT_CAP),
        numbered=numbered,
        nearest=listed.statement(
            query.where(Action.id.in_(nearest))
            .order_by(*(order if forwards else (column.desc() for column in order)))
            .limit(per_page + 1)
        ),
    )


def window(query: sa.Select, sort: str, as_at: date, start, forwards: bool, size: int):
    """The ids of the `size` actions nearest `start` (run, values) in each run of the order, the
    way the page goes: a UNION ALL of one index seek per run."""
    runs = list(enumerate(segments(sort, as_at)))
    if not forwards:
        runs.reverse()
    picks = []
    for run, (condition, columns) in runs:
        narrowed = query.with_only_columns(Action.id).where(condition)
        if start is not None:
            if (run < start[0]) if forwards else (run > start[0]):
                continue
            if run == start[0]:
                narrowed = narrowed.where(beyond(columns, start[1], forwards))
        ordering = columns if forwards else tuple(column.desc() for column in columns)
        picked = narrowed.order_by(*ordering).limit(size).subquery()
        picks.append(sa.select(picked.c.id))
    return sa.union_all(*picks) if len(picks) > 1 else picks[0]


def chosen_id(args, name: str) -> int | None:
    """The id a filter in the URL asks for, or None (also for a number no record could have)."""
    return args.get(name, type=database_id)


def filter_options(args, as_at: date) -> dict[str, tuple]:
    """The choices of the register's filters, in four queries whatever the number of actions, kept
    until the actions, the directory or the plans change (`counts.kept`): every view of the
    register offers them, and they change far less often than they are read.

    Plan priorities and indicators are the current plan's; earlier versions' only when the URL
    asks for them (`earlier`), or for the one a filter already names (a bookmark, a link from the
    overdue review), labelled with their version.
    """
    chosen = {
        name: chosen_id(args, name)
        for name in ("owner", "lead", "meeting_type", "year", "meeting", "priority", "indicator")
    }
    earlier = bool(args.get("earlier"))
    return counts.kept(
        "register choices",
        (tuple(chosen.items()), earlier, as_at),
        lambda: _filter_options(chosen, earlier, as_at),
    )


def _filter_options(chosen: dict, earlier: bool, as_at: date) -> dict[str, tuple]:
    narrowed = narrowed_choices(
        owner_id=chosen["owner"],
        lead_id=chosen["lead"],
        meeting_type_id=chosen["meeting_type"],
        year=chosen["year"],
        meeting_id=chosen["meeting"],
        as_at=as_at,
    )
    options = {
        "owner": directory.organisation_choices(),
        "meeting_type": directory.meeting_type_choices(),
        **narrowed,
        "priority": plan_queries.priority_choices(earlier=earlier, keep=_kept(chosen["priority"])),
        "indicator": plan_queries.indicator_choices(
            earlier=earlier, keep=_kept(chosen["indicator"])
        ),
    }
    # Plain and unchangeable: every view shares what is kept.
    return {name: tuple(tuple(pair) for pair in pairs) for name, pairs in options.items()}


def _kept(chosen: int | None) -> list[int]:
    return [] if chosen is None else [chosen]


def narrowed_choices(*, owner_id, lead_id, meeting_type_id, year, meeting_id, as_at) -> dict:
    """The lead, meeting and year choices, in one query (a UNION of three parts).

    Leads: the people of the chosen owner who lead an action. Meetings: those of the chosen type
    in the chosen year with actions. Years: from the first meeting's to next year. A lead or
    meeting the URL already names is kept, so a bookmark shows what it filters by.
    """
    statement = _narrowed_statement(owner_id, lead_id, meeting_type_id, year, meeting_id)
    rows = db.session.connection().execute(statement).all()
    first = next((row.starts_at for row in rows if row.kind == "first"), None)
    first_year = first.year if first else as_at.year
    return {
        "lead": sorted(
            ((row.id, f"{row.name} ({row.extra})") for row in rows if row.kind == "lead"),
            key=lambda choice: choice[1],
        ),
        "year": [(y, str(y)) for y in range(as_at.year + 1, min(first_year, as_at.year) - 1, -1)],
        "meeting": [
            (row.id, f"{row.name} {long_date(row.starts_at)}")
            for row in sorted(
                (row for row in rows if row.kind == "meeting"),
                key=lambda row: (row.starts_at, row.id),
                reverse=True,
            )
        ],
    }


@lru_cache(maxsize=256)
def _narrowed_statement(owner_id, lead_id, meeting_type_id, year, meeting_id) -> sa.Select:
    """The statement of `narrowed_choices`, kept: most views narrow nothing, and share one."""
    no_int, no_text = sa.cast(sa.null(), sa.Integer), sa.cast(sa.null(), sa.String)
    no_time = sa.cast(sa.null(), sa.DateTime)
    parts = [
        sa.select(
            sa.literal("first").label("kind"),
            no_int.label("id"),
            no_text.label("name"),
            no_text.label("extra"),
            sa.select(sa.func.min(Meeting.starts_at)).scalar_subquery().label("starts_at"),
        )
    ]
    leads = []
    if owner_id is not None:
        leads.append(
            sa.and_(
                Person.organisation_id == owner_id,
                sa.exists().where(Action.lead_id == Person.id),
            )
        )
    if lead_id is not None:
        leads.append(Person.id == lead_id)
    if leads:
        parts.append(
            sa.select(sa.literal("lead"), Person.id, Person.name, Organisation.short_name, no_time)
            .join(Organisation, Person.organisation_id == Organisation.id)
            .where(sa.or_(*leads))
        )
    meetings = []
    if meeting_type_id is not None and year is not None and 1900 < year < 3000:
        meetings.append(
            sa.and_(
                Meeting.meeting_type_id == meeting_type_id,
                Meeting.starts_at >= datetime(year, 1, 1),
                Meeting.starts_at < datetime(year + 1, 1, 1),
                sa.exists().where(Action.meeting_id == Meeting.id),
            )
        )
    if meeting_id is not None:
        meetings.append(Meeting.id == meeting_id)
    if meetings:
        parts.append(
            sa.select(
                sa.literal("meeting"),
                Meeting.id,
                MeetingType.short_name,
                no_text,
                Meeting.starts_at,
            )
            .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
            .where(sa.or_(*meetings))
        )
    return sa.union_all(*parts) if len(parts) > 1 else parts[0]
