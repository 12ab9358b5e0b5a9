"""The advice board in numbers, for the administrators' dashboard ("stats" piece).

One grouped query whatever the number of threads: per category (one per topic) the live
questions, those nobody has answered, those without an accepted answer, and those
unanswered past the experts' response target. Rows start with the topic's name in the UI
language and its slug.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import case, func, select

from forum.models import Category, Thread
from vfac.extensions import db
from vfac.i18n import current_language
from vfac.models import Topic, utcnow
from vfac.pillars import Table


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def dashboard_tables() -> list[Table]:
    """The board's headline figures, then the same counts per topic."""
    topics = by_topic()
    return [_totals(topics), topics]


def by_topic() -> Table:
    """Live, unanswered, unaccepted and overdue questions per category, every one listed."""
    hours = current_app.config["FORUM_RESPONSE_TARGET_HOURS"]
    unanswered = Thread.answer_count == 0
    # live as in board.live(), over every visibility: administrators see them all
    counts = (select(Thread.category_id, func.count().label("live"),
                     _count_if(unanswered).label("unanswered"),
                     _count_if(Thread.accepted_answer_id.is_(None)).label("unaccepted"),
                     _count_if(unanswered & (Thread.created_at < utcnow() - timedelta(hours=hours)))
                     .label("overdue"))
              .where(Thread.hidden_at.is_(None), Thread.deleted_at.is_(None))
              .group_by(Thread.category_id).subquery())
    # Topic names are JSON, which PostgreSQL cannot group by: count first, then join.
    rows = db.session.execute(
        select(Topic, counts.c.live, counts.c.unanswered, counts.c.unaccepted, counts.c.overdue)
        .select_from(Category).join(Topic, Topic.id == Category.topic_id)
        .outerjoin(counts, counts.c.category_id == Category.id)
        .order_by(Category.position, Topic.position))
    language = current_language()
    return Table("questions-by-topic", _("Questions by topic"),
                 [_("Topic"), _("Code"), _("Questions"), _("Unanswered"),
                  _("Without an accepted answer"),
                  _("Unanswered after %(hours)d hours", hours=hours)],
                 [[topic.name_in(language), topic.slug, *(n or 0 for n in numbers)]
                  for topic, *numbers in rows],
                 notes=[_("Hidden and deleted questions are not counted.")])


def _totals(topics: Table) -> Table:
    # each thread is in one category, so the sums over categories are exact
    sums = [sum(row[i] for row in topics.rows) for i in range(2, 6)]
    codes = ["questions", "unanswered", "unaccepted", "overdue"]
    return Table("questions-totals", _("Advice board"), [_("Figure"), _("Code"), _("Number")],
                 [[label, code, n] for label, code, n in zip(topics.columns[2:], codes, sums)])
