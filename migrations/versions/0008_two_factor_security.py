"""Two-factor authentication: the last TOTP counter used (no replay) and failures per member.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 19:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
