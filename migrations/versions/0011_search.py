"""Full-text search over meetings, agenda items, actions, their history and papers, kept in step
by the database itself

Revision ID: 0011_search
Revises: 0010_flat_indexes
Create Date: 2026-12-03 18:50:00

PostgreSQL: a generated `search_vector` tsvector column on each searched table ('english'
stemming; a title weighs more than notes), with a GIN index. The database computes it on every
insert and update, and for the rows already there when the column is added.

SQLite: an FTS5 table per searched table (`search_<table>`, Porter stemmer over unicode61) that
indexes the table's own text (external content: the text is stored once), kept in step by
triggers on insert, update and delete, and rebuilt from the rows already there.

Neither is in the models (tracker/search/ reads them; migrations/env.py leaves them out of the
comparison with the models). A later migration that has SQLite rebuild one of these tables
(batch mode's copy-and-move) drops its triggers: it must create them again.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011_search'
down_revision = '0010_flat_indexes'
branch_labels = None
depends_on = None

# table -> its searched text columns, most telling first (the first weighs most on PostgreSQL).
SEARCHED = {
    'meeting': ('theme', 'place', 'previous_minutes_amendment'),
    'agenda_item': ('title', 'notes'),
    'action': ('reference', 'text'),
    'action_update': ('note',),
    'paper_link': ('title',),
}


def _vector(columns):
    weights = 'ABCD'
    parts = [
        f"setweight(to_tsvector('english'::regconfig, coalesce({column}, '')), '{weights[min(n, 3)]}')"
        for n, column in enumerate(columns)
    ]
    return ' || '.join(parts)


def _sqlite_upgrade(table, columns):
    fts = f'search_{table}'
    listed = ', '.join(columns)
    new = ', '.join(f'new.{column}' for column in columns)
    old = ', '.join(f'old.{column}' for column in columns)
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({listed}, content='{table}', content_rowid='id', "
        f"tokenize='porter unicode61')"
    )
    op.execute(
        f'CREATE TRIGGER {fts}_insert AFTER INSERT ON "{table}" BEGIN '
        f'INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {new}); END'
    )
    op.execute(
        f'CREATE TRIGGER {fts}_delete AFTER DELETE ON "{table}" BEGIN '
        f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {old}); END"
    )
    # Only when a searched column changes: a status or version bump leaves the index alone.
    op.execute(
        f'CREATE TRIGGER {fts}_update AFTER UPDATE OF {listed} ON "{table}" BEGIN '
        f"INSERT INTO {fts}({fts}, rowid, {listed}) VALUES ('delete', old.id, {old}); "
        f'INSERT INTO {fts}(rowid, {listed}) VALUES (new.id, {new}); END'
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade():
    dialect = op.get_bind().dialect.name
    for table, columns in SEARCHED.items():
        if dialect == 'postgresql':
            op.execute(
                f'ALTER TABLE "{table}" ADD COLUMN search_vector tsvector '
                f'GENERATED ALWAYS AS ({_vector(columns)}) STORED'
            )
            op.execute(f'CREATE INDEX ix_{table}_search ON "{table}" USING gin (search_vector)')
        else:
            _sqlite_upgrade(table, columns)


def downgrade():
    dialect = op.get_bind().dialect.name
    for table in SEARCHED:
        if dialect == 'postgresql':
            op.execute(f'DROP INDEX ix_{table}_search')
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN search_vector')
        else:
            for event in ('insert', 'delete', 'update'):
                op.execute(f'DROP TRIGGER search_{table}_{event}')
            op.execute(f'DROP TABLE search_{table}')
