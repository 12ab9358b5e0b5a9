"""Reading the library: search with facets, one paper, related papers, downloads.

Visibility is part of every query, so a paper a reader may not see never loads; each
function runs a fixed number of queries whatever the size of the library.
"""
from __future__ import annotations

import threading
from collections import Counter
import time
from dataclasses import dataclass, field

from flask import current_app
from markupsafe import Markup
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from accounts import audit
from accounts.models import User
from accounts.permissions import can, require, visibilities_for
from accounts.permissions import where as policy_where
from research.models import Paper, PaperFile, PaperType, paper_topic
from vfac import search
from vfac.counters import HitCounter
from vfac.extensions import db
from vfac.models import FileCheck, Topic, Visibility

PER_PAGE = 20
MAX_PAGE = 50  # relevance has no stable key to page by; narrower facets beat page 51


@dataclass(frozen=True)
class LibraryQuery:
    q: str = ""
    topic: str | None = None
    year: int | None = None
    language: str | None = None
    type: PaperType | None = None
    region: str | None = None
    sort: str = "relevance"  # or "date"
    page: int = 1


@dataclass
class Results:
    papers: list[Paper]
    total: int
    facets: dict[str, list[tuple[str, int]]]
    snippets: dict[int, Markup] = field(default_factory=dict)
    searched: bool = False  # the query had words to search for
    any_word: bool = False  # no paper had them all: these have some of them

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, -(-self.total // PER_PAGE))


def _conditions(actor, query: LibraryQuery, terms: list[set[str]],
                any_term: bool = False) -> tuple[list, object]:
    """WHERE clauses on Paper for the query, and the full-text matches (id, score) if any.

    Counts and facets group the paper table under these same clauses: no IN over a list
    of thousands of ids, and the full-text match is only ever a semi-join.
    """
    visible = visibilities_for(actor)
    where = policy_where(actor, "research.paper.list")
    matched = None
    if terms:
        matched = search.matching("paper", terms, visible, any_term).subquery()
        where.append(Paper.id.in_(select(matched.c.object_id)))
    if query.topic:
        where.append(Paper.id.in_(select(paper_topic.c.paper_id).join(
            Topic, Topic.id == paper_topic.c.topic_id).where(Topic.slug == query.topic)))
    for column, value in ((Paper.year, query.year), (Paper.language, query.language),
                          (Paper.type, query.type), (Paper.region, query.region)):
        if value is not None:
            where.append(column == value)
    return where, matched


def _facets(where: list) -> tuple[int, dict[str, list[tuple[str, int]]]]:
    """The number of results and their counts per topic, year, language, type and region.

    Two queries: the four small columns of every result, counted here (one full-text
    match instead of one per facet), and the topics, grouped by the database.
    """
    rows = db.session.execute(select(Paper.year, Paper.language, Paper.type, Paper.region)
                              .where(*where)).all()
    facets = {"topic": [(slug, n) for slug, n in db.session.execute(
        select(Topic.slug, func.count()).join(paper_topic, paper_topic.c.topic_id == Topic.id)
        .join(Paper, Paper.id == paper_topic.c.paper_id).where(*where)
        .group_by(Topic.slug, Topic.position).order_by(Topic.position))] if rows else []}
    for index, name in enumerate(("year", "language", "type", "region")):
        counts = Counter(getattr(row[index], "value", row[index]) for row in rows)
        newest_first, most_first = (lambda kv: -kv[0]), (lambda kv: (-kv[1], str(kv[0])))
        facets[name] = sorted(counts.items(),
                              key=newest_first if name == "year" else most_first)
    return len(rows), facets


class _CountsCache:
    """Total and facets of the whole library per visibility level, kept a short while.

    The library page without a search or a filter is the most visited one, and counting
    every paper on each visit is most of its cost; a count a minute late harms nobody, and
    publishing or withdrawing a paper forgets them at once (in this process).
    """

    def __init__(self) -> None:
        self.entries: dict[tuple, tuple[float, int, dict]] = {}
        self.lock = threading.Lock()

    def get(self, key: tuple, compute):
        seconds = current_app.config["LIBRARY_COUNTS_CACHE_SECONDS"]
        now = time.monotonic()
        with self.lock:
            hit = self.entries.get(key)
        if hit is not None and now - hit[0] < seconds:
            return hit[1], hit[2]
        total, facets = compute()
        if seconds > 0:
            with self.lock:
                self.entries[key] = (now, total, facets)
        return total, facets

    def forget(self) -> None:
        with self.lock:
            self.entries.clear()


library_counts = _CountsCache()


def _is_whole_library(query: LibraryQuery) -> bool:
    return not any((query.topic, query.year, query.language, query.type, query.region))


def search_papers(actor, query: LibraryQuery) -> Results:
    """One page of published papers the actor may see, matching the query and filters."""
    terms = search.query_terms(query.q)
    where, matched = _conditions(actor, query, terms)
    if not terms and _is_whole_library(query):
        key = tuple(v.name for v in visibilities_for(actor))
        total, facets = library_counts.get(key, lambda: _facets(where))
    else:
        total, facets = _facets(where)
    any_word = not total and len(terms) > 1
    if any_word:  # better some papers with some of the words than an empty page
        where, matched = _conditions(actor, query, terms, any_term=True)
        total, facets = _facets(where)
    ids = select(Paper.id).where(*where)
    if matched is not None and query.sort != "date":
        page = select(matched.c.object_id)
        if not _is_whole_library(query):
            # the index holds published papers with their visibility already; only
            # filters need the paper table (a semi-join over it costs as much as the match)
            page = page.where(matched.c.object_id.in_(ids))
        page = page.order_by(matched.c.score.desc(), matched.c.object_id.desc())
    else:
        page = ids.order_by(Paper.year.desc(), Paper.published_at.desc(), Paper.id.desc())
    page_ids = list(db.session.execute(
        page.limit(PER_PAGE).offset((query.page - 1) * PER_PAGE)).scalars())
    papers = _load(page_ids, where[:2])
    results = Results(papers=papers, total=total, facets=facets, searched=bool(terms),
                      any_word=any_word and bool(total))
    if terms:
        results.snippets = snippets(papers, terms)
    return results


def _load(ids: list[int], visible: list) -> list[Paper]:
    """The papers of one page, in order; published and visible checked again on the rows."""
    if not ids:
        return []
    rows = db.session.execute(select(Paper).where(Paper.id.in_(ids), *visible).options(
        selectinload(Paper.authors), selectinload(Paper.topics))).scalars()
    by_id = {paper.id: paper for paper in rows}
    return [by_id[i] for i in ids if i in by_id]


def snippets(papers: list[Paper], terms: list[set[str]]) -> dict[int, Markup]:
    """Highlighted passages: from the abstract, else from the text of the current file."""
    found = {p.id: search.snippet(p.abstract, terms, p.language) for p in papers}
    missing = [p.id for p in papers if found[p.id] is None]
    if missing:
        latest = (select(PaperFile.paper_id, func.max(PaperFile.version).label("v"))
                  .where(PaperFile.paper_id.in_(missing),
                         PaperFile.check_state == FileCheck.PASSED)  # the current file
                  .group_by(PaperFile.paper_id).subquery())
        rows = db.session.execute(select(PaperFile.paper_id, func.substr(PaperFile.text, 1,
                                                                         100_000))
                                  .join(latest, (latest.c.paper_id == PaperFile.paper_id)
                                        & (latest.c.v == PaperFile.version)))
        language = {p.id: p.language for p in papers}
        for paper_id, text in rows:
            found[paper_id] = search.snippet(text or "", terms, language[paper_id])
    return {k: v for k, v in found.items() if v is not None}


def paper_for(actor, paper_id: int) -> Paper | None:
    """The paper with authors, topics and versions, or None if it is missing or hidden."""
    paper = db.session.execute(select(Paper).where(Paper.id == paper_id).options(
        selectinload(Paper.authors), selectinload(Paper.topics), selectinload(Paper.files),
        selectinload(Paper.submitter))).scalar_one_or_none()
    if paper is None or not can(actor, "research.paper.view", paper):
        return None
    return paper


def related_papers(actor, paper: Paper, limit: int = 5) -> list[Paper]:
    """Published papers sharing the most topics with this one, newest first among equals."""
    topic_ids = [t.id for t in paper.topics]
    if not topic_ids:
        return []
    shared = (select(paper_topic.c.paper_id, func.count().label("n"))
              .where(paper_topic.c.topic_id.in_(topic_ids),
                     paper_topic.c.paper_id != paper.id)
              .group_by(paper_topic.c.paper_id).subquery())
    return list(db.session.execute(
        select(Paper).join(shared, shared.c.paper_id == Paper.id)
        .where(*policy_where(actor, "research.paper.list"))
        .order_by(shared.c.n.desc(), Paper.year.desc(), Paper.id.desc()).limit(limit)
        .options(selectinload(Paper.authors))).scalars())


def my_papers(actor: User) -> list[Paper]:
    """The papers this member submitted, in every state, newest first."""
    return list(db.session.execute(
        select(Paper).where(Paper.submitter_id == actor.id).order_by(Paper.id.desc())
        .limit(200).options(selectinload(Paper.files))).scalars())


def file_for_download(actor, paper: Paper, version: int | None) -> PaperFile | None:
    """The asked version (the current one by default) of a paper the actor may read; never
    a file whose check has not passed (its upload waits in quarantine, unread)."""
    require(actor, "research.paper.view", paper)
    if version is None:
        return paper.current_file
    return next((f for f in paper.passed_files if f.version == version), None)


# A download is not a row update: counted in Redis or in memory, written later
# (vfac/counters.py), never lost at a restart.
download_counts = HitCounter(Paper, "download_count")


def record_download(actor, paper_file: PaperFile) -> None:
    """Count a download; members-only and restricted ones also go to the audit log."""
    paper = paper_file.paper
    if paper.visibility is not Visibility.PUBLIC:
        audit.record("paper.downloaded", actor if isinstance(actor, User) else None, None,
                     paper=paper.id, version=paper_file.version, sha256=paper_file.sha256)
    if paper.is_published:
        download_counts.add(paper.id)
    db.session.flush()
