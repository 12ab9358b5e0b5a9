"""Counters: the batches of counts already moved from Redis into the database, so that none
is applied twice (vfac/counters.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 10:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'vfac_counter_batch',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('applied_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_vfac_counter_batch')),
    )
    op.create_index(op.f('ix_vfac_counter_batch_applied_at'), 'vfac_counter_batch',
                    ['applied_at'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_vfac_counter_batch_applied_at'), table_name='vfac_counter_batch')
    op.drop_table('vfac_counter_batch')
