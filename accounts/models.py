"""Members, their server-side sessions and the audit log."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from flask_security import UserMixin
from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, String, Text, func
from sqlalchemy.ext.mutable import MutableList
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from accounts.usernames import skeleton
from vfac.extensions import db
from vfac.models import TimestampMixin, Topic, enum_column, utcnow


class Role(enum.IntEnum):
    """Roles add rights in this order; a higher role has every right of the lower ones."""

    MEMBER = 1
    EXPERT = 2
    INSTRUCTOR = 3
    MODERATOR = 4
    ADMINISTRATOR = 5


class Status(enum.Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    # An approved member whose access staff took away (status_reason says why). A status
    # rather than a flag beside APPROVED: every rule and query that asks for APPROVED
    # members leaves suspended ones out without having to know about suspension.
    SUSPENDED = "suspended"


class Profession(enum.Enum):
    POLICE = "police"
    PROSECUTOR = "prosecutor"
    JUDGE = "judge"
    GOVERNMENT = "government"
    ACADEMIC = "academic"
    PRIVATE = "private"


class MailSetting(enum.Enum):
    """How a member wants notifications by e-mail (they are always in the app)."""

    IMMEDIATE = "immediate"
    DAILY = "daily"  # one digest a day, sent by `flask forum digest` from cron
    NEVER = "never"


# Professions that may see restricted (investigative) content once approved.
LAW_ENFORCEMENT_AND_JUDICIAL = frozenset({Profession.POLICE, Profession.PROSECUTOR,
                                          Profession.JUDGE})


# The topics in which an expert's answers count as expert answers.
expertise = db.Table(
    "accounts_expertise",
    db.Column("user_id", ForeignKey("accounts_user.id", ondelete="CASCADE"), primary_key=True),
    db.Column("topic_id", ForeignKey("vfac_topic.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)


# The topics a member follows: the home page shows open questions and news in these.
interest = db.Table(
    "accounts_interest",
    db.Column("user_id", ForeignKey("accounts_user.id", ondelete="CASCADE"), primary_key=True),
    db.Column("topic_id", ForeignKey("vfac_topic.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

# The facts moderators vetted: once a member is approved, changes to these wait for a
# moderator (User.identity_change) and the vetted values stay on certificates and bylines.
VETTED_IDENTITY_FIELDS = ("full_name", "organisation")

# What other members see on a member page, besides name, role, profession and expertise.
PROFILE_PARTS = ("organisation", "country", "courses", "certificates", "papers", "answers")
# Certificate links are off until the member turns them on: a certificate names its holder
# to anyone who has the link.
PROFILE_SHOWN_BY_DEFAULT = ("organisation", "country", "courses", "papers", "answers")


class User(TimestampMixin, UserMixin, db.Model):
    __tablename__ = "accounts_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32))
    # what the username looks like (accounts/usernames.py): look-alikes of a taken name are
    # refused at registration
    username_skeleton: Mapped[str | None] = mapped_column(String(128), index=True)
    email: Mapped[str] = mapped_column(String(254))
    password: Mapped[str] = mapped_column(String(255))
    full_name: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2), index=True)
    organisation: Mapped[str] = mapped_column(String(160))
    profession: Mapped[Profession] = mapped_column(enum_column(Profession))
    language: Mapped[str] = mapped_column(String(5), default="en")
    # other languages the member reads (experts are asked questions in these too)
    reads_languages: Mapped[list[str]] = mapped_column(MutableList.as_mutable(JSON),
                                                       default=list)
    mail_notifications: Mapped[MailSetting] = mapped_column(
        enum_column(MailSetting), default=MailSetting.IMMEDIATE)
    digest_sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    profile_shows: Mapped[list[str]] = mapped_column(
        MutableList.as_mutable(JSON), default=lambda: list(PROFILE_SHOWN_BY_DEFAULT))
    statement: Mapped[str] = mapped_column(Text, default="")

    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.PENDING,
                                           index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts_user.id"))
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.MEMBER, index=True)
    suspended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # a change of vetted identity fields waiting for a moderator: {"full_name": "..."}
    identity_change: Mapped[dict[str, str] | None] = mapped_column(JSON)
    identity_change_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    # Flask-Security's columns
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    fs_uniquifier: Mapped[str] = mapped_column(String(64), unique=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    tf_primary_method: Mapped[str | None] = mapped_column(String(64))
    tf_totp_secret: Mapped[str | None] = mapped_column(String(255))
    tf_phone_number: Mapped[str | None] = mapped_column(String(128))
    # Mutable: Flask-Security removes a used recovery code in place; a plain JSON column
    # would not notice, and the code would work again.
    mf_recovery_codes: Mapped[list[str] | None] = mapped_column(MutableList.as_mutable(JSON))
    # Two-factor limits (accounts/twofactor.py): the last TOTP time step accepted, so a code
    # works once; wrong codes since the last right one, and when the last was given.
    tf_last_counter: Mapped[int | None] = mapped_column()
    tf_failures: Mapped[int] = mapped_column(default=0, server_default="0")
    tf_failed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    reviewed_by: Mapped["User | None"] = relationship(remote_side=[id])
    expert_topics: Mapped[list[Topic]] = relationship(secondary=expertise,
                                                      order_by=Topic.position)
    followed_topics: Mapped[list[Topic]] = relationship(secondary=interest,
                                                        order_by=Topic.position)

    # Flask-Security expects named roles; ours are one ordered level (self.role).
    @property
    def roles(self) -> list[Any]:
        return []

    @roles.setter
    def roles(self, value: list[Any]) -> None:
        if value:
            raise ValueError("VFAC uses User.role, not Flask-Security roles")

    @validates("username")
    def _keep_skeleton(self, key: str, value: str) -> str:
        self.username_skeleton = skeleton(value) if value else None
        return value

    @property
    def is_suspended(self) -> bool:
        return self.status is Status.SUSPENDED

    @property
    def is_approved(self) -> bool:
        return self.status is Status.APPROVED and self.active

    @property
    def is_law_enforcement(self) -> bool:
        return self.profession in LAW_ENFORCEMENT_AND_JUDICIAL

    @property
    def is_staff(self) -> bool:
        """Moderators and administrators (whose powers need two-factor authentication)."""
        return self.role >= Role.MODERATOR

    def is_expert_in(self, topic: Topic) -> bool:
        """An expert (or higher role) who was named expert for this topic."""
        return self.role >= Role.EXPERT and topic in self.expert_topics

    @property
    def languages(self) -> list[str]:
        """The preferred language first, then the others the member reads."""
        return [self.language] + [code for code in self.reads_languages or ()
                                  if code != self.language]

    @property
    def home_topics(self) -> list[Topic]:
        """The topics the home page follows: those chosen, else those of expertise."""
        return self.followed_topics or (self.expert_topics if self.role >= Role.EXPERT else [])

    @property
    def has_2fa(self) -> bool:
        return bool(self.tf_primary_method and self.tf_totp_secret)

    def __repr__(self) -> str:
        return f"<User {self.username}>"


# Usernames and e-mails are unique whatever their case ("Kofi" and "kofi" are one member).
Index("uq_accounts_user_username_lower", func.lower(User.username), unique=True)
Index("uq_accounts_user_email_lower", func.lower(User.email), unique=True)


class UserSession(db.Model):
    """A server-side session; the cookie holds a random token, the row holds its hash."""

    __tablename__ = "accounts_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="CASCADE"), index=True)
    data: Mapped[str] = mapped_column(Text, default="{}")
    is_persistent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    ip: Mapped[str] = mapped_column(String(45), default="")
    user_agent: Mapped[str] = mapped_column(String(200), default="")


class AuditEvent(db.Model):
    """Who did what, when and from where: logins, vetting, roles, two-factor changes."""

    __tablename__ = "accounts_audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="SET NULL"), index=True)
    subject_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="SET NULL"), index=True)
    ip: Mapped[str] = mapped_column(String(45), default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    subject: Mapped[User | None] = relationship(foreign_keys=[subject_id])


class MailStatus(enum.Enum):
    QUEUED = "queued"  # waiting for the queue (next_attempt_at: not before)
    SENDING = "sending"  # a consumer claimed it (claimed_at) and is talking to SMTP
    SENT = "sent"
    FAILED = "failed"  # given up: SMTP refused it for good or too many tries


class OutgoingMail(db.Model):
    """A mail as it will be sent, written in the transaction of the work that causes it.

    The outbox is the record: a rollback takes the mail back with the work; the queue
    delivers committed rows once each (a consumer claims a row before it talks to SMTP);
    rows the queue lost (a restart, a Redis without persistence) are found again by the
    periodic sweep (accounts/mail.py).
    """

    __tablename__ = "accounts_outgoing_mail"
    __table_args__ = (Index("ix_accounts_outgoing_mail_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    kind: Mapped[str] = mapped_column(String(60))  # the template: "approved", "forum_digest"
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="SET NULL"), index=True)
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    status: Mapped[MailStatus] = mapped_column(enum_column(MailStatus), default=MailStatus.QUEUED)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str] = mapped_column(Text, default="")

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
