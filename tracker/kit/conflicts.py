"""Someone else changed it meanwhile: the one way the tracker notices, for every editable record.

A form that changes a saved record carries what its page showed: the record's `version` and, for
forms that edit fields, the values of those fields (`original`). On saving, the service calls
`reconcile`. Same version: nothing happened meanwhile. A newer version: field by field, a change
someone else made to a field this person left alone is kept; a field both of them changed is a
clash. A form that edits no fields (a progress update, a sign-off) clashes on any change. A clash
raises `ChangedMeanwhile` and nothing is saved; the page shows the newer record and keeps what the
person typed. A write that loses a race between that check and the commit is caught by `save` as
the same error, by the version the database checks on every UPDATE.
"""

import json
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

from flask_wtf import FlaskForm
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField

from tracker.extensions import db


class ChangedMeanwhile(Exception):
    """Someone else saved the record after the person opened it; nothing was saved.

    `clashes` maps each field both changed to the value the other person saved.
    """

    def __init__(self, clashes: dict | None = None, message: str = "This changed since you opened it."):
        super().__init__(message)
        self.clashes = clashes or {}


def _plain(value):
    """A value as the page's JSON carries it, so what was shown and what is saved compare."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


class SeenForm(FlaskForm):
    """A form that changes a saved record, carrying what its page showed (see the module).

    Records without a version column (the directory, users) are compared by `original` alone.
    """

    # The fields the form edits, as the record names them; empty for forms that edit none.
    tracked: tuple[str, ...] = ()
    version = HiddenField()
    original = HiddenField()

    def remember(self, record) -> None:
        """Carry the record as the page shows it now."""
        version = getattr(record, "version", None)
        if version is not None:
            self.version.data = str(version)
            self.version.raw_data = [self.version.data]
        if self.tracked:
            self.original.data = json.dumps(
                {name: _plain(getattr(record, name)) for name in self.tracked}
            )

    @property
    def seen_version(self) -> int | None:
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return None

    def shown(self) -> dict:
        try:
            shown = json.loads(self.original.data or "{}")
        except (ValueError, RecursionError):  # RecursionError: a crafted "[[[[..." value
            return {}
        return shown if isinstance(shown, dict) else {}


def reconcile(record, seen_version: int | None, shown: dict | None = None, submitted: dict | None = None) -> dict:
    """The submitted values to save, or `ChangedMeanwhile` if they would undo someone's change.

    `submitted` maps the record's field names to the values the person sent; `shown` what the
    page showed of them. Fields the person left alone take the newer saved value.
    """
    submitted = dict(submitted or {})
    version = getattr(record, "version", None)
    if version is None:
        # No version column (the directory, users): lock the row (PostgreSQL) so nobody saves
        # between this check and the commit, and compare what the page showed.
        # Only the record's own row: the people and organisations loaded with it (outer joins)
        # cannot be locked, and are not being changed.
        db.session.refresh(record, with_for_update={"of": type(record)})
        if not shown:
            return submitted
    elif seen_version is None or seen_version == version:
        return submitted
    elif not shown or not submitted:
        raise ChangedMeanwhile()
    clashes = {}
    for name, value in submitted.items():
        saved = _plain(getattr(record, name))
        was = shown.get(name, saved)
        if was == saved or _plain(value) == saved:
            continue
        if _plain(value) == was:
            submitted[name] = getattr(record, name)  # left alone here: keep the other change
        else:
            clashes[name] = saved
    if clashes:
        raise ChangedMeanwhile(clashes)
    return submitted


# Set while `one_transaction` runs: the services it calls flush instead of committing.
_in_one_transaction: ContextVar[bool] = ContextVar("in_one_transaction", default=False)


@contextmanager
def one_transaction():
    """Run several services as one change: their `save` only flushes, and the whole is committed
    at the end, or rolled back if any of them refuses (an import that fails halfway saves nothing).
    """
    if _in_one_transaction.get():
        yield
        return
    token = _in_one_transaction.set(True)
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    finally:
        _in_one_transaction.reset(token)
    save()


def save() -> None:
    """Commit the change. If another writer got in first (the row's version moved on), undo it
    and raise `ChangedMeanwhile`; a clash on a unique name is the caller's to report."""
    if _in_one_transaction.get():
        db.session.flush()
        return
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise ChangedMeanwhile() from None
    except IntegrityError:
        db.session.rollback()
        raise
