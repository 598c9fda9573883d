"""Indexes that let SQLite read home pages and the filtered register off an index at any size

Revision ID: 0008_home_indexes
Revises: 0007_page_indexes
Create Date: 2026-12-03 17:20:00

Without statistics SQLite's planner takes any index on an equality (`status = ?`,
`confidential = 0`, `owner_id = ?`) and then sorts every action it finds: at 100,000 actions a
home page sorted tens of thousands of rows to show ten. Each index here starts with the columns a
page filters on by equality and goes on in the order the page lists them, so a list is a walk
along one index and a capped count reads the index alone:

- (status, due_on, reference): the overdue list, one walk per outstanding status, and its count;
- (owner_id, status, due_on IS NULL, due_on, reference, lead_id, confidential): a lead's own and
  their organisation's open actions, due order, and their counts; the register narrowed to an
  owner and a status;
- (confidential, raised_on, id): the newest actions a reader without confidential access sees;
- (status, updated_at, id): what awaits the Deputy Mayor's sign-off, oldest first;
- (status, due_on, id) of the actions with a request for more time (a partial index: few
  actions carry one), which both databases use for a query that says
  `requested_due_on IS NOT NULL` in those words.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008_home_indexes'
down_revision = '0007_page_indexes'
branch_labels = None
depends_on = None

INDEXES = (
    ('ix_action_status_due', ['status', 'due_on', 'reference']),
    (
        'ix_action_owner_status_due',
        [
            'owner_id', 'status', sa.text('(due_on IS NULL)'), 'due_on', 'reference', 'lead_id',
            'confidential',
        ],
    ),
    ('ix_action_confidential_raised', ['confidential', 'raised_on', 'id']),
    ('ix_action_status_updated', ['status', 'updated_at', 'id']),
)
MORE_TIME = 'ix_action_more_time'
REQUESTED = sa.text('requested_due_on IS NOT NULL')


def upgrade():
    for name, columns in INDEXES:
        op.create_index(name, 'action', columns)
    op.create_index(
        MORE_TIME, 'action', ['status', 'due_on', 'id'],
        sqlite_where=REQUESTED, postgresql_where=REQUESTED,
    )


def downgrade():
    op.drop_index(MORE_TIME, table_name='action')
    for name, _ in reversed(INDEXES):
        op.drop_index(name, table_name='action')
