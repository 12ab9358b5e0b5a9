"""The mail outbox: every mail is a row written with the work that causes it, and the job
queue delivers it (accounts/mail.py).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 21:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'accounts_outgoing_mail',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('kind', sa.String(length=60), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('to_address', sa.String(length=254), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('body_text', sa.Text(), nullable=False),
        sa.Column('body_html', sa.Text(), nullable=True),
        sa.Column('headers', sa.JSON(), nullable=False),
        sa.Column('status', sa.Enum('QUEUED', 'SENDING', 'SENT', 'FAILED', name='mailstatus',
                                    native_enum=False, length=20), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['accounts_user.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_accounts_outgoing_mail_user_id', 'accounts_outgoing_mail', ['user_id'])
    op.create_index('ix_accounts_outgoing_mail_due', 'accounts_outgoing_mail',
                    ['status', 'next_attempt_at'])


def downgrade():
    op.drop_index('ix_accounts_outgoing_mail_due', table_name='accounts_outgoing_mail')
    op.drop_index('ix_accounts_outgoing_mail_user_id', table_name='accounts_outgoing_mail')
    op.drop_table('accounts_outgoing_mail')
