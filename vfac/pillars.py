"""The platform's shared pages without imports between pillars: each pillar provides pieces.

The search page, topic hubs, home page, member pages and the administrators' dashboard
show courses, papers and threads side by side; the shell knows none of those packages.
Each pillar registers small functions here (`provide("search", "courses", fn)`) when its
blueprint is imported, and the shell asks every pillar that provided a piece, in the
usual order (courses, papers, threads).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from markupsafe import Markup

from vfac.models import Visibility

ORDER = ("courses", "research", "forum")
CAPABILITIES = ("search", "topic", "counts", "home", "member", "stats", "reindex")


@dataclass(frozen=True)
class Item:
    """One course, paper or thread as a shared page lists it, with its visibility label."""

    title: str
    url: str
    language: str
    visibility: Visibility
    when: datetime | None = None
    detail: str = ""  # e.g. "3 answers", "Report, 2021", "8 hours"
    snippet: Markup | None = None  # a passage with the query's words in <mark>
    progress: int | None = None  # percent, for courses a member follows
    link: str = ""  # a second link (a certificate) and its label
    link_label: str = ""


@dataclass(frozen=True)
class Section:
    """A pillar's part of a shared page: a heading, a few items, the total and the full list."""

    pillar: str
    heading: str
    items: list[Item]
    total: int
    more_url: str = ""
    more_label: str = ""
    empty: str = ""  # what to say when there is nothing
    key: str = ""  # a part the page places on its own ("notifications" on the home page)


@dataclass(frozen=True)
class Table:
    """Numbers for the administrators' dashboard: a heading, column names and rows."""

    key: str  # its name in the CSV address
    heading: str
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)


_providers: dict[str, dict[str, Callable[..., Any]]] = {name: {} for name in CAPABILITIES}


def provide(capability: str, pillar: str, function: Callable[..., Any]) -> None:
    """Register a pillar's piece of a shared page (called once, when the pillar is imported)."""
    if capability not in _providers or pillar not in ORDER:
        raise ValueError(f"unknown capability or pillar: {capability}, {pillar}")
    _providers[capability][pillar] = function


def providers(capability: str) -> list[tuple[str, Callable[..., Any]]]:
    """The registered functions for a capability, in the pillars' usual order."""
    found = _providers[capability]
    return [(pillar, found[pillar]) for pillar in ORDER if pillar in found]


def collect(capability: str, *args: Any, **kwargs: Any) -> list[Any]:
    """Call every pillar's function for `capability`; pillars that return None are left out."""
    results = []
    for _pillar, function in providers(capability):
        result = function(*args, **kwargs)
        if result is None:
            continue
        results.extend(result if isinstance(result, list) else [result])
    return results


def topic_counts(actor: Any) -> dict[int, list[str]]:
    """Per topic id, each pillar's count of what this reader may see there, as words."""
    found: dict[int, list[str]] = {}
    for _pillar, function in providers("counts"):
        for topic_id, words in function(actor).items():
            found.setdefault(topic_id, []).append(words)
    return found


def reader_languages(actor: Any) -> list[str]:
    """A member's languages (preferred first); a visitor's is the language of the page."""
    from vfac.i18n import current_language  # noqa: PLC0415

    return list(getattr(actor, "languages", None) or [current_language()])


def language_first(items: list[Any], languages: list[str], key: Callable[[Any], str]) -> list:
    """Items in the reader's languages first (in the order the reader gave them), stable."""
    rank = {code: i for i, code in enumerate(languages)}
    return sorted(items, key=lambda item: rank.get(key(item), len(rank)))


@dataclass(frozen=True)
class SearchResults:
    q: str
    sections: list[Section]
    searched: bool  # the query had words to look for
    any_word: bool = False  # nothing had every word: these have some of them

    @property
    def total(self) -> int:
        return sum(section.total for section in self.sections)


def search_everything(actor: Any, q: str) -> SearchResults:
    """Courses, papers and threads matching the words, per pillar, for this reader.

    Every word must match; when nothing anywhere has them all, items with any of them.
    """
    from vfac import search  # noqa: PLC0415 - search imports the models, this module does not

    terms = search.query_terms(q)
    if not terms:
        return SearchResults(q, [], searched=False)
    sections = collect("search", actor, q, terms)
    if len(terms) > 1 and not any(section.total for section in sections):
        sections = collect("search", actor, q, terms, any_term=True)
        return SearchResults(q, sections, searched=True,
                             any_word=any(section.total for section in sections))
    return SearchResults(q, sections, searched=True)


def reindex_everything() -> dict[str, int]:
    """Rebuild the search index from every pillar's items (after the normaliser changed)."""
    from vfac import search  # noqa: PLC0415

    search.clear()
    return {pillar: function() for pillar, function in providers("reindex")}
