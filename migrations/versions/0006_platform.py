"""One platform: the topics a member follows (for the home page) and what their member page
shows to other members.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 02:17:37.384527
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('accounts_interest',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['topic_id'], ['vfac_topic.id'], name=op.f('fk_accounts_interest_topic_id_vfac_topic'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], name=op.f('fk_accounts_interest_user_id_accounts_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'topic_id', name=op.f('pk_accounts_interest'))
    )
    with op.batch_alter_table('accounts_interest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_interest_topic_id'), ['topic_id'], unique=False)

    # plain ALTER TABLE (batch mode would rebuild the table and lose its expression indexes);
    # existing members get the defaults: everything but certificate links
    op.add_column('accounts_user', sa.Column(
        'profile_shows', sa.JSON(), nullable=False,
        server_default='["organisation", "country", "courses", "papers", "answers"]'))


def downgrade():
    op.drop_column('accounts_user', 'profile_shows')

    with op.batch_alter_table('accounts_interest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_interest_topic_id'))

    op.drop_table('accounts_interest')
