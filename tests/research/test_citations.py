"""Citation exports, checked by parsing them back: BibTeX with bibtexparser v2, RIS by regex."""
from __future__ import annotations

import json
import re
from types import SimpleNamespace

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from hypothesis import given
from hypothesis import strategies as st

from research.citations import bibtex, csl_json, ris
from research.models import PaperType

URL = "https://vfac.example/research/12"
UNODC = "United Nations Office on Drugs and Crime (UNODC)"

# the inverse of the writer's escapes, to read a parsed value back as plain text
_UNESCAPE = {r"\textbackslash{}": "\\", r"\textbraceleft{}": "{", r"\textbraceright{}": "}",
             r"\textasciicircum{}": "^", r"\textasciitilde{}": "~",
             **{"\\" + c: c for c in "%&$#_"}}
_UNESCAPE_RE = re.compile("|".join(re.escape(k) for k in _UNESCAPE))
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def make(**overrides) -> SimpleNamespace:
    authors = overrides.pop("authors", ["Marco Gercke"])
    fields = dict(id=12, title="Understanding cybercrime", abstract="An abstract.", year=2012,
                  type=PaperType.ARTICLE, language="en", keywords=["cybercrime"],
                  publisher="ITU", doi="10.1000/xyz", url="", licence="CC BY 4.0",
                  countries=[], authors=[SimpleNamespace(name=n, affiliation="", orcid=None)
                                         for n in authors])
    return SimpleNamespace(**(fields | overrides))


def parse(text: str, *middleware):
    library = bibtexparser.parse_string(text, append_middleware=list(middleware))
    assert library.failed_blocks == []
    [entry] = library.entries
    return entry


def plain(value: str) -> str:
    """A parsed title back to the text the paper had: drop the protecting braces, unescape."""
    assert value.startswith("{") and value.endswith("}")
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPE[m.group()], value[1:-1])


def balanced(text: str) -> bool:
    depth = 0
    for char in text:  # BibTeX counts every brace, backslash or not
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def ris_lines(text: str) -> list[tuple[str, str]]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = [RIS_LINE.match(line) for line in text.removesuffix("\r\n").split("\r\n")]
    assert all(lines)
    return [(m.group(1), m.group(2)) for m in lines]


def test_bibtex_plain_article():
    entry = parse(bibtex(make(), URL))
    assert (entry.entry_type, entry.key) == ("article", "gercke2012_12")
    assert entry["title"] == "{Understanding cybercrime}"
    assert entry["author"] == "Marco Gercke"
    assert (entry["year"], entry["doi"], entry["url"]) == ("2012", "10.1000/xyz", URL)
    assert (entry["publisher"], entry["language"], entry["copyright"]) == ("ITU", "en",
                                                                           "CC BY 4.0")


@pytest.mark.parametrize(("name", "key", "first", "last"), [
    ("Éric Freyssinet", "freyssinet2012_12", ["Éric"], ["Freyssinet"]),
    ("José Ángel Núñez", "nunez2012_12", ["José", "Ángel"], ["Núñez"]),
    ("Viktor Krüger-Øster", "krugeroster2012_12", ["Viktor"], ["Krüger-Øster"]),
    ("Виктор Петрович Кирилов", "kirilov2012_12", ["Виктор", "Петрович"], ["Кирилов"]),
    ("王肃之", "vfac2012_12", [], ["{王肃之}"]),
    ("Gercke, Marco", "gercke2012_12", ["Marco"], ["Gercke"]),
    ("محمد الحسيني", "vfac2012_12", ["محمد"], ["الحسيني"]),
])
def test_bibtex_names_keep_their_script_and_keys_stay_ascii(name, key, first, last):
    text = bibtex(make(authors=[name], title=f"Étude {name}"), URL)
    entry = parse(text, SeparateCoAuthors(), SplitNameParts())
    assert entry.key == key and re.fullmatch(r"[a-z0-9_]+", entry.key)
    [parts] = entry["author"]
    assert (parts.first, parts.last) == (first, last)
    assert name.split(",")[0] in text  # UTF-8 as is, not LaTeX accents
    assert text.encode("utf-8")


@pytest.mark.parametrize("org", [
    UNODC, "Council of Europe", "INTERPOL", "Europol", "League of Arab States",
    "Ministry of Justice and Security", "Organisation for Economic Co-operation",
    "Conseil de l'Europe", "Совет Европы", "مجلس أوروبا", "中华人民共和国公安部"])
def test_bibtex_organisation_authors_stay_whole(org):
    entry = parse(bibtex(make(authors=[org, "Marco Gercke"]), URL),
                  SeparateCoAuthors(), SplitNameParts())
    organisation, person = entry["author"]
    assert (organisation.first, organisation.von, organisation.last) == ([], [], [f"{{{org}}}"])
    assert person.last == ["Gercke"]


def test_bibtex_blank_and_odd_comma_names():
    entry = parse(bibtex(make(authors=["  ", "Gercke,", "a, b, c", "Gercke,Marco"]), URL),
                  SeparateCoAuthors(), SplitNameParts())
    assert [(n.first, n.last) for n in entry["author"]] == [
        ([], ["{Gercke,}"]), ([], ["{a, b, c}"]), (["Marco"], ["Gercke"])]
    assert entry.key == "gercke2012_12"  # blank names are skipped


def test_bibtex_key_from_acronym_or_fallback():
    assert parse(bibtex(make(authors=[UNODC]), URL)).key == "unodc2012_12"
    assert parse(bibtex(make(authors=["Council of Europe"]), URL)).key == \
        "councilofeurope2012_12"
    assert parse(bibtex(make(authors=[], id=7), URL)).key == "vfac2012_7"
    assert parse(bibtex(make(id=None), URL)).key == "gercke2012"


@pytest.mark.parametrize("title", [
    "50% of {cases} & more",
    r"$100 #1 a_b ~x^2 C:\temp",
    "unbalanced { brace",
    "closing } first {",
    "}}}{{{",
    "\\{ escaped already \\}",
])
def test_bibtex_special_characters_round_trip(title):
    text = bibtex(make(title=title, publisher=title, keywords=[title]), URL)
    entry = parse(text)
    assert balanced(text)
    assert plain(entry["title"]) == title
    assert plain("{%s}" % entry["publisher"]) == title
    assert plain("{%s}" % entry["keywords"]) == title


def test_bibtex_multiline_abstract_and_controls_become_one_line():
    entry = parse(bibtex(make(abstract="First.\n\nSecond\tline\x00\x07 end."), URL))
    assert entry["abstract"] == "First. Second line end."


def test_bibtex_url_and_doi_are_verbatim_not_latex():
    entry = parse(bibtex(make(doi="https://doi.org/10.1000/a_b%1"), URL + "?q=a_b&x=1#top"))
    assert entry["doi"] == "10.1000/a_b%1"
    assert entry["url"] == URL + "?q=a_b&x=1#top"


@pytest.mark.parametrize(("kind", "entry_type", "publisher_field"), [
    (PaperType.ARTICLE, "article", "publisher"),
    (PaperType.BOOK, "book", "publisher"),
    (PaperType.THESIS, "phdthesis", "school"),
    (PaperType.REPORT, "techreport", "institution"),
    (PaperType.GUIDE, "techreport", "institution"),
    (PaperType.CASE_STUDY, "techreport", "institution"),
    (PaperType.LEGISLATION_ANALYSIS, "techreport", "institution"),
    (PaperType.TRAINING_MATERIAL, "techreport", "institution"),
    (PaperType.LEGISLATION, "misc", "howpublished"),
])
def test_bibtex_entry_types(kind, entry_type, publisher_field):
    entry = parse(bibtex(make(type=kind), URL))
    assert entry.entry_type == entry_type
    assert entry[publisher_field] == "ITU"


@given(st.text())
def test_bibtex_any_title_parses_with_balanced_braces(title):
    text = bibtex(make(title=title, authors=[title or "x"]), URL)
    entry = parse(text)
    assert balanced(text)
    expected = " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", title).split())
    assert plain(entry["title"]) == expected


def test_ris_tags_order_and_crlf():
    text = ris(make(authors=[UNODC, "Marco Gercke"], keywords=["cybercrime", "evidence"]),
               URL)
    assert ris_lines(text) == [
        ("TY", "JOUR"), ("AU", UNODC), ("AU", "Marco Gercke"),
        ("TI", "Understanding cybercrime"), ("PY", "2012"), ("AB", "An abstract."),
        ("KW", "cybercrime"), ("KW", "evidence"), ("PB", "ITU"), ("DO", "10.1000/xyz"),
        ("UR", URL), ("LA", "en"), ("ER", "")]
    assert text.endswith("\r\nER  - \r\n")


def test_ris_keeps_non_ascii_and_puts_abstract_on_one_line():
    paper = make(authors=["王肃之", "Виктор Петрович Кирилов", "Éric Freyssinet"],
                 title="网络犯罪 & «preuve» {x}", abstract="Первый.\r\n\nВторой\n  третий.",
                 language="zh", doi=None, publisher="")
    lines = ris_lines(ris(paper, URL))
    assert [v for tag, v in lines if tag == "AU"] == ["王肃之", "Виктор Петрович Кирилов",
                                                      "Éric Freyssinet"]
    assert ("TI", "网络犯罪 & «preuve» {x}") in lines
    assert ("AB", "Первый. Второй третий.") in lines
    assert {tag for tag, _ in lines}.isdisjoint({"DO", "PB"})  # empty values are left out


@pytest.mark.parametrize(("kind", "tag"), [
    (PaperType.ARTICLE, "JOUR"), (PaperType.BOOK, "BOOK"), (PaperType.THESIS, "THES"),
    (PaperType.REPORT, "RPRT"), (PaperType.CASE_STUDY, "RPRT"),
    (PaperType.LEGISLATION_ANALYSIS, "RPRT"), (PaperType.LEGISLATION, "STAT"),
    (PaperType.GUIDE, "GEN"), (PaperType.TRAINING_MATERIAL, "GEN"),
])
def test_ris_types(kind, tag):
    assert ris_lines(ris(make(type=kind), URL))[0] == ("TY", tag)


def test_csl_json_names_and_fields():
    item = csl_json(make(authors=[UNODC, "Marco Gercke", "Gercke, Marco", "王肃之"],
                         type=PaperType.REPORT), URL)
    assert json.loads(json.dumps(item, ensure_ascii=False)) == item
    assert item["id"] == "unodc2012_12" and item["type"] == "report"
    assert item["author"] == [{"literal": UNODC}, {"family": "Gercke", "given": "Marco"},
                              {"family": "Gercke", "given": "Marco"}, {"literal": "王肃之"}]
    assert item["issued"] == {"date-parts": [[2012]]}
    assert (item["DOI"], item["URL"], item["license"]) == ("10.1000/xyz", URL, "CC BY 4.0")
