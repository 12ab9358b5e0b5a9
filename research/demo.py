"""Demo papers for `make run`, submitted and approved through the same services members use.

35 real publications on cybercrime (research/demo_content.py); six carry a generated
record sheet as their PDF, so downloads and full-text search work offline. Two stay in
the moderators' queue. Idempotent: a title already in the library is left as it is.

`flask seed-demo` runs before any job consumer (and with JOBS_IMMEDIATE off): the seed
commits the submissions, then runs the check and text jobs' functions itself, one unit of
work each (a check runs outside any transaction), then approves. The copies of those jobs
on the queue find the files checked when a consumer starts, and do nothing.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

from sqlalchemy import select

from accounts.models import User
from accounts.permissions import can, visibilities_for
from research.demo_content import PAPERS, WITH_PDF, record_sheet_pdf
from research.models import Paper, PaperType, Status
from research.services import checks, moderation, submission
from vfac import unit_of_work
from vfac.extensions import db
from vfac.models import Visibility

# Left waiting for review, so the moderation queue has something in it.
PENDING = {"Cybercrime and Society",
           "Cybercrime: The Transformation of Crime in the Information Age"}


def _user(username: str) -> User | None:
    return db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def _input(record: dict) -> submission.PaperInput:
    return submission.PaperInput(
        title=record["title"], abstract=record["abstract"], year=record["year"],
        type=PaperType(record["type"]), language=record["language"],
        authors=tuple(submission.AuthorInput(a["name"], a.get("affiliation") or "")
                      for a in record["authors"]),
        topics=tuple(record["topics"]), countries=tuple(record["countries"]),
        region=record["region"], keywords=tuple(record["keywords"]),
        licence=record["licence"] or "", publisher=record.get("publisher") or "",
        doi=record.get("doi"), url=record.get("url") or "",
        visibility=Visibility(record["visibility"]))


def seed() -> Iterator[str]:
    """Submit the demo papers that are not in the library yet and approve most of them."""
    academic, officer, moderator = _user("academic"), _user("officer"), _user("moderator")
    if academic is None or officer is None or moderator is None:
        yield "research: demo members missing, no papers added"
        return
    may_approve = can(moderator, "research.paper.moderate")
    papers: list[tuple[int, int | None, bool]] = []  # paper id, file id, to approve
    for record in PAPERS:
        if db.session.execute(select(Paper.id).where(Paper.title == record["title"])).first():
            continue
        data = _input(record)
        # the restricted record is filed by a police member, who may see what they file
        submitter = academic if data.visibility in visibilities_for(academic) else officer
        upload = None
        if record["title"] in WITH_PDF:
            upload = submission.Upload(io.BytesIO(record_sheet_pdf(record)),
                                       "vfac-record-sheet.pdf")
        paper = submission.create_paper(submitter, data, upload, submit=True)
        papers.append((paper.id, paper.latest_file.id if paper.latest_file else None,
                       may_approve and record["title"] not in PENDING))
    _check_files([file_id for _paper, file_id, _approve in papers if file_id])
    for paper_id, _file, approve in papers:
        paper = db.session.get(Paper, paper_id)
        if approve and paper.status is Status.PENDING:
            moderation.approve_paper(moderator, paper, notify=False)
    yield f"research: {len(papers)} papers added" + ("" if may_approve else
                                                     " (left pending: the moderator has no 2FA)")


def _check_files(file_ids: list[int]) -> None:
    """The check and text jobs of the demo's PDFs, run here: no consumer runs yet."""
    unit_of_work.commit()  # the submissions: a job only ever sees committed work
    for file_id in file_ids:
        for job in (checks.check_paper_file, checks.extract_file_text):
            job(file_id)
            unit_of_work.commit()
