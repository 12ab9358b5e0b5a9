"""Every right in VFAC is decided here, and nowhere else (views, templates and services ask)."""
from __future__ import annotations

from functools import partial
from typing import Any, Callable, ClassVar, Protocol

from flask import current_app
from sqlalchemy import false

from accounts.models import Role, User
from vfac.models import Visibility

Rule = Callable[["User | None", Any], bool]


class PermissionDenied(Exception):
    """Raised by require(); vfac/errors.py turns it into a 403 page."""

    def __init__(self, action: str) -> None:
        super().__init__(action)
        self.action = action


def _real(user: Any) -> User | None:
    # current_user is an AnonymousUser proxy for visitors; rules only see members or None.
    return user if isinstance(user, User) else None


def staff_2fa_ok(user: User) -> bool:
    """Moderators and administrators must have two-factor authentication before powers count."""
    if not user.is_staff:
        return True
    return user.has_2fa or not current_app.config["STAFF_REQUIRE_2FA"]


def at_least(role: Role) -> Rule:
    def rule(user: User | None, obj: Any) -> bool:
        if user is None or not user.is_approved:
            return False
        return user.role >= role and (role < Role.MODERATOR or staff_2fa_ok(user))
    return rule


def self_or(role: Role) -> Rule:
    def rule(user: User | None, obj: Any) -> bool:
        return (user is not None and obj is not None and getattr(obj, "id", None) == user.id) \
            or at_least(role)(user, obj)
    return rule


def _can_change_role(user: User | None, obj: Any) -> bool:
    # Administrators change roles, never their own (there must be another administrator).
    return at_least(Role.ADMINISTRATOR)(user, obj) and (obj is None or obj.id != user.id)


def _staff_over(user: User | None, obj: Any) -> bool:
    # Staff act on other members: never on themselves, and moderators not on administrators.
    if not at_least(Role.MODERATOR)(user, obj):
        return False
    return obj is None or (obj.id != user.id
                           and (obj.role < Role.ADMINISTRATOR or user.role >= Role.ADMINISTRATOR))


def _view_profile(user: User | None, obj: Any) -> bool:
    # Profiles of approved members are for members; one's own and staff see any.
    if obj is not None and not obj.is_approved:
        return self_or(Role.MODERATOR)(user, obj)
    return at_least(Role.MEMBER)(user, obj) or self_or(Role.MODERATOR)(user, obj)


def _visible(user: User | None, obj: Any) -> bool:
    return obj is None or obj.visibility in visibilities_for(user)


def _course_editor(user: User | None, course: Any) -> bool:
    # A course is edited by its own instructors, and by administrators.
    if at_least(Role.ADMINISTRATOR)(user, course):
        return True
    return at_least(Role.INSTRUCTOR)(user, course) and (course is None
                                                        or course.is_instructor(user))


def _paper_submitter(user: User | None, paper: Any) -> bool:
    return at_least(Role.MEMBER)(user, paper) and paper is not None \
        and paper.submitter_id == user.id


def _paper_moderator(user: User | None, paper: Any) -> bool:
    # A draft is its submitter's own until it is submitted; moderators see the rest.
    return at_least(Role.MODERATOR)(user, paper) and _visible(user, paper) and (
        paper is None or paper.status.value != "draft")


def _paper_edit(user: User | None, paper: Any) -> bool:
    # Submitters change their unpublished papers; moderators any but others' drafts.
    if paper is not None and _paper_submitter(user, paper) and not paper.is_published:
        return True
    return _paper_moderator(user, paper)


def _forum_moderator(user: User | None, item: Any) -> bool:
    return at_least(Role.MODERATOR)(user, item) and (
        item is None or _visible(user, getattr(item, "thread", item)))


def _author(user: User | None, item: Any) -> bool:
    return user is not None and item is not None and item.author_id == user.id \
        and user.is_approved


def _thread_view(user: User | None, thread: Any) -> bool:
    # the advice board's policy decides (forum/policy.py)
    return can(user, "forum.thread.view", thread)


def _thread_takes_part(user: User | None, thread: Any) -> bool:
    # Answer, comment: members who see a live thread; once it is locked, moderators only.
    if thread is None:
        return at_least(Role.MEMBER)(user, thread)
    live = not thread.is_deleted and not thread.is_hidden
    return at_least(Role.MEMBER)(user, thread) and _thread_view(user, thread) and live and (
        not thread.is_locked or _forum_moderator(user, thread))


def _item_live(item: Any) -> bool:
    thread = getattr(item, "thread", item)
    return not (item.is_deleted or item.is_hidden or thread.is_deleted or thread.is_hidden)


def _vote(user: User | None, item: Any) -> bool:
    # No votes on one's own question or answer, nor on hidden, deleted or locked ones.
    thread = getattr(item, "thread", item)
    return at_least(Role.MEMBER)(user, item) and not _author(user, item) \
        and _thread_view(user, thread) and _item_live(item) and not thread.is_locked


def _edit_post(user: User | None, item: Any) -> bool:
    # Authors edit their live items in unlocked threads; moderators edit anything they see.
    thread = getattr(item, "thread", item)
    if _forum_moderator(user, item):
        return _thread_view(user, thread)
    return _author(user, item) and _thread_view(user, thread) and _item_live(item) \
        and not thread.is_locked


def _delete_post(user: User | None, item: Any) -> bool:
    thread = getattr(item, "thread", item)
    return not item.is_deleted and _thread_view(user, thread) and (
        _forum_moderator(user, item) or (_author(user, item) and not thread.is_locked))


def _accept(user: User | None, thread: Any) -> bool:
    # The asker accepts an answer while the thread is open; moderators at any time.
    return _thread_view(user, thread) and (
        _forum_moderator(user, thread)
        or (_author(user, thread) and not thread.is_locked and not thread.is_deleted))


def _flag(user: User | None, item: Any) -> bool:
    # what one may not read one may not flag either (the flag page quotes the item)
    return at_least(Role.MEMBER)(user, item) and not _author(user, item) \
        and can(user, READ_ACTION[type(item).__name__], item) and not item.is_deleted


# The action that reads the text of each kind of board item (forum/policy.py).
READ_ACTION = {"Thread": "forum.thread.view", "Post": "forum.answer.read",
               "Comment": "forum.comment.read"}


RULES: dict[str, Rule] = {
    "accounts.member.view": _view_profile,
    "accounts.member.list": at_least(Role.MODERATOR),
    "accounts.member.vet": at_least(Role.MODERATOR),
    "accounts.member.change_role": _can_change_role,
    "accounts.member.suspend": _staff_over,
    "accounts.member.reinstate": _staff_over,
    "accounts.member.end_sessions": _staff_over,
    "accounts.member.review_identity": _staff_over,  # a change of vetted name, organisation
    "accounts.audit.view": at_least(Role.ADMINISTRATOR),
    "accounts.jobs.view": at_least(Role.ADMINISTRATOR),  # the outbox, failed jobs
    "accounts.jobs.retry": at_least(Role.ADMINISTRATOR),
    "vfac.dashboard.view": at_least(Role.ADMINISTRATOR),
    "vfac.content.members": at_least(Role.MEMBER),
    "courses.course.create": at_least(Role.INSTRUCTOR),
    "courses.course.edit": _course_editor,
    "courses.course.enrol": lambda user, course: at_least(Role.MEMBER)(user, course)
    and course.is_published and _visible(user, course),
    "research.paper.submit": at_least(Role.MEMBER),
    "research.paper.edit": _paper_edit,
    "research.paper.moderate": _paper_moderator,
    "forum.thread.create": at_least(Role.MEMBER),
    "forum.thread.answer": _thread_takes_part,
    "forum.thread.comment": _thread_takes_part,
    "forum.thread.follow": lambda user, thread: at_least(Role.MEMBER)(user, thread)
    and _thread_view(user, thread),
    "forum.thread.invite": _thread_takes_part,
    "forum.thread.accept": _accept,
    "forum.thread.moderate": _forum_moderator,  # lock, pin, move, hide; the flag queue
    "forum.post.vote": _vote,
    "forum.post.edit": _edit_post,
    "forum.post.delete": _delete_post,
    "forum.post.restore": lambda user, item: _forum_moderator(user, item) and item.is_deleted,
    "forum.post.flag": _flag,
    "forum.member.notifications": at_least(Role.MEMBER),
    "forum.experts.view": at_least(Role.MEMBER),
    # restricted: law-enforcement and judicial members; staff (with 2FA) to moderate it
    "vfac.content.restricted": lambda user, obj: (at_least(Role.MEMBER)(user, obj)
                                                  and user.is_law_enforcement)
    or at_least(Role.MODERATOR)(user, obj),
}


class Policy(Protocol):
    """Who may see which items of one kind, as a rule on one object and as a query filter.

    Each pillar owns the policies of its kinds (forum/policy.py, research/policy.py,
    courses/policy.py) and registers them here, so can() and require() answer for them like
    for every other rule; lists, searches, feeds and notifications filter with where(), and
    one test checks that both give the same answer for every action and kind of person.
    """

    model: ClassVar[type]
    actions: ClassVar[tuple[str, ...]]

    def allows(self, user: User | None, action: str, obj: Any) -> bool: ...

    def where(self, user: User | None, action: str, entity: Any) -> list[Any]: ...


POLICIES: dict[str, Policy] = {}


def register_policy(policy: Policy) -> Policy:
    """Make the policy's actions rules: can(user, action, obj) asks policy.allows."""
    for action in policy.actions:
        POLICIES[action] = policy
        RULES[action] = partial(_ask_policy, policy, action)
    return policy


def _ask_policy(policy: Policy, action: str, user: User | None, obj: Any) -> bool:
    return obj is not None and policy.allows(user, action, obj)


def where(user: Any, action: str, entity: Any = None) -> list[Any]:
    """Query conditions that keep exactly the rows can(user, action, row) allows.

    `entity` is the policy's model or an alias of it (for correlated subqueries).
    """
    policy = POLICIES[action]
    return policy.where(_real(user), action, policy.model if entity is None else entity)


def member_id(user: Any) -> int | None:
    """The id an author clause compares with: approved members' only (a rule's _author)."""
    user = _real(user)
    return user.id if user is not None and user.is_approved else None


def nothing() -> list[Any]:
    """A filter that keeps no row (the SQL side of a rule that says no to everyone)."""
    return [false()]


def can(user: Any, action: str, obj: Any = None) -> bool:
    """True when `user` (a member, the anonymous proxy or None) may do `action` on `obj`."""
    return RULES[action](_real(user), obj)


def require(user: Any, action: str, obj: Any = None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied(action)


def profile_shows(viewer: Any, member: User, part: str) -> bool:
    """Whether a part of a member page (see PROFILE_PARTS) is shown to this viewer.

    The member sees all of their own page; others see what the member chose to show.
    """
    if not can(viewer, "accounts.member.view", member):
        return False
    viewer = _real(viewer)
    return (viewer is not None and viewer.id == member.id) or part in (member.profile_shows or ())


def visibilities_for(user: Any) -> list[Visibility]:
    """The visibility levels this user may see; lists filter with it so hidden rows never load."""
    levels = [Visibility.PUBLIC]
    if can(user, "vfac.content.members"):
        levels.append(Visibility.MEMBERS)
    if can(user, "vfac.content.restricted"):
        levels.append(Visibility.RESTRICTED)
    return levels


def visible_filter(user: Any, model: Any) -> Any:
    return model.visibility.in_(visibilities_for(user))
