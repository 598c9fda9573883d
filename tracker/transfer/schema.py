"""What an export file and a database must agree on: the migration revision and the tables.

Tables come from the models' metadata (the whole schema, via `tracker.models`), so a new table is
exported and imported without any change here.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy.schema import sort_tables_and_constraints

import tracker.models  # noqa: F401  (loads every model into the metadata)
from tracker.extensions import db


@dataclass(frozen=True)
class TableOrder:
    """A table in the order rows can be inserted, with the foreign keys that must wait.

    `held_back` names the columns of foreign keys that refer to the table itself or close a
    cycle between tables (a meeting's previous meeting, the plan a plan was copied from): they
    are inserted empty and filled in once every row exists, because the referred row may come
    later in the file and neither database here declares its constraints deferrable.
    """

    table: sa.Table
    held_back: tuple[str, ...]


def tables_in_order() -> list[TableOrder]:
    """Every table of the schema, parents before children."""
    ordered = sort_tables_and_constraints(db.metadata.tables.values())
    # The last entry carries the foreign keys that close a cycle between tables, if any.
    cyclic = {fk for table, fks in ordered if table is None for fk in fks}
    result = []
    for table, _ in ordered:
        if table is None:
            continue
        waiting = [
            fk for fk in table.foreign_key_constraints if fk.referred_table is table or fk in cyclic
        ]
        held = tuple(dict.fromkeys(column.name for fk in waiting for column in fk.columns))
        result.append(TableOrder(table, held))
    return result


def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(current_app.extensions["migrate"].migrate.get_config())


def code_revision() -> str:
    """The newest migration this version of the tracker has: the schema its models describe."""
    return _scripts().get_current_head()


def known_revisions() -> set[str]:
    """Every migration revision this version of the tracker knows."""
    return {script.revision for script in _scripts().walk_revisions()}


def database_revision(connection: sa.Connection) -> str | None:
    """The revision the database's schema is at; None when it has no schema yet."""
    return MigrationContext.configure(connection).get_current_revision()
