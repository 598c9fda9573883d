"""An index on (closed_on, status) for a priority's recently closed actions; on PostgreSQL, the
actions' ids in the index (status, due_on, reference)

Revision ID: 0010_flat_indexes
Revises: 0009_report_indexes
Create Date: 2026-12-03 19:10:00

A priority's page lists the actions closed in the last three months, latest first. Without an
index on closed_on both databases found them among every finished action (four in five of all
actions) and sorted them; with it, the page walks back from today through the few closed
recently, and stops once it has its 25.

The overdue review and a priority's page count overdue and open actions by their links to
priorities, which needs each outstanding action's id. SQLite's indexes hold the row's id
already; PostgreSQL's do not, so it read every outstanding action's row for it (a bitmap heap
scan). With the id included, PostgreSQL reads the index alone.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010_flat_indexes'
down_revision = '0009_report_indexes'
branch_labels = None
depends_on = None

STATUS_DUE = ['status', 'due_on', 'reference']


def upgrade():
    op.create_index('ix_action_closed_status', 'action', ['closed_on', 'status'])
    op.drop_index('ix_action_status_due', table_name='action')
    op.create_index('ix_action_status_due', 'action', STATUS_DUE, postgresql_include=['id'])


def downgrade():
    op.drop_index('ix_action_status_due', table_name='action')
    op.create_index('ix_action_status_due', 'action', STATUS_DUE)
    op.drop_index('ix_action_closed_status', table_name='action')
