"""Submitting papers: drafts, edits, new file versions, text extraction and indexing."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from accounts.models import User
from accounts.permissions import require, visibilities_for
from accounts.services import ServiceError
from research import files
from research.models import Author, Extraction, Paper, PaperFile, PaperType, Status
from research.services.library import library_counts
from vfac import jobs, search
from vfac.extensions import db
from vfac.models import Visibility, utcnow
from vfac.topics import topics_by_slugs
from vfac.transactions import outside_transaction


@dataclass(frozen=True)
class AuthorInput:
    name: str
    affiliation: str = ""
    orcid: str | None = None


@dataclass(frozen=True)
class PaperInput:
    title: str
    abstract: str
    year: int
    type: PaperType
    language: str
    authors: tuple[AuthorInput, ...]
    topics: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    region: str = "global"
    keywords: tuple[str, ...] = ()
    licence: str = ""
    publisher: str = ""
    doi: str | None = None
    url: str = ""
    visibility: Visibility = Visibility.PUBLIC


@dataclass(frozen=True)
class Upload:
    stream: IO[bytes]
    filename: str


def _apply(actor: User, paper: Paper, data: PaperInput) -> None:
    if data.visibility not in visibilities_for(actor):
        # nobody files an item where they themselves could not read it
        raise ServiceError(_l("Choose one of the listed options."))
    for name in ("title", "abstract", "year", "type", "language", "region", "licence",
                 "publisher", "doi", "url", "visibility"):
        setattr(paper, name, getattr(data, name))
    paper.countries = list(data.countries)
    paper.keywords = list(data.keywords)
    paper.topics = topics_by_slugs(list(data.topics))
    paper.authors = [Author(position=i, name=a.name, affiliation=a.affiliation, orcid=a.orcid)
                     for i, a in enumerate(data.authors)]


def _store(upload: Upload | None) -> files.StoredPdf | None:
    """Check and keep an uploaded file, holding no transaction (no lock) while it is read."""
    if upload is None:
        return None
    with outside_transaction():
        return files.store_pdf(upload.stream, upload.filename)


@contextmanager
def _all_or_nothing(stored: files.StoredPdf | None) -> Iterator[None]:
    """A refused or failed change leaves nothing: no row changed, the new file removed."""
    try:
        yield
    except BaseException:
        db.session.rollback()
        if stored is not None:
            files.discard(stored.stored_name)
        raise


def _add_file(actor: User, paper: Paper, stored: files.StoredPdf | None) -> PaperFile | None:
    if stored is None:
        return None
    version = 1 + max((f.version for f in paper.files), default=0)
    paper_file = PaperFile(version=version, original_name=stored.original_name,
                           stored_name=stored.stored_name, size=stored.size,
                           sha256=stored.sha256, pages=stored.pages, uploaded_by_id=actor.id)
    paper.files.insert(0, paper_file)
    return paper_file


def _check_submittable(paper: Paper) -> None:
    # a record nobody could obtain is no use to a reader: a file, or where to find it
    if not (paper.files or paper.url or paper.doi or paper.publisher):
        raise ServiceError(_l("Add the PDF, or the publisher, DOI or address where the paper "
                              "is published, before submitting it for review."))


def create_paper(actor: User, data: PaperInput, upload: Upload | None = None,
                 submit: bool = False) -> Paper:
    """Save a new paper as a draft, or submit it for review at once."""
    require(actor, "research.paper.submit")
    stored = _store(upload)
    with _all_or_nothing(stored):
        require(actor, "research.paper.submit")  # again: checking the file took a while
        paper = Paper(submitter_id=actor.id, status=Status.DRAFT)
        _apply(actor, paper, data)
        new_file = _add_file(actor, paper, stored)
        if submit:
            _check_submittable(paper)
            paper.status, paper.submitted_at = Status.PENDING, utcnow()
        db.session.add(paper)
        db.session.commit()
    if new_file is not None:
        jobs.enqueue(extract_file_text, new_file.id)
    return paper


def update_paper(actor: User, paper: Paper, data: PaperInput, upload: Upload | None = None,
                 submit: bool = False) -> None:
    """Change a paper's record, optionally adding a new version of its file."""
    require(actor, "research.paper.edit", paper)
    stored = _store(upload)
    with _all_or_nothing(stored):
        # again, on the paper as it is now: it may have changed while the file was checked
        require(actor, "research.paper.edit", paper)
        _apply(actor, paper, data)
        new_file = _add_file(actor, paper, stored)
        if submit and paper.status in (Status.DRAFT, Status.REJECTED):
            _check_submittable(paper)
            paper.status, paper.submitted_at = Status.PENDING, utcnow()
        if paper.is_published:
            paper.published_at = utcnow()  # the OAI-PMH datestamp: harvesters fetch it again
            index_paper(paper)
            library_counts.forget()
        db.session.commit()
    if new_file is not None:
        jobs.enqueue(extract_file_text, new_file.id)


def submit_paper(actor: User, paper: Paper) -> None:
    """Send a draft or rejected paper to the moderators."""
    require(actor, "research.paper.edit", paper)
    if paper.status not in (Status.DRAFT, Status.REJECTED):
        raise ServiceError(_l("This paper is not a draft."))
    _check_submittable(paper)
    paper.status, paper.submitted_at = Status.PENDING, utcnow()
    db.session.commit()


def extract_file_text(file_id: int) -> None:
    """Read the text of a stored PDF for search (a job: it takes an id and commits)."""
    stored_name = db.session.execute(select(PaperFile.stored_name).where(
        PaperFile.id == file_id)).scalar_one_or_none()
    if stored_name is None:
        return
    with outside_transaction():  # seconds of pypdf: no lock held meanwhile
        result = files.read_pdf(files.path_of(stored_name), want_text=True)
    paper_file = db.session.get(PaperFile, file_id)
    if paper_file is None:  # the paper was deleted meanwhile
        return
    paper_file.text = result.get("text", "")[:search.MAX_INDEXED_CHARS * 5]
    paper_file.extraction = Extraction.DONE if result["ok"] else Extraction.FAILED
    paper = paper_file.paper
    if paper.is_published and paper.current_file is paper_file:
        index_paper(paper)
    db.session.commit()


def index_paper(paper: Paper) -> None:
    """Put a published paper (metadata and its current file's text) in the search index."""
    current = paper.current_file
    body = paper.abstract
    if current is not None:
        body += "\n" + (db.session.execute(select(PaperFile.text).where(
            PaperFile.id == current.id)).scalar_one() or "")
    search.index(search.Document(
        kind="paper", object_id=paper.id, language=paper.language,
        visibility=paper.visibility, title=paper.title,
        meta=" ".join(paper.author_names + paper.keywords + [paper.publisher]), body=body))
