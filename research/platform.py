"""The library's part of the shared pages: search, topic hubs, home, member pages."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from accounts.permissions import profile_shows, visibilities_for, where
from research.forms import type_labels
from research.models import Paper, Status, paper_topic
from research.services import library, stats
from research.services.submission import index_paper
from vfac import pillars, search
from vfac.extensions import db
from vfac.models import Topic
from vfac.pagination import count_and_first
from vfac.topics import count_per_topic

LIMIT = 5


def _item(paper: Paper, **extra) -> pillars.Item:
    authors = paper.author_names
    names = ", ".join(authors[:2]) + (" …" if len(authors) > 2 else "")
    detail = " · ".join(part for part in (names, str(type_labels()[paper.type]), str(paper.year))
                        if part)
    return pillars.Item(title=paper.title, url=url_for("research.paper", paper_id=paper.id),
                        language=paper.language, visibility=paper.visibility, detail=detail,
                        **extra)


def _visible(actor) -> list:
    return where(actor, "research.paper.list")


def _papers(statement) -> list[Paper]:
    return list(db.session.execute(statement.options(selectinload(Paper.authors))).scalars())


def search_section(actor, q: str, terms: list[set[str]],
                   any_term: bool = False) -> pillars.Section:
    """The best-matching published papers the actor may see, with a passage each."""
    total, papers = search.best_matches(Paper, "paper", terms, visibilities_for(actor),
                                        _visible(actor), any_term, LIMIT,
                                        (selectinload(Paper.authors),))
    passages = library.snippets(papers, terms)
    return pillars.Section(
        "research", _("Papers"), [_item(p, snippet=passages.get(p.id)) for p in papers], total,
        url_for("research.index", q=q), _("All matching papers"),
        _("No paper matches these words."))


def topic_section(actor, topic: Topic) -> pillars.Section:
    """The latest published papers of a topic."""
    where = _visible(actor) + [Paper.id.in_(select(paper_topic.c.paper_id).where(
        paper_topic.c.topic_id == topic.id))]
    total, papers = count_and_first(Paper, where, (Paper.published_at.desc(), Paper.id.desc()),
                                    LIMIT, (selectinload(Paper.authors),))
    return pillars.Section("research", _("Latest papers"), [_item(p) for p in papers], total,
                           url_for("research.index", topic=topic.slug), _("All its papers"),
                           _("No paper on this topic yet."))


def topic_counts(actor) -> dict[int, str]:
    """How many papers each topic has for this reader, as words ("14 papers")."""
    counts = count_per_topic(paper_topic, paper_topic.c.paper_id, Paper, _visible(actor))
    return {topic_id: ngettext("%(num)d paper", "%(num)d papers", n)
            for topic_id, n in counts.items()}


def home_section(actor) -> pillars.Section:
    """The newest papers, in the reader's languages first (and their topics, for members)."""
    where = _visible(actor)
    topics = getattr(actor, "home_topics", None) or []
    if topics:
        where.append(Paper.id.in_(select(paper_topic.c.paper_id).where(
            paper_topic.c.topic_id.in_([t.id for t in topics]))))
    recent = _papers(select(Paper).where(*where)
                     .order_by(Paper.published_at.desc(), Paper.id.desc()).limit(30))
    languages = pillars.reader_languages(actor)
    recent = pillars.language_first(recent, languages, lambda p: p.language)[:LIMIT]
    return pillars.Section(
        "research", _("New papers in your topics") if topics else _("New papers"),
        [_item(p) for p in recent], len(recent), url_for("research.index", sort="date"),
        _("The whole library"), _("No paper is published yet."))


def member_section(viewer, member) -> pillars.Section | None:
    """The published papers a member submitted, that the viewer may see."""
    if not profile_shows(viewer, member, "papers"):
        return None
    where = _visible(viewer) + [Paper.submitter_id == member.id]
    total, papers = count_and_first(Paper, where, (Paper.published_at.desc(), Paper.id.desc()),
                                    10, (selectinload(Paper.authors),))
    return pillars.Section("research", _("Papers"), [_item(p) for p in papers], total,
                           empty=_("No paper in the library yet."))


def reindex_papers() -> int:
    """Index every published paper again; returns how many."""
    papers = db.session.execute(select(Paper).where(Paper.status == Status.PUBLISHED).options(
        selectinload(Paper.authors), selectinload(Paper.files))).scalars()
    count = 0
    for paper in papers:
        index_paper(paper)
        count += 1
    return count


def register() -> None:
    """Give the shared pages the library's part (called when the blueprint is imported)."""
    pillars.provide("search", "research", search_section)
    pillars.provide("topic", "research", topic_section)
    pillars.provide("counts", "research", topic_counts)
    pillars.provide("home", "research", home_section)
    pillars.provide("member", "research", member_section)
    pillars.provide("stats", "research", stats.dashboard_tables)
    pillars.provide("reindex", "research", reindex_papers)
