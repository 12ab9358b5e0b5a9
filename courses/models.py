"""Courses: modules, lessons, quizzes, and what each learner has done in them."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from accounts.models import User
from vfac.extensions import db
from vfac.models import FileCheck, TimestampMixin, Topic, Visibility, enum_column, utcnow


class Level(enum.Enum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


course_topic = db.Table(
    "courses_course_topic",
    db.Column("course_id", ForeignKey("courses_course.id", ondelete="CASCADE"),
              primary_key=True),
    db.Column("topic_id", ForeignKey("vfac_topic.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

course_instructor = db.Table(
    "courses_instructor",
    db.Column("course_id", ForeignKey("courses_course.id", ondelete="CASCADE"),
              primary_key=True),
    db.Column("user_id", ForeignKey("accounts_user.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)

course_prerequisite = db.Table(
    "courses_prerequisite",
    db.Column("course_id", ForeignKey("courses_course.id", ondelete="CASCADE"),
              primary_key=True),
    db.Column("required_id", ForeignKey("courses_course.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)


class CourseAudience(db.Model):
    """A profession a course is written for (a row each, so the audience filter is indexed)."""

    __tablename__ = "courses_audience"

    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses_course.id", ondelete="CASCADE"), primary_key=True)
    profession: Mapped[str] = mapped_column(String(20), primary_key=True, index=True)


class Course(TimestampMixin, db.Model):
    __tablename__ = "courses_course"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(160))
    summary: Mapped[str] = mapped_column(Text)
    outcomes: Mapped[str] = mapped_column(Text, default="")  # one outcome per line
    language: Mapped[str] = mapped_column(String(5), index=True)
    level: Mapped[Level] = mapped_column(enum_column(Level), index=True)
    hours: Mapped[int] = mapped_column(Integer)
    visibility: Mapped[Visibility] = mapped_column(enum_column(Visibility), index=True,
                                                   default=Visibility.MEMBERS)
    is_published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    topics: Mapped[list[Topic]] = relationship(secondary=course_topic, order_by=Topic.position)
    instructors: Mapped[list[User]] = relationship(secondary=course_instructor,
                                                   order_by=User.id)
    audience: Mapped[list[CourseAudience]] = relationship(
        cascade="all, delete-orphan", order_by=CourseAudience.profession)
    prerequisites: Mapped[list["Course"]] = relationship(
        secondary=course_prerequisite, primaryjoin=lambda: Course.id ==
        course_prerequisite.c.course_id, secondaryjoin=lambda: Course.id ==
        course_prerequisite.c.required_id, order_by=lambda: Course.title)
    modules: Mapped[list["Module"]] = relationship(
        back_populates="course", cascade="all, delete-orphan",
        order_by=lambda: (Module.position, Module.id))

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]

    @property
    def professions(self) -> list[str]:
        return [row.profession for row in self.audience]

    def is_instructor(self, user: Any) -> bool:
        return any(i.id == getattr(user, "id", None) for i in self.instructors)

    def __repr__(self) -> str:
        return f"<Course {self.slug}>"


class Module(db.Model):
    __tablename__ = "courses_module"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses_course.id", ondelete="CASCADE"),
                                           index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(160))
    summary: Mapped[str] = mapped_column(Text, default="")

    course: Mapped[Course] = relationship(back_populates="modules")
    lessons: Mapped[list["Lesson"]] = relationship(
        back_populates="module", cascade="all, delete-orphan",
        order_by=lambda: (Lesson.position, Lesson.id))
    quiz: Mapped["Quiz | None"] = relationship(back_populates="module",
                                               cascade="all, delete-orphan")


class Lesson(TimestampMixin, db.Model):
    __tablename__ = "courses_lesson"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("courses_module.id", ondelete="CASCADE"),
                                           index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(160))
    body_source: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")  # sanitised once, at write time
    video_url: Mapped[str | None] = mapped_column(String(500))

    module: Mapped[Module] = relationship(back_populates="lessons")
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="lesson", cascade="all, delete-orphan", order_by="Attachment.id")

    @property
    def served_attachments(self) -> list[Attachment]:
        """What learners get: the attachments whose check passed."""
        return [a for a in self.attachments if a.is_passed]


class Attachment(db.Model):
    """A PDF or image of a lesson, stored under a random name in the instance folder."""

    __tablename__ = "courses_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("courses_lesson.id", ondelete="CASCADE"),
                                           index=True)
    original_name: Mapped[str] = mapped_column(String(200))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    # a PDF waits in quarantine until a job has checked it (images pass at upload); rows
    # from before the check ran as a job had passed it at upload (migration 0011)
    check_state: Mapped[FileCheck] = mapped_column(enum_column(FileCheck, 16),
                                                   default=FileCheck.CHECKING,
                                                   server_default=FileCheck.PASSED.name)
    refusal: Mapped[str] = mapped_column(String(20), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    lesson: Mapped[Lesson] = relationship(back_populates="attachments")

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def is_passed(self) -> bool:
        return self.check_state is FileCheck.PASSED


class Quiz(db.Model):
    """The quiz closing a module. Attempts are limited (0 = no limit) and spaced by a cool-down."""

    __tablename__ = "courses_quiz"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        ForeignKey("courses_module.id", ondelete="CASCADE"), unique=True)
    pass_mark: Mapped[int] = mapped_column(Integer, default=70)  # percent
    max_attempts: Mapped[int] = mapped_column(Integer, default=0)
    cooldown_minutes: Mapped[int] = mapped_column(Integer, default=0)

    module: Mapped[Module] = relationship(back_populates="quiz")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="quiz", cascade="all, delete-orphan",
        order_by=lambda: (Question.position, Question.id))

    @property
    def counts_for_certificate(self) -> bool:
        """Passing it is needed for the certificate (today every module's quiz is), so its
        answer key never leaves the server: not in the offline pack, not before passing."""
        return True


class Question(db.Model):
    __tablename__ = "courses_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("courses_quiz.id", ondelete="CASCADE"),
                                         index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20))  # a key of courses.quiz.KINDS
    text: Mapped[str] = mapped_column(Text)

    quiz: Mapped[Quiz] = relationship(back_populates="questions")
    options: Mapped[list["Option"]] = relationship(
        back_populates="question", cascade="all, delete-orphan",
        order_by=lambda: (Option.position, Option.id))


class Option(db.Model):
    __tablename__ = "courses_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("courses_question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    is_correct: Mapped[bool] = mapped_column(Boolean, default=False)
    feedback: Mapped[str] = mapped_column(Text, default="")

    question: Mapped[Question] = relationship(back_populates="options")


class Enrolment(db.Model):
    __tablename__ = "courses_enrolment"
    __table_args__ = (UniqueConstraint("course_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses_course.id", ondelete="CASCADE"),
                                           index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"),
                                         index=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    course: Mapped[Course] = relationship()
    user: Mapped[User] = relationship()


class LessonCompletion(db.Model):
    __tablename__ = "courses_lesson_completion"

    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"),
                                         primary_key=True)
    lesson_id: Mapped[int] = mapped_column(
        ForeignKey("courses_lesson.id", ondelete="CASCADE"), primary_key=True, index=True)
    completed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QuizAttempt(db.Model):
    __tablename__ = "courses_quiz_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("courses_quiz.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"),
                                         index=True)
    answers: Mapped[dict[str, list[int]]] = mapped_column(JSON)  # question id -> option ids
    score: Mapped[int] = mapped_column(Integer)  # percent
    is_passed: Mapped[bool] = mapped_column(Boolean)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    quiz: Mapped[Quiz] = relationship()


Index("ix_courses_quiz_attempt_quiz_user", QuizAttempt.quiz_id, QuizAttempt.user_id)


class Certificate(db.Model):
    """Proof of completion; name, title and hours are copied so later edits don't change it."""

    __tablename__ = "courses_certificate"
    __table_args__ = (UniqueConstraint("course_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses_course.id", ondelete="CASCADE"),
                                           index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id", ondelete="CASCADE"),
                                         index=True)
    full_name: Mapped[str] = mapped_column(String(120))
    course_title: Mapped[str] = mapped_column(String(160))
    hours: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(5))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    course: Mapped[Course] = relationship()
    user: Mapped[User] = relationship()

