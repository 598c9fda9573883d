"""A random token per kind of data (data_version), renewed by every transaction that changes it,
so counts can be kept until their data next changes (tracker/kit/data_versions.py)

Revision ID: 0014_data_versions
Revises: 0013_linked_order_index
Create Date: 2026-12-07 16:10:00

No row is inserted: no row means "do not keep counts", and the first change makes one.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014_data_versions'
down_revision = '0013_linked_order_index'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('data_version',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_data_version'))
    )


def downgrade():
    op.drop_table('data_version')
