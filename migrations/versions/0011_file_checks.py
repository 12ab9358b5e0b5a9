"""Uploaded PDFs are checked by a job: each paper file and lesson attachment has the state of
its check (CHECKING, PASSED, REFUSED) and the reason code of a refusal; papers gain the
status CHECKING (submitted, their newest PDF not checked yet).

Every file stored before this revision was checked during its upload, so existing rows are
PASSED (the server default). Paper.status is a plain VARCHAR without a CHECK constraint
(see 0004), so CHECKING needs no change to it on either database.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 12:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_TABLES = ('research_file', 'courses_attachment')


def _check_state() -> sa.Enum:
    return sa.Enum('CHECKING', 'PASSED', 'REFUSED', name='filecheck', native_enum=False,
                   length=16, create_constraint=False)


def upgrade():
    # plain ALTER TABLE, as in 0006-0008 (batch mode would rebuild the tables)
    for table in _TABLES:
        op.add_column(table, sa.Column('check_state', _check_state(), nullable=False,
                                       server_default='PASSED'))
        op.add_column(table, sa.Column('refusal', sa.String(length=20), nullable=False,
                                       server_default=''))


def downgrade():
    # the old code serves every row it has and knows no CHECKING paper: files not passed
    # go (their quarantined uploads stay on disk, never served), such papers are drafts
    for table in _TABLES:
        op.execute(f"DELETE FROM {table} WHERE check_state <> 'PASSED'")
    op.execute("UPDATE research_paper SET status = 'DRAFT' WHERE status = 'CHECKING'")
    for table in _TABLES:
        op.drop_column(table, 'refusal')
        op.drop_column(table, 'check_state')
