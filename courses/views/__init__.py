"""Course pages: the catalogue, learning, certificates and the instructor's editor."""
from __future__ import annotations

from flask import Blueprint, abort
from flask_login import current_user

from accounts.permissions import require
from courses import platform, policy
from courses.models import Course, Lesson, Module
from courses.services import checks
from courses.services.catalogue import course_by_slug, lesson_link
from vfac import links

bp = Blueprint("courses", __name__)
links.register("lesson", lesson_link)  # the advice board's "asked about this lesson"
policy.register()  # who sees which items (accounts.permissions asks)
platform.register()  # search, topic hubs, home and member pages show courses too
checks.register()  # PDF attachments are checked by a job once stored


def load_course(slug: str) -> Course:
    """The course with its syllabus; 404 when it does not exist or is hidden from this reader."""
    course = course_by_slug(current_user, slug)
    if course is None:
        abort(404)
    return course


def load_for_edit(slug: str) -> Course:
    course = load_course(slug)
    require(current_user, "courses.course.edit", course)
    return course


def module_in(course: Course, module_id: int) -> Module:
    module = next((m for m in course.modules if m.id == module_id), None)
    if module is None:
        abort(404)
    return module


def lesson_in(course: Course, lesson_id: int) -> Lesson:
    lesson = next((le for m in course.modules for le in m.lessons if le.id == lesson_id), None)
    if lesson is None:
        abort(404)
    return lesson


def offset_arg(value: str | None) -> int:
    """A move button's direction: "up" or "down"; anything else is a 400."""
    offsets = {"up": -1, "down": 1}
    if value not in offsets:
        abort(400)
    return offsets[value]


from courses.views import authoring, certificates, learning  # noqa: E402,F401  (routes)
