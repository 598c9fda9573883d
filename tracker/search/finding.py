"""Finding what was said or decided: one SQL query per kind of record, run by the database's own
full-text index (migration 0011), with who may see what decided in the same SQL.

A search page makes two queries whatever the data holds: the capped number of matches of each
kind, and the results themselves (the best few of each kind, or one page of one kind), as rows of
the same columns so one UNION ALL fetches them all.
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

# Matches are counted up to here ("more than 500"): counting every match of a common word at
# 100,000 actions would cost more than the search itself.
MOST_COUNTED = 500
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


def _match(select: sa.Select, table: str, row_id, query: str, weights: tuple[float, ...],
           ranked: bool = True):
    """`select` narrowed to the rows of `table` matching `query`, and its rank (higher is better;
    None unless `ranked`: counting needs no rank, and SQLite would work it out for every match)."""
    if _is_postgresql():
        vector = sa.literal_column(f'"{table}".search_vector')
        tsquery = sa.func.websearch_to_tsquery(sa.literal_column("'english'"), query)
        return select.where(vector.op("@@")(tsquery)), sa.func.ts_rank_cd(vector, tsquery)
    fts = sa.table(f"search_{table}", sa.column("rowid"))
    own = sa.literal_column(f"search_{table}")
    rank = -sa.func.bm25(own, *(sa.literal_column(repr(weight)) for weight in weights))
    # The matches in a subquery SQLite cannot merge into the join (it has a LIMIT, of none), so
    # the index is read once, first; joined directly, SQLite may walk every visible action and
    # ask the index about each (0.7 s at 5,000 actions).
    matched = (
        sa.select(fts.c.rowid.label("id"), *([rank.label("rank")] if ranked else []))
        .where(own.op("MATCH")(query))
        .limit(-1)
        .subquery(f"matched_{table}")
    )
    return select.join(matched, matched.c.id == row_id), matched.c.rank if ranked else None


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


def _narrowed(kind: Kind, search: Search, query: str, ranked: bool = True) -> tuple[sa.Select, object]:
    """Matches of `kind` that `search`'s reader may see, within its filters; and their rank."""
    select, table, row_id, weights = _kind_select(kind)
    select = select.join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
    select, rank = _match(select, table, row_id, query, weights, ranked)
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
    return select, rank


# --- what the page asks for ----------------------------------------------------------------------


def counts(search: Search, groups: list[syntax.Group]) -> dict[str, int]:
    """Matches of each kind, counted up to MOST_COUNTED + 1: one query."""
    query = _query_text(search, groups)
    counted = []
    for kind in search.kinds():
        select, _ = _narrowed(kind, search, query, ranked=False)
        capped = select.with_only_columns(sa.literal(1)).limit(MOST_COUNTED + 1).subquery()
        counted.append(
            sa.select(sa.func.count()).select_from(capped).scalar_subquery().label(kind.value)
        )
    return dict(db.session.execute(sa.select(*counted)).one()._mapping)


def hits(search: Search, groups: list[syntax.Group], kinds, limit: int, offset: int = 0) -> list[Hit]:
    """The best `limit` matches of each of `kinds` (after `offset`), best first: one query."""
    query = _query_text(search, groups)
    parts = []
    for kind in kinds:
        select, rank = _narrowed(kind, search, query)
        ordered = (
            select.add_columns(sa.cast(rank, sa.Float).label("rank"))
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
