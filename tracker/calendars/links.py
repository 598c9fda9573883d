"""Making and checking the secret address of a person's calendar feed (the token's two parts are
described in `models`).

The token is shown once, when it is made: only its hash is kept, so the tracker cannot show it
again. Making a new one replaces the old, which stops working at once.
"""

import hashlib
import hmac
import re
import secrets

import sqlalchemy as sa
from sqlalchemy.orm import joinedload

from tracker import audit
from tracker.auth.models import User
from tracker.calendars.models import CalendarLink
from tracker.directory.models import Person
from tracker.extensions import db
from tracker.kit.conflicts import save
from tracker.kit.dates import utcnow

SELECTOR_LENGTH = 16  # hex digits: 64 random bits, enough to find a record, never to open it
# A selector, then a verifier of 256 random bits (43 URL-safe characters).
TOKEN = re.compile(r"[0-9a-f]{16}[A-Za-z0-9_-]{43}")


def _hash(verifier: str) -> str:
    return hashlib.sha256(verifier.encode()).hexdigest()


def link_of(user: User) -> CalendarLink | None:
    """The user's calendar address record, if they have made one."""
    return db.session.scalar(sa.select(CalendarLink).where(CalendarLink.user_id == user.id))


def new_link(user: User) -> str:
    """Make `user`'s calendar address, replacing any they had; commit, and return its token.

    Anyone signed in may make their own: what the feed shows depends on what they may see.
    """
    selector, verifier = secrets.token_hex(SELECTOR_LENGTH // 2), secrets.token_urlsafe(32)
    link = link_of(user)
    replaced = link is not None
    if link is None:
        link = CalendarLink(user=user)
        db.session.add(link)
    link.selector = selector
    link.verifier_hash = _hash(verifier)
    link.created_at = utcnow()
    db.session.flush()
    if replaced:
        audit.record(user, "calendar.link_replaced", link,
                     "Made a new calendar address; the old one no longer works")
    else:
        audit.record(user, "calendar.link_created", link, "Made a calendar address")
    save()
    return selector + verifier


def user_for_token(token: str) -> User | None:
    """The active user whose calendar address holds `token`, or None.

    One query, which also loads what deciding what they may see needs (their person and
    organisation). The verifier is compared in constant time.
    """
    if not TOKEN.fullmatch(token):
        return None
    selector, verifier = token[:SELECTOR_LENGTH], token[SELECTOR_LENGTH:]
    link = db.session.scalar(
        sa.select(CalendarLink)
        .options(
            joinedload(CalendarLink.user).joinedload(User.person).joinedload(Person.organisation)
        )
        .where(CalendarLink.selector == selector)
    )
    if link is None or not hmac.compare_digest(link.verifier_hash, _hash(verifier)):
        return None
    return link.user if link.user.active else None
