"""Upload attacks and bad input on the submission form: a clear message, nothing stored."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from accounts.models import Profession
from research.models import Author, Paper, PaperFile, Status
from tests.research.conftest import pdf_bytes
from tests.research.test_journey import form
from vfac.extensions import db
from vfac.models import FileCheck


def uploads(app) -> list[Path]:
    folder = Path(app.instance_path) / "uploads" / "research"
    return sorted(folder.iterdir()) if folder.exists() else []


def nothing_stored(app, before) -> None:
    assert db.session.scalar(select(func.count()).select_from(Paper)) == 0
    assert db.session.scalar(select(func.count()).select_from(PaperFile)) == 0
    assert db.session.scalar(select(func.count()).select_from(Author)) == 0
    assert uploads(app) == before


def with_javascript() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert('pwned');")})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def js_in_link() -> bytes:
    """A script hidden in a link annotation on the page, not in the catalogue."""
    writer = PdfWriter(clone_from=io.BytesIO(pdf_bytes()))
    action = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("this.exportDataObject()")})
    annotation = DictionaryObject({NameObject("/Type"): NameObject("/Annot"),
                                   NameObject("/Subtype"): NameObject("/Link"),
                                   NameObject("/A"): action})
    writer.pages[0][NameObject("/Annots")] = writer._add_object(
        __import__("pypdf").generic.ArrayObject([writer._add_object(annotation)]))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# refused at once, before anything is stored: not a PDF at all
ATTACKS = {
    "html renamed .pdf": (b"<!doctype html><script>alert(1)</script>", "not a PDF"),
    "executable renamed .pdf": (b"MZ\x90\x00\x03" + b"\x00" * 200, "not a PDF"),
    "ELF renamed .pdf": (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, "not a PDF"),
    "empty": (b"", "The file is empty."),
}
# kept in quarantine, then refused by the check job (which runs at once in the tests)
CHECK_REFUSALS = {
    "html after a PDF signature": (b"%PDF-1.7\n<html><script>alert(1)</script></html>",
                                   "could not be read as a PDF"),
    "pdf with javascript": (with_javascript(), "contains scripts"),
    "pdf with a script in a link": (js_in_link(), "contains scripts"),
    "encrypted pdf": (encrypted(), "encrypted"),
    "truncated pdf": (pdf_bytes()[:300], "could not be read as a PDF"),
}


def assert_refused(app, client, data: bytes, message: str) -> list[Path]:
    """Upload `data` as a paper: a 400 with `message`, and nothing stored; the files before."""
    before = uploads(app)
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(pdf=(io.BytesIO(data), "paper.pdf")))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    nothing_stored(app, before)
    return before


def assert_refused_by_check(app, client, data: bytes, message: str) -> list[Path]:
    """Submit a paper with `data`: stored at once, then refused by its check job. The paper
    is a draft again, `message` on its page; no file kept, none served; the files before."""
    before = uploads(app)
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(pdf=(io.BytesIO(data), "paper.pdf")))
    assert response.status_code == 302
    paper = db.session.scalar(select(Paper))
    assert [f.check_state for f in paper.files] == [FileCheck.REFUSED]
    assert paper.status is Status.DRAFT and paper.current_file is None
    assert uploads(app) == before  # neither the upload nor a copy of it
    assert message in client.get(f"/research/{paper.id}").get_data(as_text=True)
    assert client.get(f"/research/{paper.id}/download").status_code == 404
    return before


@pytest.mark.parametrize("name", ATTACKS)
def test_refused_upload_leaves_nothing(app, client, auth, make_user, name):
    data, message = ATTACKS[name]
    auth.login(make_user(profession=Profession.ACADEMIC))
    assert_refused(app, client, data, message)


@pytest.mark.parametrize("name", CHECK_REFUSALS)
def test_pdf_refused_by_its_check_leaves_no_file(app, client, auth, make_user, name):
    data, message = CHECK_REFUSALS[name]
    auth.login(make_user(profession=Profession.ACADEMIC))
    assert_refused_by_check(app, client, data, message)


def post_big(client, data: dict):
    """Post multipart encoded in memory (the test client spools big bodies to a temporary
    file it never closes, which this suite treats as an error)."""
    fields = {k: (FileStorage(v[0], v[1]) if isinstance(v, tuple) else v)
              for k, v in data.items()}
    boundary, body = encode_multipart(MultiDict(
        [(k, x) for k, v in fields.items() for x in (v if isinstance(v, list) else [v])]))
    return client.post("/research/submit", data=body,
                       content_type=f"multipart/form-data; boundary={boundary}")


def test_oversized_file_gets_a_413_page(app, client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    before = uploads(app)
    app.config["RESEARCH_PDF_MAX_BYTES"] = 1024 * 1024
    try:
        big = pdf_bytes() + b"%" + b"x" * (1024 * 1024)
        response = post_big(client, form(pdf=(io.BytesIO(big), "big.pdf")))
        assert response.status_code == 413
        assert "larger than 1 MB" in response.get_data(as_text=True)
        # beyond the request limit (the file and 1 MB of form), the request itself is refused
        huge = b"%PDF-" + b"x" * (3 * 1024 * 1024)
        response = post_big(client, form(pdf=(io.BytesIO(huge), "huge.pdf")))
        assert response.status_code == 413 and "larger than" in response.get_data(as_text=True)
    finally:
        app.config["RESEARCH_PDF_MAX_BYTES"] = 20 * 1024 * 1024
    nothing_stored(app, before)


def test_path_traversal_name_is_neutralised(app, client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(pdf=(io.BytesIO(pdf_bytes()), "../../../etc/passwd.pdf")))
    assert response.status_code == 302
    stored = db.session.scalar(select(PaperFile))
    assert stored.original_name == "passwd.pdf"
    assert len(stored.stored_name) == 32 and stored.stored_name.isalnum()
    assert [p.name for p in uploads(app)].count(stored.stored_name) == 1
    assert not (Path(app.instance_path).parent / "etc").exists()
    download = client.get(f"/research/{stored.paper_id}/download")
    assert download.headers["Content-Disposition"] == \
        "attachment; filename=ransomware-and-the-limits-of-jurisdiction-v1.pdf"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]
    assert download.mimetype == "application/pdf"
    download.close()


BAD = {
    "title": ({"title": "  "}, "This field is required."),
    "year": ({"year": "1850"}, "Between 1900 and"),
    "year not a number": ({"year": "twenty"}, "Enter a whole number."),
    "doi": ({"doi": "10.12/x y"}, "A DOI starts with 10."),
    "orcid checksum": ({"authors": "Ama Owusu; UG; 0000-0002-1825-0098"},
                       "is not a valid ORCID iD"),
    "author line": ({"authors": "A; B; C; D"}, "Line 1: write the name"),
    "no author": ({"authors": "\n \n"}, "This field is required."),
    "country": ({"countries": "GH, Atlantis"}, "two-letter ISO country codes"),
    "url scheme": ({"url": "javascript:alert(1)"}, "starting with https://"),
    "type": ({"type": "blog"}, "Choose one of the listed types."),
    "language": ({"language": "xx"}, "Choose one of the listed languages."),
    "topic": ({"topics": ["astrology"]}, "Choose topics from the list."),
    "region": ({"region": "mars"}, "Choose one of the listed regions."),
    "restricted by an academic": ({"visibility": "restricted"},
                                  "Choose one of the listed options."),
    "abstract too long": ({"abstract": "x" * 5001}, "At most 5000 characters."),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_redisplays_the_form(app, client, auth, make_user, name):
    changes, message = BAD[name]
    auth.login(make_user(profession=Profession.ACADEMIC))
    before = uploads(app)
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(**changes))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    nothing_stored(app, before)


def test_bad_input_in_arabic(app, client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC, language="ar"))
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(doi="not-a-doi"))
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'dir="rtl"' in html
    assert "A DOI starts with 10." not in html  # the message is in Arabic


def test_bad_parameters_are_400_or_404(client, make_paper):
    paper = make_paper()
    for url in ("/research/?year=abc", "/research/?topic=nope", "/research/?type=blog",
                "/research/?region=mars", "/research/?sort=random", "/research/?page=x",
                "/research/?language=xx", "/research/?page=9999"):
        assert client.get(url).status_code == 400, url
    for url in ("/research/99999", "/research/99999.bib", "/research/99999.ris",
                f"/research/{paper.id}/download", f"/research/{paper.id}/versions/3",
                "/research/abc"):
        assert client.get(url).status_code == 404, url


def test_bad_moderation_input_changes_nothing(client, auth, make_user, make_paper):
    from accounts.models import AuditEvent, Role  # noqa: PLC0415
    from research.models import Status  # noqa: PLC0415

    paper = make_paper(status=Status.PENDING)
    auth.login(make_user(Role.MODERATOR, totp=True))
    audits = db.session.scalar(select(func.count()).select_from(AuditEvent))
    for data in ({"decision": "maybe"}, {}, {"decision": "reject", "reason": ""},
                 {"decision": "reject", "reason": "x" * 2001}):
        page = client.post(f"/research/{paper.id}/moderate", data=data, follow_redirects=True)
        assert page.status_code == 200
        assert 'class="flash error"' in page.get_data(as_text=True), data
        assert paper.status is Status.PENDING and paper.rejection_reason == ""
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == audits
    assert client.get("/research/moderation?after=abc").status_code == 400
    assert client.post("/research/99999/moderate", data={"decision": "approve"}).status_code \
        == 404


def test_bad_input_on_the_edit_form_changes_nothing(client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    client.post("/research/submit", data=form(action="draft", pdf=(io.BytesIO(b""), "")),
                content_type="multipart/form-data")
    paper = db.session.scalar(select(Paper))
    response = client.post(f"/research/{paper.id}/edit", content_type="multipart/form-data",
                           data=form(title="", year="3000",
                                     pdf=(io.BytesIO(b"<html></html>"), "x.pdf")))
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "This field is required." in html
    assert "Between 1900 and" in html
    assert paper.title == "Ransomware and the limits of jurisdiction" and paper.files == []
    # a valid form with a file that is not a PDF is refused as a whole
    response = client.post(f"/research/{paper.id}/edit", content_type="multipart/form-data",
                           data=form(title="Changed", pdf=(io.BytesIO(b"<html></html>"), "x.pdf")))
    assert response.status_code == 400 and "not a PDF" in response.get_data(as_text=True)
    assert paper.title == "Ransomware and the limits of jurisdiction" and paper.files == []
