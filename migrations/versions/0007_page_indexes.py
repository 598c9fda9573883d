"""Indexes for the pages that must stay quick at any size: the meetings list, and a priority's
and an indicator's actions

Revision ID: 0007_page_indexes
Revises: 0006_register_indexes
Create Date: 2026-12-03 16:50:00

The meetings list is newest first (starts_at, then id), on its own or for one type of meeting:
(starts_at, id) and (meeting_type_id, starts_at, id) give that order without sorting, so a page is
read straight off the index. The links from actions to priorities and indicators are keyed by
action first; a priority's or an indicator's page looks them up from the other side.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007_page_indexes'
down_revision = '0006_register_indexes'
branch_labels = None
depends_on = None

INDEXES = (
    ('ix_meeting_starts_at_id', 'meeting', ['starts_at', 'id']),
    ('ix_meeting_type_starts_at_id', 'meeting', ['meeting_type_id', 'starts_at', 'id']),
    ('ix_action_priority_priority_id', 'action_priority', ['priority_id', 'action_id']),
    ('ix_action_indicator_indicator_id', 'action_indicator', ['indicator_id', 'action_id']),
)


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade():
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
