"""Never reuse an id: AUTOINCREMENT keys on SQLite for every table whose ids appear in addresses

Revision ID: 0005_never_reuse_ids
Revises: 0004_outbox
Create Date: 2026-12-03 15:40:00

SQLite gives a new row the highest id plus one, so deleting the newest meeting hands its id to
the next one and an old bookmark opens a different meeting. An AUTOINCREMENT key never goes back.
SQLite cannot alter a key in place: each table is rebuilt (Alembic's batch mode copies the rows,
ids included). PostgreSQL's sequences never reuse a value, so there this migration does nothing.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0005_never_reuse_ids'
down_revision = '0004_outbox'
branch_labels = None
depends_on = None

# The tables whose ids appear in the tracker's addresses (tracker.extensions.NEVER_REUSE_IDS).
TABLES = (
    'organisation', 'person', 'meeting_type', 'user_account', 'plan', 'priority', 'indicator',
    'meeting', 'agenda_item', 'future_agenda_item', 'action', 'outbox_message',
)


def _rebuild(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != 'sqlite':
        return
    # Dropping the old copy of a table must not trip (or cascade through) the foreign keys that
    # point at it; the rows keep their ids, so every reference still holds afterwards. (SQLite's
    # DDL runs outside a transaction here, where the pragma takes effect.)
    enforced = bind.exec_driver_sql('PRAGMA foreign_keys').scalar()
    if enforced:
        bind.exec_driver_sql('PRAGMA foreign_keys=OFF')
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}
        ):
            pass
    if enforced:
        bind.exec_driver_sql('PRAGMA foreign_keys=ON')


def upgrade():
    _rebuild(autoincrement=True)


def downgrade():
    _rebuild(autoincrement=False)
