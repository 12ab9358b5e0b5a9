"""Who sees which papers of the library: the per-paper rule and the same rule as a filter.

A paper is *listed* (library, search, topic hubs, home, feeds of the one search) once
published, to readers of its visibility level; it is *viewed* also, unpublished, by its
submitter, and by moderators once submitted (a draft is its submitter's own). Registered
with accounts.permissions; tests/platform/test_visibility_policy.py checks both sides agree.

A paper's files are served only once their check passed (Paper.passed_files, the library's
file_for_download): whoever sees the paper never gets an upload still in quarantine. How
its newest upload's check went (being checked, refused and why) is for its uploader, its
submitter and its editors.
"""
from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import and_, or_

from accounts.models import Role, User
from accounts.permissions import (at_least, can, member_id, register_policy,
                                  visibilities_for)
from research.models import Paper, Status


class PaperPolicy:
    model: ClassVar[type] = Paper
    actions: ClassVar[tuple[str, ...]] = ("research.paper.view", "research.paper.list")

    def allows(self, user: User | None, action: str, paper: Paper) -> bool:
        visible = paper.visibility in visibilities_for(user)
        if paper.is_published and visible:
            return True
        if action == "research.paper.list":
            return False
        if member_id(user) == paper.submitter_id and member_id(user) is not None:
            return True
        return visible and at_least(Role.MODERATOR)(user, paper) \
            and paper.status is not Status.DRAFT

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]:
        visible = entity.visibility.in_(visibilities_for(user))
        published = and_(entity.status == Status.PUBLISHED, visible)
        if action == "research.paper.list":
            return [published]
        shown = [published]
        if member_id(user) is not None:
            shown.append(entity.submitter_id == member_id(user))
        if at_least(Role.MODERATOR)(user, None):
            shown.append(and_(visible, entity.status != Status.DRAFT))
        return [or_(*shown)]


def sees_upload_check(user: User | None, paper: Paper) -> bool:
    """Whether this reader is told how the paper's newest upload's check is going."""
    latest, me = paper.latest_file, member_id(user)
    if latest is None or me is None:
        return False
    return me in (paper.submitter_id, latest.uploaded_by_id) \
        or can(user, "research.paper.edit", paper)


def register() -> None:
    """Make the library's policy a rule of accounts.permissions."""
    register_policy(PaperPolicy())
