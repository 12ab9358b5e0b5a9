"""The library in numbers, for the administrators' dashboard (registered as the "stats" piece).

Two grouped queries whatever the number of papers: papers by status (the headline figures,
with the moderation queue), and published papers per topic split by visibility. Rows start
with a label in the UI language and the raw code.
"""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import case, func, select

from research.models import Paper, Status, paper_topic
from vfac.extensions import db
from vfac.forms import visibility_labels
from vfac.i18n import current_language
from vfac.models import Topic, Visibility
from vfac.pillars import Table


def dashboard_tables() -> list[Table]:
    """Papers by status (pending ones await moderation), then published papers by topic."""
    return [by_status(), by_topic()]


def by_status() -> Table:
    """How many papers are published, waiting for a moderator, drafts or sent back."""
    labels = {Status.PUBLISHED: _("Published"), Status.PENDING: _("Waiting for review"),
              Status.CHECKING: _("Being checked"), Status.DRAFT: _("Draft"),
              Status.REJECTED: _("Not accepted")}
    counts = dict(db.session.execute(select(Paper.status, func.count()).group_by(Paper.status))
                  .all())
    return Table("papers-totals", _("Library"), [_("Status"), _("Code"), _("Papers")],
                 [[label, status.value, counts.get(status, 0)]
                  for status, label in labels.items()])


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def by_topic() -> Table:
    """Published papers per topic, in all and by visibility; every topic is listed."""
    counts = (select(paper_topic.c.topic_id, func.count().label("papers"),
                     *(_count_if(Paper.visibility == v).label(v.value) for v in Visibility))
              .join(Paper, Paper.id == paper_topic.c.paper_id)
              .where(Paper.status == Status.PUBLISHED)
              .group_by(paper_topic.c.topic_id).subquery())
    # Topic names are JSON, which PostgreSQL cannot group by: count first, then join.
    rows = db.session.execute(
        select(Topic, counts.c.papers, *(counts.c[v.value] for v in Visibility))
        .outerjoin(counts, counts.c.topic_id == Topic.id).order_by(Topic.position))
    language = current_language()
    visibilities = visibility_labels()
    return Table("papers-by-topic", _("Published papers by topic"),
                 [_("Topic"), _("Code"), _("Published papers"),
                  *(str(visibilities[v]) for v in Visibility)],
                 [[topic.name_in(language), topic.slug, *(n or 0 for n in numbers)]
                  for topic, *numbers in rows],
                 notes=[_("A paper with several topics is counted under each of them.")])
