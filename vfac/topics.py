"""The shared vocabulary: small public functions every pillar uses to find topics."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Table, func, select

from vfac.extensions import db
from vfac.models import Topic


def all_topics() -> list[Topic]:
    """The nine topics in their usual order."""
    return list(db.session.execute(select(Topic).order_by(Topic.position)).scalars())


def topic_by_slug(slug: str) -> Topic | None:
    return db.session.execute(select(Topic).where(Topic.slug == slug)).scalar_one_or_none()


def topics_by_slugs(slugs: list[str]) -> list[Topic]:
    """The topics named by these slugs, in their usual order (unknown slugs are ignored)."""
    if not slugs:
        return []
    return list(db.session.execute(
        select(Topic).where(Topic.slug.in_(slugs)).order_by(Topic.position)).scalars())


def count_per_topic(link: Table, item_column: Any, model: Any, where: list) -> dict[int, int]:
    """How many items of `model` (meeting `where`) each topic has, through its link table."""
    return dict(db.session.execute(
        select(link.c.topic_id, func.count()).join(model, model.id == item_column)
        .where(*where).group_by(link.c.topic_id)).all())
