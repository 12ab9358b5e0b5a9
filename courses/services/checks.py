"""Lesson attachments that are PDFs are checked by a job, as papers are (research/files.py).

The upload waits in quarantine and its row is CHECKING (authoring.add_attachment); once
that work has committed, `check_attachment` runs the check outside any transaction and
records the outcome with one conditional UPDATE (a retried or doubled job does nothing
twice). Learners get the clean copy once it passed; a refused PDF leaves no file, and its
row tells the instructor why on the lesson's editing page. Images pass at upload.
"""
from __future__ import annotations

from sqlalchemy import select, update

from courses.models import Attachment
from courses.services.authoring import upload_folder
from research.files import PdfRefused, check_quarantined, discard, remove_quarantine
from vfac import events, jobs
from vfac.extensions import db
from vfac.models import FileCheck
from vfac.transactions import outside_transaction


@jobs.task()
def check_attachment(attachment_id: int) -> None:
    """Check a quarantined PDF attachment: keep its clean copy, or refuse it."""
    stored_name = db.session.execute(select(Attachment.stored_name).where(
        Attachment.id == attachment_id, Attachment.check_state == FileCheck.CHECKING)
    ).scalar_one_or_none()
    if stored_name is None:
        return  # checked already (a retried or doubled job), or removed
    with outside_transaction():  # seconds of pypdf: no lock held meanwhile
        try:
            clean, reason = check_quarantined(stored_name, upload_folder()), ""
        except PdfRefused as refused:
            clean, reason = None, refused.reason
    values = {"check_state": FileCheck.REFUSED, "refusal": reason} if clean is None else {
        "check_state": FileCheck.PASSED, "size": clean.size, "sha256": clean.sha256}
    claimed = db.session.execute(update(Attachment).where(
        Attachment.id == attachment_id, Attachment.check_state == FileCheck.CHECKING)
        .values(**values)).rowcount
    if not claimed:
        if clean is not None and db.session.get(Attachment, attachment_id) is None:
            discard(stored_name, upload_folder())  # removed during the check
        return
    events.record(events.attachment_checked, stored_name=stored_name)


def _check_stored(_sender, attachment_id: int) -> None:
    jobs.enqueue(check_attachment, attachment_id)


def _after_check(_sender, stored_name: str) -> None:
    remove_quarantine(stored_name, upload_folder())  # the outcome is committed


def register() -> None:
    """Check PDF attachments once they are stored (called when the blueprint is imported)."""
    events.attachment_stored.connect(_check_stored)
    events.attachment_checked.connect(_after_check)
