"""Submission → moderation → search → download → citation, through the test client."""
from __future__ import annotations

import hashlib
import io

import bibtexparser
from sqlalchemy import select

from accounts.models import AuditEvent, Profession, Role
from research.models import Extraction, Paper, PaperFile, Status
from tests.research.conftest import pdf_bytes
from vfac.extensions import db

ORCID = "0000-0002-1825-0097"  # the example iD of ORCID's documentation (valid check digit)


def form(**changes):
    data = {"title": "Ransomware and the limits of jurisdiction",
            "authors": f"Ama Owusu; University of Ghana; {ORCID}\nJean Ndiaye; UCAD",
            "abstract": "How prosecutors establish jurisdiction over ransomware attacks "
                        "launched from abroad against hospitals and utilities.",
            "year": "2024", "type": "article", "language": "en",
            "topics": ["criminalization", "international-cooperation"],
            "countries": "gh, SN", "region": "africa", "keywords": "ransomware, extortion",
            "licence": "CC BY 4.0", "publisher": "Journal of Cyber Law",
            "doi": "https://doi.org/10.1234/jcl.2024.7", "url": "", "visibility": "public",
            "action": "submit",
            "pdf": (io.BytesIO(pdf_bytes("Territorial jurisdiction over encrypted extortion "
                                         "and Bitcoin ransom payments.")), "owusu.pdf")}
    data.update(changes)
    return data


def test_submit_moderate_find_download_cite(client, auth, make_user, outbox):
    academic = make_user(profession=Profession.ACADEMIC, username="academic")
    moderator = make_user(Role.MODERATOR, totp=True)
    reader = make_user(profession=Profession.PROSECUTOR, language="es")

    auth.login(academic)
    assert client.get("/research/submit").status_code == 200
    response = client.post("/research/submit", data=form(), content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    paper = db.session.scalar(select(Paper))
    assert paper.status is Status.PENDING and paper.doi == "10.1234/jcl.2024.7"
    assert [(a.name, a.orcid) for a in paper.authors] == [("Ama Owusu", ORCID),
                                                          ("Jean Ndiaye", None)]
    assert paper.countries == ["GH", "SN"]
    stored = paper.current_file
    assert stored.extraction is Extraction.DONE and "Bitcoin ransom" in db.session.scalar(
        select(PaperFile.text).where(PaperFile.id == stored.id))
    auth.logout()

    # not public yet: neither found nor shown
    assert "Ransomware and the limits" not in client.get("/research/?q=ransomware") \
        .get_data(as_text=True)
    assert client.get(f"/research/{paper.id}").status_code == 404

    auth.login(moderator)
    queue = client.get("/research/moderation").get_data(as_text=True)
    assert "Ransomware and the limits of jurisdiction" in queue
    client.post(f"/research/{paper.id}/moderate", data={"decision": "approve"})
    assert paper.status is Status.PUBLISHED and paper.published_at is not None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "paper.approved"))
    mail = outbox.messages()[-1]
    assert mail["To"] == academic.email and f"/research/{paper.id}" in outbox.last_body()
    auth.logout()

    auth.login(reader)
    results = client.get("/research/?q=ransomware+jurisdiction&topic=criminalization"
                         "&year=2024&region=africa").get_data(as_text=True)
    assert f'href="/research/{paper.id}"' in results and "<mark>" in results
    # a word only in the PDF's text finds it too
    assert f'href="/research/{paper.id}"' in client.get("/research/?q=bitcoin").get_data(
        as_text=True)
    page = client.get(f"/research/{paper.id}").get_data(as_text=True)
    assert "Ama Owusu" in page and f"https://orcid.org/{ORCID}" in page

    download = client.get(f"/research/{paper.id}/download")
    assert download.status_code == 200 and download.data.startswith(b"%PDF-")
    assert download.headers["Content-Disposition"].startswith("attachment")
    download.close()

    bib = client.get(f"/research/{paper.id}.bib")
    library = bibtexparser.parse_string(bib.get_data(as_text=True))
    assert not library.failed_blocks
    assert library.entries[0]["doi"] == "10.1234/jcl.2024.7"
    assert "Ransomware and the limits of jurisdiction" in library.entries[0]["title"]
    ris = client.get(f"/research/{paper.id}.ris").get_data(as_text=True)
    assert "TI  - Ransomware and the limits of jurisdiction\r\n" in ris
    assert "AU  - Owusu, Ama" in ris or "AU  - Ama Owusu" in ris


def test_rejected_paper_is_corrected_with_a_new_version(client, auth, make_user, outbox):
    academic = make_user(profession=Profession.ACADEMIC)
    moderator = make_user(Role.MODERATOR, totp=True)
    auth.login(academic)
    client.post("/research/submit", data=form(), content_type="multipart/form-data")
    paper = db.session.scalar(select(Paper))
    auth.logout()

    auth.login(moderator)
    # rejecting needs a reason: refused without one, nothing changes
    client.post(f"/research/{paper.id}/moderate", data={"decision": "reject", "reason": " "})
    assert paper.status is Status.PENDING
    client.post(f"/research/{paper.id}/moderate",
                data={"decision": "reject", "reason": "Please add the methodology section."})
    assert paper.status is Status.REJECTED
    assert "Please add the methodology section." in outbox.last_body()
    auth.logout()

    auth.login(academic)
    page = client.get(f"/research/{paper.id}").get_data(as_text=True)
    assert "Please add the methodology section." in page
    edit = client.get(f"/research/{paper.id}/edit").get_data(as_text=True)
    assert f"Ama Owusu; University of Ghana; {ORCID}" in edit
    response = client.post(f"/research/{paper.id}/edit", content_type="multipart/form-data",
                           data=form(title="Ransomware and jurisdiction, revised", pdf=(
                               io.BytesIO(pdf_bytes("Second version with methodology.")),
                               "owusu-v2.pdf")))
    assert response.status_code == 302
    assert paper.status is Status.PENDING and paper.title.endswith("revised")
    assert [(f.version, f.original_name) for f in paper.files] == [(2, "owusu-v2.pdf"),
                                                                   (1, "owusu.pdf")]
    page = client.get(f"/research/{paper.id}").get_data(as_text=True)
    assert "2 versions" in page and f"/research/{paper.id}/versions/1" in page
    old = client.get(f"/research/{paper.id}/versions/1")
    assert old.status_code == 200
    assert hashlib.sha256(old.data).hexdigest() == paper.files[1].sha256 != paper.files[0].sha256
    old.close()
    # a published paper is no longer the submitter's to edit
    auth.logout()
    auth.login(moderator)
    client.post(f"/research/{paper.id}/moderate", data={"decision": "approve"})
    auth.logout()
    auth.login(academic)
    assert client.get(f"/research/{paper.id}/edit").status_code == 403


def test_draft_is_saved_then_submitted(client, auth, make_user):
    auth.login(make_user(profession=Profession.ACADEMIC))
    client.post("/research/submit", data=form(action="draft", pdf=(io.BytesIO(b""), "")),
                content_type="multipart/form-data")
    paper = db.session.scalar(select(Paper))
    assert paper.status is Status.DRAFT and paper.files == []
    assert "Ransomware and the limits" in client.get("/research/mine").get_data(as_text=True)
    client.post(f"/research/{paper.id}/submit")
    assert paper.status is Status.PENDING and paper.submitted_at is not None
