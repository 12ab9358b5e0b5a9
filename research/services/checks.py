"""Uploaded papers are checked by jobs: the PDF check, then the text for search.

An upload waits in quarantine and its row is CHECKING (submission.py). Once that work has
committed, `check_paper_file` runs the check (a child process, seconds) outside any
transaction and records the outcome with one conditional UPDATE, so a retried or doubled
job does nothing twice. A passed file is replaced by its clean copy, its paper goes on to
the moderators (or, published, serves the new version) and a second job extracts its
text; a refused one leaves no file, its paper goes back to draft, and whoever uploaded it
gets a mail in their language saying which file and why. The quarantined upload is
removed once the outcome is committed.
"""
from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from accounts.mail import send_mail
from accounts.models import User
from research import files
from research.models import Extraction, PaperFile, Status
from research.services.submission import index_paper
from vfac import events, jobs, search
from vfac.extensions import db
from vfac.models import FileCheck, utcnow
from vfac.transactions import outside_transaction


@jobs.task()
def check_paper_file(file_id: int) -> None:
    """Check a quarantined upload: keep its clean copy, or refuse it and say why."""
    stored_name = db.session.execute(select(PaperFile.stored_name).where(
        PaperFile.id == file_id, PaperFile.check_state == FileCheck.CHECKING)
    ).scalar_one_or_none()
    if stored_name is None:
        return  # checked already (a retried or doubled job), or its paper is gone
    with outside_transaction():  # seconds of pypdf: no lock held meanwhile
        try:
            clean, reason = files.check_quarantined(stored_name), ""
        except files.PdfRefused as refused:
            clean, reason = None, refused.reason
    values = {"check_state": FileCheck.REFUSED, "refusal": reason} if clean is None else {
        "check_state": FileCheck.PASSED, "size": clean.size, "sha256": clean.sha256,
        "pages": clean.pages}
    # the new transaction's first statement, a write (a SQLite job's BEGIN is deferred)
    claimed = db.session.execute(update(PaperFile).where(
        PaperFile.id == file_id, PaperFile.check_state == FileCheck.CHECKING)
        .values(**values)).rowcount
    if not claimed:  # another run recorded it meanwhile (its clean copy is the same file)
        if clean is not None and db.session.get(PaperFile, file_id) is None:
            files.discard(stored_name)  # the paper was deleted during the check
        return
    paper_file = db.session.get(PaperFile, file_id)
    if clean is None:
        _refused(paper_file)
    else:
        _passed(paper_file)
    db.session.flush()
    events.record(events.paper_file_checked, file_id=file_id, stored_name=stored_name,
                  passed=clean is not None)


def _passed(paper_file: PaperFile) -> None:
    paper = paper_file.paper
    if paper_file is not paper.latest_file:
        return  # an older upload than one still in its check: the newest decides
    if paper.status is Status.CHECKING:
        paper.status = Status.PENDING  # now the moderators' to review
    elif paper.is_published:
        paper.published_at = utcnow()  # the OAI-PMH datestamp: the served file changed


def _refused(paper_file: PaperFile) -> None:
    paper = paper_file.paper
    back_to_draft = paper_file is paper.latest_file and paper.status is Status.CHECKING
    if back_to_draft:
        paper.status = Status.DRAFT
    member = (db.session.get(User, paper_file.uploaded_by_id) if paper_file.uploaded_by_id
              else None) or paper.submitter
    send_mail(member.email, member.language, _l("A PDF you uploaded was not accepted"),
              "paper_file_refused", member=member, paper=paper,
              file_name=paper_file.original_name,
              reason=files.refusal_message(paper_file.refusal), back_to_draft=back_to_draft,
              url=url_for("research.paper", paper_id=paper.id, _external=True))


@jobs.task()
def extract_file_text(file_id: int) -> None:
    """Read the text of a checked PDF for search, and index it if its paper is published."""
    stored_name = db.session.execute(select(PaperFile.stored_name).where(
        PaperFile.id == file_id, PaperFile.check_state == FileCheck.PASSED,
        PaperFile.extraction == Extraction.PENDING)).scalar_one_or_none()
    if stored_name is None:
        return  # read already, or not a file readers get
    with outside_transaction():  # seconds of pypdf: no lock held meanwhile
        result = files.read_pdf(files.path_of(stored_name), want_text=True)
    claimed = db.session.execute(update(PaperFile).where(
        PaperFile.id == file_id, PaperFile.extraction == Extraction.PENDING).values(
        text=result.get("text", "")[:search.MAX_INDEXED_CHARS * 5],
        extraction=Extraction.DONE if result["ok"] else Extraction.FAILED)).rowcount
    if not claimed:
        return
    paper_file = db.session.get(PaperFile, file_id)
    paper = paper_file.paper
    if paper.is_published and paper.current_file is paper_file:
        index_paper(paper)
    db.session.flush()


def _check_stored(_sender, file_id: int) -> None:
    jobs.enqueue(check_paper_file, file_id)


def _after_check(_sender, file_id: int, stored_name: str, passed: bool) -> None:
    if passed:
        jobs.enqueue(extract_file_text, file_id)
    files.remove_quarantine(stored_name)  # the outcome is committed: the upload can go


def register() -> None:
    """Check uploads once they are stored (called when the blueprint is imported)."""
    events.paper_file_stored.connect(_check_stored)
    events.paper_file_checked.connect(_after_check)
