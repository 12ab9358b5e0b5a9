"""Lesson attachments get the papers' PDF check and clean names (issue 13, findings 3-4)."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from courses.models import Attachment
from courses.services import authoring
from research import files
from tests.pdfs import HEADER, JS, TEXT, document
from vfac.extensions import db
from vfac.models import FileCheck

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def attach(client, course, data: bytes, name: str):
    lesson = course.modules[0].lessons[0]
    return client.post(f"/courses/{course.slug}/lessons/{lesson.id}/attachments",
                       data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def stored_files(app) -> list[Path]:
    folder = Path(app.instance_path) / "uploads" / "courses"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("data,message", [
    (document(catalog=b"/OpenAction " + JS), "contains scripts or actions"),
    (document(levels=45, page=b"/AA << /O " + JS + b" >>"), "contains scripts or actions"),
    (document(page=b"/Annots [6 0 R]", objects={6: b"<< /Type /Annot /Subtype /Link "
                                                b"/Rect [0 0 9 9] /A << /S /GoToR "
                                                b"/F (\\\\\\\\evil\\\\c$\\\\x.pdf) >> >>"}),
     "links that open other files"),
    (document(header=HEADER + b"%<hta:application/><script>alert(1)</script>\n"),
     "is not only a PDF"),
    (b"%PDF-1.4\n%%EOF\n", "could not be read as a PDF"),
], ids=["javascript open action", "page /AA in a deep page tree", "GoToR to a UNC path",
        "HTA polyglot", "not a real PDF"])
def test_pdf_attachments_are_checked_like_papers(client, app, auth, make_course, data,
                                                 message):
    """Stored at once, refused by the check job (at once in the tests): no file is left,
    learners never see it, and its instructors read why on the lesson's editing page."""
    course = make_course()
    lesson = course.modules[0].lessons[0]
    auth.login(course.instructors[0])
    before = stored_files(app)
    response = attach(client, course, data, "notes.pdf")
    assert response.status_code == 302
    item = db.session.scalar(select(Attachment))
    assert item.check_state is FileCheck.REFUSED and stored_files(app) == before
    edit = client.get(f"/courses/{course.slug}/lessons/{lesson.id}/edit")
    assert message in edit.get_data(as_text=True)
    assert client.get(f"/courses/{course.slug}/attachments/{item.id}").status_code == 404
    assert "notes.pdf" not in client.get(f"/courses/{course.slug}/lessons/{lesson.id}") \
        .get_data(as_text=True)


def test_a_pdf_attachment_is_kept_as_its_clean_copy(client, app, auth, make_course):
    course = make_course()
    auth.login(course.instructors[0])
    upload = document(catalog=b"/OpenAction [3 0 R /Fit] /PageMode /UseNone")
    assert attach(client, course, upload, "notes.pdf").status_code == 302
    item = db.session.scalar(select(Attachment))
    kept = authoring.upload_path(item).read_bytes()
    assert kept != upload and item.size == len(kept)
    reader = PdfReader(io.BytesIO(kept))
    assert set(reader.trailer["/Root"]) == {"/Type", "/Pages"}
    assert TEXT in reader.pages[0].extract_text()


@pytest.mark.parametrize("data,name,stored", [
    (document(), "Case-file_\u202efdp.hta", "Case-file_fdp.pdf"),
    (document(), "slides.PPTX", "slides.pdf"),
    (PNG, "map\u200b.exe", "map.png"),
    (PNG, "\u2067\u2069", "attachment.png"),
], ids=["bidi override", "other extension", "zero width and .exe", "nothing but format"])
def test_names_are_cleaned_and_end_in_the_type_of_the_content(client, auth, make_course, data,
                                                             name, stored):
    course = make_course()
    auth.login(course.instructors[0])
    assert attach(client, course, data, name).status_code == 302
    item = db.session.scalar(select(Attachment))
    assert item.original_name == stored


def test_an_old_bidi_name_is_served_cleaned(client, auth, make_course):
    """Names stored before the fix are cleaned when the file is served."""
    course = make_course()
    auth.login(course.instructors[0])
    attach(client, course, document(), "notes.pdf")
    item = db.session.scalar(select(Attachment))
    item.original_name = "Case-file_\u202efdp.hta"
    db.session.commit()
    response = client.get(f"/courses/{course.slug}/attachments/{item.id}")
    assert response.headers["Content-Disposition"] == "attachment; filename=Case-file_fdp.pdf"
    response.close()


def test_no_transaction_is_open_while_a_pdf_is_checked(client, auth, make_course,
                                                       monkeypatch):
    """The lock itself is tested on a SQLite file in tests/research/test_upload_lock.py."""
    course = make_course()
    auth.login(course.instructors[0])
    seen, real_check = [], files._run_check

    def check(path, *options):
        seen.append(db.session().in_transaction())
        return real_check(path, *options)

    monkeypatch.setattr(files, "_run_check", check)
    assert attach(client, course, document(), "notes.pdf").status_code == 302
    assert seen == [False]


def test_a_pdf_attachment_is_served_once_its_check_passed(client, auth, make_course,
                                                          queued_jobs):
    """With a queue that waits (issue 14): until its check job ran, nobody gets the PDF."""
    course = make_course()
    lesson = course.modules[0].lessons[0]
    auth.login(course.instructors[0])
    assert attach(client, course, document(), "notes.pdf").status_code == 302
    item = db.session.scalar(select(Attachment))
    assert item.check_state is FileCheck.CHECKING
    assert queued_jobs.names().count("courses.services.checks.check_attachment") == 1
    assert client.get(f"/courses/{course.slug}/attachments/{item.id}").status_code == 404
    lesson_url = f"/courses/{course.slug}/lessons/{lesson.id}"
    assert "Being checked" in client.get(lesson_url + "/edit").get_data(as_text=True)
    assert "notes.pdf" not in client.get(lesson_url).get_data(as_text=True)
    # an image has nothing to check: served at once
    assert attach(client, course, PNG, "map.png").status_code == 302
    image = db.session.scalar(select(Attachment).where(Attachment.id != item.id))
    assert image.check_state is FileCheck.PASSED
    assert queued_jobs.names().count("courses.services.checks.check_attachment") == 1

    queued_jobs.run()
    db.session.expire_all()
    assert item.check_state is FileCheck.PASSED
    assert not files.quarantine_path(item.stored_name, authoring.upload_folder()).exists()
    served = client.get(f"/courses/{course.slug}/attachments/{item.id}")
    assert served.status_code == 200 and served.data.startswith(b"%PDF-")
    assert hashlib.sha256(served.data).hexdigest() == item.sha256
    served.close()
    assert "notes.pdf" in client.get(lesson_url).get_data(as_text=True)
