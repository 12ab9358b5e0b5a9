"""The shared vocabulary: small public functions every pillar uses to find topics."""
from __future__ import annotations

from sqlalchemy import select

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
