"""The register's default order served by an index: (due_on IS NULL, due_on, reference), (raised_on, id)

Revision ID: 0006_register_indexes
Revises: 0005_never_reuse_ids
Create Date: 2026-12-03 16:30:00

The register lists actions due soonest first, undated ones last, then by reference. Without an
index on exactly that order every page sorts every action (SQLite builds a temporary B-tree;
PostgreSQL sorts, on disk for deep pages). Both databases use an index on the expression
`due_on IS NULL` for that ORDER BY, and seek into it for "the page after this action". The
reference sort already has the unique index on `reference`. Home pages list the newest actions
first: an index on (raised_on, id).
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0006_register_indexes'
down_revision = '0005_never_reuse_ids'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_action_raised_order', 'action', ['raised_on', 'id'])
    op.create_index(
        'ix_action_due_order', 'action', [sa.text('(due_on IS NULL)'), 'due_on', 'reference']
    )


def downgrade():
    op.drop_index('ix_action_due_order', table_name='action')
    op.drop_index('ix_action_raised_order', table_name='action')
