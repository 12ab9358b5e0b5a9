"""Reading the board: the index, category listings, a thread page, search, similar questions."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape

from flask import current_app
from markupsafe import Markup
from sqlalchemy import case, func, select, tuple_
from sqlalchemy.orm import aliased, selectinload

from accounts.models import User, expertise
from accounts.permissions import can, visibilities_for, where
from forum.models import (Category, Comment, Post, Subscription, Tag, Thread, Vote, thread_tag,
                          thread_topic)
from forum.services.notify import EXPERT_ROLES
from vfac import links, search
from vfac.counters import HitCounter
from vfac.extensions import db
from vfac.models import Topic

SORTS = ("active", "newest", "unanswered", "votes")
SEARCH_PER_PAGE = 20
thread_views = HitCounter(Thread, "view_count")  # vfac/counters.py: a view is not a row write


@dataclass
class CategoryRow:
    category: Category
    threads: int = 0
    answers: int = 0
    latest: Thread | None = None


def board_index(actor) -> list[CategoryRow]:
    """Every category with its counts and most recently active thread, for this reader."""
    rows = {c.id: CategoryRow(c) for c in db.session.execute(
        select(Category).join(Topic).order_by(Category.position, Topic.position)).scalars()}
    counts = db.session.execute(
        select(Thread.category_id, func.count(), func.coalesce(func.sum(Thread.answer_count), 0))
        .where(*where(actor, "forum.thread.list")).group_by(Thread.category_id))
    for category_id, threads, answers in counts:
        rows[category_id].threads, rows[category_id].answers = threads, answers
    # the latest thread of each category: one correlated lookup per category that walks the
    # (category, last activity) index backwards, instead of ranking every thread
    inner = aliased(Thread)
    newest = (select(inner.id).where(inner.category_id == Category.id,
                                     *where(actor, "forum.thread.list", inner))
              .order_by(inner.last_activity_at.desc(), inner.id.desc()).limit(1)
              .correlate(Category).scalar_subquery())
    latest = db.session.execute(
        select(Thread).where(Thread.id.in_(select(newest).select_from(Category)))
        .options(selectinload(Thread.author))).scalars()
    for thread in latest:
        rows[thread.category_id].latest = thread
    return list(rows.values())


@dataclass(frozen=True)
class ListingQuery:
    sort: str = "active"
    tag: str | None = None
    language: str | None = None
    country: str | None = None
    after: str | None = None  # "<sort value>~<id>" of the last thread of the previous page


@dataclass
class Listing:
    pinned: list[Thread]
    threads: list[Thread]
    next_after: str | None
    tags: list[tuple[str, int]] = field(default_factory=list)


def _sort_key(sort: str):
    return {"active": Thread.last_activity_at, "newest": Thread.created_at,
            "unanswered": Thread.created_at, "votes": Thread.score}[sort]


def parse_after(sort: str, after: str) -> tuple:
    """The cursor's (value, id); ValueError when it is not one this listing made."""
    value, _, thread_id = after.rpartition("~")
    typed = int(value) if sort == "votes" else datetime.fromisoformat(value)
    return typed, int(thread_id)


def _cursor(sort: str, thread: Thread) -> str:
    value = getattr(thread, _sort_key(sort).key)
    return f"{value if sort == 'votes' else value.isoformat()}~{thread.id}"


def category_listing(actor, category: Category | None, query: ListingQuery) -> Listing:
    """One page of threads (a category's, or the whole board's), sorted and filtered."""
    per_page = current_app.config["FORUM_THREADS_PER_PAGE"]
    conditions = where(actor, "forum.thread.list")
    if category is not None:
        conditions.append(Thread.category_id == category.id)
    if query.tag:
        conditions.append(Thread.id.in_(select(thread_tag.c.thread_id).join(Tag).where(
            Tag.name == query.tag)))
    for column, value in ((Thread.language, query.language), (Thread.country, query.country)):
        if value:
            conditions.append(column == value)
    if query.sort == "unanswered":
        conditions.append(Thread.answer_count == 0)
    pinned = []
    if query.sort == "active" and category is not None:
        if query.after is None:
            pinned = _threads(select(Thread).where(*conditions, Thread.is_pinned.is_(True))
                              .order_by(Thread.last_activity_at.desc()))
        conditions.append(Thread.is_pinned.is_(False))
    key = _sort_key(query.sort)
    statement = select(Thread).where(*conditions)
    if query.after:
        statement = statement.where(tuple_(key, Thread.id) < parse_after(query.sort, query.after))
    threads = _threads(statement.order_by(key.desc(), Thread.id.desc()).limit(per_page + 1))
    more = len(threads) > per_page
    threads = threads[:per_page]
    return Listing(pinned=pinned, threads=threads,
                   next_after=_cursor(query.sort, threads[-1]) if more else None,
                   tags=popular_tags(actor, category))


def _threads(statement) -> list[Thread]:
    return list(db.session.execute(statement.options(
        selectinload(Thread.author), selectinload(Thread.tags), selectinload(Thread.topics))
    ).scalars())


def popular_tags(actor, category: Category | None, limit: int = 15) -> list[tuple[str, int]]:
    conditions = where(actor, "forum.thread.list") + (
        [Thread.category_id == category.id] if category else [])
    return [tuple(row) for row in db.session.execute(
        select(Tag.name, func.count()).select_from(thread_tag)
        .join(Thread, Thread.id == thread_tag.c.thread_id).join(Tag, Tag.id == thread_tag.c.tag_id)
        .where(*conditions).group_by(Tag.name).order_by(func.count().desc(), Tag.name)
        .limit(limit))]


def category_by_slug(slug: str) -> Category | None:
    return db.session.execute(select(Category).join(Topic).where(Topic.slug == slug)
                              ).scalar_one_or_none()


def thread_for(actor, thread_id: int) -> Thread | None:
    """The thread with its topics and tags, or None when it is missing or hidden from actor."""
    thread = db.session.execute(select(Thread).where(Thread.id == thread_id).options(
        selectinload(Thread.topics), selectinload(Thread.tags), selectinload(Thread.author),
        selectinload(Thread.category))).scalar_one_or_none()
    if thread is None or not can(actor, "forum.thread.view", thread):
        return None
    return thread


@dataclass
class ThreadPage:
    thread: Thread
    answers: list[Post]
    page: int
    pages: int
    comments: dict[int | None, list[Comment]]  # by answer id; None: on the question
    votes: dict[tuple[str, int], int]  # ("thread"|"post", id) -> the reader's vote
    experts: set[int]  # authors who are experts of one of the thread's topics
    following: bool
    lesson: links.Link | None


def thread_page(actor, thread: Thread, page: int) -> ThreadPage | None:
    """Answers (accepted first, then by votes), comments, the reader's votes; None past the end."""
    per_page = current_app.config["FORUM_ANSWERS_PER_PAGE"]
    moderator = can(actor, "forum.thread.moderate", thread)
    shown = [Post.thread_id == thread.id] + ([] if moderator else [Post.deleted_at.is_(None)])
    total = db.session.execute(select(func.count()).select_from(Post).where(*shown)).scalar_one()
    pages = max(1, -(-total // per_page))
    if page > pages:
        return None
    accepted_first = case((Post.id == thread.accepted_answer_id, 0), else_=1)
    answers = list(db.session.execute(
        select(Post).where(*shown).order_by(accepted_first, Post.score.desc(), Post.id)
        .limit(per_page).offset((page - 1) * per_page)
        .options(selectinload(Post.author))).scalars())
    answer_ids = [a.id for a in answers]
    comments: dict[int | None, list[Comment]] = {}
    on_page = Comment.post_id.in_(answer_ids) | Comment.post_id.is_(None)
    for comment in db.session.execute(
            select(Comment).where(Comment.thread_id == thread.id, on_page,
                                  *([] if moderator else [Comment.deleted_at.is_(None)]))
            .order_by(Comment.id).options(selectinload(Comment.author))).scalars():
        comments.setdefault(comment.post_id, []).append(comment)
    authors = {thread.author_id, *(a.author_id for a in answers)}
    return ThreadPage(thread=thread, answers=answers, page=page, pages=pages, comments=comments,
                      votes=_my_votes(actor, thread, answer_ids),
                      experts=experts_among(authors, [t.id for t in thread.topics]),
                      following=_follows(actor, thread),
                      lesson=links.describe("lesson", actor, thread.lesson_id))


def _my_votes(actor, thread: Thread, answer_ids: list[int]) -> dict[tuple[str, int], int]:
    if not isinstance(actor, User):
        return {}
    rows = db.session.execute(select(Vote.thread_id, Vote.post_id, Vote.value).where(
        Vote.user_id == actor.id,
        (Vote.thread_id == thread.id) | Vote.post_id.in_(answer_ids)))
    return {("thread", t) if t else ("post", p): v for t, p, v in rows}


def _follows(actor, thread: Thread) -> bool:
    if not isinstance(actor, User):
        return False
    return db.session.get(Subscription, (actor.id, thread.id)) is not None


def experts_among(user_ids, topic_ids: list[int]) -> set[int]:
    """Which of these members hold the expert role for one of these topics."""
    if not user_ids or not topic_ids:
        return set()
    return set(db.session.execute(
        select(User.id).join(expertise, expertise.c.user_id == User.id)
        .where(User.id.in_(list(user_ids)), expertise.c.topic_id.in_(topic_ids),
               User.role.in_(EXPERT_ROLES))).scalars())


@dataclass
class SearchResults:
    threads: list[Thread]
    total: int
    snippets: dict[int, Markup]


def search_threads(actor, q: str, page: int = 1, any_term: bool = False,
                   per_page: int = SEARCH_PER_PAGE) -> SearchResults:
    """Threads whose question or answers match the words, best first, for this reader."""
    terms = search.query_terms(q)
    if not terms:
        return SearchResults([], 0, {})
    matched = search.matching("thread", terms, visibilities_for(actor), any_term).subquery()
    conditions = where(actor, "forum.thread.list") + [Thread.id.in_(select(matched.c.object_id))]
    total = db.session.execute(select(func.count()).select_from(Thread).where(*conditions)
                               ).scalar_one()
    ids = list(db.session.execute(
        select(matched.c.object_id).where(matched.c.object_id.in_(select(Thread.id)
                                                                  .where(*conditions)))
        .order_by(matched.c.score.desc(), matched.c.object_id.desc())
        .limit(per_page).offset((page - 1) * per_page)).scalars())
    by_id = {t.id: t for t in _threads(select(Thread).where(Thread.id.in_(ids), *conditions))}
    threads = [by_id[i] for i in ids if i in by_id]
    return SearchResults(threads, total, _snippets(actor, threads, terms))


def _plain(html: str) -> str:
    """The words of sanitised HTML, for passages (Markdown's ** and ### are not shown)."""
    return unescape(re.sub(r"<[^>]+>", " ", html))


def _snippets(actor, threads: list[Thread], terms: list[set[str]]) -> dict[int, Markup]:
    """A highlighted passage of the question, else of the first live answer that matches."""
    found = {t.id: search.snippet(_plain(t.body_html), terms, t.language) for t in threads}
    missing = {t.id: t.language for t in threads if found[t.id] is None}
    if missing:
        for thread_id, text in db.session.execute(
                select(Post.thread_id, Post.body_html).where(
                    Post.thread_id.in_(list(missing)), *where(actor, "forum.answer.read"),
                    Post.hidden_at.is_(None)).order_by(Post.id)):
            if found[thread_id] is None:
                found[thread_id] = search.snippet(_plain(text), terms, missing[thread_id])
    return {k: v for k, v in found.items() if v is not None}


def similar_threads(actor, title: str, limit: int = 5) -> list[Thread]:
    """Existing questions that share words with a title being typed (any of them, best first)."""
    if len(title.strip()) < 4:
        return []
    return search_threads(actor, title[:200], any_term=True).threads[:limit]


def questions_for(expert: User) -> list[Thread]:
    """Open questions in the expert's topics and languages that they have not answered."""
    topic_ids = [t.id for t in expert.expert_topics]
    if not topic_ids:
        return []
    answered = select(Post.thread_id).where(Post.author_id == expert.id)
    statement = (select(Thread).where(
        *where(expert, "forum.thread.list"), Thread.accepted_answer_id.is_(None),
        Thread.locked_at.is_(None),
        Thread.language.in_(expert.languages), Thread.author_id != expert.id,
        Thread.id.in_(select(thread_topic.c.thread_id).where(
            thread_topic.c.topic_id.in_(topic_ids))),
        Thread.id.not_in(answered)).order_by(Thread.created_at).limit(50))
    return _threads(statement)
