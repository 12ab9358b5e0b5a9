"""Who sees what on the advice board: one policy per kind, each a rule and the same rule in SQL.

Views, lists, searches, feeds, notifications, histories, flag pages and templates all ask
these (through accounts.permissions.can and where), never hidden_at or deleted_at
themselves. tests/platform/test_visibility_policy.py checks, for every action and kind of
person, that the objects the rule allows are exactly the rows the filter returns.

- a question (Thread) is *listed* (boards, search, feeds, counts) when the reader may see its
  visibility level and it is neither hidden nor deleted; it is *viewed* (opened) also by its
  author while hidden, and by moderators while hidden or deleted;
- the text of an answer or comment is *read* by those who view its question, unless a
  moderator hid it (then its author and moderators) or it was deleted (then moderators);
- an edit's revision is read by those who read the item it belongs to;
- a notification is listed to its member while they view its question and read its answer.
"""
from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import or_, select

from accounts.models import Role, User
from accounts.permissions import (at_least, can, member_id, nothing, register_policy,
                                  visibilities_for, where)
from forum.models import Comment, Notification, Post, Revision, Thread


def _moderator(user: User | None) -> bool:
    # moderation powers over every thread whose visibility level the moderator may see (the
    # level is in every filter below); staff without 2FA have none (at_least)
    return at_least(Role.MODERATOR)(user, None)


def _shown_to(user: User | None, hidden_at: Any, author_id: Any) -> Any:
    """SQL: not hidden, or hidden and the reader is its author."""
    uid = member_id(user)
    return hidden_at.is_(None) if uid is None else or_(hidden_at.is_(None), author_id == uid)


class ThreadPolicy:
    model: ClassVar[type] = Thread
    actions: ClassVar[tuple[str, ...]] = ("forum.thread.view", "forum.thread.list")

    def allows(self, user: User | None, action: str, thread: Thread) -> bool:
        if thread.visibility not in visibilities_for(user):
            return False
        if action == "forum.thread.list":
            return not thread.is_hidden and not thread.is_deleted
        if _moderator(user):
            return True
        return not thread.is_deleted and (not thread.is_hidden
                                          or member_id(user) == thread.author_id)

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]:
        levels = [entity.visibility.in_(visibilities_for(user))]
        if action == "forum.thread.list":
            return levels + [entity.hidden_at.is_(None), entity.deleted_at.is_(None)]
        if _moderator(user):
            return levels
        return levels + [entity.deleted_at.is_(None),
                         _shown_to(user, entity.hidden_at, entity.author_id)]


class _ItemPolicy:
    """Answers and comments: the question's view rule, then the item's own state."""

    model: ClassVar[type]
    actions: ClassVar[tuple[str, ...]]

    def allows(self, user: User | None, action: str, item: Any) -> bool:
        if not can(user, "forum.thread.view", item.thread):
            return False
        if _moderator(user):
            return True
        return not item.is_deleted and (not item.is_hidden or member_id(user) == item.author_id)

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]:
        viewed = entity.thread_id.in_(select(Thread.id).where(*where(user, "forum.thread.view")))
        if _moderator(user):
            return [viewed]
        return [viewed, entity.deleted_at.is_(None),
                _shown_to(user, entity.hidden_at, entity.author_id)]


class AnswerPolicy(_ItemPolicy):
    model = Post
    actions = ("forum.answer.read",)


class CommentPolicy(_ItemPolicy):
    model = Comment
    actions = ("forum.comment.read",)


def _readable(user: User | None, model: type, action: str) -> Any:
    return select(model.id).where(*where(user, action))


class RevisionPolicy:
    """An edit's old and new text: for those who read the question, answer or comment now."""

    model: ClassVar[type] = Revision
    actions: ClassVar[tuple[str, ...]] = ("forum.revision.read",)

    def allows(self, user: User | None, action: str, revision: Revision) -> bool:
        from vfac.extensions import db  # noqa: PLC0415 - a revision has no relationship to it

        if revision.comment_id is not None:
            item, read = db.session.get(Comment, revision.comment_id), "forum.comment.read"
        elif revision.post_id is not None:
            item, read = db.session.get(Post, revision.post_id), "forum.answer.read"
        else:
            item, read = db.session.get(Thread, revision.thread_id), "forum.thread.view"
        return item is not None and can(user, read, item)

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]:
        return [entity.thread_id.in_(_readable(user, Thread, "forum.thread.view")),
                or_(entity.post_id.is_(None),
                    entity.post_id.in_(_readable(user, Post, "forum.answer.read"))),
                or_(entity.comment_id.is_(None),
                    entity.comment_id.in_(_readable(user, Comment, "forum.comment.read")))]


class NotificationPolicy:
    """A member's own notifications, while they may still see what each one points to."""

    model: ClassVar[type] = Notification
    actions: ClassVar[tuple[str, ...]] = ("forum.notification.list",)

    def allows(self, user: User | None, action: str, note: Notification) -> bool:
        if not can(user, "forum.member.notifications") or note.user_id != user.id:
            return False
        if not can(user, "forum.thread.view", note.thread):
            return False
        if note.post_id is None:
            return True
        from vfac.extensions import db  # noqa: PLC0415

        post = db.session.get(Post, note.post_id)
        return post is not None and can(user, "forum.answer.read", post)

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]:
        if not can(user, "forum.member.notifications"):
            return nothing()
        return [entity.user_id == user.id,
                entity.thread_id.in_(_readable(user, Thread, "forum.thread.view")),
                or_(entity.post_id.is_(None),
                    entity.post_id.in_(_readable(user, Post, "forum.answer.read")))]


def register() -> None:
    """Make the board's policies rules of accounts.permissions (once per process is enough)."""
    for policy in (ThreadPolicy(), AnswerPolicy(), CommentPolicy(), RevisionPolicy(),
                   NotificationPolicy()):
        register_policy(policy)
