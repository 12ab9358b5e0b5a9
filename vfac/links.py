"""Links between pillars without imports: a package registers how to describe its items.

The advice board shows "asked about this lesson" without knowing the courses package: the
courses package registers a resolver for "lesson", the board asks `describe("lesson", id)`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    context: str = ""  # e.g. the course a lesson belongs to
    topic_slugs: tuple[str, ...] = field(default=())
    language: str = ""


Resolver = Callable[[Any, int], "Link | None"]
_resolvers: dict[str, Resolver] = {}


def register(kind: str, resolver: Resolver) -> None:
    """`resolver(user, object_id)` returns a Link, or None when missing or hidden from user."""
    _resolvers[kind] = resolver


def describe(kind: str, user: Any, object_id: int | None) -> Link | None:
    """The link to an item of another pillar, if that pillar is installed and user may see it."""
    resolver = _resolvers.get(kind)
    if resolver is None or object_id is None:
        return None
    return resolver(user, object_id)
