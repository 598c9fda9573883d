"""The secret address of a person's calendar feed, kept as a password reset token is kept.

The address holds a token of two parts: a selector, stored as it is, which finds the record, and
a verifier, of which only the SHA-256 hash is stored and which is compared in constant time. A
copy of the database therefore opens no one's feed, and a guess learns nothing from timing.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.extensions import db
from tracker.kit.dates import utcnow


class CalendarLink(db.Model):
    """A user's one calendar address; making a new one replaces it, and the old one stops working."""

    __tablename__ = "calendar_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id"), unique=True)
    selector: Mapped[str] = mapped_column(sa.String(16), unique=True)
    verifier_hash: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship()
