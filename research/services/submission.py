"""Submitting papers: drafts, edits, new file versions and indexing.

A new file is kept in quarantine and checked by a job (research/services/checks.py); a
paper submitted meanwhile is CHECKING, and goes to the moderators once the file passed.
"""
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
from research.models import Author, Paper, PaperFile, PaperType, Status
from research.services.library import library_counts
from vfac import events, search
from vfac.extensions import db
from vfac.models import FileCheck, Visibility, utcnow
from vfac.topics import topics_by_slugs


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


def _store(upload: Upload | None) -> files.Quarantined | None:
    """Keep an upload in quarantine for its check job (a refusal at once if it is no PDF)."""
    if upload is None:
        return None
    return files.store_pdf(upload.stream, upload.filename)


@contextmanager
def _all_or_nothing(stored: files.Quarantined | None) -> Iterator[None]:
    """A refused or failed change leaves nothing: the upload is removed here, and the unit
    of work, failed (a ServiceError) or broken, rolls back its rows and events."""
    try:
        yield
    except BaseException:
        if stored is not None:
            files.discard(stored.stored_name)
        raise


def _add_file(actor: User, paper: Paper, stored: files.Quarantined | None) -> PaperFile | None:
    if stored is None:
        return None
    # a refused upload's row only said why; the new one replaces it, and its version number
    refused = [f for f in paper.files if f.check_state is FileCheck.REFUSED]
    if refused:
        for old in refused:
            paper.files.remove(old)
        db.session.flush()  # deleted before the new row takes the number
    version = 1 + max((f.version for f in paper.files), default=0)
    paper_file = PaperFile(version=version, original_name=stored.original_name,
                           stored_name=stored.stored_name, size=stored.size,
                           sha256=stored.sha256, check_state=FileCheck.CHECKING,
                           uploaded_by_id=actor.id)
    paper.files.insert(0, paper_file)
    return paper_file


def _file_stored(paper_file: PaperFile | None) -> None:
    """Once the upload's unit of work commits, a job checks the file (checks.py)."""
    if paper_file is not None:
        events.record(events.paper_file_stored, file_id=paper_file.id)


def _check_submittable(paper: Paper) -> None:
    # a record nobody could obtain is no use to a reader: a file, or where to find it
    has_file = any(f.check_state is not FileCheck.REFUSED for f in paper.files)
    if not (has_file or paper.url or paper.doi or paper.publisher):
        raise ServiceError(_l("Add the PDF, or the publisher, DOI or address where the paper "
                              "is published, before submitting it for review."))


def _submit(paper: Paper) -> None:
    """To the moderators, or first through the check of its newest file."""
    latest = paper.latest_file
    checking = latest is not None and latest.check_state is FileCheck.CHECKING
    paper.status = Status.CHECKING if checking else Status.PENDING
    paper.submitted_at = utcnow()


def create_paper(actor: User, data: PaperInput, upload: Upload | None = None,
                 submit: bool = False) -> Paper:
    """Save a new paper as a draft, or submit it for review (once its PDF is checked)."""
    require(actor, "research.paper.submit")
    stored = _store(upload)
    with _all_or_nothing(stored):
        paper = Paper(submitter_id=actor.id, status=Status.DRAFT)
        _apply(actor, paper, data)
        new_file = _add_file(actor, paper, stored)
        if submit:
            _check_submittable(paper)
            _submit(paper)
        db.session.add(paper)
        db.session.flush()
        _file_stored(new_file)
    return paper


def update_paper(actor: User, paper: Paper, data: PaperInput, upload: Upload | None = None,
                 submit: bool = False) -> None:
    """Change a paper's record, optionally adding a new version of its file."""
    require(actor, "research.paper.edit", paper)
    stored = _store(upload)
    with _all_or_nothing(stored):
        _apply(actor, paper, data)
        new_file = _add_file(actor, paper, stored)
        if submit and paper.status in (Status.DRAFT, Status.REJECTED):
            _check_submittable(paper)
            _submit(paper)
        elif new_file is not None and paper.status is Status.PENDING:
            # moderators review the file that will be published: the new one, once checked
            paper.status = Status.CHECKING
        if paper.is_published:
            paper.published_at = utcnow()  # the OAI-PMH datestamp: harvesters fetch it again
            index_paper(paper)  # its record; a new file's text once the file is checked
            library_counts.forget()
        db.session.flush()
        _file_stored(new_file)


def submit_paper(actor: User, paper: Paper) -> None:
    """Send a draft or rejected paper to the moderators (after its PDF's check, if due)."""
    require(actor, "research.paper.edit", paper)
    if paper.status not in (Status.DRAFT, Status.REJECTED):
        raise ServiceError(_l("This paper is not a draft."))
    _check_submittable(paper)
    _submit(paper)
    db.session.flush()


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
