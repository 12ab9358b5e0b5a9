"""Who sees which courses: the per-course rule and the same rule as a query filter.

A course is *listed* (catalogue, search, topic hubs, home) once published, to readers of its
visibility level; it is *viewed* also, as a draft, by those who edit it (its instructors and
administrators). Registered with accounts.permissions; tests/platform/
test_visibility_policy.py checks both sides agree.
"""
from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import and_, or_, true

from accounts.models import Role, User
from accounts.permissions import at_least, can, member_id, register_policy, visibilities_for
from courses.models import Course


class CoursePolicy:
    model: ClassVar[type] = Course
    actions: ClassVar[tuple[str, ...]] = ("courses.course.view", "courses.course.list")

    def allows(self, user: User | None, action: str, course: Course) -> bool:
        if course.is_published and course.visibility in visibilities_for(user):
            return True
        return action == "courses.course.view" and can(user, "courses.course.edit", course)

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]:
        listed = and_(entity.is_published.is_(True),
                      entity.visibility.in_(visibilities_for(user)))
        if action == "courses.course.list":
            return [listed]
        if at_least(Role.ADMINISTRATOR)(user, None):
            return [true()]
        if at_least(Role.INSTRUCTOR)(user, None):
            return [or_(listed, entity.instructors.any(User.id == member_id(user)))]
        return [listed]


def register() -> None:
    """Make the catalogue's policy a rule of accounts.permissions."""
    register_policy(CoursePolicy())
