"""Citation exports (BibTeX, RIS, CSL-JSON) as pure functions of a paper-like object."""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from research.models import PaperType

# Control characters are invalid in every format here and lone surrogates cannot be encoded
# as UTF-8; they become spaces, then all whitespace runs collapse so every value is one line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")

# One pass, so the backslashes we add are never escaped again. Braces become text macros, not
# \{ \}: BibTeX and biber count every brace, escaped or not, so "\{" alone would unbalance.
_LATEX = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}",
          "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
          **{c: "\\" + c for c in "%&$#_"}}
_LATEX_RE = re.compile("[" + re.escape("".join(_LATEX)) + "]")

# url and doi are verbatim fields in biblatex: percent-encode instead of LaTeX-escaping
_VERBATIM = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}

# BibTeX entry type, the field naming who published it, and the `type` label styles print
_BIBTEX_TYPES = {
    PaperType.ARTICLE: ("article", "publisher", ""),
    PaperType.BOOK: ("book", "publisher", ""),
    PaperType.THESIS: ("phdthesis", "school", ""),
    PaperType.REPORT: ("techreport", "institution", "Report"),
    PaperType.GUIDE: ("techreport", "institution", "Guide"),
    PaperType.CASE_STUDY: ("techreport", "institution", "Case study"),
    PaperType.LEGISLATION_ANALYSIS: ("techreport", "institution", "Legislative analysis"),
    PaperType.TRAINING_MATERIAL: ("techreport", "institution", "Training material"),
    PaperType.LEGISLATION: ("misc", "howpublished", ""),
}
_RIS_TYPES = {PaperType.ARTICLE: "JOUR", PaperType.BOOK: "BOOK", PaperType.THESIS: "THES",
              PaperType.REPORT: "RPRT", PaperType.CASE_STUDY: "RPRT",
              PaperType.LEGISLATION_ANALYSIS: "RPRT", PaperType.LEGISLATION: "STAT"}
_CSL_TYPES = {PaperType.ARTICLE: "article-journal", PaperType.BOOK: "book",
              PaperType.THESIS: "thesis", PaperType.LEGISLATION: "legislation",
              PaperType.TRAINING_MATERIAL: "document"}

# Words that mark a name as an organisation (casefolded, several of our languages). "and" is
# here because BibTeX would split "Ministry of Justice and Security" into two authors.
_ORG_WORDS = frozenset("""
    office council nations union organisation organization secretariat group centre center
    agency league association committee interpol europol ministry department commission
    institute foundation programme program network forum government police university
    and of for conseil consejo naciones organización oficina ministère ministerio
    совет организация министерство управление منظمة مجلس مكتب وزارة جامعة الأمم
    """.split())
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
                  "\U00020000-\U0003ffff]")
# "United Nations Office on Drugs and Crime (UNODC)" -> unodc
_ACRONYM = re.compile(r"\(([^()]+)\)\s*$")

# ICAO 9303 (passport) transliteration for Cyrillic keys, plus Latin letters NFKD keeps whole
_TRANSLIT = str.maketrans({
    **dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыэюяіїєґ",
               "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch ie y e iu ia "
               "i i ie g".split())),
    "ь": "", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th"})


def _clean(value: Any) -> str:
    """One line of text: no control characters, whitespace runs collapsed."""
    return " ".join(_CONTROL.sub(" ", "" if value is None else str(value)).split())


def _latex(value: Any) -> str:
    return _LATEX_RE.sub(lambda m: _LATEX[m.group()], _clean(value))


def _verbatim(value: Any) -> str:
    return "".join(_VERBATIM.get(c, c) for c in _clean(value))


def _doi(doi: str | None) -> str:
    # people paste resolver links; the field wants the bare DOI
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", _clean(doi), flags=re.I)


def _names(paper) -> list[str]:
    return [name for name in (_clean(author.name) for author in paper.authors) if name]


def _inverted(name: str) -> bool:
    """Whether the name is "Family, Given"; BibTeX rejects other comma patterns."""
    return name.count(",") == 1 and all(part.strip() for part in name.split(","))


def is_organisation(name: str) -> bool:
    """Whether an author name should be kept whole rather than split into given/family."""
    if _inverted(name):
        return False
    words = {w.casefold() for w in re.findall(r"\w+", name)}
    return bool(words & _ORG_WORDS or "(" in name or _CJK.search(name))


def citation_key(paper) -> str:
    """An ASCII key from the first author's family name (or "vfac"), the year and the id."""
    name = next(iter(_names(paper)), "")
    acronym = _ACRONYM.search(name)
    if acronym and acronym.group(1).isupper():
        name = acronym.group(1)
    elif _inverted(name):
        name = name.split(",")[0]
    elif name and not is_organisation(name):
        name = name.split()[-1]
    ascii_ = unicodedata.normalize("NFKD", name.casefold().translate(_TRANSLIT))
    slug = re.sub(r"[^a-z0-9]", "", ascii_)[:24] or "vfac"
    year = str(paper.year) if paper.year else ""
    return slug + year + (f"_{paper.id}" if paper.id is not None else "")


def _bibtex_author(name: str) -> str:
    # an extra brace pair stops BibTeX reordering an organisation or a Chinese name
    whole = is_organisation(name) or ("," in name and not _inverted(name))
    return "{%s}" % _latex(name) if whole else _latex(name)


def bibtex(paper, url: str) -> str:
    """One UTF-8 BibTeX entry; LaTeX special characters escaped, non-ASCII left as is."""
    entry_type, publisher_field, label = _BIBTEX_TYPES[PaperType(paper.type)]
    fields = [
        ("title", "{%s}" % _latex(paper.title)),  # inner braces keep the capitals
        ("author", " and ".join(_bibtex_author(name) for name in _names(paper))),
        ("year", _latex(paper.year)),
        ("type", label),
        (publisher_field, _latex(paper.publisher)),
        ("abstract", _latex(paper.abstract)),
        ("keywords", ", ".join(_latex(k) for k in paper.keywords or ())),
        ("language", _latex(paper.language)),
        ("doi", _verbatim(_doi(paper.doi))),
        ("url", _verbatim(url)),
        ("copyright", _latex(paper.licence)),  # Zotero imports it as Rights
    ]
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields if value)
    return f"@{entry_type}{{{citation_key(paper)},\n{body}\n}}\n"


def ris(paper, url: str) -> str:
    """One RIS record: `TAG  - value` lines, CRLF endings, closed by `ER  - `."""
    lines = [("TY", _RIS_TYPES.get(PaperType(paper.type), "GEN"))]
    lines += [("AU", name) for name in _names(paper)]
    lines += [("TI", paper.title), ("PY", paper.year), ("AB", paper.abstract)]
    lines += [("KW", keyword) for keyword in paper.keywords or ()]
    lines += [("PB", paper.publisher), ("DO", _doi(paper.doi)), ("UR", url),
              ("LA", paper.language)]
    body = "".join(f"{tag}  - {_clean(value)}\r\n" for tag, value in lines if _clean(value))
    return body + "ER  - \r\n"


def _csl_name(name: str) -> dict[str, str]:
    if _inverted(name):
        family, given = (part.strip() for part in name.split(","))
    elif is_organisation(name) or "," in name or " " not in name:
        return {"literal": name}
    else:
        given, family = name.rsplit(" ", 1)
    return {"family": family, "given": given}


def csl_json(paper, url: str) -> dict[str, Any]:
    """One CSL-JSON item (what Zotero, Mendeley and pandoc read)."""
    item = {
        "id": citation_key(paper),
        "type": _CSL_TYPES.get(PaperType(paper.type), "report"),
        "title": _clean(paper.title),
        "author": [_csl_name(name) for name in _names(paper)],
        "issued": {"date-parts": [[paper.year]]} if paper.year else None,
        "abstract": _clean(paper.abstract),
        "keyword": ", ".join(_clean(k) for k in paper.keywords or ()),
        "publisher": _clean(paper.publisher),
        "DOI": _doi(paper.doi),
        "URL": _clean(url),
        "language": _clean(paper.language),
        "license": _clean(paper.licence),
    }
    return {key: value for key, value in item.items() if value}
