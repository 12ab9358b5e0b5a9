"""Courses in the shared search index: one document per published course, lessons included."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courses.models import Course, Lesson, Module
from vfac import events, jobs, search
from vfac.extensions import db


def index_course(course: Course) -> None:
    """(Re)index a published course with its modules and lessons; drafts leave the index."""
    if not course.is_published or course.id is None:
        if course.id is not None:
            search.remove("course", course.id)
        return
    modules = db.session.execute(select(Module).where(Module.course_id == course.id)
                                 .options(selectinload(Module.lessons))
                                 .order_by(Module.position)).scalars()
    parts = [course.summary, course.outcomes]
    for module in modules:
        parts += [module.title, module.summary]
        parts += [f"{lesson.title}\n{lesson.body_source}" for lesson in module.lessons]
    search.index(search.Document(
        kind="course", object_id=course.id, language=course.language,
        visibility=course.visibility, title=course.title,
        meta=" ".join(t.name_in(course.language) for t in course.topics),
        body="\n\n".join(part for part in parts if part)))


def course_changed(course: Course) -> None:
    """Record that a course (or one of its modules or lessons) changed: once the work
    commits, a job indexes it as it then is."""
    db.session.flush()
    events.record(events.course_changed, course_id=course.id)


@jobs.task()
def reindex_course(course_id: int) -> None:
    course = db.session.get(Course, course_id)
    if course is None:
        search.remove("course", course_id)
    else:
        index_course(course)


def _on_course_changed(_sender, course_id: int) -> None:
    jobs.enqueue(reindex_course, course_id)


events.course_changed.connect(_on_course_changed)


def reindex_courses() -> int:
    """Index every course again (after the normaliser changed); returns how many are indexed."""
    count = 0
    for course in db.session.execute(select(Course).options(
            selectinload(Course.topics))).scalars():
        index_course(course)
        count += course.is_published
    return count


def lesson_texts(course_ids: list[int]) -> dict[int, str]:
    """The lessons' words per course, for a passage when the summary has none of the query's."""
    texts: dict[int, list[str]] = {}
    if not course_ids:
        return {}
    rows = db.session.execute(
        select(Module.course_id, Lesson.title, Lesson.body_source)
        .join(Lesson, Lesson.module_id == Module.id)
        .where(Module.course_id.in_(course_ids)).order_by(Module.position, Lesson.position))
    for course_id, title, body in rows:
        texts.setdefault(course_id, []).append(f"{title}. {body}")
    return {course_id: "\n".join(parts) for course_id, parts in texts.items()}
