"""Courses in numbers, for the administrators' dashboard (registered as the "stats" piece).

Two grouped queries whatever the number of courses or learners: enrolments and completions
per published course (the most enrolled first), and certificates per course. Rows start
with a label and a code (the course's title and slug); a completion rate is a float, in
percent.
"""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from courses.models import Certificate, Course, Enrolment
from vfac.extensions import db
from vfac.pillars import Table


def completion_rate(completions: int, enrolments: int) -> float | None:
    """Completions as a percentage of enrolments (one decimal), None when nobody enrolled."""
    return round(100 * completions / enrolments, 1) if enrolments else None


def dashboard_tables() -> list[Table]:
    """The courses' headline figures, then enrolments and completions per published course."""
    enrolments = func.count(Enrolment.id)
    rows = db.session.execute(
        select(Course.id, Course.title, Course.slug, enrolments, func.count(Enrolment.completed_at))
        .outerjoin(Enrolment, Enrolment.course_id == Course.id)
        .where(Course.is_published.is_(True))
        .group_by(Course.id, Course.title, Course.slug)
        .order_by(enrolments.desc(), Course.title, Course.id)).all()
    certificates = dict(db.session.execute(
        select(Certificate.course_id, func.count()).group_by(Certificate.course_id)).all())
    courses = [[title, slug, enrolled, completed, completion_rate(completed, enrolled),
                certificates.get(course_id, 0)]
               for course_id, title, slug, enrolled, completed in rows]
    return [_totals(courses), _per_course(courses)]


def _totals(courses: list[list]) -> Table:
    enrolled = sum(row[2] for row in courses)
    completed = sum(row[3] for row in courses)
    figures = [(_("Published courses"), "courses", len(courses)),
               (_("Enrolments"), "enrolments", enrolled),
               (_("Completions"), "completions", completed),
               (_("Completion rate (%)"), "completion-rate", completion_rate(completed, enrolled)),
               (_("Certificates"), "certificates", sum(row[5] for row in courses))]
    return Table("courses-totals", _("Courses"), [_("Figure"), _("Code"), _("Number")],
                 [list(figure) for figure in figures])


def _per_course(courses: list[list]) -> Table:
    return Table("courses", _("Enrolments and completions per course"),
                 [_("Course"), _("Code"), _("Enrolments"), _("Completions"),
                  _("Completion rate (%)"), _("Certificates")], courses,
                 notes=[_("Completions are enrolments whose every lesson is seen and every "
                          "quiz passed; a certificate is issued with each.")])
