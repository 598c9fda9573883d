"""Personal access tokens for the API: issuing, listing, revoking and recognising them.

A token's secret ("wyt_" and 43 random characters) is shown to its owner once, when it is issued;
only its SHA-256 hash is stored, so a copy of the database opens nothing. A token acts as its
user (the same roles and rules as the web), within its scope: "read" tokens may only read.
It works until it expires (1 to 366 days after it is issued) or is revoked, and stops working
as soon as its user is made inactive.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from tracker import audit
from tracker.auth.models import ApiToken, TokenScope, User
from tracker.auth.permissions import Permission, can
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit.conflicts import save
from tracker.kit.dates import utcnow

SECRET_PREFIX = "wyt_"
DEFAULT_EXPIRY_DAYS = 90
MAX_EXPIRY_DAYS = 366
# How many characters of the secret lists show, e.g. "wyt_ab12cd".
SHOWN_PREFIX = 10
# The last-used time is written at most this often: one write a minute, not one a request.
TOUCH_EVERY = timedelta(minutes=1)


class TokenError(Exception):
    """A token request that cannot be met; the message is for the person asking."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotAllowed(TokenError):
    """The user may not do this to this token."""


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _aware(value: datetime) -> datetime:
    # SQLite gives back naive datetimes; everything is stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def issue(
    user: User, *, name: str, scope: str, expires_in_days: int = DEFAULT_EXPIRY_DAYS, by=None
) -> tuple[ApiToken, str]:
    """A new token for `user` and its secret, which is not kept and cannot be shown again.

    `by` is who issued it when not the user themself (an administrator at the command line).
    """
    name = (name or "").strip()
    if not name:
        raise TokenError("Enter a name for the token", field="name")
    if len(name) > 100:
        raise TokenError("The token's name must be 100 characters or fewer", field="name")
    if scope not in TokenScope.labels():
        raise TokenError("Choose whether the token may only read, or read and write", field="scope")
    if not isinstance(expires_in_days, int) or not 1 <= expires_in_days <= MAX_EXPIRY_DAYS:
        raise TokenError(
            f"The token must expire in between 1 and {MAX_EXPIRY_DAYS} days",
            field="expires_in_days",
        )
    if not user.active:
        raise TokenError(f"{user.username}'s account is not active, so it cannot have tokens")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    token = ApiToken(
        user=user,
        name=name,
        token_hash=_hash(secret),
        prefix=secret[:SHOWN_PREFIX],
        scope=scope,
        created_at=now,
        expires_at=now + timedelta(days=expires_in_days),
    )
    db.session.add(token)
    db.session.flush()  # gives the token its id, for the audit entry
    issuer = by or user
    audit.record(
        issuer,
        "issued API token",
        token,
        f"Issued API token “{name}” ({TokenScope.label_of(scope).lower()}) for {user.username}, "
        f"expiring in {expires_in_days} days",
        owner=user.username,
        scope=scope,
    )
    save()
    return token, secret


def may_revoke(token: ApiToken, user) -> bool:
    """The token's owner, or an administrator."""
    return token.user_id == getattr(user, "id", None) or can(user, Permission.ADMINISTER)


def revoke(token: ApiToken, user) -> None:
    """Stop `token` working from now on. Only its owner or an administrator may."""
    if not may_revoke(token, user):
        raise NotAllowed("You can only revoke your own tokens")
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    audit.record(
        user, "revoked API token", token, f"Revoked API token “{token.name}” of {token.user.username}"
    )
    save()


def tokens_of(user: User) -> list[ApiToken]:
    """Every token of `user`, revoked and expired ones too, newest first."""
    return list(
        db.session.scalars(
            sa.select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def token_by_id(token_id: int) -> ApiToken | None:
    return db.session.get(ApiToken, token_id)


def authenticate(raw: str) -> ApiToken | None:
    """The token whose secret is `raw`, with its user loaded; None when there is none, or it is
    revoked, expired or its user inactive.

    Looked up by the secret's hash, so the comparison takes the same time whatever is sent.
    The last-used time is written at most once a minute, on a connection of its own, so the
    request's own transaction stays the view's to commit or roll back.
    """
    if not isinstance(raw, str) or not raw.startswith(SECRET_PREFIX) or len(raw) > 200:
        return None
    token = db.session.scalar(
        sa.select(ApiToken)
        .options(joinedload(ApiToken.user).joinedload(User.person).joinedload(Person.organisation))
        .where(ApiToken.token_hash == _hash(raw))
    )
    now = utcnow()
    if token is None or token.revoked_at is not None or _aware(token.expires_at) <= now:
        return None
    if not token.user.active:
        return None
    if token.last_used_at is None or now - _aware(token.last_used_at) >= TOUCH_EVERY:
        with db.engine.begin() as connection:
            connection.execute(
                sa.update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now)
            )
        set_committed_value(token, "last_used_at", now)
    return token
