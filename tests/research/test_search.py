"""Searching the library: quality over a small multilingual corpus, facets, filters, fallback,
snippets, paging, hostile input, visibility and a fixed number of queries per page."""
from __future__ import annotations

import io
import re

import pytest

from accounts.models import Profession, Role
from research.models import PaperType, Status
from research.services import library, moderation, submission
from research.services.library import LibraryQuery
from research.services.submission import index_paper
from tests.research.conftest import pdf_bytes
from vfac.extensions import db
from vfac.models import Visibility

RESULT = re.compile(r'<h2 lang="[^"]*" dir="auto"><a href="/research/(\d+)">')
ANY_WORD_NOTE = "No paper contains all of these words; these contain some of them."
NO_WORDS_NOTE = "Your search has no words to look for; showing all papers."
NOTHING = "No paper matches this search."
A = PaperType.ARTICLE

# name: (title, abstract, language, year, type, region, topics, keywords, authors)
CORPUS = {
    "ransom": ("Ransomware and the limits of territorial jurisdiction",
               "How prosecutors establish jurisdiction when ransomware operators, their servers "
               "and their victims are in different states.", "en", 2023, A, "africa",
               ("criminalization", "international-cooperation"), ("extortion", "cryptocurrency"),
               ("Amara Mensah", "Jean Ndiaye")),
    "evidence": ("Admissibility of electronic evidence in criminal trials",
                 "Courts weigh the authenticity and integrity of digital evidence and the chain "
                 "of custody.", "en", 2021, PaperType.REPORT, "europe",
                 ("electronic-evidence", "criminal-justice"), ("forensics",), ("Maria Rossi",)),
    "preuve": ("La preuve électronique devant le juge pénal",
               "L'admissibilité de la preuve numérique et le rôle de l'expert en "
               "criminalistique.", "fr", 2022, A, "africa", ("electronic-evidence",), (),
               ("Awa Diop",)),
    "coop": ("Cooperación internacional contra el ciberdelito en América Latina",
             "La asistencia judicial recíproca y los conflictos de jurisdicción entre Estados.",
             "es", 2019, PaperType.REPORT, "latin-america", ("international-cooperation",), (),
             ("Lucía Fernández",)),
    "ru": ("Противодействие киберпреступности: международно-правовые аспекты",
           "Расследование киберпреступлений и сотрудничество правоохранительных органов.",
           "ru", 2020, A, "europe", ("legislation", "international-cooperation"), (),
           ("Иван Петров",)),
    "ar": ("الأدلة الإلكترونية في المحاكم الجنائية",
           "تتناول الدراسة قبول الأدلة الرقمية في قضايا الجرائم الإلكترونية.", "ar", 2021,
           PaperType.THESIS, "arab-states", ("electronic-evidence",), (), ("Fatima Haddad",)),
    "zh": ("打击网络犯罪国际规则研究", "本文讨论电子证据的跨境调取和司法协助。", "zh", 2024, A,
           "asia-pacific", ("international-cooperation",), (), ("Li Wei",)),
    "mla": ("Mutual legal assistance requests for subscriber data",
            "Delays in mutual legal assistance slow ransomware investigations and leave "
            "questions of jurisdiction open.", "en", 2022, PaperType.GUIDE, "global",
            ("international-cooperation", "investigation"), ("MLAT",),
            ("Carlos Mendes", "Amara Osei")),
    "csam": ("Child sexual exploitation online: victim identification",
             "Investigators use image hashing and shared databases to identify children.",
             "en", 2023, PaperType.CASE_STUDY, "north-america", ("investigation", "human-rights"),
             ("sextortion", "grooming"), ("Sarah Thompson",)),
    "retention": ("Data retention after the Digital Rights Ireland judgment",
                  "Keeping traffic records by providers and the proportionality test of the "
                  "Court of Justice.", "en", 2018, PaperType.LEGISLATION_ANALYSIS, "europe",
                  ("legislation", "human-rights"), (), ("Klaus Weber",)),
    "cloud": ("Preserving cloud evidence: expedited preservation orders",
              "Article 16 of the Budapest Convention lets investigators freeze stored data held "
              "by cloud providers before a production order.", "en", 2022, PaperType.GUIDE,
              "global", ("electronic-evidence", "investigation"), (), ("Nomvula Dlamini",)),
    "budapest": ("The Budapest Convention at twenty",
                 "An assessment of the Council of Europe treaty, its protocols and its accession "
                 "process.", "en", 2021, PaperType.BOOK, "europe",
                 ("legislation", "international-cooperation"), (), ("Peter Hansen",)),
    "prevention": ("Preventing cybercrime through awareness campaigns",
                   "School programmes on phishing and online scams.", "en", 2019,
                   PaperType.TRAINING_MATERIAL, "asia-pacific", ("prevention",), (),
                   ("Ravi Kumar",)),
}

# query: the paper that must come first
TOP = {
    "ransomware jurisdiction": "ransom",
    "preuve électronique": "preuve",
    "Preuve electronique": "preuve",  # accents folded in the query
    "cooperación internacional": "coop",
    "jurisdicción": "coop",
    "киберпреступность": "ru",
    "Расследования": "ru",
    "الأدلة الإلكترونية": "ar",
    "جرائم": "ar",
    "网络犯罪": "zh",
    "电子证据": "zh",
    "Mensah": "ransom",  # an author's surname
    "sextortion": "csam",  # a keyword only
    "child exploitation": "csam",
    "data retention": "retention",
    "Budapest Convention": "budapest",
    "preservation": "cloud",
    "mutual legal assistance": "mla",
}


@pytest.fixture
def corpus(make_paper):
    return {name: make_paper(title, abstract=abstract, language=language, year=year, type=kind,
                             region=region, topics=topics, keywords=keywords,
                             authors=[(a, "", None) for a in authors])
            for name, (title, abstract, language, year, kind, region, topics, keywords, authors)
            in CORPUS.items()}


def result_ids(response) -> list[int]:
    assert response.status_code == 200, response.status_code
    return [int(i) for i in RESULT.findall(response.get_data(as_text=True))]


def search(**params) -> library.Results:
    return library.search_papers(None, LibraryQuery(**params))


def ids_of(results: library.Results) -> list[int]:
    return [p.id for p in results.papers]


# --- quality -----------------------------------------------------------------------------------

def test_expected_paper_comes_first_in_every_language(client, corpus):
    names = {paper.id: name for name, paper in corpus.items()}
    wrong = {}
    for query, expected in TOP.items():
        got = [names[i] for i in result_ids(client.get("/research/", query_string={"q": query}))]
        if not got or got[0] != expected:
            wrong[query] = got
    assert wrong == {}


def test_word_only_in_the_pdf_text_finds_the_paper(client, corpus, make_user):
    academic = make_user(profession=Profession.ACADEMIC)
    moderator = make_user(Role.MODERATOR, totp=True)
    text = ("Offenders hid the ledgers with steganography inside holiday photographs, "
            "which investigators recovered from a seized laptop.")
    paper = submission.create_paper(academic, submission.PaperInput(
        title="Hidden records in a fraud investigation", abstract="A case from Accra.",
        year=2024, type=PaperType.CASE_STUDY, language="en",
        authors=(submission.AuthorInput("Kofi Boateng"),), topics=("investigation",)),
        submission.Upload(io.BytesIO(pdf_bytes(text)), "boateng.pdf"), submit=True)
    db.session.commit()  # the upload's unit of work: its check and text jobs then run
    assert client.get("/research/?q=steganography").get_data(as_text=True).count(NOTHING) == 1
    moderation.approve_paper(moderator, paper, notify=False)

    response = client.get("/research/?q=steganography")
    assert result_ids(response) == [paper.id]
    # the snippet comes from the file's text, since the abstract does not have the word
    assert "<mark>steganography</mark>" in response.get_data(as_text=True)


def test_title_hit_outranks_body_only_hit(corpus):
    assert ids_of(search(q="budapest convention")) == [corpus["budapest"].id, corpus["cloud"].id]
    assert ids_of(search(q="ransomware")) == [corpus["ransom"].id, corpus["mla"].id]


def test_sort_by_date_orders_by_year_newest_first(client, corpus):
    expected_by_date = [corpus["cloud"].id, corpus["budapest"].id]  # 2022, then 2021
    assert result_ids(client.get("/research/?q=budapest+convention&sort=date")) == \
        expected_by_date
    assert result_ids(client.get("/research/?q=budapest+convention")) == \
        expected_by_date[::-1]
    everything = search(sort="date")
    years = [p.year for p in everything.papers]
    assert years == sorted(years, reverse=True) and len(years) == len(CORPUS)
    # equal years: the most recently published first
    assert [p.id for p in everything.papers if p.year == 2023] == [corpus["csam"].id,
                                                                   corpus["ransom"].id]


# --- facets and filters ------------------------------------------------------------------------

def test_facets_count_the_results_of_a_query(corpus):
    results = search(q="jurisdiction")
    assert sorted(ids_of(results)) == sorted([corpus["ransom"].id, corpus["mla"].id])
    assert results.facets == {
        "topic": [("criminalization", 1), ("investigation", 1),
                  ("international-cooperation", 2)],
        "year": [(2023, 1), (2022, 1)],
        "language": [("en", 2)],
        "type": [("article", 1), ("guide", 1)],
        "region": [("africa", 1), ("global", 1)],
    }


def test_facets_count_the_results_of_a_filter(corpus):
    results = search(topic="electronic-evidence")
    assert {p.id for p in results.papers} == {corpus[n].id for n in
                                              ("evidence", "preuve", "ar", "cloud")}
    assert results.total == 4
    assert results.facets["language"] == [("en", 2), ("ar", 1), ("fr", 1)]
    assert results.facets["year"] == [(2022, 2), (2021, 2)]
    assert results.facets["type"] == [("article", 1), ("guide", 1), ("report", 1),
                                      ("thesis", 1)]
    assert results.facets["region"] == [("africa", 1), ("arab-states", 1), ("europe", 1),
                                        ("global", 1)]
    assert results.facets["topic"] == [("investigation", 1), ("electronic-evidence", 4),
                                       ("criminal-justice", 1)]


def test_facet_counts_show_on_the_page(client, corpus):
    html = client.get("/research/?q=jurisdiction").get_data(as_text=True)
    assert re.search(r'href="/research/\?q=jurisdiction&amp;topic=international-cooperation">'
                     r'[^<]+</a> <span class="muted">\(2\)</span>', html)
    assert re.search(r'href="/research/\?q=jurisdiction&amp;year=2023">2023</a> '
                     r'<span class="muted">\(1\)</span>', html)


FILTERS = [
    ({"q": "evidence"}, {"evidence", "cloud"}),
    ({"q": "evidence", "year": "2021"}, {"evidence"}),
    ({"q": "evidence", "type": "guide"}, {"cloud"}),
    ({"q": "evidence", "region": "global"}, {"cloud"}),
    ({"q": "evidence", "topic": "criminal-justice"}, {"evidence"}),
    ({"q": "evidence", "language": "en"}, {"evidence", "cloud"}),
    ({"q": "evidence", "language": "fr"}, set()),
    ({"topic": "legislation", "region": "europe"}, {"ru", "retention", "budapest"}),
    ({"topic": "legislation", "region": "europe", "year": "2021"}, {"budapest"}),
    ({"language": "en", "type": "guide", "region": "global", "year": "2022",
      "topic": "investigation", "q": "cloud"}, {"cloud"}),
    ({"region": "africa"}, {"ransom", "preuve"}),
    ({"language": "zh"}, {"zh"}),
]


def test_filters_narrow_the_results(client, corpus):
    names = {paper.id: name for name, paper in corpus.items()}
    wrong = []
    for params, expected in FILTERS:
        response = client.get("/research/", query_string=params)
        got = {names[i] for i in result_ids(response)}
        if got != expected or (NOTHING in response.get_data(as_text=True)) != (not expected):
            wrong.append((params, got))
    assert wrong == []


# --- any-word fallback and snippets ----------------------------------------------------------

def test_no_paper_with_every_word_falls_back_to_any_word(client, corpus):
    results = search(q="ransomware sextortion")
    assert results.any_word and results.total == 3
    # the engines differ here: bm25 puts the rarer word first (sextortion, a keyword of csam),
    # ts_rank has no word rarity and puts the title hit first (ransom); both are good answers
    assert ids_of(results)[0] in (corpus["ransom"].id, corpus["csam"].id)
    assert ids_of(results)[2] == corpus["mla"].id  # one word, in the abstract only
    assert set(ids_of(results)) == {corpus[n].id for n in ("ransom", "mla", "csam")}
    html = client.get("/research/?q=ransomware+sextortion").get_data(as_text=True)
    assert ANY_WORD_NOTE in html and NOTHING not in html

    exact = search(q="ransomware jurisdiction")
    assert not exact.any_word and exact.total == 2
    assert ANY_WORD_NOTE not in client.get("/research/?q=ransomware+jurisdiction") \
        .get_data(as_text=True)


def test_nothing_found_says_so_without_the_any_word_note(client, corpus):
    for query in ("blockchain", "blockchain metaverse"):
        results = search(q=query)
        assert results.total == 0 and not results.any_word and results.papers == []
        html = client.get("/research/", query_string={"q": query}).get_data(as_text=True)
        assert NOTHING in html and ANY_WORD_NOTE not in html


def test_snippets_highlight_the_words_and_escape_the_text(client, corpus, make_paper):
    html = client.get("/research/?q=identify").get_data(as_text=True)
    assert "use image hashing and shared databases to <mark>identify</mark> children." in html

    hostile = make_paper("Scripts in the record", abstract="<script>alert(1)</script> and "
                         "<b>bold</b> claims about ransomware & extortion")
    response = client.get("/research/?q=ransomware+claims")
    assert result_ids(response) == [hostile.id]
    html = response.get_data(as_text=True)
    assert ("&lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt; "
            "<mark>claims</mark> about <mark>ransomware</mark> &amp; extortion") in html
    assert "<script>alert(1)" not in html and "<b>bold" not in html


def test_snippets_in_other_scripts(corpus):
    results = search(q="جرائم")
    assert "<mark>الجرائم</mark>" in results.snippets[corpus["ar"].id]
    results = search(q="电子证据")
    assert "<mark>电子</mark><mark>证据</mark>" in results.snippets[corpus["zh"].id]


# --- paging and bad parameters -----------------------------------------------------------------

def test_pagination_over_45_papers(client, make_paper, monkeypatch):
    monkeypatch.setattr(library, "PER_PAGE", 20)
    papers = [make_paper(f"Ransomware case {n}", abstract="A ransomware case.") for n in range(45)]
    seen = []
    for page, count in ((1, 20), (2, 20), (3, 5)):
        response = client.get(f"/research/?q=ransomware&page={page}")
        ids = result_ids(response)
        assert len(ids) == count
        seen += ids
        html = response.get_data(as_text=True)
        assert f"Page {page} of 3" in html and "45 papers" in html
        assert ('rel="prev" href="/research/?q=ransomware&amp;page=%d"' % (page - 1) in html) \
            == (page > 1)
        assert ('rel="next" href="/research/?q=ransomware&amp;page=%d"' % (page + 1) in html) \
            == (page < 3)
    assert sorted(seen) == sorted(p.id for p in papers)
    assert client.get("/research/?q=ransomware&page=4").status_code == 404
    assert client.get("/research/?q=ransomware&page=0").status_code == 200  # read as page 1
    assert result_ids(client.get("/research/?q=ransomware&page=0")) == seen[:20]
    assert client.get("/research/?page=2").status_code == 200
    assert client.get("/research/?q=nothingmatches&page=2").status_code == 404


@pytest.mark.parametrize("params", [
    "page=abc", "page=-1", "page=1.5", "page=%D9%A3", "page=51", "page=99999999999999999999",
    "year=abc", "year=-2020", "year=20000", "topic=unknown", "type=bogus", "sort=bogus",
    "language=xx", "region=mars", "topic=%00",
])
def test_bad_parameters_are_400(client, params):
    assert client.get(f"/research/?q=ransomware&{params}").status_code == 400


@pytest.mark.parametrize("params", ["page=", "year=", "topic=", "sort=", "type=", "q="])
def test_empty_parameters_are_ignored(client, params):
    assert client.get(f"/research/?{params}").status_code == 200


# --- hostile queries through the page ----------------------------------------------------------

HOSTILE = {
    "10k": "x" * 10_000,
    "10k words": "ransomware " * 1_000,
    "punctuation": "!!!...???;;,,::",
    "quote": '"',
    "near": "NEAR(",
    "and": "foo AND (",
    "parens": ")))",
    "apostrophe": "'",
    "sql": "'; DROP TABLE research_paper; --",
    "star": "ransom*",
    "column": "title:ransomware",
    "control": "\x01\x02\x1b[31m\x7f",
    "emoji": "😀🔥",
    "rtl": "\u202eevil\u202c \u200fجرائم",
}


@pytest.mark.parametrize("query", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_queries_get_a_clean_page(client, make_paper, query):
    make_paper("Ransomware and jurisdiction", abstract="Foo and bar, near and far.")
    response = client.get("/research/", query_string={"q": query})
    assert response.status_code == 200
    assert "Research library" in response.get_data(as_text=True)


@pytest.mark.parametrize("raw", ["q=%FF%FE%FD", "q=%C3", "q=%00", "q=%00ransomware%00",
                                 "q=%ED%A0%80", "q=%", "q=%%%", "q=ransomware%ZZ"])
def test_raw_bytes_in_the_query_string(client, make_paper, raw):
    make_paper("Ransomware and jurisdiction")
    assert client.get(f"/research/?{raw}").status_code == 200


def test_query_with_no_words_shows_every_paper_with_a_note(client, corpus):
    for query in ("!!!", '"', ")))", "'"):
        response = client.get("/research/", query_string={"q": query})
        assert len(result_ids(response)) == len(CORPUS)
        assert NO_WORDS_NOTE in response.get_data(as_text=True)


def test_query_is_echoed_escaped(client, corpus):
    html = client.get("/research/", query_string={"q": '<script>alert(1)</script>"'}) \
        .get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert 'name="q" value="&lt;script&gt;alert(1)&lt;/script&gt;&#34;"' in html


def test_operators_in_a_query_are_words(client, corpus):
    ransomware = result_ids(client.get("/research/", query_string={"q": "ransomware ("}))
    assert ransomware == [corpus["ransom"].id, corpus["mla"].id]
    assert result_ids(client.get("/research/", query_string={"q": '"ransomware"'})) == ransomware
    # both papers have the word "and"
    assert result_ids(client.get("/research/", query_string={"q": "ransomware AND ("})) == \
        ransomware
    # no paper has the word "near": the papers with "ransomware", and the any-word note
    response = client.get("/research/", query_string={"q": "ransomware NEAR("})
    assert result_ids(response) == ransomware
    assert ANY_WORD_NOTE in response.get_data(as_text=True)


# --- visibility ----------------------------------------------------------------------------------

@pytest.fixture
def hidden_and_shown(make_paper, make_user):
    """One paper per visibility and state, all about phishing, each with its own year and type."""
    papers = {
        "public": make_paper("Phishing kits", year=2020),
        "members": make_paper("Phishing for members", year=2021, type=PaperType.REPORT,
                              visibility=Visibility.MEMBERS),
        "restricted": make_paper("Phishing investigations", year=2022, type=PaperType.GUIDE,
                                 visibility=Visibility.RESTRICTED),
        "pending": make_paper("Phishing pending", year=2010, type=PaperType.BOOK,
                              status=Status.PENDING),
        "draft": make_paper("Phishing draft", year=2011, type=PaperType.THESIS,
                            status=Status.DRAFT),
        "rejected": make_paper("Phishing rejected", year=2012, type=PaperType.LEGISLATION),
    }
    # a stale index must not leak what is not published
    index_paper(papers["pending"])
    index_paper(papers["draft"])
    moderator = make_user(Role.MODERATOR, totp=True)
    moderation.reject_paper(moderator, papers["rejected"], "Missing the licence.")
    assert papers["rejected"].status is Status.REJECTED
    return papers


@pytest.mark.parametrize("reader, shown", [
    (None, ["public"]),
    (Profession.ACADEMIC, ["members", "public"]),
    (Profession.JUDGE, ["restricted", "members", "public"]),
    (Profession.POLICE, ["restricted", "members", "public"]),
])
def test_hidden_papers_are_neither_found_nor_counted(client, auth, make_user, hidden_and_shown,
                                                     reader, shown):
    if reader is not None:
        auth.login(make_user(profession=reader))
    expected_ids = [hidden_and_shown[name].id for name in shown]
    for params in ({"q": "phishing"}, {"q": "phishing", "sort": "date"}, {}):
        response = client.get("/research/", query_string=params)
        ids = result_ids(response)
        assert (ids if "sort" in params or not params else sorted(ids, reverse=True)) == \
            expected_ids, params  # newest first, or by relevance
        assert f"{len(shown)} paper" in response.get_data(as_text=True)
    years = {"public": 2020, "members": 2021, "restricted": 2022}
    html = client.get("/research/?q=phishing").get_data(as_text=True)
    for year in (2010, 2011, 2012, 2020, 2021, 2022):
        assert (f'year={year}"' in html) == (year in [years[n] for n in shown])
    # and the filters do not reveal them either
    assert result_ids(client.get("/research/?q=phishing&year=2022")) == \
        ([hidden_and_shown["restricted"].id] if "restricted" in shown else [])
    assert result_ids(client.get("/research/?type=book")) == []


def test_hidden_papers_in_the_service(make_user, hidden_and_shown):
    academic = make_user(profession=Profession.ACADEMIC)
    police = make_user()
    for actor, count in ((None, 1), (academic, 2), (police, 3)):
        results = library.search_papers(actor, LibraryQuery(q="phishing"))
        assert results.total == count
        assert sum(n for _, n in results.facets["year"]) == count
        assert sum(n for _, n in results.facets["type"]) == count
        assert sum(n for _, n in results.facets["language"]) == count


def test_rejected_paper_leaves_the_index(client, make_paper, make_user):
    paper = make_paper("Business email compromise", abstract="Invoice fraud.")
    assert result_ids(client.get("/research/?q=invoice")) == [paper.id]
    moderation.reject_paper(make_user(Role.MODERATOR, totp=True), paper, "Wrong licence.")
    assert result_ids(client.get("/research/?q=invoice")) == []
    assert search(q="invoice").total == 0 and search(q="invoice").facets["year"] == []


# --- queries per page ----------------------------------------------------------------------------

def test_query_count_does_not_grow_with_the_results(client, auth, make_paper, make_user,
                                                    count_queries):
    authors = [("Ama Owusu", "", None), ("Jean Ndiaye", "", None), ("Li Wei", "", None)]
    topics = ("investigation", "electronic-evidence", "human-rights")

    def make(word: str, n: int) -> None:
        for i in range(n):  # the word only in the title: snippets are looked for in files too
            make_paper(f"{word.title()} study {i}", abstract="Nothing here.", authors=authors,
                       topics=topics, keywords=("a", "b"))

    make("skimming", 3)
    make("vishing", 25)
    counts = {}
    for who in ("visitor", "member"):
        if who == "member":
            auth.login(make_user())
            client.get("/research/")  # the first page after signing in also touches the session
        for word, n in (("skimming", 3), ("vishing", 25)):
            with count_queries() as counter:
                response = client.get(f"/research/?q={word}")
            assert len(result_ids(response)) == min(n, library.PER_PAGE)
            counts[who, word] = counter["n"]
    assert all(n <= 20 for n in counts.values()), counts
    assert counts["visitor", "skimming"] == counts["visitor", "vishing"], counts
    assert counts["member", "skimming"] == counts["member", "vishing"], counts


def test_whole_library_counts_are_cached_until_a_paper_is_published(app, client, make_user,
                                                                    make_paper):
    library_counts = library.library_counts
    app.config["LIBRARY_COUNTS_CACHE_SECONDS"] = 60
    library_counts.forget()
    try:
        make_paper("Cached count")
        assert "1 paper" in client.get("/research/").get_data(as_text=True)
        make_paper("Added behind the cache's back")
        assert "1 paper" in client.get("/research/").get_data(as_text=True)
        # a search or a filter is always counted afresh
        assert "2 papers" in client.get("/research/?year=2020").get_data(as_text=True)
        pending = make_paper("Waiting", status=Status.PENDING)
        moderation.approve_paper(make_user(Role.MODERATOR, totp=True), pending, notify=False)
        assert "3 papers" in client.get("/research/").get_data(as_text=True)
    finally:
        app.config["LIBRARY_COUNTS_CACHE_SECONDS"] = 0
        library_counts.forget()
