"""Finding what was said or decided: one SQL query per kind of record, run by the database's own
full-text index (migration 0011), with who may see what decided in the same SQL.

A search page makes two queries whatever the data holds: the capped number of matches of each
kind, and the results themselves (the best few of each kind, or one page of one kind), as rows of
the same columns so one UNION ALL fetches them all.

The work is bounded by MOST_COUNTED, not by the number of matches. Ranking is what costs (bm25
or ts_rank_cd for each row, then a sort), and a common word matches thousands of rows at 100,000
actions; so each kind ranks at most its newest MOST_COUNTED matches (the last recorded: highest
id) that the reader may see within the filters, and the counts stop one past it ("more than
200"). Below the bound every match is ranked, as before, so a name, a place or a reference (the
searches that find a few) comes out in full rank order; past it the page says the results are the
best of the most recent, the filters narrow before the bound to reach older ones, and paging goes
through the same ranked set, each result once. A range of meeting dates is the reader's own
bound: within it every match is ranked, as before, because walking newest first to an old range
would pass every newer match (up to 3x slower than ranking them all, for a year's range at
100,000 actions), and dates say nothing about ids.

The newest, not the best, because only the order of the ids can be read from the index a few
rows at a time: FTS5 gives its matches in rowid order, and PostgreSQL walks a primary key
backwards; a rank is known only once every match is ranked. Ranking the matches of every word
first was weighed and not taken: with common words every word matches everywhere, so a bound
would still be needed.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from tracker.actions.models import Action, ActionUpdate
from tracker.actions.queries import visibility
from tracker.auth.permissions import Permission, can
from tracker.directory.models import MeetingType
from tracker.extensions import db
from tracker.kit.enums import LabelledEnum
from tracker.meetings.models import AgendaItem, Meeting, MinutesStatus, PaperLink
from tracker.search import syntax

# Matches are counted up to here ("more than 200"), and at most this many of each kind (the
# newest) are ranked: counting or ranking every match of a common word at 100,000 actions would
# cost more than the rest of the page. The pages of one kind go through these, 10 of 20. Not
# 500: on PostgreSQL, counting 501 matches of a common word and finding the newest 500 read
# about 10,000 rows at 100,000 actions (8 ms more than at 1,000), too near issue 13's 1.5x.
MOST_COUNTED = 200
# What the page shows of each kind when no kind is chosen.
PREVIEW = 5
REFERENCE = re.compile(r"^([A-Za-z]{1,20})-(\d{4})-(\d{2})-(\d{2})([A-Za-z]{1,3})$")


class Kind(LabelledEnum):
    MEETINGS = "meetings", "Meetings"
    ITEMS = "items", "Agenda items"
    ACTIONS = "actions", "Actions"
    UPDATES = "updates", "Action updates and decisions"
    PAPERS = "papers", "Papers"


# The kinds the public may search: what published minutes show (no action's history).
PUBLIC_KINDS = (Kind.MEETINGS, Kind.ITEMS, Kind.ACTIONS, Kind.PAPERS)


@dataclass(frozen=True)
class Search:
    """What to look for, in what, for whom. `user` None is the public (published minutes only)."""

    text: str
    user: object = None
    kind: str | None = None
    meeting_type_id: int | None = None
    since: date | None = None
    until: date | None = None

    @property
    def public(self) -> bool:
        return self.user is None

    @property
    def dated(self) -> bool:
        """A range of meeting dates: the reader's own bound, within which every match is ranked."""
        return self.since is not None or self.until is not None

    def kinds(self) -> tuple[Kind, ...]:
        if self.public:
            return PUBLIC_KINDS
        if not can(self.user, Permission.READ_ACTIONS):
            return (Kind.MEETINGS, Kind.ITEMS, Kind.PAPERS)
        return tuple(Kind)


@dataclass(frozen=True)
class Hit:
    """One result row: what matched, where it was said, and how well it matched."""

    kind: str
    id: int
    meeting_id: int
    starts_at: datetime
    meeting_type: str
    heading: str
    body: str
    detail: str
    action_id: int | None
    rank: float


# --- the database's full-text match, one way per dialect ---------------------------------------


def _is_postgresql() -> bool:
    return db.engine.dialect.name == "postgresql"


def _sqlite_matches(table: str, query: str, weights: tuple[float, ...], ranked: bool,
                    walk: bool):
    """FTS5's matches of `query` in `table`, as a subquery of ids (and bm25 ranks when `ranked`):
    newest first when they are to be walked, otherwise all at once, in a subquery SQLite cannot
    merge into a join (it has a LIMIT, of none), so the index is read once, first."""
    fts = sa.table(f"search_{table}", sa.column("rowid"))
    own = sa.literal_column(f"search_{table}")
    columns = [fts.c.rowid.label("id")]
    if ranked:
        columns.append(
            (-sa.func.bm25(own, *(sa.literal_column(repr(weight)) for weight in weights))).label("rank")
        )
    matched = sa.select(*columns).where(own.op("MATCH")(query))
    matched = matched.order_by(fts.c.rowid.desc()) if walk else matched.limit(-1)
    return matched.subquery(f"matched_{table}")


def _sqlite_candidates(visible: sa.Select, table: str, row_id, query: str,
                       weights: tuple[float, ...], bound: int, ranked: bool,
                       walk: bool) -> sa.Select:
    """Up to `bound` visible matches, with bm25 when `ranked`.

    `walk`: FTS5 reads its matches newest first (rowid order, which it keeps: no sort), and each
    is checked against `visible` by primary key until `bound` pass. The index is the only table
    in the FROM, so SQLite cannot turn the join around and ask the index about every visible row
    (0.7 s at 5,000 actions); and bm25 is worked out only for the rows kept. (bm25 also counts
    the rows holding each term, once a search, in C: the one cost that follows the index's size,
    about 1 ms a term at 100,000 actions.) Otherwise (a date range, where the walk would pass
    every newer match first) every match is read from the index and joined to `visible`."""
    matched = _sqlite_matches(table, query, weights, ranked, walk)
    if walk:
        seen = visible.with_only_columns(sa.literal(1)).where(row_id == matched.c.id).exists()
        return sa.select(*matched.c).where(seen).order_by(matched.c.id.desc()).limit(bound)
    return visible.with_only_columns(*matched.c).join(matched, matched.c.id == row_id).limit(bound)


def _postgresql_candidates(visible: sa.Select, table: str, row_id, query: str, bound: int,
                           newest: bool) -> sa.Select:
    """Up to `bound` visible matches; the newest when `newest`, for which PostgreSQL
    walks the primary key backwards testing each row, or sorts the GIN index's matches, by its
    estimate. Otherwise in no order: a count, or a search known to have no more than `bound`,
    where a walk chosen on a wrong estimate (a word the statistics do not know, or a date range
    far from the newest) could read the whole table for nothing."""
    select = visible.with_only_columns(row_id.label("id")).where(
        _vector(table).op("@@")(_tsquery(query))
    )
    return (select.order_by(row_id.desc()) if newest else select).limit(bound)


def _vector(table: str):
    return sa.literal_column(f'"{table}".search_vector')


def _tsquery(query: str):
    return sa.func.websearch_to_tsquery(sa.literal_column("'english'"), query)


def _query_text(search: Search, groups: list[syntax.Group]) -> str:
    # PostgreSQL reads the words as typed; FTS5 gets them re-written so nothing is its syntax.
    return search.text if _is_postgresql() else syntax.fts5_query(groups)


# --- one select per kind, all with the same columns ---------------------------------------------


def _columns(kind: Kind, row_id, heading, body, detail, action_id):
    return (
        sa.literal_column(f"'{kind.value}'").label("kind"),
        row_id.label("id"),
        Meeting.id.label("meeting_id"),
        Meeting.starts_at.label("starts_at"),
        MeetingType.name.label("meeting_type"),
        sa.cast(heading, sa.Text).label("heading"),
        sa.cast(body, sa.Text).label("body"),
        sa.cast(detail, sa.Text).label("detail"),
        sa.cast(action_id, sa.Integer).label("action_id"),
    )


def _kind_select(kind: Kind) -> tuple[sa.Select, str, object, tuple[float, ...]]:
    """The rows of `kind`, joined to their meeting and its type: (select, table, id, weights)."""
    empty = sa.literal_column("''")
    if kind == Kind.MEETINGS:
        select = sa.select(
            *_columns(kind, Meeting.id, Meeting.theme, Meeting.place,
                      Meeting.previous_minutes_amendment, sa.null())
        ).select_from(Meeting)
        return select, "meeting", Meeting.id, (10.0, 2.0, 1.0)
    if kind == Kind.ITEMS:
        select = sa.select(
            *_columns(kind, AgendaItem.id, AgendaItem.title, AgendaItem.notes, empty, sa.null())
        ).select_from(AgendaItem).join(Meeting, AgendaItem.meeting_id == Meeting.id)
        return select, "agenda_item", AgendaItem.id, (10.0, 1.0)
    if kind == Kind.ACTIONS:
        select = sa.select(
            *_columns(kind, Action.id, Action.reference, Action.text, Action.status, Action.id)
        ).select_from(Action).join(Meeting, Action.meeting_id == Meeting.id)
        return select, "action", Action.id, (10.0, 1.0)
    if kind == Kind.UPDATES:
        select = (
            sa.select(
                *_columns(kind, ActionUpdate.id, Action.reference, ActionUpdate.note,
                          ActionUpdate.kind, Action.id)
            )
            .select_from(ActionUpdate)
            .join(Action, ActionUpdate.action_id == Action.id)
            .join(Meeting, Action.meeting_id == Meeting.id)
        )
        return select, "action_update", ActionUpdate.id, (1.0,)
    select = (
        sa.select(
            *_columns(kind, PaperLink.id, PaperLink.title, empty, AgendaItem.title, sa.null())
        )
        .select_from(PaperLink)
        .join(AgendaItem, PaperLink.agenda_item_id == AgendaItem.id)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
    )
    return select, "paper_link", PaperLink.id, (1.0,)


def _visible(kind: Kind, search: Search) -> tuple[sa.Select, str, object, tuple[float, ...]]:
    """The rows of `kind` that `search`'s reader may see, within its filters (before any match):
    (select, table, id, weights) as `_kind_select`."""
    select, table, row_id, weights = _kind_select(kind)
    select = select.join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
    if search.public:
        select = select.where(
            MeetingType.is_public.is_(True), Meeting.minutes_status == MinutesStatus.PUBLISHED
        )
        if kind == Kind.ACTIONS:
            select = select.where(Action.confidential.is_(False))
    elif kind in (Kind.ACTIONS, Kind.UPDATES):
        select = select.where(visibility(search.user))
    if search.meeting_type_id is not None:
        select = select.where(Meeting.meeting_type_id == search.meeting_type_id)
    if search.since is not None:
        select = select.where(Meeting.starts_at >= datetime.combine(search.since, time.min))
    if search.until is not None:
        select = select.where(
            Meeting.starts_at < datetime.combine(search.until + timedelta(days=1), time.min)
        )
    return select, table, row_id, weights


def _candidates(kind: Kind, search: Search, query: str, bound: int, ranked: bool = False,
                newest: bool = True):
    """Up to `bound` matches of `kind` that the reader may see within the filters, as
    a subquery of their ids (and, on SQLite when `ranked`, their bm25 rank: FTS5 ranks only
    while it matches). The newest (the last recorded: highest id) when `newest`; SQLite walks its
    index newest first unless the search is dated, PostgreSQL only when asked."""
    visible, table, row_id, weights = _visible(kind, search)
    if _is_postgresql():
        candidates = _postgresql_candidates(visible, table, row_id, query, bound, newest)
    else:
        candidates = _sqlite_candidates(
            visible, table, row_id, query, weights, bound, ranked, walk=not search.dated
        )
    return candidates.subquery(f"candidates_{table}")


# --- what the page asks for ----------------------------------------------------------------------


def counts(search: Search, groups: list[syntax.Group]) -> dict[str, int]:
    """Matches of each kind, counted up to MOST_COUNTED + 1: one query."""
    query = _query_text(search, groups)
    counted = [
        sa.select(sa.func.count())
        .select_from(_candidates(kind, search, query, MOST_COUNTED + 1, newest=False))
        .scalar_subquery()
        .label(kind.value)
        for kind in search.kinds()
    ]
    return dict(db.session.execute(sa.select(*counted)).one()._mapping)


def _ranked(kind: Kind, search: Search, query: str, newest: bool) -> sa.Select:
    """The shown columns and the rank of the matches of `kind` that are ranked: the (newest)
    MOST_COUNTED; in a date range, every one, joined straight to the rows as they are shown."""
    if search.dated:
        select, table, row_id, weights = _visible(kind, search)
        if _is_postgresql():
            select = select.where(_vector(table).op("@@")(_tsquery(query)))
            rank = sa.func.ts_rank_cd(_vector(table), _tsquery(query))
        else:
            matched = _sqlite_matches(table, query, weights, ranked=True, walk=False)
            select, rank = select.join(matched, matched.c.id == row_id), matched.c.rank
        return select.add_columns(sa.cast(rank, sa.Float).label("rank"))
    candidates = _candidates(kind, search, query, MOST_COUNTED, ranked=True, newest=newest)
    select, table, row_id, _weights = _kind_select(kind)
    select = select.join(MeetingType, Meeting.meeting_type_id == MeetingType.id).join(
        candidates, candidates.c.id == row_id
    )
    if _is_postgresql():
        rank = sa.func.ts_rank_cd(_vector(table), _tsquery(query))
    else:
        rank = candidates.c.rank
    return select.add_columns(sa.cast(rank, sa.Float).label("rank"))


def hits(search: Search, groups: list[syntax.Group], kinds, limit: int, offset: int = 0,
         counted: dict[str, int] | None = None) -> list[Hit]:
    """The best `limit` matches of each of `kinds` (after `offset`), best first: one query.

    Among the newest MOST_COUNTED of each kind; within a date range, among all of them (walking
    newest first to an old range would pass every newer match). `counted` (from `counts`) tells
    which kinds have no more than MOST_COUNTED, so all of theirs are ranked without finding the
    newest first."""
    query = _query_text(search, groups)
    parts = []
    for kind in kinds:
        newest = counted is None or counted[kind.value] > MOST_COUNTED
        ordered = (
            _ranked(kind, search, query, newest)
            .order_by(sa.desc("rank"), sa.desc("starts_at"), sa.desc("id"))
            .limit(limit)
            .offset(offset)
            .subquery()
        )
        # Each branch in a subquery of its own: SQLite allows no LIMIT inside a plain UNION.
        parts.append(sa.select(*ordered.c))
    if not parts:
        return []
    union = parts[0] if len(parts) == 1 else sa.union_all(*parts)
    return [Hit(**row._mapping) for row in db.session.execute(union)]


def reference_of(text: str) -> str | None:
    """`text` as an action reference (COM-2023-10-04a), if it is written like one."""
    match = REFERENCE.match(text.strip())
    if match is None:
        return None
    prefix, year, month, item, letter = match.groups()
    return f"{prefix.upper()}-{year}-{month}-{item}{letter.lower()}"


def action_with_reference(reference: str, user) -> int | None:
    """The id of the action with `reference`, if `user` may see it."""
    return db.session.scalar(
        sa.select(Action.id).where(Action.reference == reference, visibility(user))
    )
