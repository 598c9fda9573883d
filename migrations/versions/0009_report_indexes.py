"""Indexes for the outstanding-actions report: an action's history by (action_id, created_at, id),
and actions by status with what the report counts and sorts by, in place of the indexes on
action_update.action_id and action.status alone

Revision ID: 0009_report_indexes
Revises: 0008_home_indexes
Create Date: 2026-12-03 17:20:00

The report reads each listed action's latest entry with a note (newest created_at, then id). With
an index on action_id alone, PostgreSQL without fresh statistics (just after a large load) walked
the index on created_at backwards through every entry for each action: 25 actions took three
seconds at 100,000 actions. (action_id, created_at, id) gives the latest entry with one seek on
both databases, and an action's history in order.

The report's counts by owner and status, and the pick of its most overdue few, read only
(status, owner_id, raised_on, due_on, confidential, reference) of the outstanding actions: with
them in one index led by status, neither visits the actions' rows.

Each new index starts with the column of the one it replaces, so it serves every lookup the old one
did.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009_report_indexes'
down_revision = '0008_home_indexes'
branch_labels = None
depends_on = None

STATUS_REPORT = ['status', 'owner_id', 'raised_on', 'due_on', 'confidential', 'reference']


def upgrade():
    op.create_index('ix_action_update_history', 'action_update', ['action_id', 'created_at', 'id'])
    op.drop_index('ix_action_update_action_id', table_name='action_update')
    op.create_index('ix_action_status_report', 'action', STATUS_REPORT)
    op.drop_index('ix_action_status', table_name='action')


def downgrade():
    op.create_index('ix_action_status', 'action', ['status'])
    op.drop_index('ix_action_status_report', table_name='action')
    op.create_index('ix_action_update_action_id', 'action_update', ['action_id'])
    op.drop_index('ix_action_update_history', table_name='action_update')
