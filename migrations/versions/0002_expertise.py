"""Experts per topic: the topics in which a member's answers count as expert answers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "accounts_expertise",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["accounts_user.id"], ondelete="CASCADE",
                                name="fk_accounts_expertise_user_id_accounts_user"),
        sa.ForeignKeyConstraint(["topic_id"], ["vfac_topic.id"], ondelete="CASCADE",
                                name="fk_accounts_expertise_topic_id_vfac_topic"),
        sa.PrimaryKeyConstraint("user_id", "topic_id", name="pk_accounts_expertise"),
    )
    op.create_index("ix_accounts_expertise_topic_id", "accounts_expertise", ["topic_id"])


def downgrade():
    op.drop_index("ix_accounts_expertise_topic_id", table_name="accounts_expertise")
    op.drop_table("accounts_expertise")
