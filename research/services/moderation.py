"""Moderating the library: the queue of submissions, approval and rejection with a reason."""
from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from accounts import audit
from accounts.mail import send_mail
from accounts.models import User
from accounts.permissions import require, visibilities_for
from accounts.services import ServiceError
from research.models import Paper, Status
from research.services.library import library_counts
from research.services.submission import index_paper
from vfac import search
from vfac.extensions import db
from vfac.models import utcnow
from vfac.pagination import Page, keyset_page


def pending_papers(actor: User, after: int | None = None) -> Page:
    """Papers waiting for review, oldest first, among those the moderator may see."""
    require(actor, "research.paper.moderate")
    query = (select(Paper).where(Paper.status == Status.PENDING,
                                 Paper.visibility.in_(visibilities_for(actor)))
             .options(selectinload(Paper.authors), selectinload(Paper.submitter),
                      selectinload(Paper.files), selectinload(Paper.topics)))
    return keyset_page(query, Paper.id, after, ascending=True)


def _tell_submitter(paper: Paper, template: str, subject) -> None:
    submitter = paper.submitter
    send_mail(submitter.email, submitter.language, subject, template, paper=paper,
              member=submitter, url=url_for("research.paper", paper_id=paper.id,
                                            _external=True))


def approve_paper(actor: User, paper: Paper, notify: bool = True) -> None:
    """Publish a pending paper: it enters the index and the OAI-PMH feed; the submitter is told."""
    require(actor, "research.paper.moderate", paper)
    if paper.status is not Status.PENDING:
        raise ServiceError(_l("Only papers waiting for review can be approved."))
    paper.status, paper.published_at, paper.rejection_reason = Status.PUBLISHED, utcnow(), ""
    index_paper(paper)
    library_counts.forget()
    audit.record("paper.approved", actor, paper.submitter, paper=paper.id)
    db.session.flush()
    if notify:
        _tell_submitter(paper, "paper_approved",
                        _l("Your paper is published in the VFAC library"))


def reject_paper(actor: User, paper: Paper, reason: str) -> None:
    """Send a pending or published paper back to its submitter with the reason."""
    require(actor, "research.paper.moderate", paper)
    if paper.status not in (Status.PENDING, Status.PUBLISHED):
        raise ServiceError(_l("Only papers waiting for review or published can be rejected."))
    if not reason.strip():
        raise ServiceError(_l("Give the reason, so that the submitter can correct the paper."))
    was_published = paper.is_published
    paper.status, paper.rejection_reason = Status.REJECTED, reason.strip()
    if was_published:
        search.remove("paper", paper.id)
        library_counts.forget()
    audit.record("paper.rejected", actor, paper.submitter, paper=paper.id, reason=reason)
    db.session.flush()
    _tell_submitter(paper, "paper_rejected", _l("Your paper needs changes before publication"))
