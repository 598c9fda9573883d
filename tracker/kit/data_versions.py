"""Counts worked out once per change to the data they count, not on every page view.

Each kind of data ("actions": the actions, their links to the plan, and what their counts are
grouped or filtered by) has a random token in the `data_version` table. Every transaction of a
session that changes a watched table sets a new token for its kind as its last statement before
COMMIT, so the token and the change are seen together or not at all, the token's row lock is
held only for the commit, and it cannot deadlock with the changed rows' own locks (a database
trigger would take it at the first write). Random, not a counter: a database emptied (the tests)
or restored from a backup never brings back a token that named other data. No row at all means
"do not cache": the counts are worked out each time, as they would be without this module.

`remembered(kind, key, compute)` keeps what `compute` returns in a bounded cache on the app,
keyed by the kind's current token and `key` (what is counted and everything it depends on: the
reader's visibility, the as-at date, the filters). The token is read once per request (kept on
`flask.g`), before anything is counted, so a count is never older than the token it is kept under.
Tokens live in the database, so every process sees another's change at its next request. A session
with uncommitted changes to a kind neither reads nor fills its cache: it counts for itself.

Changes are noticed in the session: the objects of a flush, and the INSERT, UPDATE and DELETE
statements run through `db.session.execute` (bulk inserts, `sa.update(Action)`). Writes that
bypass the session (`db.engine.begin()`, raw SQL text) are not noticed; the tracker makes none
to the watched tables outside the migrations and `flask data import`, which fills an empty
database (whose token, if any, came with the data it describes).
"""

import pickle
import secrets
import threading
import weakref
from collections.abc import Callable
from itertools import chain
from typing import TypeVar

import sqlalchemy as sa
from cachetools import LRUCache
from flask import Flask, current_app, g, has_app_context
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, Session, mapped_column

from tracker.extensions import db

EXTENSION = "tracker.data_versions"
# What each process keeps, in bytes as pickled: counts are a few dozen bytes each, a page of the
# register as shown some 40 KB. 32 MB holds every count and hundreds of pages; past it the least
# recently used go first, so no run of distinct addresses (a crawler paging through the
# register) can make a process grow without bound.
CACHE_BYTES = 32 * 1024 * 1024
# The kinds a session's transaction has changed, in `session.info`.
CHANGED = "data_versions.changed"

T = TypeVar("T")
_MISSING = object()


def _size(value) -> int:
    # Worked out once, when a value is kept (after the queries that made it).
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


class DataVersion(db.Model):
    """The current token of one kind of data."""

    __tablename__ = "data_version"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(32))


_TOKEN_OF = sa.select(DataVersion.__table__.c.token).where(
    DataVersion.__table__.c.name == sa.bindparam("name")
)

# Table name -> the kind it belongs to. Filled by the domains that cache counts (`watch`).
_watched: dict[str, str] = {}


def watch(kind: str, *tables: sa.Table) -> None:
    """Renew `kind`'s token whenever a session changes a row of one of `tables`."""
    for table in tables:
        _watched[table.name] = kind


def init_app(app: Flask) -> None:
    """The app's cache, and the session events that renew tokens (installed once)."""
    app.extensions[EXTENSION] = (LRUCache(maxsize=CACHE_BYTES, getsizeof=_size), threading.Lock())
    if not sa.event.contains(Session, "before_commit", _renew_tokens):
        sa.event.listen(Session, "before_flush", _note_flushed)
        sa.event.listen(Session, "do_orm_execute", _note_executed)
        sa.event.listen(Session, "before_commit", _renew_tokens)
        sa.event.listen(Session, "after_commit", _forget_read_tokens)
        sa.event.listen(Session, "after_transaction_end", _clear_notes)


def remembered(kind: str, key: tuple, compute: Callable[[], T]) -> T:
    """What `compute()` returns, kept under `kind`'s current token and `key`; worked out anew
    when the kind has changed since. `key` must hold everything the result depends on, and the
    result must be plain values (never ORM objects, which belong to one session)."""
    token = current_token(kind)
    if token is None:
        return compute()
    cache, lock = current_app.extensions[EXTENSION]
    entry = (kind, token, key)
    with lock:
        found = cache.get(entry, _MISSING)
    if found is not _MISSING:
        return found
    value = compute()
    with lock:
        cache[entry] = value
    return value



def current_token(kind: str) -> str | None:
    """`kind`'s token as this request first read it, or None: do not cache (no token yet, no app
    context, or this session has changed the kind and not yet committed)."""
    if not has_app_context() or _changing(db.session(), kind):
        return None
    tokens = g.setdefault("data_versions", {})
    if kind not in tokens:
        # On the session's connection, in its transaction, but as a plain statement: it is read
        # on every page, and the ORM's handling of a query doubled its cost.
        tokens[kind] = db.session.connection().execute(_TOKEN_OF, {"name": kind}).scalar()
    return tokens[kind]


def _changing(session: Session, kind: str) -> bool:
    return kind in session.info.get(CHANGED, ()) or kind in _pending_kinds(session)


def _pending_kinds(session: Session) -> set[str]:
    """The kinds the session's objects not yet flushed would change."""
    kinds = set()
    for instance in chain(session.new, session.deleted):
        kinds |= _kinds_of(sa.inspect(instance).mapper.tables)
    for instance in session.dirty:
        state = sa.inspect(instance)
        # Only a changed column counts: adding a person to an organisation marks the
        # organisation dirty (its list of people), but changes no row of it.
        if session.is_modified(instance, include_collections=False):
            kinds |= _kinds_of(state.mapper.tables)
        # A changed many-to-many collection changes its link table.
        kinds |= _kinds_of(
            relationship.secondary
            for relationship in state.mapper.relationships
            if relationship.secondary is not None
            and relationship.secondary.name in _watched
            and state.attrs[relationship.key].history.has_changes()
        )
    return kinds


def _kinds_of(tables) -> set[str]:
    return {_watched[table.name] for table in tables if table.name in _watched}


def _note(session: Session, kinds) -> None:
    if kinds:
        session.info.setdefault(CHANGED, set()).update(kinds)


def _note_flushed(session: Session, flush_context, instances) -> None:
    _note(session, _pending_kinds(session))


def _note_executed(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        name = getattr(table, "name", None)
        if name in _watched:
            _note(state.session, {_watched[name]})


def _renew_tokens(session: Session) -> None:
    # Flushed first, so that what the flush changes is noted; the token is then the last write.
    session.flush()
    kinds = sorted(session.info.get(CHANGED, ()))
    if not kinds or not _has_tokens(session):
        return
    for kind in kinds:
        upsert = (postgresql if session.get_bind().dialect.name == "postgresql" else sqlite).insert
        statement = upsert(DataVersion).values(name=kind, token=secrets.token_hex(16))
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[DataVersion.name], set_={"token": statement.excluded.token}
            )
        )


# Engines whose database has the table (migration 0014): asked once per process, and until then
# each time, so that a database upgraded while the process runs gets tokens from then on.
_upgraded: "weakref.WeakSet[sa.Engine]" = weakref.WeakSet()


def _has_tokens(session: Session) -> bool:
    """Whether the database has the table; one not yet upgraded (a test of the migrations loads
    data at an earlier revision) keeps nothing, and has nothing to renew."""
    engine = session.get_bind()
    if engine not in _upgraded:
        if not sa.inspect(session.connection()).has_table(DataVersion.__tablename__):
            return False
        _upgraded.add(engine)
    return True


def _forget_read_tokens(session: Session) -> None:
    # This request's later counts read the token its own change set.
    if session.info.get(CHANGED) and has_app_context():
        g.pop("data_versions", None)


def _clear_notes(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(CHANGED, None)
