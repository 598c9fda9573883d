"""An index on (closed_on, status): a priority's recently closed actions, latest first

Revision ID: 0010_closed_index
Revises: 0009_report_indexes
Create Date: 2026-12-03 19:10:00

A priority's page lists the actions closed in the last three months, latest first. Without an
index on closed_on both databases found them among every finished action (four in five of all
actions) and sorted them; with it, the page walks back from today through the few closed
recently, and stops once it has its 25.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010_closed_index'
down_revision = '0009_report_indexes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_action_closed_status', 'action', ['closed_on', 'status'])


def downgrade():
    op.drop_index('ix_action_closed_status', table_name='action')
