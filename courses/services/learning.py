"""Learning: enrolling, finishing lessons, answering quizzes, earning the certificate."""
from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from accounts.permissions import PermissionDenied, require
from accounts.services import ServiceError
from courses.models import (Certificate, Course, Enrolment, Lesson, LessonCompletion, Quiz,
                            QuizAttempt)
from courses.quiz import kind_of
from courses.services.catalogue import graded_quizzes, progress
from vfac.extensions import db
from vfac.models import utcnow


class BadAnswers(Exception):
    """Answers that no form of ours can send (another quiz's options): a 400, nothing stored."""


def enrolment_of(actor, course: Course) -> Enrolment | None:
    return db.session.execute(select(Enrolment).where(
        Enrolment.course_id == course.id, Enrolment.user_id == actor.id)).scalar_one_or_none()


def missing_prerequisites(actor, course: Course) -> list[Course]:
    """Prerequisite courses the actor has not completed yet."""
    if not course.prerequisites:
        return []
    done = set(db.session.execute(select(Enrolment.course_id).where(
        Enrolment.user_id == actor.id, Enrolment.completed_at.is_not(None),
        Enrolment.course_id.in_([c.id for c in course.prerequisites]))).scalars())
    return [c for c in course.prerequisites if c.id not in done]


def enrol(actor, course: Course) -> Enrolment:
    """Enrol the actor in a published course, once its prerequisites are completed."""
    require(actor, "courses.course.enrol", course)
    existing = enrolment_of(actor, course)
    if existing is not None:
        return existing
    missing = missing_prerequisites(actor, course)
    if missing:
        raise ServiceError(_l("Complete these courses before enrolling: %(titles)s.",
                              titles=", ".join(c.title for c in missing)))
    enrolment = Enrolment(course_id=course.id, user_id=actor.id)
    db.session.add(enrolment)
    db.session.flush()
    return enrolment


def _require_enrolled(actor, course: Course) -> Enrolment:
    require(actor, "courses.course.enrol", course)
    enrolment = enrolment_of(actor, course)
    if enrolment is None:
        raise PermissionDenied("courses.course.learn")
    return enrolment


def complete_lesson(actor, lesson: Lesson) -> Certificate | None:
    """Mark a lesson done; returns the certificate if that completed the course."""
    course = lesson.module.course
    enrolment = _require_enrolled(actor, course)
    if db.session.get(LessonCompletion, (actor.id, lesson.id)) is None:
        db.session.add(LessonCompletion(user_id=actor.id, lesson_id=lesson.id))
        db.session.flush()
    certificate = _complete_if_done(actor, course, enrolment)
    db.session.flush()
    return certificate


@dataclass
class AttemptResult:
    score: int
    is_passed: bool
    right: dict[int, bool] = field(default_factory=dict)  # question id -> answered right
    chosen: dict[int, set[int]] = field(default_factory=dict)
    errors: dict[int, object] = field(default_factory=dict)  # question id -> message
    certificate: Certificate | None = None
    stored: bool = False


def grade(quiz: Quiz, answers: dict[int, set[int]]) -> AttemptResult:
    """Score answers against the quiz; raises BadAnswers for ids that are not its own."""
    questions = {q.id: q for q in quiz.questions}
    if set(answers) - set(questions):
        raise BadAnswers("question of another quiz")
    result = AttemptResult(score=0, is_passed=False)
    for qid, question in questions.items():
        chosen = answers.get(qid, set())
        if chosen - {o.id for o in question.options}:
            raise BadAnswers("option of another question")
        kind = kind_of(question.kind)
        error = kind.answer_error(chosen)
        if error is not None:
            result.errors[qid] = error
        result.chosen[qid] = chosen
        result.right[qid] = kind.is_right(question.options, chosen)
    right = sum(result.right.values())
    result.score = round(100 * right / len(questions)) if questions else 0
    result.is_passed = result.score >= quiz.pass_mark
    return result


def next_attempt_at(actor, quiz: Quiz) -> tuple[int, datetime | None]:
    """How many attempts the actor has made, and when the cool-down lets them try again."""
    count, last = db.session.execute(
        select(func.count(QuizAttempt.id), func.max(QuizAttempt.submitted_at))
        .where(QuizAttempt.quiz_id == quiz.id, QuizAttempt.user_id == actor.id)).one()
    if last is None or not quiz.cooldown_minutes:
        return count, None
    if last.tzinfo is None:  # SQLite gives naive datetimes back
        last = last.replace(tzinfo=timezone.utc)
    ready = last + timedelta(minutes=quiz.cooldown_minutes)
    return count, ready if ready > utcnow() else None


def submit_attempt(actor, quiz: Quiz, answers: dict[int, set[int]]) -> AttemptResult:
    """Score and keep an attempt of an enrolled learner, within the limit and cool-down."""
    course = quiz.module.course
    enrolment = _require_enrolled(actor, course)
    count, wait_until = next_attempt_at(actor, quiz)
    if quiz.max_attempts and count >= quiz.max_attempts:
        raise ServiceError(_l("You have used all %(n)d attempts at this quiz.",
                              n=quiz.max_attempts))
    if wait_until is not None:
        raise ServiceError(_l("You can try this quiz again from %(time)s.",
                              time=format_datetime(wait_until, "short")))
    result = grade(quiz, answers)
    if result.errors:
        return result  # unanswered questions: the form comes back, nothing is stored
    db.session.add(QuizAttempt(
        quiz_id=quiz.id, user_id=actor.id, score=result.score, is_passed=result.is_passed,
        answers={str(q): sorted(chosen) for q, chosen in result.chosen.items()}))
    db.session.flush()
    result.stored = True
    if result.is_passed:
        result.certificate = _complete_if_done(actor, course, enrolment)
    db.session.flush()
    return result


def last_attempt(actor, quiz: Quiz) -> QuizAttempt | None:
    return db.session.execute(select(QuizAttempt).where(
        QuizAttempt.quiz_id == quiz.id, QuizAttempt.user_id == actor.id)
        .order_by(QuizAttempt.id.desc()).limit(1)).scalar_one_or_none()


def regrade(quiz: Quiz, attempt: QuizAttempt) -> AttemptResult:
    """The feedback of a stored attempt (options deleted since then are simply not chosen)."""
    options = {o.id for q in quiz.questions for o in q.options}
    questions = {q.id for q in quiz.questions}
    answers = {int(q): set(ids) & options for q, ids in attempt.answers.items()
               if int(q) in questions}
    result = grade(quiz, answers)
    result.score, result.is_passed, result.stored = attempt.score, attempt.is_passed, True
    return result


def preview_attempt(actor, quiz: Quiz, answers: dict[int, set[int]]) -> AttemptResult:
    """An editor trying their own quiz: scored and shown, never stored."""
    require(actor, "courses.course.edit", quiz.module.course)
    return grade(quiz, answers)


def _new_code() -> str:
    # 16 characters from 32 unambiguous ones: 80 random bits, easy to read aloud or type.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def normalise_code(text: str) -> str | None:
    """The stored form of a certificate code as typed or scanned ("abcd efgh..." too)."""
    raw = "".join(ch for ch in text.upper() if ch.isascii() and ch.isalnum())
    if len(raw) != 16:
        return None
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def _complete_if_done(actor, course: Course, enrolment: Enrolment) -> Certificate | None:
    """Every lesson done and every quiz passed: mark the enrolment complete, issue a certificate."""
    if enrolment.completed_at is not None:
        return None
    done = progress(actor, course)
    all_lessons = {lesson.id for m in course.modules for lesson in m.lessons}
    all_quizzes = {q.id for q in graded_quizzes(course)}
    if not all_lessons or not all_lessons <= done.lessons_done or not all_quizzes <= done.passed:
        return None
    enrolment.completed_at = utcnow()
    certificate = Certificate(code=_new_code(), course_id=course.id, user_id=actor.id,
                              full_name=actor.full_name, course_title=course.title,
                              hours=course.hours, language=course.language)
    db.session.add(certificate)
    db.session.flush()
    return certificate


def certificate_by_code(text: str) -> Certificate | None:
    code = normalise_code(text)
    if code is None:
        return None
    return db.session.execute(select(Certificate).where(
        Certificate.code == code)).scalar_one_or_none()


def certificates_of(actor) -> list[Certificate]:
    return list(db.session.execute(select(Certificate).where(
        Certificate.user_id == actor.id).order_by(Certificate.issued_at.desc())).scalars())


def my_courses(actor) -> list[Enrolment]:
    """The actor's enrolments, most recent first (for "continue learning")."""
    return list(db.session.execute(
        select(Enrolment).where(Enrolment.user_id == actor.id)
        .options(selectinload(Enrolment.course).selectinload(Course.topics))
        .order_by(Enrolment.enrolled_at.desc()).limit(100)).scalars())
