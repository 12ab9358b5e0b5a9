"""vfac/search.py: normalising six languages, hostile queries, the index on the real database
(FTS5 on SQLite, tsvector on PostgreSQL) and highlighted snippets."""
from __future__ import annotations

import re

import pytest
from markupsafe import Markup
from sqlalchemy import func, select

from vfac import search
from vfac.extensions import db
from vfac.models import SearchEntry, Visibility

KIND = "test"
EVERYONE = [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.RESTRICTED]
WORD = re.compile(r"[^\W_]+")


def add(object_id: int, title: str, body: str = "", *, meta: str = "", language: str = "en",
        visibility: Visibility = Visibility.PUBLIC, kind: str = KIND) -> None:
    search.index(search.Document(kind=kind, object_id=object_id, language=language,
                                 visibility=visibility, title=title, meta=meta, body=body))


def found(query: str, *, any_term: bool = False, visibilities=EVERYONE,
          kind: str = KIND) -> list[int]:
    """The ids matching `query`, best first (ties by id)."""
    terms = search.query_terms(query)
    assert terms, f"{query!r} has no terms"
    rows = db.session.execute(search.matching(kind, terms, list(visibilities), any_term)).all()
    return [object_id for object_id, _score in sorted(rows, key=lambda r: (-r[1], r[0]))]


# --- normalise: documents and queries meet on the same words ---------------------------------

@pytest.mark.parametrize("one, other, language", [
    ("jurisdictions", "jurisdiction", "en"),
    ("Investigating", "investigate", "en"),
    ("ＲＡＮＳＯＭＷＡＲＥ", "ransomware", "en"),  # NFKC: full-width letters
    ("Juridictions", "juridiction", "fr"),
    ("électronique", "electronique", "fr"),
    ("Preuves", "preuve", "fr"),
    ("jurisdicción", "jurisdiccion", "es"),
    ("Cooperación", "cooperacion", "es"),
    ("киберпреступности", "киберпреступность", "ru"),
    ("Расследования", "расследование", "ru"),
    ("الجرائم", "جرائم", "ar"),  # the article and the stem
    ("الْجَرَائِمُ", "الجرائم", "ar"),  # diacritics
    ("الجـــرائم", "الجرائم", "ar"),  # tatweel
    ("أدلة", "ادلة", "ar"),  # alef with hamza above
    ("إثبات", "اثبات", "ar"),  # alef with hamza below
    ("آثار", "اثار", "ar"),  # alef with madda
])
def test_normalise_gives_one_form(one, other, language):
    assert search.normalise(one, language) == search.normalise(other, language)
    assert search.normalise(one, language) != ""


def test_normalise_keeps_different_words_apart():
    assert search.normalise("jurisdiction", "en") != search.normalise("ransomware", "en")
    assert search.normalise("preuve", "fr") != search.normalise("prévention", "fr")


def test_normalise_outputs_only_space_separated_words():
    text = 'Ransomware: "NEAR(" foo AND ( *x* ^y col:term -- ’quotes’ «guillemets» 😀 l\'État'
    normalised = search.normalise(text, "fr")
    assert normalised.split(" ") == WORD.findall(normalised)
    assert "etat" in normalised.split()  # accent folded, apostrophe a separator


def test_normalise_splits_chinese_into_words():
    words = search.normalise("打击网络犯罪国际规则", "zh").split()
    assert {"网络", "犯罪", "国际", "规则"} <= set(words)
    assert "打击网络犯罪国际规则" not in words


def test_normalise_caps_very_long_documents():
    assert len(search.normalise("word " * 100_000, "en").split()) == \
        search.MAX_INDEXED_CHARS // len("word ")


# --- matching on the real database, every language -------------------------------------------

@pytest.mark.parametrize("document, language, query", [
    ("Territorial jurisdiction over ransomware", "en", "jurisdictions"),
    ("Several jurisdictions disagree", "en", "jurisdiction"),
    ("La compétence des juridictions", "fr", "juridiction"),
    ("Preuve electronique et procès", "fr", "preuves électroniques"),
    ("Problemas de jurisdicción en la nube", "es", "jurisdiccion"),
    ("Problemas de jurisdiccion en la nube", "es", "Jurisdicción"),
    ("Противодействие киберпреступности", "ru", "киберпреступность"),
    ("Расследование киберпреступлений", "ru", "РАССЛЕДОВАНИЯ"),
    ("مكافحة الجرائم الإلكترونية", "ar", "جرائم"),
    ("مكافحة جرائم المعلوماتية", "ar", "الجرائم"),
    ("الْجَرَائِمُ المعلوماتية", "ar", "الجـرائم"),
    ("أدلة رقمية", "ar", "ادلة"),
    ("打击网络犯罪国际规则", "zh", "网络犯罪"),
    ("打击网络犯罪国际规则", "zh", "规则"),  # two characters: the trigram trap
    ("电子证据的收集与审查", "zh", "证据"),
    # a word in another script than the document's language is still found by itself
    ("Study of киберпреступности in Central Asia", "en", "киберпреступности"),
    ("Les الجرائم الإلكترونية au Maghreb", "fr", "الجرائم"),
])
def test_query_finds_document(document, language, query):
    add(1, document, language=language)
    add(2, "Something else entirely: data retention", language="en")
    assert found(query) == [1]


def test_query_needs_every_word_and_any_word_relaxes():
    add(1, "Ransomware and jurisdiction")
    add(2, "Ransomware negotiations")
    add(3, "Child protection online")
    assert found("ransomware jurisdiction") == [1]
    assert found("ransomware jurisdiction", any_term=True) == [1, 2]
    assert sorted(found("ransomware child", any_term=True)) == [1, 2, 3]


def test_title_outranks_meta_outranks_body():
    add(1, "Data retention", body="Ransomware is mentioned in passing in this long text.")
    add(2, "Ransomware economics", body="How the criminal market works.")
    add(3, "Victim support", meta="Ransomware Specialist", body="Counselling.")
    assert found("ransomware") == [2, 3, 1]


def test_index_replaces_and_remove_deletes():
    add(1, "Ransomware payments")
    add(1, "Cloud evidence preservation")  # the same item again, changed
    assert db.session.scalar(select(func.count()).select_from(SearchEntry).where(
        SearchEntry.kind == KIND)) == 1
    assert found("preservation") == [1]
    assert found("ransomware") == []
    search.remove(KIND, 1)
    assert found("preservation") == []
    assert db.session.scalar(select(func.count()).select_from(SearchEntry).where(
        SearchEntry.kind == KIND)) == 0
    search.remove(KIND, 1)  # nothing left to remove: no error
    search.remove(KIND, 999)


def test_matching_filters_by_kind_and_visibility():
    add(1, "Ransomware", visibility=Visibility.PUBLIC)
    add(2, "Ransomware", visibility=Visibility.MEMBERS)
    add(3, "Ransomware", visibility=Visibility.RESTRICTED)
    add(1, "Ransomware", kind="other")
    assert sorted(found("ransomware")) == [1, 2, 3]
    assert found("ransomware", visibilities=[Visibility.PUBLIC]) == [1]
    assert sorted(found("ransomware", visibilities=[Visibility.PUBLIC, Visibility.MEMBERS])) \
        == [1, 2]
    assert found("ransomware", kind="other") == [1]
    assert found("ransomware", kind="nothing") == []


# --- hostile queries ---------------------------------------------------------------------------

HOSTILE = {
    "empty": "",
    "spaces": "   \t\n ",
    "10k": "x" * 10_000,
    "10k words": "ransomware " * 1_000,
    "punctuation": "!!!...???;;,,::()[]{}<>",
    "quote": '"',
    "quotes": '"""ransomware',
    "near": "NEAR(",
    "near2": "NEAR(ransomware jurisdiction, 2)",
    "and": "foo AND (",
    "or not": "OR NOT AND",
    "parens": ")))",
    "star": "*",
    "prefix": "ransom*",
    "caret": "^",
    "caret2": "^ransomware",
    "minus": "-",
    "minus2": "-ransomware",
    "column": "col:term",
    "column2": "title:ransomware",
    "sql": "'; DROP TABLE x; --",
    "apostrophe": "'",
    "tsquery": "a & b | !c <-> d:*",
    "nul": "ransom\x00ware\x00",
    "control": "\x01\x02\x1b[31m\x7f\u0085",
    "emoji": "😀🔥 ransomware 👮‍♀️",
    "rtl marks": "\u200fالجرائم\u200e \u202eevil\u202c",
    "zero width": "ran\u200bsom\u200dware",
    "combining": "x\u0327y\u0301",
    "surrogate-ish": "\ufffd\ufffe",
    "many words": " ".join(f"word{i}" for i in range(500)),
    "long chinese": "网络犯罪" * 200,
    "ligature": "ﷺ ﬁle",
    "underscore": "a_b__c",
}


@pytest.mark.parametrize("query", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_query_is_only_words_and_runs(query):
    add(1, "Ransomware and jurisdiction, near and far", body="foo word1 word2 x")
    terms = search.query_terms(query)
    assert isinstance(terms, list) and len(terms) <= search.MAX_QUERY_TERMS
    for term in terms:
        assert term and all(WORD.fullmatch(form) for form in term), term
        assert all(len(form) <= search.MAX_QUERY_CHARS for form in term)
    if terms:
        for any_term in (False, True):
            db.session.execute(search.matching(KIND, terms, EVERYONE, any_term)).all()
    # the database is intact and the transaction usable
    assert db.session.scalar(select(func.count()).select_from(SearchEntry)) >= 1


@pytest.mark.parametrize("query", ["", "  ", "!!!", '"', ")))", "*", "^", "-", "'",
                                   "\x00\x01", "😀", "\u200f\u200e"])
def test_queries_without_words_have_no_terms(query):
    assert search.query_terms(query) == []


def test_operators_are_plain_words():
    add(1, "Near and far: foo")
    add(2, "Ransomware")
    assert found("NEAR(") == [1]
    assert found("foo AND (") == [1]
    assert found('"ransomware') == [2]
    assert found("-ransomware") == [2]  # not a negation
    assert found("title:ransomware", any_term=True) == [2]


def test_query_terms_are_capped_and_deduplicated():
    many = search.query_terms(" ".join(f"word{i}" for i in range(500)))
    assert len(many) == search.MAX_QUERY_TERMS
    assert many[0] == {"word0"}
    assert search.query_terms("Ransomware RANSOMWARE ransomware") == \
        search.query_terms("ransomware")
    assert len(search.query_terms("x" * 10_000)[0].pop()) == search.MAX_QUERY_CHARS


def test_latin_query_words_are_tried_in_several_languages():
    (term,) = search.query_terms("juridictions")
    assert "juridictions" in term and search.normalise("juridiction", "fr") in term
    (term,) = search.query_terms("Jurisdicción")
    assert "jurisdiccion" in term


# --- snippets -----------------------------------------------------------------------------------

def snip(source: str, query: str, language: str = "en", **kwargs) -> Markup | None:
    return search.snippet(source, search.query_terms(query), language, **kwargs)


def test_snippet_marks_matching_words_including_stems():
    result = snip("Several jurisdictions disagree on jurisdiction over ransomware.",
                  "jurisdiction")
    assert isinstance(result, Markup)
    assert str(result) == ("Several <mark>jurisdictions</mark> disagree on "
                           "<mark>jurisdiction</mark> over ransomware.")


def test_snippet_escapes_the_source():
    result = str(snip("<script>alert('x')</script> & <b>ransomware</b> attacks", "ransomware"))
    assert "<script" not in result and "<b>" not in result
    assert "&lt;script&gt;" in result and "&amp;" in result
    assert "<mark>ransomware</mark>" in result


def test_snippet_cuts_with_ellipses_around_the_match():
    source = "Opening words. " * 60 + "The ransomware appears here. " + "Closing words. " * 60
    result = str(snip(source, "ransomware"))
    assert result.startswith("… ") and result.endswith(" …")
    assert "<mark>ransomware</mark>" in result
    assert len(result) <= len("… ") + 260 + len("<mark></mark>") + len(" …")
    assert not result.startswith("… words.")  # begins at a word


def test_snippet_of_short_text_has_no_ellipsis():
    assert str(snip("Ransomware in hospitals", "ransomware")) == \
        "<mark>Ransomware</mark> in hospitals"


def test_snippet_marks_chinese_words_inside_a_run_of_characters():
    assert str(snip("我们研究打击网络犯罪国际规则。", "网络犯罪", "zh")) == \
        "我们研究打击<mark>网络</mark><mark>犯罪</mark>国际规则。"


def test_snippet_in_arabic_and_russian():
    assert "<mark>الجرائم</mark>" in str(snip("مكافحة الجرائم الإلكترونية", "جرائم", "ar"))
    assert "<mark>киберпреступности</mark>" in str(
        snip("Противодействие киберпреступности", "киберпреступность", "ru"))
    assert "<mark>jurisdicción</mark>" in str(snip("Problemas de jurisdicción", "jurisdiccion",
                                                   "es"))


@pytest.mark.parametrize("source, query", [
    ("Cloud evidence preservation", "ransomware"),
    ("", "ransomware"),
    ("Cloud evidence preservation", ""),
    ("Cloud evidence preservation", "!!!"),
])
def test_snippet_is_none_without_a_match(source, query):
    assert snip(source, query) is None


@pytest.mark.parametrize("query", ["أدلة إلكترونية", "الأدلة الإلكترونية", "الادلة الالكترونية",
                                   "ادلة الكترونية"])
@pytest.mark.parametrize("document", ["قبول الأدلة الإلكترونية في المحاكم",
                                      "أدلة إلكترونية", "الادلة الالكترونية"])
def test_arabic_with_or_without_article_and_hamza(query, document):
    """Definite or indefinite, with hamza or typed without: every word of the query matches."""
    words = set(search.normalise(document, "ar").split())
    terms = search.query_terms(query)
    assert all(term & words for term in terms), (terms, words)
