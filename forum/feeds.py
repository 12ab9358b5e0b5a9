"""Atom feeds of the board, of a category and of a thread: public, live content only."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from accounts.permissions import where
from forum.atom import Entry, atom_feed
from forum.models import Category, Post, Thread
from vfac.extensions import db
from vfac.i18n import current_language
from vfac.models import utcnow

FEED_SIZE = 30


def _public() -> list:
    # what a visitor may list: feeds are read without signing in, by any feed reader
    return where(None, "forum.thread.list")


def _thread_entry(thread: Thread) -> Entry:
    url = url_for("forum.thread", thread_id=thread.id, slug=thread.slug, _external=True)
    return Entry(id=url, title=thread.title, url=url, updated=thread.last_activity_at,
                 published=thread.created_at, author=thread.author.username,
                 html=thread.body_html, categories=tuple(t.name for t in thread.tags))


def _threads_feed(where: tuple, title: str, self_url: str, alternate_url: str) -> bytes:
    threads = list(db.session.execute(
        select(Thread).where(*_public(), *where).order_by(Thread.created_at.desc()).limit(FEED_SIZE)
        .options(selectinload(Thread.author), selectinload(Thread.tags))).scalars())
    return atom_feed(id=self_url, title=title, self_url=self_url, alternate_url=alternate_url,
                     updated=max((t.last_activity_at for t in threads), default=utcnow()),
                     entries=[_thread_entry(t) for t in threads], language=current_language())


def board_feed() -> bytes:
    """New public questions on the whole board."""
    return _threads_feed((), _("VFAC technical advice: new questions"),
                         url_for("forum.feed", _external=True),
                         url_for("forum.index", _external=True))


def category_feed(category: Category) -> bytes:
    """New public questions in one category."""
    name = category.topic.name_in(current_language())
    return _threads_feed((Thread.category_id == category.id,),
                         _("VFAC technical advice: %(topic)s", topic=name),
                         url_for("forum.category_feed", slug=category.slug, _external=True),
                         url_for("forum.category", slug=category.slug, _external=True))


def thread_feed(thread_id: int) -> bytes | None:
    """A public thread's question and visible answers; None when it is not public."""
    thread = db.session.execute(select(Thread).where(Thread.id == thread_id, *_public()).options(
        selectinload(Thread.author), selectinload(Thread.tags))).scalar_one_or_none()
    if thread is None:
        return None
    answers = db.session.execute(
        select(Post).where(Post.thread_id == thread.id, *where(None, "forum.answer.read"))
        .order_by(Post.id.desc()).limit(FEED_SIZE)
        .options(selectinload(Post.author))).scalars()
    url = url_for("forum.thread", thread_id=thread.id, slug=thread.slug, _external=True)
    entries = [_thread_entry(thread)] + [
        Entry(id=f"{url}#answer-{a.id}", title=_("Answer to: %(title)s", title=thread.title),
              url=f"{url}#answer-{a.id}", updated=a.updated_at, published=a.created_at,
              author=a.author.username, html=a.body_html) for a in answers]
    return atom_feed(id=url_for("forum.thread_feed", thread_id=thread.id, _external=True),
                     title=thread.title, alternate_url=url,
                     self_url=url_for("forum.thread_feed", thread_id=thread.id, _external=True),
                     updated=thread.last_activity_at, entries=entries,
                     language=thread.language)
