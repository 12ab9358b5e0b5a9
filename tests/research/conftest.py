"""Research factories: papers with authors and topics, published unless told otherwise."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from accounts.models import Role
from research.models import Author, Paper, PaperType, Status
from research.services.library import download_counts
from research.services.submission import index_paper
from vfac.extensions import db
from vfac.models import Visibility
from vfac.topics import topics_by_slugs


@pytest.fixture(autouse=True)
def _fresh_download_counts(app):
    """Download counts wait in the process's buffer until written; no test inherits another's."""
    with app.app_context():
        download_counts.clear()
    yield
    with app.app_context():
        download_counts.clear()


@pytest.fixture
def make_paper(make_user):
    """Factory: make_paper(title=..., visibility=..., status=..., topics=..., authors=...)."""
    counter = iter(range(1, 100_000))
    submitters = {}

    def make(title: str | None = None, *, abstract: str = "An abstract.", year: int = 2020,
             type: PaperType = PaperType.ARTICLE, language: str = "en",
             topics=("electronic-evidence",), countries=(), region: str = "global",
             keywords=(), authors=(("Ada Lovelace", "", None),), licence: str = "CC BY 4.0",
             publisher: str = "", doi: str | None = None, url: str = "",
             visibility: Visibility = Visibility.PUBLIC, status: Status = Status.PUBLISHED,
             submitter=None, published_at: datetime | None = None) -> Paper:
        n = next(counter)
        if submitter is None:
            submitter = submitters.get("default") or make_user(Role.MEMBER,
                                                               username="submitter")
            submitters["default"] = submitter
        paper = Paper(title=title or f"Paper {n}", abstract=abstract, year=year, type=type,
                      language=language, countries=list(countries), region=region,
                      keywords=list(keywords), licence=licence, publisher=publisher, doi=doi,
                      url=url, visibility=visibility, status=status, submitter=submitter,
                      topics=topics_by_slugs(list(topics)))
        paper.authors = [Author(position=i, name=name, affiliation=aff, orcid=orcid)
                         for i, (name, aff, orcid) in enumerate(authors)]
        if status is Status.PUBLISHED:
            paper.published_at = published_at or (
                datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=n))
        db.session.add(paper)
        db.session.flush()
        if status is Status.PUBLISHED:
            index_paper(paper)
        db.session.commit()
        return paper

    return make


def pdf_bytes(text: str = "Ransomware jurisdiction and cloud evidence") -> bytes:
    """A small real PDF whose text pypdf extracts (Latin script, core font)."""
    from fpdf import FPDF  # noqa: PLC0415

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, text=text)
    return bytes(pdf.output())
