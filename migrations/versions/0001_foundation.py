"""Foundation: topics, members, server-side sessions, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""
import runpy
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _enum(*values: str) -> sa.Enum:
    return sa.Enum(*values, native_enum=False, length=20, create_constraint=False)


def upgrade():
    topic = op.create_table(
        "vfac_topic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.JSON(), nullable=False),
        sa.Column("description", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_vfac_topic"),
        sa.UniqueConstraint("slug", name="uq_vfac_topic_slug"),
    )
    op.create_table(
        "accounts_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(32), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("password", sa.String(255), nullable=False),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("organisation", sa.String(160), nullable=False),
        sa.Column("profession", _enum("POLICE", "PROSECUTOR", "JUDGE", "GOVERNMENT", "ACADEMIC",
                                      "PRIVATE"), nullable=False),
        sa.Column("language", sa.String(5), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("status", _enum("PENDING", "APPROVED", "REJECTED"), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("reviewed_at", TZ, nullable=True),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("role", _enum("MEMBER", "EXPERT", "INSTRUCTOR", "MODERATOR", "ADMINISTRATOR"),
                  nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("fs_uniquifier", sa.String(64), nullable=False),
        sa.Column("confirmed_at", TZ, nullable=True),
        sa.Column("tf_primary_method", sa.String(64), nullable=True),
        sa.Column("tf_totp_secret", sa.String(255), nullable=True),
        sa.Column("tf_phone_number", sa.String(128), nullable=True),
        sa.Column("mf_recovery_codes", sa.JSON(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.ForeignKeyConstraint(["reviewed_by_id"], ["accounts_user.id"],
                                name="fk_accounts_user_reviewed_by_id_accounts_user"),
        sa.PrimaryKeyConstraint("id", name="pk_accounts_user"),
        sa.UniqueConstraint("fs_uniquifier", name="uq_accounts_user_fs_uniquifier"),
    )
    with op.batch_alter_table("accounts_user") as batch:
        batch.create_index("ix_accounts_user_country", ["country"])
        batch.create_index("ix_accounts_user_status", ["status"])
        batch.create_index("ix_accounts_user_role", ["role"])
    op.create_index("uq_accounts_user_username_lower", "accounts_user",
                    [sa.text("lower(username)")], unique=True)
    op.create_index("uq_accounts_user_email_lower", "accounts_user",
                    [sa.text("lower(email)")], unique=True)

    op.create_table(
        "accounts_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("is_persistent", sa.Boolean(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("last_seen_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
        sa.Column("ip", sa.String(45), nullable=False),
        sa.Column("user_agent", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["accounts_user.id"], ondelete="CASCADE",
                                name="fk_accounts_session_user_id_accounts_user"),
        sa.PrimaryKeyConstraint("id", name="pk_accounts_session"),
        sa.UniqueConstraint("token_hash", name="uq_accounts_session_token_hash"),
    )
    op.create_index("ix_accounts_session_user_id", "accounts_session", ["user_id"])
    op.create_index("ix_accounts_session_expires_at", "accounts_session", ["expires_at"])

    op.create_table(
        "accounts_audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("ip", sa.String(45), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["accounts_user.id"], ondelete="SET NULL",
                                name="fk_accounts_audit_event_actor_id_accounts_user"),
        sa.ForeignKeyConstraint(["subject_id"], ["accounts_user.id"], ondelete="SET NULL",
                                name="fk_accounts_audit_event_subject_id_accounts_user"),
        sa.PrimaryKeyConstraint("id", name="pk_accounts_audit_event"),
    )
    for column in ("created_at", "action", "actor_id", "subject_id"):
        op.create_index(f"ix_accounts_audit_event_{column}", "accounts_audit_event", [column])

    # The shared vocabulary, so every pillar can tag content from the start.
    texts = runpy.run_path(str(Path(__file__).resolve().parent.parent / "topic_texts.py"))
    op.bulk_insert(topic, [
        {"slug": t["slug"], "position": i, "name": t["name"], "description": t["description"]}
        for i, t in enumerate(texts["TOPICS"], start=1)
    ])


def downgrade():
    op.drop_table("accounts_audit_event")
    op.drop_table("accounts_session")
    op.drop_index("uq_accounts_user_email_lower", table_name="accounts_user")
    op.drop_index("uq_accounts_user_username_lower", table_name="accounts_user")
    op.drop_table("accounts_user")
    op.drop_table("vfac_topic")
