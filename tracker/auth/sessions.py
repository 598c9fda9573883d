"""Signed-in sessions kept on the server, so that signing out really ends them.

Flask's session cookie is signed, not stored: a copy of it would work until it expired. So each
sign-in also makes a `UserSession` record and puts a random key in the cookie; the server keeps
only the key's SHA-256 hash. The user loader (tracker/auth/loader.py) accepts a cookie only while
its record is open, was used within `SESSION_IDLE_TIMEOUT` and began less than
`SESSION_MAX_LIFETIME` ago. Signing out, "sign out of all other sessions" and a new password end
records. An ended record is kept, with why it ended, for a day after the longest a session can
last, so whoever comes back with its cookie is told why they were signed out.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache

import sqlalchemy as sa
from flask import Flask, current_app, flash, g, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship
from sqlalchemy.orm.attributes import set_committed_value

from tracker import audit
from tracker.auth.models import User
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit.dates import utcnow

# Where the session's key is kept in Flask's (signed) session cookie.
SESSION_KEY = "session_key"
# The last-used time is written at most this often: one write a minute, not one a request.
TOUCH_EVERY = timedelta(minutes=1)
# Ended and expired records are kept this long after the longest a session can last.
KEEP_ENDED = timedelta(days=1)


class EndReason:
    SIGNED_OUT = "signed out"
    IDLE = "idle"
    LIFETIME = "lifetime"
    ELSEWHERE = "signed out elsewhere"
    PASSWORD = "password changed"
    UNKNOWN = "unknown"


class UserSession(db.Model):
    """One browser's signed-in session: open until it is ended or expires."""

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"), index=True)
    key_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    last_seen_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    end_reason: Mapped[str | None] = mapped_column(sa.String(30))
    address: Mapped[str] = mapped_column(sa.String(45), default="")

    user: Mapped[User] = relationship()

    def expiry_reason(self, now: datetime, idle: timedelta, lifetime: timedelta) -> str | None:
        """Why this open session is over by `now`, or None while it may carry on."""
        if now - _aware(self.created_at) >= lifetime:
            return EndReason.LIFETIME
        if now - _aware(self.last_seen_at) >= idle:
            return EndReason.IDLE
        return None


def _aware(value: datetime) -> datetime:
    # SQLite gives back naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def lifetimes() -> tuple[timedelta, timedelta]:
    """How long a session lasts unused, and at most: the settings, such as (30 minutes, 12 hours)."""
    return current_app.config["SESSION_IDLE_TIMEOUT"], current_app.config["SESSION_MAX_LIFETIME"]


# Starting and ending sessions (the caller commits) ------------------------------------------------


def create(user: User, address: str = "") -> tuple[UserSession, str]:
    """A new open session record for `user`, and the key that opens it (kept only in the cookie)."""
    key = secrets.token_urlsafe(32)
    now = utcnow()
    record = UserSession(user=user, key_hash=_hash(key), created_at=now, last_seen_at=now, address=address)
    db.session.add(record)
    return record, key


def sign_in(user: User) -> UserSession:
    """Sign `user` in in this browser: a session record on the server, its key in the cookie."""
    _delete_old_records()
    address = (request.remote_addr or "")[:45]
    record, key = create(user, address)
    db.session.flush()  # gives the record its id, for the audit entry
    login_user(user)
    session[SESSION_KEY] = key
    g.user_session = record
    user.last_sign_in_at = record.created_at
    audit.record(
        user, "signed in", record, f"Signed in from {address or 'an unknown address'}", address=address
    )
    return record


def sign_out() -> None:
    """End this browser's session on the server as well as in its cookie."""
    record = current_session()
    if record is not None:
        _end(record, EndReason.SIGNED_OUT)
        audit.record(record.user, "signed out", record, "Signed out")
    logout_user()
    session.pop(SESSION_KEY, None)


def end_other_sessions(user: User, reason: str = EndReason.ELSEWHERE) -> int:
    """End every open session of `user` but this browser's; how many were ended."""
    return _end_open_sessions(user, reason, keep=current_session())


def end_all_sessions(user: User, reason: str) -> int:
    """End every open session of `user`, wherever they are signed in; how many were ended."""
    return _end_open_sessions(user, reason)


def _end_open_sessions(user: User, reason: str, keep: UserSession | None = None) -> int:
    query = sa.update(UserSession).where(UserSession.user_id == user.id, UserSession.ended_at.is_(None))
    if keep is not None:
        query = query.where(UserSession.id != keep.id)
    return db.session.execute(query.values(ended_at=utcnow(), end_reason=reason)).rowcount


def _end(record: UserSession, reason: str) -> None:
    record.ended_at = utcnow()
    record.end_reason = reason


def _delete_old_records() -> None:
    """Forget sessions long over: they hold addresses, which are kept no longer than needed."""
    _, lifetime = lifetimes()
    db.session.execute(
        sa.delete(UserSession).where(UserSession.created_at < utcnow() - lifetime - KEEP_ENDED)
    )


# Reading them ---------------------------------------------------------------------------------


def current_session() -> UserSession | None:
    """This browser's open session, once the user loader has accepted it."""
    return g.get("user_session")


def open_sessions(user: User) -> list[UserSession]:
    """The sessions of `user` that are still open, most recently used first."""
    idle, lifetime = lifetimes()
    now = utcnow()
    records = db.session.scalars(
        sa.select(UserSession)
        .where(
            UserSession.user_id == user.id,
            UserSession.ended_at.is_(None),
            UserSession.created_at > now - lifetime,
            UserSession.last_seen_at > now - idle,
        )
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    )
    return list(records)


@cache
def session_by_key() -> sa.Select:
    """The session a cookie's key opens. Every page names the signed-in person and a lead's
    organisation: they are loaded with it. Built once (when first used, once every model is
    mapped), as it runs on every request."""
    return (
        sa.select(UserSession)
        .options(joinedload(UserSession.user).joinedload(User.person).joinedload(Person.organisation))
        .where(UserSession.key_hash == sa.bindparam("key_hash"))
    )


def session_for_cookie(user_id: int) -> UserSession | None:
    """The open session this request's cookie holds for user `user_id`, or None.

    For the user loader. A session found over is ended on the server, and why is kept in `g` for
    `check_session` to tell the person. The last-used time is brought up to date.
    """
    key = session.get(SESSION_KEY)
    record = None
    if isinstance(key, str) and key:
        record = db.session.scalar(session_by_key(), {"key_hash": _hash(key)})
    if record is None or record.user_id != user_id:
        g.session_end_reason = EndReason.UNKNOWN
        return None
    if record.ended_at is not None:
        g.session_end_reason = record.end_reason or EndReason.UNKNOWN
        return None
    now = utcnow()
    reason = record.expiry_reason(now, *lifetimes())
    if reason:
        end_on_its_own(record, reason)
        g.session_end_reason = reason
        return None
    if now - _aware(record.last_seen_at) >= TOUCH_EVERY:
        _write_on_its_own(record, last_seen_at=now)
    g.user_session = record
    return record


def forget_current(reason: str) -> None:
    """The loader turned this request's session away after all, for `reason`."""
    g.pop("user_session", None)
    g.session_end_reason = reason


def end_on_its_own(record: UserSession, reason: str) -> None:
    """End `record` at once, whatever the request goes on to do."""
    _write_on_its_own(record, ended_at=utcnow(), end_reason=reason)


def _write_on_its_own(record: UserSession, **values) -> None:
    # On a connection of its own, committed now: the request's own transaction stays the view's to
    # commit or roll back, and a session that expired stays ended if the view fails.
    with db.engine.begin() as connection:
        connection.execute(sa.update(UserSession).where(UserSession.id == record.id).values(**values))
    for name, value in values.items():
        set_committed_value(record, name, value)


# Telling people why they were signed out ----------------------------------------------------------


def describe_duration(value: timedelta) -> str:
    """'30 minutes', '12 hours', '1 hour'."""
    minutes = int(value.total_seconds() // 60)
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def signed_out_message(reason: str) -> str:
    """What the sign-in page says to someone whose session ended without them signing out here."""
    idle, lifetime = lifetimes()
    because = {
        EndReason.IDLE: f"because you had not used the tracker for {describe_duration(idle)}",
        EndReason.LIFETIME: f"because you had been signed in for {describe_duration(lifetime)}",
        EndReason.ELSEWHERE: "because you chose to sign out of your other sessions, "
        "in another browser or on another device",
        EndReason.PASSWORD: "because your password was changed",
    }.get(reason)
    if because:
        return f"You were signed out {because}. Sign in again to carry on."
    return "You were signed out. Sign in again to carry on."


def check_session():
    """Before each request: accept or end the session, and send an ended one to sign in again.

    Loading the user here, first, means the loader's writes come before anything the view does.
    """
    if request.endpoint == "static":
        return None
    current_user._get_current_object()  # runs the user loader (tracker/auth/loader.py)
    reason = g.pop("session_end_reason", None)
    if reason is None:
        return None
    logout_user()
    session.pop(SESSION_KEY, None)
    if request.endpoint == "auth.login":
        if request.method == "GET":
            flash(signed_out_message(reason), "signed-out")
        return None
    flash(signed_out_message(reason), "signed-out")
    next_path = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.login", next=next_path))


def init_app(app: Flask) -> None:
    app.before_request(check_session)
