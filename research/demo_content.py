"""Demo papers for the research library: 35 real publications and small "record sheet" PDFs.

demo_publications.json copies the metadata of real publications (titles, authors, years,
publishers, DOIs and addresses unchanged; abstracts written for the project). Only the
region (to the app's slugs) and a missing licence ("" = unknown) were normalised.

Visibility is a demo choice, not a fact about any publication: three practitioner guides
are "members" and one threat assessment is "restricted", so the demo shows the filters at
work; everything else is "public".

We hold none of the original files, so a paper in WITH_PDF gets a one-page record sheet
instead: it says, in the paper's language, that it is not the original, repeats the
metadata and says where the original can be obtained (only the URL or DOI of the record).
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

from flask import current_app, has_app_context
from fpdf import FPDF

from vfac.config import DefaultConfig

_VISIBILITY = {
    "Practical Guide for Requesting Electronic Evidence Across Borders": "members",
    "Toolkit for Handling and Admissibility of Electronic Evidence: Empowering Legal "
    "Practitioners to Critically Review E-Evidence from the Procedural Rights Perspective":
        "members",
    "Guide for criminal justice statistics on cybercrime and electronic evidence": "members",
    "Internet Organised Crime Threat Assessment (IOCTA) 2023": "restricted",
}

PAPERS: list[dict] = [
    {**record, "visibility": _VISIBILITY.get(record["title"], "public")}
    for record in json.loads((Path(__file__).parent / "demo_publications.json").read_text("utf-8"))
]

# One record sheet per UI language; each of these has a URL or DOI except the Chinese one,
# which shows the "published by" sentence.
WITH_PDF: set[str] = {
    "Comprehensive Study on Cybercrime (Draft, February 2013)",
    "Comprendre la cybercriminalité: phénomène, difficultés et réponses juridiques",
    "El cibercrimen: fenomenología y criminología de la delincuencia en el ciberespacio",
    "Гармонизация российского уголовного законодательства о противодействии "
    "киберпреступности с правовыми стандартами Совета Европы",
    "打击网络犯罪国际规则的博弈与中国方案",
    "الاتفاقية العربية لمكافحة جرائم تقنية المعلومات",
}

# The abstracts are in English for every record, so other languages label them as such.
_WORDS = {
    "en": ("VFAC demonstration record sheet — not the original publication",
           "Authors", "Year", "Publisher", "Abstract", "Keywords",
           "The original publication can be obtained at:",
           "The original is published by {publisher}."),
    "fr": ("Fiche descriptive de démonstration VFAC — ce n'est pas la publication originale",
           "Auteurs", "Année", "Éditeur", "Résumé (en anglais)", "Mots-clés",
           "La publication originale peut être obtenue à l'adresse :",
           "L'original est publié par {publisher}."),
    "es": ("Ficha descriptiva de demostración de VFAC — no es la publicación original",
           "Autores", "Año", "Editorial", "Resumen (en inglés)", "Palabras clave",
           "La publicación original puede obtenerse en:",
           "El original ha sido publicado por {publisher}."),
    "ru": ("Демонстрационная карточка записи VFAC — это не оригинальная публикация",
           "Авторы", "Год", "Издатель", "Аннотация (на английском языке)", "Ключевые слова",
           "Оригинальную публикацию можно получить по адресу:",
           "Оригинал опубликован издателем: {publisher}."),
    "zh": ("VFAC 演示用文献记录单——并非原始出版物",
           "作者", "年份", "出版者", "摘要（英文）", "关键词",
           "原始出版物可通过以下地址获取：",
           "原文由{publisher}出版。"),
    "ar": ("بطاقة بيانات تجريبية من VFAC — ليست المنشور الأصلي",
           "المؤلفون", "السنة", "الناشر", "الملخص (باللغة الإنجليزية)", "الكلمات المفتاحية",
           "يمكن الحصول على المنشور الأصلي من:",
           "المنشور الأصلي صادر عن {publisher}."),
}
_COMMA = {"ar": "، ", "zh": "、"}
_KEYS = ("heading", "authors", "year", "publisher", "abstract", "keywords", "where", "by")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z]")
_CJK = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
_CREATED = datetime(2026, 1, 1, tzinfo=timezone.utc)  # same bytes on every run


def _font(pdf: FPDF, family: str, spec: str | tuple[str, int]) -> None:
    """Register one font, from a path or a (collection path, face index) pair."""
    path, index = (spec, 0) if isinstance(spec, str) else spec
    pdf.add_font(family, fname=path, collection_font_number=index)


def _where(record: dict, words: dict[str, str]) -> list[str]:
    """Where the original is: the record's URL and DOI, else its publisher."""
    places = [record["url"]] if record.get("url") else []
    if record.get("doi") and not (record.get("url") or "").endswith(record["doi"]):
        places.append(f"DOI {record['doi']}")
    if places:
        return [words["where"], *places]
    return [words["by"].format(publisher=record["publisher"])]


def _authors(record: dict) -> str:
    """Authors in order, each with the affiliation when the record has one."""
    return "; ".join(f"{a['name']} ({a['affiliation']})" if a.get("affiliation") else a["name"]
                     for a in record["authors"])


def _new_pdf(record: dict, text: str) -> FPDF:
    """An A4 document with the Latin font and only the Arabic or CJK fallbacks it needs."""
    fonts = (current_app.config["CERTIFICATE_FONTS"] if has_app_context()
             else DefaultConfig.CERTIFICATE_FONTS)
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 18, 20)
    pdf.set_creation_date(_CREATED)
    pdf.set_title(record["title"])
    pdf.set_lang(record["language"])
    _font(pdf, "main", fonts["sans"])
    fallbacks = [family for family, needed in (("arabic", _ARABIC), ("cjk", _CJK))
                 if needed.search(text)]
    for family in fallbacks:
        _font(pdf, family, fonts[family])
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks)
    pdf.set_text_shaping(True)  # direction per paragraph: Arabic right to left, URLs not
    pdf.add_page()
    return pdf


def record_sheet_pdf(record: dict) -> bytes:
    """A one-page PDF describing the record, plainly marked as not the original."""
    words = dict(zip(_KEYS, _WORDS.get(record["language"], _WORDS["en"])))
    fields = [
        (words["authors"], _authors(record)),
        (words["year"], str(record["year"])),
        (words["publisher"], record["publisher"]),
        (words["abstract"], record["abstract"]),
        (words["keywords"], _COMMA.get(record["language"], ", ").join(record["keywords"])),
    ]
    where = _where(record, words)
    pdf = _new_pdf(record, " ".join([words["heading"], record["title"], *where,
                                     *(f"{label} {value}" for label, value in fields)]))

    def block(content: str, size: float, gap: float = 2, colour=(20, 20, 20)) -> None:
        # On an Arabic sheet only the English abstract and the addresses run from the left.
        rtl = record["language"] == "ar" and not (_LATIN.search(content)
                                                  and not _ARABIC.search(content))
        pdf.set_font("main", size=size)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, size * 0.5, content, align="R" if rtl else "L", new_x="LMARGIN",
                       new_y="NEXT", link=content if content.startswith("http") else "")
        pdf.ln(gap)

    block(words["heading"], 10, 4, (150, 40, 30))
    block(record["title"], 16, 5, (30, 64, 120))
    for label, value in fields:
        block(label, 9, 0.5, (90, 90, 90))
        block(value, 11, 3)
    for line in where:
        block(line, 10, 1, (30, 64, 120))
    return bytes(pdf.output())
