"""Users who sign in, and the roles that decide what they may do."""

import hashlib
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.directory.models import Organisation, Person
from tracker.extensions import NEVER_REUSE_IDS, db
from tracker.kit.dates import utcnow
from tracker.kit.enums import LabelledEnum


class Role(LabelledEnum):
    ADMIN = "admin", "Administrator"
    SECRETARIAT = "secretariat", "Secretariat"
    LEAD = "lead", "WYP lead"
    EXECUTIVE = "executive", "Deputy Mayor / executive"
    VIEWER = "viewer", "Read-only"


class User(UserMixin, db.Model):
    __tablename__ = "user_account"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(256))
    role: Mapped[str] = mapped_column(sa.String(20))
    person_id: Mapped[int | None] = mapped_column(sa.ForeignKey("person.id"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    person: Mapped[Person | None] = relationship()

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def get_id(self) -> str:
        """The id kept in the session cookie, tied to the current password.

        A new password changes the hash, so every session signed in with the old one ends.
        """
        fingerprint = hashlib.sha256(self.password_hash.encode()).hexdigest()[:16]
        return f"{self.id}:{fingerprint}"

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses sign-in to disabled accounts
        return self.active

    @property
    def organisation(self) -> Organisation | None:
        return self.person.organisation if self.person else None

    @property
    def display_name(self) -> str:
        return self.person.name if self.person else self.username

    @property
    def role_label(self) -> str:
        return Role.label_of(self.role)


class TokenScope(LabelledEnum):
    READ = "read", "Read only"
    WRITE = "write", "Read and write"


class ApiToken(db.Model):
    """A personal access token for the API: it acts as its user, within its scope, until it
    expires or is revoked. Only the secret's SHA-256 hash is kept (tracker/auth/tokens.py)."""

    __tablename__ = "api_token"
    __table_args__ = NEVER_REUSE_IDS

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # The secret's first characters, shown in lists so its owner can tell tokens apart.
    prefix: Mapped[str] = mapped_column(sa.String(12))
    scope: Mapped[str] = mapped_column(sa.String(10), default=TokenScope.READ)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    user: Mapped[User] = relationship()

    @property
    def scope_label(self) -> str:
        return TokenScope.label_of(self.scope)

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE

    def status(self, now: datetime) -> str:
        """'Active', 'Revoked' or 'Expired', as the token page shows it."""
        if self.revoked_at is not None:
            return "Revoked"
        expires = self.expires_at if self.expires_at.tzinfo else self.expires_at.replace(tzinfo=UTC)
        return "Expired" if expires <= now else "Active"
