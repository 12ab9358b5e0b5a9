"""The one search module: normalise text, index documents, match queries, make snippets.

Every pillar indexes its items here as `Document`s (a row of `vfac_search_entry` plus the
normalised text) and asks `matching()` for the ids and scores of what matches a query, as
a subquery it joins with its own table for filters, facets and visibility.

The text is normalised the same way for documents and queries (NFKC, case folded, Arabic
diacritics and tatweel removed, Snowball stems for ar/en/es/fr/ru, Chinese split into words
by rjieba, accents folded), so the full-text engine only ever sees space-separated words:
SQLite's FTS5 with `unicode61` (the embedded default), or PostgreSQL's `simple` tsvector
with a GIN index. A query never reaches either engine as syntax: each word is quoted
(FTS5) or bound as a parameter (PostgreSQL), so `"`, `NEAR(` or `foo AND (` are just words.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import rjieba
import snowballstemmer
from markupsafe import Markup, escape
from sqlalchemy import (Float, Integer, bindparam, delete, func, literal, literal_column, select,
                        text)

from vfac.extensions import db
from vfac.models import SearchEntry, Visibility

MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 12
MAX_INDEXED_CHARS = 200_000  # a tsvector holds 1 MB; the start of a long text is enough

_STEMMERS = {"ar": "arabic", "en": "english", "es": "spanish", "fr": "french", "ru": "russian"}
_LATIN_QUERY_STEMMERS = ("en", "fr", "es")  # a Latin-script query may be any of these
_WORD = re.compile(r"[^\W_]+")
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_local = threading.local()  # Snowball stemmers keep state: one set per thread


@dataclass(frozen=True)
class Document:
    """What a pillar gives the index for one item; fields are weighted title > meta > body."""

    kind: str
    object_id: int
    language: str
    visibility: Visibility
    title: str
    meta: str = ""  # authors, keywords, tags
    body: str = ""  # abstract, lesson text, extracted PDF text


def _stemmer(language: str):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(_STEMMERS[language])
    return stemmers[language]


def _fold(word: str) -> str:
    # drop accents after stemming (the stemmers know them): "jurisdicción" finds "jurisdiccion"
    return "".join(c for c in unicodedata.normalize("NFKD", word)
                   if not unicodedata.combining(c))


@lru_cache(maxsize=50_000)
def _stem(word: str, language: str) -> str:
    if language in _STEMMERS:
        word = _stemmer(language).stemWord(word)
    return _fold(word)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return _ARABIC_MARKS.sub("", text)


def _script_language(word: str, language: str) -> str:
    # Cyrillic and Arabic words get their script's stemmer whatever the document's language,
    # as query_terms() does: else "киберпреступности" in an English paper is not found by
    # the very same word
    if _CYRILLIC.search(word):
        return "ru"
    return "ar" if _ARABIC.search(word) else language


def _words(text: str, language: str, chinese=rjieba.cut_for_search) -> list[str]:
    words: list[str] = []
    for chunk in _WORD.findall(_clean(text)):
        if _CJK.search(chunk):
            words.extend(w for w in chinese(chunk) if _WORD.fullmatch(w))
        else:
            words.append(_stem(chunk, _script_language(chunk, language)))
    return words


def normalise(text: str, language: str) -> str:
    """The text as the index stores it: normalised, stemmed words separated by spaces."""
    return " ".join(_words(text[:MAX_INDEXED_CHARS], language))


def _arabic_forms(word: str) -> set[str]:
    # The Snowball stemmer knows hamza spellings ("إلكترونية" and "الإلكترونية" both give
    # "الكترون"), but a word typed without hamza, as many do, reads as if it had the article
    # ("الكترونية" gives "كترون"): try the word with and without the article as well.
    plain = word.translate(_ALEF)
    forms = {_stem(word, "ar"), _stem(plain, "ar"), _stem("ال" + plain, "ar")}
    if plain.startswith("ال") and len(plain) > 4:
        forms.add(_stem(plain[2:], "ar"))
    return forms


def query_terms(query: str) -> list[set[str]]:
    """The query as terms, each a set of alternative forms (all must match, any form of each).

    Queries carry no language: the script of each word chooses its stemmer, and a word in
    Latin script is tried as English, French and Spanish, and as written.
    """
    terms: list[set[str]] = []
    for chunk in _WORD.findall(_clean(query[:MAX_QUERY_CHARS])):
        if _CJK.search(chunk):
            terms.extend({w} for w in rjieba.cut(chunk) if _WORD.fullmatch(w))
        elif _CYRILLIC.search(chunk):
            terms.append({_stem(chunk, "ru")})
        elif _ARABIC.search(chunk):
            terms.append(_arabic_forms(chunk))
        else:
            terms.append({_stem(chunk, lang) for lang in _LATIN_QUERY_STEMMERS} | {_fold(chunk)})
    unique: list[set[str]] = []
    for term in terms:
        if term not in unique:
            unique.append(term)
    return unique[:MAX_QUERY_TERMS]


def _is_sqlite() -> bool:
    return db.session.get_bind().dialect.name == "sqlite"


def index(document: Document) -> None:
    """Add or replace a document in the index (flushes; the caller's transaction commits)."""
    entry = db.session.execute(select(SearchEntry).where(
        SearchEntry.kind == document.kind,
        SearchEntry.object_id == document.object_id)).scalar_one_or_none()
    if entry is None:
        entry = SearchEntry(kind=document.kind, object_id=document.object_id)
        db.session.add(entry)
    entry.language = document.language
    entry.visibility = document.visibility
    db.session.flush()
    values = {"id": entry.id, "title": normalise(document.title, document.language),
              "meta": normalise(document.meta, document.language),
              "body": normalise(document.body, document.language)}
    if _is_sqlite():
        db.session.execute(text("DELETE FROM vfac_search_fts WHERE rowid = :id"), values)
        db.session.execute(text("INSERT INTO vfac_search_fts (rowid, title, meta, body) "
                                "VALUES (:id, :title, :meta, :body)"), values)
    else:
        db.session.execute(text(
            "UPDATE vfac_search_entry SET search_vector = "
            "setweight(to_tsvector('simple', :title), 'A') || "
            "setweight(to_tsvector('simple', :meta), 'B') || "
            "setweight(to_tsvector('simple', :body), 'C') WHERE id = :id"), values)


def remove(kind: str, object_id: int) -> None:
    """Take an item out of the index (when it is unpublished or deleted)."""
    ids = list(db.session.execute(select(SearchEntry.id).where(
        SearchEntry.kind == kind, SearchEntry.object_id == object_id)).scalars())
    if not ids:
        return
    if _is_sqlite():
        for entry_id in ids:
            db.session.execute(text("DELETE FROM vfac_search_fts WHERE rowid = :id"),
                               {"id": entry_id})
    db.session.execute(delete(SearchEntry).where(SearchEntry.id.in_(ids)))


def clear() -> None:
    """Empty the whole index (before every pillar indexes its items again)."""
    if _is_sqlite():
        db.session.execute(text("DELETE FROM vfac_search_fts"))
    db.session.execute(delete(SearchEntry))


def matching(kind: str, terms: list[set[str]], visibilities: list[Visibility],
             any_term: bool = False) -> Any:
    """SELECT object_id, score for items of `kind` matching every term (or any), best first.

    Callers filter with `IN (SELECT object_id ...)` rather than a join: SQLite's planner
    then runs the full-text match once instead of once per row of the other table.
    """
    if _is_sqlite():
        expression = (" OR " if any_term else " AND ").join(
            "(" + " OR ".join(f'"{form}"' for form in sorted(term)) + ")" for term in terms)
        # CROSS JOIN keeps the FTS table as the outer loop: one MATCH, then lookups by key
        return text(
            "SELECT e.object_id AS object_id, -bm25(vfac_search_fts, 10.0, 4.0, 1.0) AS score "
            "FROM vfac_search_fts CROSS JOIN vfac_search_entry AS e "
            "ON e.id = vfac_search_fts.rowid "
            "WHERE vfac_search_fts MATCH :expression AND e.kind = :kind "
            "AND e.visibility IN :visibilities"
        ).bindparams(bindparam("visibilities", expanding=True)).bindparams(
            expression=expression, kind=kind, visibilities=[v.name for v in visibilities],
        ).columns(object_id=Integer, score=Float)
    visible = (SearchEntry.kind == kind, SearchEntry.visibility.in_(visibilities))
    vector = literal_column("vfac_search_entry.search_vector")
    config = literal_column("'simple'::regconfig")
    tsquery = None
    for term in terms:
        alternatives = None
        for form in sorted(term):
            one = func.plainto_tsquery(config, literal(form))
            alternatives = one if alternatives is None else alternatives.op("||")(one)
        tsquery = alternatives if tsquery is None else \
            tsquery.op("||" if any_term else "&&")(alternatives)
    return (select(SearchEntry.object_id, func.ts_rank(vector, tsquery, 1).label("score"))
            .where(vector.op("@@")(tsquery), *visible))


def best_matches(model: Any, kind: str, terms: list[set[str]], visibilities: list[Visibility],
                 where: list, any_term: bool = False, limit: int = 5,
                 options: tuple = ()) -> tuple[int, list[Any]]:
    """How many rows of `model` under `where` match the terms, and the best `limit`, best first.

    The matches are the outer query and the model's conditions a semi-join: joining the
    other way round makes SQLite run the full-text match once per row (1.8 s instead of
    15 ms for 800 papers).
    """
    matched = matching(kind, terms, visibilities, any_term).subquery()
    allowed = select(model.id).where(*where)
    total = db.session.execute(select(func.count()).select_from(model).where(
        *where, model.id.in_(select(matched.c.object_id)))).scalar_one()
    ids = list(db.session.execute(
        select(matched.c.object_id).where(matched.c.object_id.in_(allowed))
        .order_by(matched.c.score.desc(), matched.c.object_id.desc()).limit(limit)).scalars())
    if not ids:
        return total, []
    rows = {row.id: row for row in db.session.execute(
        select(model).where(model.id.in_(ids), *where).options(*options)).scalars()}
    return total, [rows[i] for i in ids if i in rows]


@lru_cache(maxsize=100_000)
def _word_forms(word: str, language: str) -> frozenset[str]:
    """Every form under which a query may name this word of a document (for snippets)."""
    word = _clean(word)
    forms = {_stem(word, _script_language(word, language)), _fold(word)}
    return frozenset(forms | {_stem(word, lang) for lang in _LATIN_QUERY_STEMMERS})


def snippet(source: str, terms: list[set[str]], language: str, length: int = 260) -> Markup | None:
    """A piece of `source` around the first word that matches a term, matches in <mark>."""
    forms = set().union(*terms) if terms else set()
    if not forms or not source:
        return None
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(source):
        if spans and match.start() > spans[0][0] + length:
            break  # past the passage the first match opens: the rest is never shown
        word = match.group()
        if _CJK.search(word):
            word = _clean(word)
            spans.extend((match.start() + m.start(), match.start() + m.end())
                         for form in forms if _CJK.search(form)
                         for m in re.finditer(re.escape(form), word))
        elif _word_forms(word, language) & forms:
            spans.append(match.span())
    if not spans:
        return None
    spans.sort()
    start = max(0, spans[0][0] - length // 3)
    if start:
        start = source.find(" ", start, spans[0][0]) + 1 or start
    end = min(len(source), start + length)
    pieces, cursor = [], start
    for a, b in spans:
        if a < cursor or b > end:
            continue
        pieces += [escape(source[cursor:a]), Markup("<mark>"), escape(source[a:b]),
                   Markup("</mark>")]
        cursor = b
    pieces.append(escape(source[cursor:end]))
    ellipsis_start = "… " if start else ""
    ellipsis_end = " …" if end < len(source) else ""
    return Markup(ellipsis_start) + Markup("").join(pieces) + Markup(ellipsis_end)
