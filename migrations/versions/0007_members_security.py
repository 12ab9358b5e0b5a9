"""Members: suspension (reason, by whom, when) and identity changes that wait for a moderator.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 19:20:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
