"""Moderation: flags and their queue, hide, lock, pin, move, soft delete and restore.

Every moderator's act goes to the audit log; members deleting their own words do not.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from accounts import audit
from accounts.models import User
from accounts.permissions import READ_ACTION, require, visibilities_for, where
from accounts.services import ServiceError
from forum.models import (Category, Comment, Flag, FlagReason, FlagState, Post, Revision, Thread,
                          ThreadStatus)
from vfac import events
from vfac.extensions import db
from vfac.models import utcnow
from vfac.pagination import Page, keyset_page

Item = Thread | Post | Comment


def thread_of(item: Item) -> Thread:
    return item if isinstance(item, Thread) else item.thread


def describe(item: Item) -> str:
    return f"{type(item).__name__.lower()}:{item.id}"


def _target(item: Item) -> dict:
    thread = thread_of(item)
    return {"thread_id": thread.id, "post_id": item.id if isinstance(item, Post) else None,
            "comment_id": item.id if isinstance(item, Comment) else None}


def flag_item(actor: User, item: Item, reason: FlagReason, note: str = "") -> Flag:
    """Report an item to the moderators (one open flag per member and item)."""
    require(actor, "forum.post.flag", item)
    flag = db.session.execute(select(Flag).filter_by(
        reporter_id=actor.id, state=FlagState.OPEN, **_target(item))).scalar_one_or_none()
    if flag is None:
        flag = Flag(reporter_id=actor.id, **_target(item))
        db.session.add(flag)
    flag.reason, flag.note = reason, (note or "").strip()[:500]
    db.session.flush()
    return flag


def open_flags(actor: User, after: int | None = None) -> Page:
    """The moderators' queue: open flags, oldest first, on content the moderator may see."""
    require(actor, "forum.thread.moderate")
    query = (select(Flag).join(Thread, Thread.id == Flag.thread_id)
             .where(Flag.state == FlagState.OPEN,
                    Thread.visibility.in_(visibilities_for(actor)))
             .options(selectinload(Flag.reporter), selectinload(Flag.thread),
                      selectinload(Flag.post).selectinload(Post.author),
                      selectinload(Flag.comment).selectinload(Comment.author)))
    return keyset_page(query, Flag.id, after, ascending=True)


def _close_flags(actor: User, item: Item, state: FlagState) -> None:
    db.session.execute(update(Flag).where(Flag.state == FlagState.OPEN, *[
        getattr(Flag, key) == value if value is not None else getattr(Flag, key).is_(None)
        for key, value in _target(item).items()]).values(
        state=state, resolved_at=utcnow(), resolved_by_id=actor.id))


def dismiss_flag(actor: User, flag: Flag) -> None:
    """Close a flag without acting on the item."""
    require(actor, "forum.thread.moderate", flag.thread)
    if flag.state is not FlagState.OPEN:
        raise ServiceError(_l("This flag was already handled."))
    flag.state, flag.resolved_at, flag.resolved_by_id = FlagState.DISMISSED, utcnow(), actor.id
    audit.record("forum.flag_dismissed", actor, flag.reporter, flag=flag.id)
    db.session.flush()


def _recount(thread: Thread) -> None:
    thread.answer_count = db.session.execute(
        select(db.func.count()).select_from(Post).where(
            Post.thread_id == thread.id, Post.hidden_at.is_(None),
            Post.deleted_at.is_(None))).scalar_one()
    if thread.accepted_answer_id is not None:
        accepted = db.session.get(Post, thread.accepted_answer_id)
        if accepted is None or accepted.is_hidden or accepted.is_deleted:
            thread.accepted_answer_id = None
            if thread.status is ThreadStatus.ANSWERED:
                thread.status = ThreadStatus.OPEN


def _shown_or_not(actor: User, item: Item, gone: bool) -> None:
    # An item leaving the page closes its flags; counts, acceptance and the index follow.
    if gone:
        _close_flags(actor, item, FlagState.UPHELD)
    db.session.flush()
    thread = thread_of(item)
    _recount(thread)
    events.record(events.thread_hidden if gone and item is thread else events.thread_changed,
                  thread_id=thread.id)


def set_hidden(actor: User, item: Item, hidden: bool, reason: str = "") -> None:
    """Hide an item from members (its author and moderators still see it), or show it again."""
    require(actor, "forum.thread.moderate", item)
    if item.is_hidden == hidden:
        return
    item.hidden_at = utcnow() if hidden else None
    _shown_or_not(actor, item, gone=hidden)
    audit.record("forum.hidden" if hidden else "forum.unhidden", actor, item.author,
                 item=describe(item), reason=reason.strip()[:200])
    db.session.flush()


def set_deleted(actor: User, item: Item, deleted: bool) -> None:
    """Soft-delete an item (its author or a moderator), or restore it (a moderator)."""
    require(actor, "forum.post.delete" if deleted else "forum.post.restore", item)
    item.deleted_at = utcnow() if deleted else None
    _shown_or_not(actor, item, gone=deleted)
    if actor.id != item.author_id or not deleted:
        audit.record("forum.deleted" if deleted else "forum.restored", actor, item.author,
                     item=describe(item))
    db.session.flush()


def set_locked(actor: User, thread: Thread, locked: bool) -> None:
    """Close a thread to new answers, comments and votes, or open it again."""
    require(actor, "forum.thread.moderate", thread)
    thread.locked_at = utcnow() if locked else None
    thread.status = ThreadStatus.LOCKED if locked else (
        ThreadStatus.ANSWERED if thread.accepted_answer_id else ThreadStatus.OPEN)
    audit.record("forum.locked" if locked else "forum.unlocked", actor, thread.author,
                 item=describe(thread))
    db.session.flush()


def set_pinned(actor: User, thread: Thread, pinned: bool) -> None:
    """Keep a thread at the top of its category, or let it go."""
    require(actor, "forum.thread.moderate", thread)
    thread.is_pinned = pinned
    audit.record("forum.pinned" if pinned else "forum.unpinned", actor, thread.author,
                 item=describe(thread))
    db.session.flush()


def move_thread(actor: User, thread: Thread, category: Category) -> None:
    """Move a thread to another category (its main topic changes with it)."""
    require(actor, "forum.thread.moderate", thread)
    if category.id == thread.category_id:
        return
    old = thread.category.slug
    thread.category = category
    if category.topic not in thread.topics:
        thread.topics = [category.topic] + thread.topics[:2]
    audit.record("forum.moved", actor, thread.author, item=describe(thread), old=old,
                 new=category.slug)
    db.session.flush()


def revisions(actor, item: Item) -> list[Revision]:
    """The edit history of an item the reader may read, newest first."""
    require(actor, READ_ACTION[type(item).__name__], item)
    target = _target(item)
    conditions = [Revision.thread_id == target["thread_id"], *where(actor, "forum.revision.read")]
    for key in ("post_id", "comment_id"):
        column = getattr(Revision, key)
        conditions.append(column == target[key] if target[key] is not None else column.is_(None))
    return list(db.session.execute(select(Revision).where(*conditions)
                                   .order_by(Revision.id.desc())
                                   .options(selectinload(Revision.editor))).scalars())
