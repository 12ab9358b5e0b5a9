"""Demo content of the advice board for `make run`: members, threads, answers, votes.

Idempotent: when the board has threads it is left as it is. Threads are written directly
(not through the services) so that their dates lie in the past and no mail is sent.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from sqlalchemy import func, select

from accounts.models import Profession, Role, User
from accounts.services import NewMember, create_member
from forum.demo_content import MEMBERS, THREADS
from forum.models import (Category, Comment, Notification, NotificationKind, Post, Subscription,
                          Tag, Thread, ThreadStatus, Vote)
from forum.services.index import index_thread
from forum.services.posting import slugify
from vfac.demo import DEMO_PASSWORD
from vfac.extensions import db
from vfac.markup import render_markdown
from vfac.models import Topic, Visibility, utcnow

_READS = {"expert": ["en"]}  # the demo's forensic expert (vfac/demo.py) also reads English


def _members() -> dict[str, User]:
    for spec in MEMBERS:
        if db.session.execute(select(User.id).where(User.username == spec["username"])).first():
            continue
        user = create_member(None, NewMember(
            spec["username"], f"{spec['username']}@demo.vfac.invalid", DEMO_PASSWORD,
            spec["full_name"], spec["country"], spec["organisation"],
            Profession(spec["profession"]), spec["language"],
            role=Role.EXPERT if spec["role"] == "expert" else Role.MEMBER,
            expert_topics=tuple(spec["expert_topics"])))
        user.reads_languages = [c for c in spec["reads"] if c != spec["language"]]
    for username, reads in _READS.items():
        user = db.session.execute(select(User).where(User.username == username)).scalar_one()
        user.reads_languages = reads
    db.session.commit()
    return {u.username: u for u in db.session.execute(select(User)).scalars()}


def _tag(name: str, tags: dict[str, Tag]) -> Tag:
    if name not in tags:
        tags[name] = Tag(name=name)
    return tags[name]


def _thread(spec: dict, users: dict[str, User], tags: dict[str, Tag], now) -> Thread:
    asked = now - timedelta(days=spec["days_ago"])
    topics = {t.slug: t for t in db.session.execute(select(Topic)).scalars()}
    category = db.session.execute(select(Category).where(
        Category.topic_id == topics[spec["topic"]].id)).scalar_one()
    author = users[spec["author"]]
    thread = Thread(category=category, author=author, title=spec["title"],
                    slug=slugify(spec["title"]), body_source=spec["body"],
                    body_html=render_markdown(spec["body"]), language=spec["language"],
                    country=spec.get("country"), visibility=Visibility(spec["visibility"]),
                    topics=[topics[s] for s in spec["topics"]],
                    tags=[_tag(n, tags) for n in spec["tags"]], created_at=asked,
                    updated_at=asked, last_activity_at=asked, view_count=0)
    db.session.add(thread)
    db.session.flush()
    followers = {author.id}
    for c in spec.get("comments", []):
        _comment(thread, None, c, users, asked)
    for a in spec.get("answers", []):
        at = asked + timedelta(hours=a["hours_later"])
        post = Post(thread=thread, author=users[a["author"]], body_source=a["body"],
                    body_html=render_markdown(a["body"]), created_at=at, updated_at=at,
                    score=sum(a.get("votes", {}).values()))
        db.session.add(post)
        db.session.flush()
        for voter, value in a.get("votes", {}).items():
            db.session.add(Vote(user_id=users[voter].id, post_id=post.id, value=value))
        for c in a.get("comments", []):
            _comment(thread, post, c, users, asked)
        thread.answer_count += 1
        thread.last_activity_at = max(thread.last_activity_at, at)
        followers.add(post.author_id)
        db.session.add(Notification(user_id=author.id, kind=NotificationKind.ANSWER,
                                    thread_id=thread.id, post_id=post.id, actor_id=post.author_id,
                                    created_at=at, emailed_at=at,
                                    read_at=at if spec["days_ago"] > 3 else None))
        if a.get("accepted"):
            thread.accepted_answer_id, thread.status = post.id, ThreadStatus.ANSWERED
    thread.view_count = 12 * (thread.answer_count + 1) + len(spec["body"]) % 40
    for user_id in followers:
        db.session.add(Subscription(user_id=user_id, thread_id=thread.id, created_at=asked))
    return thread


def _comment(thread: Thread, post: Post | None, spec: dict, users, asked) -> None:
    at = asked + timedelta(hours=spec["hours_later"])
    db.session.add(Comment(thread=thread, post_id=post.id if post else None,
                           author=users[spec["author"]], body_source=spec["body"],
                           body_html=render_markdown(spec["body"]), created_at=at))
    thread.last_activity_at = max(thread.last_activity_at, at)


def seed() -> Iterator[str]:
    """Create the board's demo members and threads unless the board already has threads."""
    if db.session.execute(select(func.count(Thread.id))).scalar_one():
        yield "forum: threads exist"
        return
    users = _members()
    tags: dict[str, Tag] = {}
    now = utcnow()
    threads = [_thread(spec, users, tags, now) for spec in THREADS]
    db.session.flush()
    for thread in threads:
        index_thread(thread)
    db.session.commit()
    yield f"forum: {len(threads)} threads, {len(MEMBERS)} more members"
