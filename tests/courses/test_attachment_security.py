"""Lesson attachments get the papers' PDF check and clean names (issue 13, findings 3-4)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from courses.models import Attachment
from courses.services import authoring
from tests.pdfs import HEADER, JS, TEXT, document
from vfac.extensions import db

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
    course = make_course(published=False)
    auth.login(course.instructors[0])
    before = stored_files(app)
    response = attach(client, course, data, "notes.pdf")
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Attachment)) == 0
    assert stored_files(app) == before


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
    from research import files  # noqa: PLC0415

    course = make_course()
    auth.login(course.instructors[0])
    seen, real_check = [], files._run_check

    def check(path, *options):
        seen.append(db.session().in_transaction())
        return real_check(path, *options)

    monkeypatch.setattr(files, "_run_check", check)
    assert attach(client, course, document(), "notes.pdf").status_code == 302
    assert seen == [False]
