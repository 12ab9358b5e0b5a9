"""Technical-advice board: categories, threads, answers, comments, votes and what follows them."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (CheckConstraint, DateTime, ForeignKey, Index, Integer, SmallInteger,
                        String, Text, UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accounts.models import User
from vfac.extensions import db
from vfac.models import TimestampMixin, Topic, Visibility, enum_column, utcnow


class ThreadStatus(enum.Enum):
    OPEN = "open"
    ANSWERED = "answered"  # an answer is accepted
    LOCKED = "locked"  # a moderator closed it to new answers and comments


class FlagReason(enum.Enum):
    SPAM = "spam"
    ABUSE = "abuse"
    PERSONAL_DATA = "personal-data"
    OFF_TOPIC = "off-topic"
    OTHER = "other"


class FlagState(enum.Enum):
    OPEN = "open"
    UPHELD = "upheld"  # a moderator acted on it
    DISMISSED = "dismissed"


class NotificationKind(enum.Enum):
    ANSWER = "answer"  # a new answer in a followed thread
    COMMENT = "comment"
    ACCEPTED = "accepted"
    MENTION = "mention"
    QUESTION = "question"  # a new question in an expert's topics and languages
    INVITE = "invite"  # a member asks an expert to answer


thread_topic = db.Table(
    "forum_thread_topic",
    db.Column("thread_id", ForeignKey("forum_thread.id", ondelete="CASCADE"), primary_key=True),
    db.Column("topic_id", ForeignKey("vfac_topic.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

thread_tag = db.Table(
    "forum_thread_tag",
    db.Column("thread_id", ForeignKey("forum_thread.id", ondelete="CASCADE"), primary_key=True),
    db.Column("tag_id", ForeignKey("forum_tag.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)


class Category(db.Model):
    """One per topic; its name and description are the topic's, in every language."""

    __tablename__ = "forum_category"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("vfac_topic.id"), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    topic: Mapped[Topic] = relationship(lazy="joined")

    @property
    def slug(self) -> str:
        return self.topic.slug


class Tag(db.Model):
    __tablename__ = "forum_tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(32), unique=True)


class Moderated:
    """What threads, answers and comments share: an author, Markdown, hiding, soft deletion."""

    body_source: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)  # sanitised once, at write time
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    hidden_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Thread(Moderated, TimestampMixin, db.Model):
    __tablename__ = "forum_thread"
    __table_args__ = (Index("ix_forum_thread_category_activity", "category_id",
                            "last_activity_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("forum_category.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(5), index=True)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    # No index on visibility or status: three values each, and SQLite's planner would pick
    # such an index over the (category, activity) one and then sort every thread.
    visibility: Mapped[Visibility] = mapped_column(enum_column(Visibility, 24))
    status: Mapped[ThreadStatus] = mapped_column(enum_column(ThreadStatus),
                                                 default=ThreadStatus.OPEN)
    is_pinned: Mapped[bool] = mapped_column(default=False)
    accepted_answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_post.id", use_alter=True, ondelete="SET NULL"))
    # "ask about this lesson": a course lesson's id, shown through vfac.links (no import)
    lesson_id: Mapped[int | None] = mapped_column(Integer, index=True)
    score: Mapped[int] = mapped_column(Integer, default=0)
    answer_count: Mapped[int] = mapped_column(Integer, default=0)  # visible answers
    view_count: Mapped[int] = mapped_column(Integer, default=0)
    last_activity_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                       index=True)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    category: Mapped[Category] = relationship()
    author: Mapped[User] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=thread_topic, order_by=Topic.position)
    tags: Mapped[list[Tag]] = relationship(secondary=thread_tag, order_by=Tag.name)
    answers: Mapped[list["Post"]] = relationship(back_populates="thread",
                                                 foreign_keys="Post.thread_id",
                                                 order_by="Post.id")

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def is_public_and_live(self) -> bool:
        return (self.visibility is Visibility.PUBLIC and not self.is_hidden
                and not self.is_deleted)


class Post(Moderated, TimestampMixin, db.Model):
    """An answer to a thread's question."""

    __tablename__ = "forum_post"
    __table_args__ = (Index("ix_forum_post_thread_score", "thread_id", "score"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_thread.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id"), index=True)
    score: Mapped[int] = mapped_column(Integer, default=0)

    thread: Mapped[Thread] = relationship(back_populates="answers", foreign_keys=[thread_id])
    author: Mapped[User] = relationship()


class Comment(Moderated, db.Model):
    """A short remark on the question (post_id empty) or on an answer."""

    __tablename__ = "forum_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_thread.id", ondelete="CASCADE"),
                                           index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_post.id", ondelete="CASCADE"),
                                                index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    thread: Mapped[Thread] = relationship()
    author: Mapped[User] = relationship()


class Vote(db.Model):
    """One member's up (+1) or down (-1) vote on a question or on an answer."""

    __tablename__ = "forum_vote"
    __table_args__ = (
        UniqueConstraint("user_id", "thread_id", name="uq_forum_vote_user_thread"),
        UniqueConstraint("user_id", "post_id", name="uq_forum_vote_user_post"),
        CheckConstraint("(thread_id IS NULL) <> (post_id IS NULL)", name="one_target"),
        CheckConstraint("value IN (-1, 1)", name="value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"))
    thread_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_thread.id", ondelete="CASCADE"), index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_post.id", ondelete="CASCADE"),
                                                index=True)
    value: Mapped[int] = mapped_column(SmallInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Subscription(db.Model):
    """A member follows a thread: new answers, comments and the accepted answer notify them."""

    __tablename__ = "forum_subscription"

    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_thread.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Notification(db.Model):
    __tablename__ = "forum_notification"
    __table_args__ = (Index("ix_forum_notification_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(enum_column(NotificationKind))
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_thread.id", ondelete="CASCADE"),
                                           index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_post.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    emailed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    thread: Mapped[Thread] = relationship()
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class Flag(db.Model):
    """A member's report of a question, answer or comment for moderators to review."""

    __tablename__ = "forum_flag"
    __table_args__ = (Index("ix_forum_flag_state_id", "state", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"),
                                             index=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_thread.id", ondelete="CASCADE"),
                                           index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_post.id", ondelete="CASCADE"))
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_comment.id", ondelete="CASCADE"))
    reason: Mapped[FlagReason] = mapped_column(enum_column(FlagReason))
    note: Mapped[str] = mapped_column(String(500), default="")
    state: Mapped[FlagState] = mapped_column(enum_column(FlagState), default=FlagState.OPEN)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="SET NULL"))

    reporter: Mapped[User] = relationship(foreign_keys=[reporter_id])
    thread: Mapped[Thread] = relationship()
    post: Mapped[Post | None] = relationship()
    comment: Mapped[Comment | None] = relationship()


class Revision(db.Model):
    """Every edit of a question, answer or comment: who, when, the old and the new text."""

    __tablename__ = "forum_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("forum_thread.id", ondelete="CASCADE"),
                                           index=True)
    post_id: Mapped[int | None] = mapped_column(ForeignKey("forum_post.id", ondelete="CASCADE"),
                                                index=True)
    comment_id: Mapped[int | None] = mapped_column(
        ForeignKey("forum_comment.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    old_title: Mapped[str | None] = mapped_column(String(200))
    new_title: Mapped[str | None] = mapped_column(String(200))
    old_body: Mapped[str] = mapped_column(Text)
    new_body: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(200), default="")

    editor: Mapped[User | None] = relationship()
