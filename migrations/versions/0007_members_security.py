"""Members: suspension (when; the reason is status_reason), identity changes that wait for a
moderator, and each username's look-alike skeleton.

Status gains SUSPENDED: the column is a plain VARCHAR(20) without a CHECK constraint (see
0001's _enum), so the new value needs no change to it on either database.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 19:20:00
"""
from alembic import op
import sqlalchemy as sa

from accounts.usernames import skeleton


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    # plain ALTER TABLE, as in 0006 (batch mode would rebuild the table and lose its
    # expression indexes); every new column is nullable
    op.add_column('accounts_user', sa.Column('username_skeleton', sa.String(length=128),
                                             nullable=True))
    op.add_column('accounts_user', sa.Column('suspended_at', sa.DateTime(timezone=True),
                                             nullable=True))
    op.add_column('accounts_user', sa.Column('identity_change', sa.JSON(), nullable=True))
    op.add_column('accounts_user', sa.Column('identity_change_at', sa.DateTime(timezone=True),
                                             nullable=True))
    op.create_index(op.f('ix_accounts_user_username_skeleton'), 'accounts_user',
                    ['username_skeleton'], unique=False)
    users = sa.table('accounts_user', sa.column('id', sa.Integer),
                     sa.column('username', sa.String), sa.column('username_skeleton', sa.String))
    connection = op.get_bind()
    for user_id, username in connection.execute(sa.select(users.c.id, users.c.username)).all():
        connection.execute(users.update().where(users.c.id == user_id)
                           .values(username_skeleton=skeleton(username)))


def downgrade():
    # the old code knows no SUSPENDED: such members stay locked out (inactive), as rejected
    op.execute("UPDATE accounts_user SET status = 'REJECTED', active = false "
               "WHERE status = 'SUSPENDED'")
    op.drop_index(op.f('ix_accounts_user_username_skeleton'), table_name='accounts_user')
    op.drop_column('accounts_user', 'identity_change_at')
    op.drop_column('accounts_user', 'identity_change')
    op.drop_column('accounts_user', 'suspended_at')
    op.drop_column('accounts_user', 'username_skeleton')
