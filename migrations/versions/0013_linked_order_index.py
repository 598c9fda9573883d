"""An index of each action's id with what a linked list sorts and filters by, so an indicator's
linked actions are looked up by index alone

Revision ID: 0013_linked_order_index
Revises: 0012_api_tokens
Create Date: 2026-12-07 13:20:00

An indicator's page sorts the ~1,000 actions linked to it (at 100,000 actions) by status, due
date and reference, and keeps 25. PostgreSQL's planner priced looking each one up in the action
table (a random heap read each) above reading every action in the (status, due_on, reference)
index and hashing the links: for an indicator with ~1,000 links or more it chose the full scan.
With the id and, included, the sort's and visibility's columns, each lookup is a read of this index
alone (an index-only scan), which the planner prices at about half, and it keeps to the links'
index.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013_linked_order_index'
down_revision = '0012_api_tokens'
branch_labels = None
depends_on = None


# What the lookups read besides the id, carried in the index on PostgreSQL. SQLite finds an action
# by its id in the table itself (the rowid), which costs it fewer steps than reading a covering
# index (43.5M instructions a view of the indicator page with one, 39.7M without): there the
# index is the id alone, which its planner leaves to the rowid.
LOOKED_UP = ['status', 'due_on', 'reference', 'confidential', 'owner_id']


def upgrade():
    op.create_index('ix_action_linked_order', 'action', ['id'], postgresql_include=LOOKED_UP)


def downgrade():
    op.drop_index('ix_action_linked_order', table_name='action')
