"""Asking, answering, commenting, voting, accepting, following, editing: members' writes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from accounts import audit
from accounts.models import Role, User
from accounts.permissions import can, require
from accounts.services import ServiceError
from forum.models import (Category, Comment, Notification, NotificationKind, Post, Revision,
                          Subscription, Tag, Thread, ThreadStatus, Vote)
from forum.personal_data import Finding, find_personal_data
from forum.services import board, notify
from vfac import events
from vfac.extensions import db
from vfac.markup import render_markdown
from vfac.models import Topic, Visibility, utcnow

MAX_TOPICS = 3
MAX_TAGS = 5


class RateLimited(ServiceError):
    """A new member's posting limit; the page says when they may post again (HTTP 429)."""


@dataclass(frozen=True)
class QuestionInput:
    title: str
    body: str
    category_slug: str
    topic_slugs: tuple[str, ...]
    tags: tuple[str, ...]
    language: str
    country: str | None
    visibility: Visibility
    lesson_id: int | None = None


def slugify(title: str) -> str:
    """A readable address part in any script ("preuve-électronique"), never empty."""
    return re.sub(r"[^\w]+", "-", title.casefold()).strip("-_")[:80].strip("-_") or "thread"


def _tags(names: tuple[str, ...]) -> list[Tag]:
    names = tuple(dict.fromkeys(n for n in names if n))[:MAX_TAGS]
    existing = {t.name: t for t in db.session.execute(
        select(Tag).where(Tag.name.in_(names))).scalars()} if names else {}
    return [existing.get(name) or Tag(name=name) for name in names]


def _check_limits(actor: User, html: str) -> None:
    """New members post a few times an hour; members without an accepted answer few links."""
    config = current_app.config
    if actor.role >= Role.EXPERT:
        return
    joined = actor.reviewed_at or actor.created_at
    if joined and utcnow() - _aware(joined) < timedelta(days=config["FORUM_NEW_MEMBER_DAYS"]):
        since = utcnow() - timedelta(hours=1)
        recent = sum(db.session.execute(
            select(func.count()).select_from(model).where(model.author_id == actor.id,
                                                          model.created_at >= since)).scalar_one()
            for model in (Thread, Post, Comment))
        limit = config["FORUM_NEW_MEMBER_POSTS_PER_HOUR"]
        if recent >= limit:
            raise RateLimited(_l("New members may post %(n)d times an hour. Please try again "
                                 "later; the limit is lifted after your first week.", n=limit))
    links = html.count("<a ")
    limit = config["FORUM_MAX_LINKS_UNPROVEN"]
    if links > limit and not _has_accepted_answer(actor):
        raise ServiceError(_l("Your text has %(found)d links; until one of your answers is "
                              "accepted you may include %(limit)d.", found=links, limit=limit))


def _aware(moment):
    # SQLite gives naive datetimes back; they are UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


def _has_accepted_answer(actor: User) -> bool:
    return db.session.execute(select(Thread.id).join(Post, Post.id == Thread.accepted_answer_id)
                              .where(Post.author_id == actor.id).limit(1)).first() is not None


@dataclass(frozen=True)
class Warnings:
    """What a writer sees and confirms before the text is posted (nothing is ever blocked)."""

    personal_data: list[Finding]
    similar: list[Thread]

    def __bool__(self) -> bool:
        return bool(self.personal_data or self.similar)


def warnings_for(actor, body: str, title: str | None = None,
                 similar_seen: bool = True) -> Warnings:
    """Personal or case data in the text; for a new question, similar ones not shown yet."""
    found = find_personal_data(f"{title or ''}\n{body}")
    similar = [] if similar_seen or not title else board.similar_threads(actor, title)
    return Warnings(found, similar)


def ask_question(actor: User, data: QuestionInput) -> Thread:
    """Post a question; experts of its topics who read its language are told."""
    require(actor, "forum.thread.create")
    category = db.session.execute(select(Category).join(Topic).where(
        Topic.slug == data.category_slug)).scalar_one_or_none()
    if category is None:
        raise ServiceError(_l("Choose a topic for your question."))
    slugs = (data.category_slug,) + tuple(s for s in data.topic_slugs if s != data.category_slug)
    topics = list(db.session.execute(select(Topic).where(Topic.slug.in_(slugs[:MAX_TOPICS]))
                                     .order_by(Topic.position)).scalars())
    html = render_markdown(data.body)
    _check_limits(actor, html)
    thread = Thread(category=category, author=actor, title=data.title.strip(),
                    slug=slugify(data.title), body_source=data.body, body_html=html,
                    language=data.language, country=data.country or None,
                    visibility=data.visibility, topics=topics, tags=_tags(data.tags),
                    lesson_id=data.lesson_id, last_activity_at=utcnow())
    db.session.add(thread)
    db.session.flush()
    notify.follow(actor, thread)
    # who hears of it (experts of its topics, members it mentions) is a job's work
    events.record(events.question_asked, thread_id=thread.id)
    return thread


def post_answer(actor: User, thread: Thread, body: str) -> Post:
    """Answer a question; followers and mentioned members are told."""
    require(actor, "forum.thread.answer", thread)
    html = render_markdown(body)
    _check_limits(actor, html)
    post = Post(thread=thread, author=actor, body_source=body, body_html=html)
    db.session.add(post)
    thread.answer_count += 1
    thread.last_activity_at = utcnow()
    db.session.flush()
    notify.follow(actor, thread)
    events.record(events.answer_posted, thread_id=thread.id, answer_id=post.id)
    return post


def post_comment(actor: User, thread: Thread, post: Post | None, body: str) -> Comment:
    """Comment on the question or on one of its answers."""
    require(actor, "forum.thread.comment", thread)
    if post is not None and (post.thread_id != thread.id or post.is_deleted):
        raise ServiceError(_l("That answer no longer exists."))
    html = render_markdown(body)
    _check_limits(actor, html)
    comment = Comment(thread=thread, post_id=post.id if post else None, author=actor,
                      body_source=body, body_html=html)
    db.session.add(comment)
    thread.last_activity_at = utcnow()
    db.session.flush()
    notify.follow(actor, thread)
    events.record(events.comment_posted, thread_id=thread.id, comment_id=comment.id)
    return comment


def vote(actor: User, item: Thread | Post, value: int) -> None:
    """Vote a question or an answer up (1) or down (-1), or take the vote back (0)."""
    require(actor, "forum.post.vote", item)
    if value not in (-1, 0, 1):
        raise ServiceError(_l("Unknown vote."))
    key = {"thread_id": item.id} if isinstance(item, Thread) else {"post_id": item.id}
    existing = db.session.execute(select(Vote).filter_by(user_id=actor.id, **key)
                                  ).scalar_one_or_none()
    change = value - (existing.value if existing else 0)
    if existing is not None and value == 0:
        db.session.delete(existing)
    elif existing is not None:
        existing.value = value
    elif value:
        db.session.add(Vote(user_id=actor.id, value=value, **key))
    model = type(item)
    db.session.execute(update(model).where(model.id == item.id)
                       .values(score=model.score + change))
    db.session.flush()


def accept_answer(actor: User, thread: Thread, post: Post | None) -> None:
    """The asker (or a moderator) marks the answer that solved the question; None un-accepts."""
    require(actor, "forum.thread.accept", thread)
    if post is not None and (post.thread_id != thread.id or post.is_deleted or post.is_hidden):
        raise ServiceError(_l("That answer cannot be accepted."))
    thread.accepted_answer_id = post.id if post else None
    if not thread.is_locked:
        thread.status = ThreadStatus.ANSWERED if post else ThreadStatus.OPEN
    if actor.id != thread.author_id:
        audit.record("forum.accepted", actor, thread.author, thread=thread.id,
                     answer=post.id if post else "")
    db.session.flush()
    if post is not None:
        events.record(events.answer_accepted, thread_id=thread.id, answer_id=post.id,
                      actor_id=actor.id)


def set_following(actor: User, thread: Thread, follow: bool) -> None:
    """Follow or stop following a thread."""
    require(actor, "forum.thread.follow", thread)
    if follow:
        notify.follow(actor, thread)
    else:
        subscription = db.session.get(Subscription, (actor.id, thread.id))
        if subscription is not None:
            db.session.delete(subscription)
    db.session.flush()


def invite_expert(actor: User, thread: Thread, username: str) -> User:
    """Ask a named expert to answer; they are notified (once per thread)."""
    require(actor, "forum.thread.invite", thread)
    expert = db.session.execute(select(User).where(
        func.lower(User.username) == username.strip().lstrip("@").casefold(),
        User.role.in_(notify.EXPERT_ROLES))).scalar_one_or_none()
    if expert is None or not expert.is_approved or not expert.expert_topics:
        raise ServiceError(_l("There is no expert with that username."))
    if not can(expert, "forum.thread.view", thread):
        raise ServiceError(_l("This expert cannot see this thread (its visibility is "
                              "restricted)."))
    already = db.session.execute(select(Notification.id).filter_by(
        user_id=expert.id, thread_id=thread.id, kind=NotificationKind.INVITE)).first()
    if already is None:
        notify.mail_later(notify.notify([expert], NotificationKind.INVITE, thread, actor))
    return expert


def edit_item(actor: User, item: Thread | Post | Comment, body: str,
              title: str | None = None, reason: str = "") -> Revision:
    """Change a question, answer or comment; the old and new text are kept as a revision."""
    require(actor, "forum.post.edit", item)
    thread = item if isinstance(item, Thread) else item.thread
    html = render_markdown(body)
    if actor.id == item.author_id:
        _check_limits(actor, html)
    revision = Revision(thread_id=thread.id, editor_id=actor.id, old_body=item.body_source,
                        new_body=body, reason=(reason or "").strip()[:200],
                        post_id=item.id if isinstance(item, Post) else None,
                        comment_id=item.id if isinstance(item, Comment) else None)
    if isinstance(item, Thread) and title is not None:
        revision.old_title, revision.new_title = item.title, title.strip()
        item.title, item.slug = title.strip(), slugify(title)
    item.body_source, item.body_html, item.edited_at = body, html, utcnow()
    db.session.add(revision)
    if actor.id != item.author_id:
        audit.record("forum.edited", actor, item.author, thread=thread.id,
                     item=f"{type(item).__name__.lower()}:{item.id}")
    db.session.flush()
    events.record(events.thread_changed, thread_id=thread.id)
    return revision
