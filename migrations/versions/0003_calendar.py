"""Calendars: secret feed addresses (calendar_link); meetings can be cancelled (cancelled_at) and
record when their own record last changed (updated_at)

Revision ID: 0003_calendar
Revises: 0002_user_session
Create Date: 2026-12-03 13:40:28.796643

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003_calendar'
down_revision = '0002_user_session'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calendar_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('selector', sa.String(length=16), nullable=False),
    sa.Column('verifier_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_calendar_link_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_link')),
    sa.UniqueConstraint('selector', name=op.f('uq_calendar_link_selector')),
    sa.UniqueConstraint('user_id', name=op.f('uq_calendar_link_user_id'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
    # Meetings already recorded were last changed, as far as anyone knows, when they were made.
    op.execute("UPDATE meeting SET updated_at = created_at")
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.alter_column('updated_at', existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade():
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('updated_at')
        batch_op.drop_column('cancelled_at')

    op.drop_table('calendar_link')
