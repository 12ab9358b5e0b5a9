"""Writing courses: the instructor's side. Only a course's instructors and administrators edit."""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from accounts.models import Role, User
from accounts.permissions import require
from accounts.services import ServiceError
from courses.models import (Attachment, Course, CourseAudience, Lesson, Level, Module, Option,
                            Question, Quiz, course_instructor)
from courses.quiz import kind_of
from courses.services.index import course_changed
from research.files import clean_name, discard, quarantine, read_upload, refusal_message
from vfac import events, search
from vfac.extensions import db
from vfac.i18n import babel_locale
from vfac.markup import render_markdown
from vfac.models import FileCheck, Visibility, utcnow
from vfac.topics import topics_by_slugs


@dataclass(frozen=True)
class CourseInput:
    title: str
    slug: str
    summary: str
    outcomes: str
    topics: tuple[str, ...]
    language: str
    level: Level
    audience: tuple[str, ...]
    hours: int
    visibility: Visibility
    prerequisites: tuple[int, ...] = ()
    instructors: tuple[str, ...] = ()  # usernames of co-instructors


def _apply_course(actor: User, course: Course, data: CourseInput) -> None:
    clash = db.session.execute(select(Course.id).where(
        Course.slug == data.slug, Course.id != (course.id or 0))).scalar_one_or_none()
    if clash is not None:
        raise ServiceError(_l("Another course already uses this address."))
    course.title, course.slug, course.summary = data.title.strip(), data.slug, data.summary.strip()
    course.outcomes = "\n".join(line.strip() for line in data.outcomes.splitlines()
                                if line.strip())
    course.language, course.level, course.hours = data.language, data.level, data.hours
    course.visibility = data.visibility
    course.topics = topics_by_slugs(list(data.topics))
    course.audience = [CourseAudience(profession=p) for p in sorted(set(data.audience))]
    required = [c for c in (db.session.get(Course, i) for i in data.prerequisites) if c]
    if course.id and any(c.id == course.id for c in required):
        raise ServiceError(_l("A course cannot be its own prerequisite."))
    course.prerequisites = required
    names = {n.strip().casefold() for n in data.instructors if n.strip()}
    listed = list(db.session.execute(select(User).where(
        func.lower(User.username).in_(names))).scalars()) if names else []
    if len(listed) != len(names) or any(u.role < Role.INSTRUCTOR for u in listed):
        raise ServiceError(_l("Every co-instructor must be an existing member with the "
                              "instructor role."))
    # The author stays an instructor of their course; an administrator edits from outside.
    base = [actor] if course.id is None else [u for u in course.instructors if u.id == actor.id]
    chosen = list({u.id: u for u in base + listed}.values())
    course.instructors = chosen or course.instructors


def create_course(actor: User, data: CourseInput) -> Course:
    """A new, unpublished course whose first instructor is its author."""
    require(actor, "courses.course.create")
    course = Course(is_published=False)
    _apply_course(actor, course, data)
    db.session.add(course)
    db.session.flush()
    return course


def update_course(actor: User, course: Course, data: CourseInput) -> None:
    """Change a course's description, audience, prerequisites and co-instructors."""
    require(actor, "courses.course.edit", course)
    _apply_course(actor, course, data)
    if not course.instructors:
        raise ServiceError(_l("A course needs at least one instructor."))
    course_changed(course)
    db.session.flush()


def set_published(actor: User, course: Course, published: bool) -> None:
    """Publish (once there is something to learn) or take a course back to draft."""
    require(actor, "courses.course.edit", course)
    if published and not any(m.lessons for m in course.modules):
        raise ServiceError(_l("Add at least one lesson before publishing."))
    course.is_published = published
    if published and course.published_at is None:
        course.published_at = utcnow()
    course_changed(course)
    db.session.flush()


def delete_course(actor: User, course: Course) -> None:
    """Delete a draft course; published ones are unpublished first, so learners are not surprised."""
    require(actor, "courses.course.edit", course)
    if course.is_published:
        raise ServiceError(_l("Unpublish the course before deleting it."))
    files = [a.stored_name for m in course.modules for le in m.lessons for a in le.attachments]
    search.remove("course", course.id)
    db.session.delete(course)
    db.session.flush()
    for name in files:
        _discard(name)


def _renumber(items: list) -> None:
    for position, item in enumerate(items):
        item.position = position


def _move(items: list, item, offset: int) -> None:
    index = items.index(item)
    target = index + offset
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    _renumber(items)


@dataclass(frozen=True)
class ModuleInput:
    title: str
    summary: str = ""


def add_module(actor: User, course: Course, data: ModuleInput) -> Module:
    require(actor, "courses.course.edit", course)
    module = Module(course=course, title=data.title.strip(), summary=data.summary.strip(),
                    position=len(course.modules))
    db.session.add(module)
    course_changed(course)
    db.session.flush()
    return module


def update_module(actor: User, module: Module, data: ModuleInput) -> None:
    require(actor, "courses.course.edit", module.course)
    module.title, module.summary = data.title.strip(), data.summary.strip()
    course_changed(module.course)
    db.session.flush()


def move_module(actor: User, module: Module, offset: int) -> None:
    """Move a module up (-1) or down (+1) in its course."""
    require(actor, "courses.course.edit", module.course)
    _move(list(module.course.modules), module, offset)
    db.session.flush()


def delete_module(actor: User, module: Module) -> None:
    require(actor, "courses.course.edit", module.course)
    course = module.course
    files = [a.stored_name for le in module.lessons for a in le.attachments]
    course.modules.remove(module)
    _renumber(course.modules)
    course_changed(course)
    db.session.flush()
    for name in files:
        _discard(name)


@dataclass(frozen=True)
class LessonInput:
    title: str
    body: str
    video_url: str = ""


def add_lesson(actor: User, module: Module, data: LessonInput) -> Lesson:
    """A lesson at the end of the module; its Markdown is rendered and sanitised here, once."""
    require(actor, "courses.course.edit", module.course)
    lesson = Lesson(module=module, position=len(module.lessons))
    _apply_lesson(lesson, data)
    db.session.add(lesson)
    course_changed(module.course)
    db.session.flush()
    return lesson


def _apply_lesson(lesson: Lesson, data: LessonInput) -> None:
    lesson.title = data.title.strip()
    lesson.body_source = data.body
    lesson.body_html = str(render_markdown(data.body))
    lesson.video_url = data.video_url.strip() or None


def update_lesson(actor: User, lesson: Lesson, data: LessonInput) -> None:
    require(actor, "courses.course.edit", lesson.module.course)
    _apply_lesson(lesson, data)
    course_changed(lesson.module.course)
    db.session.flush()


def move_lesson(actor: User, lesson: Lesson, offset: int) -> None:
    require(actor, "courses.course.edit", lesson.module.course)
    _move(list(lesson.module.lessons), lesson, offset)
    db.session.flush()


def delete_lesson(actor: User, lesson: Lesson) -> None:
    require(actor, "courses.course.edit", lesson.module.course)
    module = lesson.module
    files = [a.stored_name for a in lesson.attachments]
    module.lessons.remove(lesson)
    _renumber(module.lessons)
    course_changed(module.course)
    db.session.flush()
    for name in files:
        _discard(name)


# Attachments are recognised by their first bytes, never by their name or declared type.
_MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"),
          (b"\xff\xd8\xff", "image/jpeg"))
# ...and named after what they are: "notes.hta" that is a PDF is kept as "notes.pdf"
_SUFFIXES = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}


def sniff(head: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def _upload_path(stored_name: str) -> Path:
    return upload_folder() / stored_name


def upload_folder() -> Path:
    return Path(current_app.instance_path) / "uploads" / "courses"


def upload_path(attachment: Attachment) -> Path:
    return _upload_path(attachment.stored_name)


def download_name(attachment: Attachment) -> str:
    """The name a file is served under: the member's, cleaned, with its type's extension."""
    return clean_name(attachment.original_name, _SUFFIXES[attachment.content_type],
                      "attachment")


def _keep_file(data: bytes, content_type: str) -> tuple[str, int, str]:
    """Keep the file under a random name: (stored name, size, SHA-256). A PDF waits in
    quarantine for its check job (courses/services/checks.py), as research papers do."""
    folder = upload_folder()
    if content_type == "application/pdf":
        kept = quarantine(data, "", folder)
        return kept.stored_name, kept.size, kept.sha256
    folder.mkdir(parents=True, exist_ok=True)
    stored = secrets.token_hex(16)
    (folder / stored).write_bytes(data)
    return stored, len(data), hashlib.sha256(data).hexdigest()


def add_attachment(actor: User, lesson: Lesson, stream: IO[bytes], filename: str) -> Attachment:
    """Keep a PDF, PNG or JPEG for a lesson under a random name outside static/; a PDF is
    served once a job has checked it and kept its clean copy."""
    require(actor, "courses.course.edit", lesson.module.course)
    data = read_upload(stream, current_app.config["COURSE_ATTACHMENT_MAX_BYTES"])
    content_type = sniff(data[:16])
    if content_type is None:
        raise ServiceError(_l("Only PDF documents and PNG or JPEG images can be attached."))
    stored, size, sha256 = _keep_file(data, content_type)
    is_pdf = content_type == "application/pdf"
    try:
        attachment = Attachment(
            lesson=lesson, stored_name=stored, size=size, sha256=sha256,
            original_name=clean_name(filename, _SUFFIXES[content_type], "attachment"),
            content_type=content_type,
            check_state=FileCheck.CHECKING if is_pdf else FileCheck.PASSED)
        db.session.add(attachment)
        db.session.flush()
        if is_pdf:
            events.record(events.attachment_stored, attachment_id=attachment.id)
    except BaseException:
        _discard(stored)  # no file; the failed unit of work rolls the row back
        raise
    return attachment


def refusal_of(attachment: Attachment):
    """Why a PDF attachment was refused, for its instructors (lazy: in their language)."""
    return refusal_message(attachment.refusal)


def _discard(stored_name: str) -> None:
    discard(stored_name, upload_folder())  # the file, or its upload still in quarantine


def delete_attachment(actor: User, attachment: Attachment) -> None:
    require(actor, "courses.course.edit", attachment.lesson.module.course)
    name = attachment.stored_name
    db.session.delete(attachment)
    db.session.flush()
    _discard(name)


@dataclass(frozen=True)
class QuizInput:
    pass_mark: int
    max_attempts: int
    cooldown_minutes: int


def save_quiz(actor: User, module: Module, data: QuizInput) -> Quiz:
    """Create the module's quiz or change its pass mark, attempt limit and cool-down."""
    require(actor, "courses.course.edit", module.course)
    quiz = module.quiz or Quiz(module=module)
    quiz.pass_mark, quiz.max_attempts = data.pass_mark, data.max_attempts
    quiz.cooldown_minutes = data.cooldown_minutes
    db.session.add(quiz)
    db.session.flush()
    return quiz


@dataclass(frozen=True)
class OptionInput:
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class QuestionInput:
    kind: str
    text: str
    options: tuple[OptionInput, ...]


def _apply_question(question: Question, data: QuestionInput, language: str) -> None:
    options = list(data.options)
    if data.kind == "truefalse" and not any(o.text for o in options):
        with force_locale(babel_locale(language)):  # the course's language, not the author's
            options = [OptionInput(_("True"), options[0].is_correct if options else True),
                       OptionInput(_("False"), not (options[0].is_correct if options else True))]
    options = [o for o in options if o.text.strip()]
    error = kind_of(data.kind).authoring_error([o.is_correct for o in options])
    if error is not None:
        raise ServiceError(error)
    question.kind, question.text = data.kind, data.text.strip()
    question.options = [Option(position=i, text=o.text.strip(), is_correct=o.is_correct,
                               feedback=o.feedback.strip()) for i, o in enumerate(options)]


def add_question(actor: User, quiz: Quiz, data: QuestionInput) -> Question:
    require(actor, "courses.course.edit", quiz.module.course)
    question = Question(quiz=quiz, position=len(quiz.questions))
    _apply_question(question, data, quiz.module.course.language)
    db.session.add(question)
    db.session.flush()
    return question


def update_question(actor: User, question: Question, data: QuestionInput) -> None:
    require(actor, "courses.course.edit", question.quiz.module.course)
    _apply_question(question, data, question.quiz.module.course.language)
    db.session.flush()


def move_question(actor: User, question: Question, offset: int) -> None:
    require(actor, "courses.course.edit", question.quiz.module.course)
    _move(list(question.quiz.questions), question, offset)
    db.session.flush()


def delete_question(actor: User, question: Question) -> None:
    require(actor, "courses.course.edit", question.quiz.module.course)
    quiz = question.quiz
    quiz.questions.remove(question)
    _renumber(quiz.questions)
    db.session.flush()


def editable_courses(actor: User) -> list[Course]:
    """The courses the actor may edit (all of them for an administrator), drafts first."""
    require(actor, "courses.course.create")
    query = select(Course).order_by(Course.is_published, Course.title)
    if actor.role < Role.ADMINISTRATOR:
        query = query.where(Course.id.in_(select(course_instructor.c.course_id).where(
            course_instructor.c.user_id == actor.id)))
    return list(db.session.execute(query.limit(500)).scalars())
