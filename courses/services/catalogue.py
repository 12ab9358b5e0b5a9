"""Reading courses: the catalogue, one course with its syllabus, and a learner's progress.

Visibility is a query filter here, so a course a reader may not see never loads; every
function runs a fixed number of queries whatever the number of courses, modules or members.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from accounts.permissions import can, visibilities_for, where
from courses.models import (Course, CourseAudience, Enrolment, Lesson, LessonCompletion, Level,
                            Module, Question, Quiz, QuizAttempt, course_topic)
from vfac import search
from vfac.extensions import db
from vfac.links import Link
from vfac.models import Topic
from vfac.pagination import Page, keyset_page


@dataclass(frozen=True)
class CatalogueFilter:
    topic: str | None = None
    language: str | None = None
    level: Level | None = None
    audience: str | None = None
    q: str = ""


def catalogue_query(actor, filters: CatalogueFilter, any_word: bool = False) -> Select:
    """Published courses the actor may see, narrowed by the filters (every word, or any)."""
    query = select(Course).where(*where(actor, "courses.course.list"))
    if filters.topic:
        query = query.where(Course.id.in_(
            select(course_topic.c.course_id).join(Topic, Topic.id == course_topic.c.topic_id)
            .where(Topic.slug == filters.topic)))
    if filters.language:
        query = query.where(Course.language == filters.language)
    if filters.level:
        query = query.where(Course.level == filters.level)
    if filters.audience:
        query = query.where(Course.id.in_(select(CourseAudience.course_id).where(
            CourseAudience.profession == filters.audience)))
    terms = search.query_terms(filters.q)
    if terms:  # the shared index: the same words find the same courses as /search
        matched = search.matching("course", terms, visibilities_for(actor), any_word).subquery()
        query = query.where(Course.id.in_(select(matched.c.object_id)))
    return query.options(selectinload(Course.topics))


def only_some_words(actor, filters: CatalogueFilter) -> bool:
    """True when no course has every word of the query: the catalogue lists those with any."""
    if len(search.query_terms(filters.q)) < 2:
        return False
    return db.session.execute(select(catalogue_query(actor, filters).exists())).scalar() is False


def catalogue(actor, filters: CatalogueFilter, before: int | None,
              any_word: bool = False) -> Page:
    """One page of the catalogue, newest course first."""
    return keyset_page(catalogue_query(actor, filters, any_word), Course.id, before,
                       ascending=False)


def course_by_slug(actor, slug: str) -> Course | None:
    """The course with its syllabus loaded, or None when it does not exist or is hidden."""
    course = db.session.execute(
        select(Course).where(Course.slug == slug).options(
            selectinload(Course.topics), selectinload(Course.instructors),
            selectinload(Course.audience), selectinload(Course.prerequisites),
            selectinload(Course.modules).selectinload(Module.lessons),
            selectinload(Course.modules).selectinload(Module.quiz)
            .selectinload(Quiz.questions))).scalar_one_or_none()
    if course is None or not can(actor, "courses.course.view", course):
        return None
    return course


def quiz_with_options(quiz_id: int) -> Quiz | None:
    return db.session.execute(select(Quiz).where(Quiz.id == quiz_id).options(
        selectinload(Quiz.questions).selectinload(Question.options))).scalar_one_or_none()


def graded_quizzes(course: Course) -> list[Quiz]:
    """The quizzes a learner must pass: those with at least one question."""
    return [m.quiz for m in course.modules if m.quiz is not None and m.quiz.questions]


@dataclass
class Progress:
    """What one learner has done in one course."""

    enrolment: Enrolment | None = None
    lessons_done: set[int] = field(default_factory=set)
    best_scores: dict[int, int] = field(default_factory=dict)
    passed: set[int] = field(default_factory=set)
    attempts: dict[int, int] = field(default_factory=dict)

    def module_percent(self, module: Module) -> int:
        steps = [lesson.id in self.lessons_done for lesson in module.lessons]
        if module.quiz is not None and module.quiz.questions:
            steps.append(module.quiz.id in self.passed)
        return round(100 * sum(steps) / len(steps)) if steps else 0

    def course_percent(self, course: Course) -> int:
        steps = [lesson.id in self.lessons_done for m in course.modules for lesson in m.lessons]
        steps += [quiz.id in self.passed for quiz in graded_quizzes(course)]
        return round(100 * sum(steps) / len(steps)) if steps else 0


def progress(actor, course: Course) -> Progress:
    """The actor's enrolment, lessons done and quiz results in this course (3 queries)."""
    if not getattr(actor, "is_authenticated", False):
        return Progress()
    result = Progress(enrolment=db.session.execute(select(Enrolment).where(
        Enrolment.course_id == course.id, Enrolment.user_id == actor.id)).scalar_one_or_none())
    if result.enrolment is None:
        return result
    lesson_ids = [lesson.id for m in course.modules for lesson in m.lessons]
    result.lessons_done = set(db.session.execute(select(LessonCompletion.lesson_id).where(
        LessonCompletion.user_id == actor.id,
        LessonCompletion.lesson_id.in_(lesson_ids))).scalars()) if lesson_ids else set()
    quiz_ids = [m.quiz.id for m in course.modules if m.quiz is not None]
    if quiz_ids:
        rows = db.session.execute(
            select(QuizAttempt.quiz_id, func.max(QuizAttempt.score),
                   func.max(QuizAttempt.is_passed.cast(db.Integer)), func.count())
            .where(QuizAttempt.user_id == actor.id, QuizAttempt.quiz_id.in_(quiz_ids))
            .group_by(QuizAttempt.quiz_id))
        for quiz_id, best, passed, count in rows:
            result.best_scores[quiz_id] = best
            result.attempts[quiz_id] = count
            if passed:
                result.passed.add(quiz_id)
    return result


def catalogue_progress(actor, courses: list[Course]) -> dict[int, int]:
    """Percent done per course for the actor's enrolled courses among these (4 queries)."""
    if not getattr(actor, "is_authenticated", False) or not courses:
        return {}
    ids = [c.id for c in courses]
    enrolled = set(db.session.execute(select(Enrolment.course_id).where(
        Enrolment.user_id == actor.id, Enrolment.course_id.in_(ids))).scalars())
    if not enrolled:
        return {}
    lessons = dict(db.session.execute(
        select(Module.course_id, func.count(Lesson.id)).join(Lesson, Lesson.module_id == Module.id)
        .where(Module.course_id.in_(enrolled)).group_by(Module.course_id)).all())
    done = dict(db.session.execute(
        select(Module.course_id, func.count(LessonCompletion.lesson_id))
        .join(Lesson, Lesson.module_id == Module.id)
        .join(LessonCompletion, LessonCompletion.lesson_id == Lesson.id)
        .where(Module.course_id.in_(enrolled), LessonCompletion.user_id == actor.id)
        .group_by(Module.course_id)).all())
    quizzes: dict[int, int] = {}
    passed: dict[int, int] = {}
    graded = (select(Module.course_id, Quiz.id.label("quiz_id")).join(Quiz, Quiz.module_id == Module.id)
              .where(Module.course_id.in_(enrolled),
                     Quiz.id.in_(select(Question.quiz_id))).subquery())
    for course_id, quiz_id, is_passed in db.session.execute(
            select(graded.c.course_id, graded.c.quiz_id,
                   select(func.count()).where(QuizAttempt.quiz_id == graded.c.quiz_id,
                                              QuizAttempt.user_id == actor.id,
                                              QuizAttempt.is_passed.is_(True))
                   .scalar_subquery())):
        quizzes[course_id] = quizzes.get(course_id, 0) + 1
        passed[course_id] = passed.get(course_id, 0) + (1 if is_passed else 0)
    result = {}
    for course_id in enrolled:
        total = lessons.get(course_id, 0) + quizzes.get(course_id, 0)
        got = done.get(course_id, 0) + passed.get(course_id, 0)
        result[course_id] = round(100 * got / total) if total else 0
    return result


def lesson_link(actor, lesson_id: int):
    """How other pillars name a lesson ("asked about this lesson"); None when hidden or gone."""
    lesson = db.session.execute(
        select(Lesson).where(Lesson.id == lesson_id).options(
            selectinload(Lesson.module).selectinload(Module.course)
            .selectinload(Course.topics))).scalar_one_or_none()
    if lesson is None or not can(actor, "courses.course.view", lesson.module.course):
        return None
    course = lesson.module.course
    return Link(title=lesson.title, context=course.title, language=course.language,
                url=url_for("courses.lesson", slug=course.slug, lesson_id=lesson.id),
                topic_slugs=tuple(t.slug for t in course.topics))
