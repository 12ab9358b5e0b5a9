"""The advice board's part of the shared pages: search, topic hubs, home, member pages."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from accounts.permissions import can, profile_shows, where
from forum.models import Category, Notification, Post, Thread, thread_topic
from forum.services import board, notify, stats
from forum.services.index import index_thread
from vfac import pillars
from vfac.extensions import db
from vfac.models import Topic
from vfac.pagination import count_and_first
from vfac.topics import count_per_topic

LIMIT = 5


def _item(thread: Thread, **extra) -> pillars.Item:
    answers = ngettext("%(num)d answer", "%(num)d answers", thread.answer_count)
    accepted = _("accepted answer") if thread.accepted_answer_id else ""
    detail = f"{answers} · {accepted}" if accepted else answers
    return pillars.Item(title=thread.title,
                        url=url_for("forum.thread", thread_id=thread.id, slug=thread.slug),
                        language=thread.language, visibility=thread.visibility,
                        when=thread.last_activity_at, detail=detail, **extra)


def _open_in(actor, topic_ids: list[int]) -> list:
    """Live threads without an accepted answer, in these topics (any topic when none given)."""
    conditions = where(actor, "forum.thread.list") + [Thread.accepted_answer_id.is_(None),
                                                      Thread.locked_at.is_(None)]
    if topic_ids:
        conditions.append(or_(Thread.id.in_(select(thread_topic.c.thread_id).where(
            thread_topic.c.topic_id.in_(topic_ids))), Thread.category_id.in_(
            select(Category.id).where(Category.topic_id.in_(topic_ids)))))
    return conditions


def search_section(actor, q: str, terms: list[set[str]],
                   any_term: bool = False) -> pillars.Section:
    """The best-matching live threads the actor may see, with a passage each."""
    found = board.search_threads(actor, q, any_term=any_term, per_page=LIMIT)
    return pillars.Section(
        "forum", _("Questions"),
        [_item(t, snippet=found.snippets.get(t.id)) for t in found.threads],
        found.total, url_for("forum.search", q=q), _("All matching questions"),
        _("No question matches these words."))


def topic_section(actor, topic: Topic) -> pillars.Section:
    """The open questions of a topic, most recently active first."""
    conditions = _open_in(actor, [topic.id])
    total, threads = count_and_first(Thread, conditions, (Thread.last_activity_at.desc(),
                                                     Thread.id.desc()), LIMIT)
    return pillars.Section("forum", _("Open questions"), [_item(t) for t in threads], total,
                           url_for("forum.category", slug=topic.slug), _("All its questions"),
                           _("No open question on this topic."))


def topic_counts(actor) -> dict[int, str]:
    """How many live questions each topic has for this reader, as words ("5 questions")."""
    counts = count_per_topic(thread_topic, thread_topic.c.thread_id, Thread,
                             where(actor, "forum.thread.list"))
    return {topic_id: ngettext("%(num)d question", "%(num)d questions", n)
            for topic_id, n in counts.items()}


def home_section(actor) -> pillars.Section:
    """Open questions in the member's topics (any, for visitors), their languages first."""
    topics = getattr(actor, "home_topics", None) or []
    recent = list(db.session.execute(select(Thread).where(*_open_in(actor, [t.id for t in topics]))
                                     .order_by(Thread.last_activity_at.desc(), Thread.id.desc())
                                     .limit(30)).scalars())
    languages = pillars.reader_languages(actor)
    recent = pillars.language_first(recent, languages, lambda t: t.language)[:LIMIT]
    return pillars.Section(
        "forum", _("Open questions in your topics") if topics else _("Open questions"),
        [_item(t) for t in recent], len(recent), url_for("forum.index"), _("The advice board"),
        _("No open question right now."))


def unread_section(actor) -> pillars.Section | None:
    """The member's unread notifications (the newest few) for the home page."""
    if not can(actor, "forum.member.notifications"):
        return None
    # notes about threads hidden or deleted since (or no longer visible) are left out
    conditions = [*where(actor, "forum.notification.list"), Notification.read_at.is_(None)]
    total = db.session.execute(select(func.count()).select_from(Notification)
                               .where(*conditions)).scalar_one()
    notes = db.session.execute(
        select(Notification).where(*conditions).options(selectinload(Notification.thread))
        .order_by(Notification.id.desc()).limit(LIMIT)).scalars()
    items = [pillars.Item(title=note.thread.title, detail=str(notify.subject_for(note.kind)),
                          url=url_for("forum.open_notification", note_id=note.id),
                          language=note.thread.language, visibility=note.thread.visibility,
                          when=note.created_at) for note in notes]
    return pillars.Section("forum", _("Unread notifications"), items, total,
                           url_for("forum.notifications"), _("All notifications"),
                           _("Nothing new since your last visit."), key="notifications")


def member_section(viewer, member) -> pillars.Section | None:
    """The member's accepted answers, in threads the viewer may see."""
    if not profile_shows(viewer, member, "answers"):
        return None
    conditions = where(viewer, "forum.thread.list") + [Thread.accepted_answer_id.in_(
        select(Post.id).where(Post.author_id == member.id, Post.hidden_at.is_(None),
                              *where(viewer, "forum.answer.read")))]
    total, threads = count_and_first(Thread, conditions, (Thread.last_activity_at.desc(),
                                                     Thread.id.desc()), 10)
    return pillars.Section("forum", _("Accepted answers"), [_item(t) for t in threads], total,
                           empty=_("No accepted answer yet."))


def reindex_threads() -> int:
    """Index every live thread again (hidden and deleted ones leave the index); how many."""
    count = 0
    for thread in db.session.execute(select(Thread).options(selectinload(Thread.tags))).scalars():
        index_thread(thread)
        count += not (thread.is_hidden or thread.is_deleted)
    return count


def register() -> None:
    """Give the shared pages the board's part (called when the blueprint is imported)."""
    pillars.provide("search", "forum", search_section)
    pillars.provide("topic", "forum", topic_section)
    pillars.provide("counts", "forum", topic_counts)
    pillars.provide("home", "forum", lambda actor: [s for s in (unread_section(actor),
                                                                home_section(actor)) if s])
    pillars.provide("member", "forum", member_section)
    pillars.provide("stats", "forum", stats.dashboard_tables)
    pillars.provide("reindex", "forum", reindex_threads)
