"""Who may do what in the research library: every route for every kind of user, then what
each may see (pages, files, search and facets, related papers, OAI-PMH) and what a download
leaves behind (audit rows, counts, headers).

Every paper is submitted by "submitter", a police officer: a public, a members-only and a
restricted published paper, and a draft, a pending and a rejected one (all three public).
"""
from __future__ import annotations

import io
import re
import secrets
import shutil
import xml.etree.ElementTree as ET

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from accounts.audit import REFUSALS
from accounts.models import AuditEvent, Profession, Role, Status
from accounts.permissions import RULES
from research import files
from research.models import Extraction, Paper, PaperFile, PaperType
from research.models import Status as PaperStatus
from research.services import library, moderation, submission
from research.services.library import LibraryQuery
from research.services.submission import AuthorInput, PaperInput, Upload
from tests.research.conftest import pdf_bytes
from vfac import counters
from vfac.extensions import db
from vfac.models import FileCheck, Visibility

PEOPLE = {
    "visitor": None,
    "pending": (Role.MEMBER, Status.PENDING, Profession.POLICE, False),
    "police": (Role.MEMBER, Status.APPROVED, Profession.POLICE, False),
    "academic": (Role.MEMBER, Status.APPROVED, Profession.ACADEMIC, False),
    "submitter": (Role.MEMBER, Status.APPROVED, Profession.POLICE, False),
    "expert": (Role.EXPERT, Status.APPROVED, Profession.JUDGE, False),
    "instructor": (Role.INSTRUCTOR, Status.APPROVED, Profession.ACADEMIC, False),
    # without two-factor authentication a moderator's powers do not count (STAFF_REQUIRE_2FA)
    "moderator_no2fa": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, False),
    "moderator": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, True),
    "admin": (Role.ADMINISTRATOR, Status.APPROVED, Profession.GOVERNMENT, True),
}
ORDER = list(PEOPLE)

# name -> visibility, year, language, type, region: the facets tell the papers apart
PUBLISHED = {
    "public": (Visibility.PUBLIC, 2019, "en", PaperType.ARTICLE, "africa"),
    "members": (Visibility.MEMBERS, 2020, "fr", PaperType.REPORT, "europe"),
    "restricted": (Visibility.RESTRICTED, 2021, "es", PaperType.THESIS, "asia-pacific"),
}
UNPUBLISHED = ("draft", "pending", "rejected")
PAPERS = (*PUBLISHED, *UNPUBLISHED)


def grid(text: str) -> dict[str, dict[str, int | str]]:
    """A table of expectations: the first line names the columns, then one line per person.

    A number is the status code, with nothing written to the database; "done" is a redirect
    after the write happened; "login" and "status" are redirects to those pages.
    """
    header, *rows = (line.split() for line in text.strip().splitlines())
    table = {}
    for who, *cells in rows:
        assert len(cells) == len(header), who
        table[who] = {col: int(cell) if cell.isdigit() else cell
                      for col, cell in zip(header, cells)}
    assert list(table) == ORDER
    return table


# the routes that are not about one paper
GENERAL = grid("""
                 index  submit  submit_post  mine   moderation
visitor          200    login   login        login  login
pending          status status  status       status status
police           200    200     done         200    403
academic         200    200     done         200    403
submitter        200    200     done         200    403
expert           200    200     done         200    403
instructor       200    200     done         200    403
moderator_no2fa  200    200     done         200    403
moderator        200    200     done         200    200
admin            200    200     done         200    200
""")
GENERAL_ROUTES = {"index": ("GET", "/research/"), "submit": ("GET", "/research/submit"),
                  "submit_post": ("POST", "/research/submit"),
                  "mine": ("GET", "/research/mine"),
                  "moderation": ("GET", "/research/moderation")}

# Hidden is 404 for everyone, visitors too (not a login redirect: it does not exist for them).
# Moderators (with 2FA) see submitted papers in any state; a draft is its submitter's own.
VIEW = grid("""
                 public members restricted draft  pending rejected
visitor          200    404     404        404    404     404
pending          status status  status     status status  status
police           200    200     200        404    404     404
academic         200    200     404        404    404     404
submitter        200    200     200        200    200     200
expert           200    200     200        404    404     404
instructor       200    200     404        404    404     404
moderator_no2fa  200    200     404        404    404     404
moderator        200    200     200        404    200     200
admin            200    200     200        404    200     200
""")

EDIT_GET = grid("""
                 public members restricted draft  pending rejected
visitor          login  login   login      login  login   login
pending          status status  status     status status  status
police           403    403     403        404    404     404
academic         403    403     404        404    404     404
submitter        403    403     403        200    200     200
expert           403    403     403        404    404     404
instructor       403    403     404        404    404     404
moderator_no2fa  403    403     404        404    404     404
moderator        200    200     200        404    200     200
admin            200    200     200        404    200     200
""")

EDIT_POST = grid("""
                 public members restricted draft  pending rejected
visitor          login  login   login      login  login   login
pending          status status  status     status status  status
police           403    403     403        404    404     404
academic         403    403     404        404    404     404
submitter        403    403     403        done   done    done
expert           403    403     403        404    404     404
instructor       403    403     404        404    404     404
moderator_no2fa  403    403     404        404    404     404
moderator        done   done    done       404    done    done
admin            done   done    done       404    done    done
""")

# 302 without a write: allowed, but the paper is not in a state to be submitted
SUBMIT_POST = grid("""
                 public members restricted draft  pending rejected
visitor          login  login   login      login  login   login
pending          status status  status     status status  status
police           403    403     403        404    404     404
academic         403    403     404        404    404     404
submitter        403    403     403        done   302     done
expert           403    403     403        404    404     404
instructor       403    403     404        404    404     404
moderator_no2fa  403    403     404        404    404     404
moderator        302    302     302        404    302     done
admin            302    302     302        404    302     done
""")

APPROVE = grid("""
                 public members restricted draft  pending rejected
visitor          login  login   login      login  login   login
pending          status status  status     status status  status
police           403    403     403        404    404     404
academic         403    403     404        404    404     404
submitter        403    403     403        403    403     403
expert           403    403     403        404    404     404
instructor       403    403     404        404    404     404
moderator_no2fa  403    403     404        404    404     404
moderator        302    302     302        404    done    302
admin            302    302     302        404    done    302
""")

# a published paper can be withdrawn (rejected); drafts and rejected ones cannot
REJECT = grid("""
                 public members restricted draft  pending rejected
visitor          login  login   login      login  login   login
pending          status status  status     status status  status
police           403    403     403        404    404     404
academic         403    403     404        404    404     404
submitter        403    403     403        403    403     403
expert           403    403     403        404    404     404
instructor       403    403     404        404    404     404
moderator_no2fa  403    403     404        404    404     404
moderator        done   done    done       404    done    302
admin            done   done    done       404    done    302
""")

PAPER_ROUTES = {
    "page": ("GET", "/research/{id}", VIEW),
    "bibtex": ("GET", "/research/{id}.bib", VIEW),
    "ris": ("GET", "/research/{id}.ris", VIEW),
    "download": ("GET", "/research/{id}/download", VIEW),
    "version": ("GET", "/research/{id}/versions/1", VIEW),
    "edit": ("GET", "/research/{id}/edit", EDIT_GET),
    "edit_post": ("POST", "/research/{id}/edit", EDIT_POST),
    "submit_post": ("POST", "/research/{id}/submit", SUBMIT_POST),
    "approve": ("POST", "/research/{id}/moderate", APPROVE),
    "reject": ("POST", "/research/{id}/moderate", REJECT),
}
DOWNLOADS = {"download", "version"}  # a 200 here may write an audit row


def person(make_user, who):
    spec = PEOPLE[who]
    if spec is None:
        return None
    role, status, profession, totp = spec
    return make_user(role, status, profession=profession, totp=totp,
                     username=who.replace("_", ""))


@pytest.fixture(scope="module")
def checked_pdf(app):
    """One PDF checked by the real upload path (a child process), shared by the module's papers."""
    with app.app_context():
        upload = files.store_pdf(io.BytesIO(pdf_bytes()), "paper.pdf")  # in quarantine
        stored = files.check_quarantined(upload.stored_name)  # what the check job does
        files.remove_quarantine(upload.stored_name)
        text = files.read_pdf(files.path_of(stored.stored_name), want_text=True)["text"]
    yield stored, text
    with app.app_context():
        files.discard(stored.stored_name)


@pytest.fixture
def library_of(make_user, checked_pdf):
    """build(who) -> (user, {name: paper}): the six papers, made through the services."""
    stored, text = checked_pdf
    copies = []

    def attach(paper, uploader):
        # a copy of the checked file under its own random name, as an upload would leave
        name = secrets.token_hex(16)
        shutil.copyfile(files.path_of(stored.stored_name), files.path_of(name))
        copies.append(name)
        paper.files.append(PaperFile(
            version=1, original_name=f"paper-{paper.id}.pdf", stored_name=name,
            size=stored.size, sha256=stored.sha256, pages=stored.pages,
            extraction=Extraction.DONE, text=text, check_state=FileCheck.PASSED,
            uploaded_by_id=uploader.id))
        db.session.commit()

    def make(submitter, moderator, name):
        visibility, year, language, kind, region = PUBLISHED.get(
            name, (Visibility.PUBLIC, 2018, "en", PaperType.GUIDE, "global"))
        paper = submission.create_paper(submitter, PaperInput(
            title=f"The {name} paper", abstract=f"About {name} things.", year=year,
            type=kind, language=language, region=region, visibility=visibility,
            authors=(AuthorInput("Ama Owusu"),), topics=("electronic-evidence",)))
        attach(paper, submitter)
        if name != "draft":
            submission.submit_paper(submitter, paper)
        if name in PUBLISHED:
            moderation.approve_paper(moderator, paper, notify=False)
        if name == "rejected":
            moderation.reject_paper(moderator, paper, "Add the sources.")
        return paper

    def build(who):
        user = person(make_user, who)
        submitter = user if who == "submitter" else make_user(username="submitter")
        # the approver never logs in: a stand-in secret spares the key derivation of a real one
        moderator = user if who == "moderator" else make_user(
            Role.MODERATOR, username="approver", tf_primary_method="authenticator",
            tf_totp_secret="stand-in")
        return user, {name: make(submitter, moderator, name) for name in PAPERS}

    yield build
    for name in copies:
        files.discard(name)


def snapshot():
    """What a refused request must leave as it was: papers, files, audit rows."""
    papers = db.session.execute(select(
        Paper.id, Paper.status, Paper.title, Paper.visibility, Paper.rejection_reason,
        Paper.published_at, Paper.download_count).order_by(Paper.id)).all()
    counts = db.session.execute(select(
        select(func.count()).select_from(PaperFile).scalar_subquery(),
        select(func.count()).select_from(AuditEvent)  # refusals are audited, nothing else
        .where(AuditEvent.action.not_in(REFUSALS)).scalar_subquery())).one()
    return papers, tuple(counts)


def outcome(response, changed: bool, may_write: bool = False):
    """The response as a cell of the tables above; "+write" flags a write that should not be."""
    response.close()  # a file response holds its file open until then
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "/auth/login" in location:
        cell = "login"
    elif response.status_code == 302 and location.endswith("/account/status"):
        cell = "status"
    elif response.status_code == 302 and changed:
        return "done"
    else:
        cell = response.status_code
    return f"{cell}+write" if changed and not may_write else cell


def paper_form(title: str, visibility: Visibility) -> dict:
    return {"title": title, "abstract": "Changed.", "authors": "Ama Owusu", "year": "2020",
            "type": "report", "language": "en", "region": "global",
            "visibility": visibility.value, "action": "draft"}


def test_research_rules_are_the_ones_tested_here():
    assert {a for a in RULES if a.startswith("research.")} == {
        "research.paper.submit", "research.paper.view", "research.paper.edit",
        # list: tests/platform/test_visibility_policy.py
        "research.paper.moderate", "research.paper.list"}


def test_staff_need_two_factor_in_tests(app):
    assert app.config["STAFF_REQUIRE_2FA"] is True


def _cell(client, method: str, url: str, data: dict | None, may_write: bool = False):
    before = snapshot()
    response = client.open(url, method=method, data=data)
    return outcome(response, snapshot() != before,
                   may_write=may_write and response.status_code == 200)


def _request_data(route: str, name: str, paper: Paper) -> dict | None:
    if route == "edit_post":
        return paper_form(f"Edited {name}", paper.visibility)
    if route in ("approve", "reject"):
        return {"decision": route, "reason": "Cite the court decisions."}
    return None


# Reading leaves the library as it was, so one test per person asks every page of every
# paper; each write gets a test of its own, on a fresh library.
READING = [r for r, (method, _p, _e) in PAPER_ROUTES.items() if method == "GET"]
WRITING = [r for r, (method, _p, _e) in PAPER_ROUTES.items() if method == "POST"]


@pytest.mark.parametrize("who", ORDER)
def test_general_routes(client, auth, library_of, who):
    user, _papers = library_of(who)
    if user is not None:
        assert auth.login(user).status_code == 302
    seen = {route: _cell(client, method, url, paper_form("A new paper", Visibility.PUBLIC)
                         if method == "POST" else None)
            for route, (method, url) in GENERAL_ROUTES.items()}
    assert seen == GENERAL[who]


@pytest.mark.parametrize("who", ORDER)
def test_reading_a_paper(client, auth, library_of, who):
    user, papers = library_of(who)
    if user is not None:
        assert auth.login(user).status_code == 302
    seen = {route: {name: _cell(client, "GET", PAPER_ROUTES[route][1].format(id=paper.id),
                                None, may_write=route in DOWNLOADS)
                    for name, paper in papers.items()} for route in READING}
    assert seen == {route: PAPER_ROUTES[route][2][who] for route in READING}


@pytest.mark.parametrize("route", WRITING)
@pytest.mark.parametrize("who", ORDER)
def test_writing_to_a_paper(client, auth, library_of, who, route):
    user, papers = library_of(who)
    if user is not None:
        assert auth.login(user).status_code == 302
    method, path, expected = PAPER_ROUTES[route]
    seen = {name: _cell(client, method, path.format(id=paper.id),
                        _request_data(route, name, paper))
            for name, paper in papers.items()}
    assert seen == expected[who]


# ---- what each reader sees -------------------------------------------------------------

def _links(html: str) -> set[int]:
    return {int(i) for i in re.findall(r'href="/research/(\d+)"', html)}


@pytest.mark.parametrize("who", ["visitor", "academic", "police", "submitter", "moderator"])
def test_hidden_papers_are_absent_from_lists_facets_and_related(client, auth, library_of, who):
    user, papers = library_of(who)
    if user is not None:
        auth.login(user)
    visible = [n for n in PUBLISHED if VIEW[who][n] == 200]
    ids = {papers[n].id for n in visible}

    page = client.get("/research/").get_data(as_text=True)
    assert _links(page) == ids  # drafts, pending and rejected papers are never listed
    for name, (_vis, year, language, _kind, region) in PUBLISHED.items():
        shown = name in visible
        assert (f"year={year}" in page) is shown, name
        assert (f"language={language}" in page) is shown, name
        assert (f"region={region}" in page) is shown, name

    results = library.search_papers(user, LibraryQuery())
    assert {p.id for p in results.papers} == ids and results.total == len(ids)
    assert results.facets["topic"] == [("electronic-evidence", len(ids))]
    assert sorted(results.facets["year"]) == sorted(
        (PUBLISHED[n][1], 1) for n in visible)
    assert {v for v, _n in results.facets["type"]} == {PUBLISHED[n][3].value for n in visible}

    for name in PAPERS:  # a search for a title word finds only what the reader may see
        found = library.search_papers(user, LibraryQuery(q=f"{name} paper"))
        assert {p.id for p in found.papers} <= ids
        assert (papers[name].id in {p.id for p in found.papers}) is (name in visible)

    # every paper shares a topic, so related papers are the other visible published ones
    html = client.get(f"/research/{papers['public'].id}").get_data(as_text=True)
    related = html.split('class="related"', 1)[1] if 'class="related"' in html else ""
    assert _links(related) == ids - {papers["public"].id}


def _oai(client, **params) -> ET.Element:
    response = client.get("/oai", query_string=params)
    assert response.status_code == 200
    return ET.fromstring(response.data)


OAI_NS = {"oai": "http://www.openarchives.org/OAI/2.0/"}


@pytest.mark.parametrize("who", ["visitor", "admin"])
def test_oai_exposes_only_public_published_papers(client, auth, library_of, who):
    user, papers = library_of(who)
    if user is not None:  # a harvester's session changes nothing
        auth.login(user)
    for name, paper in papers.items():
        root = _oai(client, verb="GetRecord", metadataPrefix="oai_dc",
                    identifier=f"oai:localhost:research/{paper.id}")
        error = root.find("oai:error", OAI_NS)
        if name == "public":
            assert error is None
        else:
            assert error is not None and error.get("code") == "idDoesNotExist", name
    for verb in ("ListRecords", "ListIdentifiers"):
        root = _oai(client, verb=verb, metadataPrefix="oai_dc")
        assert [e.text for e in root.iterfind(".//oai:header/oai:identifier", OAI_NS)] == \
            [f"oai:localhost:research/{papers['public'].id}"]


def test_mine_and_the_queue_list_the_right_papers(client, auth, library_of, make_user):
    submitter_, papers = library_of("submitter")
    auth.login(submitter_)
    assert _links(client.get("/research/mine").get_data(as_text=True)) >= \
        {p.id for p in papers.values()}
    auth.logout()
    auth.login(make_user(profession=Profession.POLICE, username="other"))
    assert not _links(client.get("/research/mine").get_data(as_text=True)) & \
        {p.id for p in papers.values()}
    auth.logout()
    auth.login(make_user(Role.MODERATOR, totp=True, username="reviewer"))
    queue = _links(client.get("/research/moderation").get_data(as_text=True))
    assert papers["pending"].id in queue
    assert not queue & {papers[n].id for n in ("draft", "rejected", *PUBLISHED)}


# ---- refusals that must change nothing --------------------------------------------------

def test_submitter_cannot_approve_their_own_paper(client, auth, library_of):
    submitter_, papers = library_of("submitter")
    auth.login(submitter_)
    paper = papers["pending"]
    before = snapshot()
    response = client.post(f"/research/{paper.id}/moderate", data={"decision": "approve"})
    assert response.status_code == 403
    assert snapshot() == before
    assert db.session.get(Paper, paper.id).status is PaperStatus.PENDING


def test_moderator_without_two_factor_is_refused_until_it_is_not_required(
        app, client, auth, library_of, monkeypatch):
    moderator, papers = library_of("moderator_no2fa")
    auth.login(moderator)
    public, pending = papers["public"], papers["pending"]
    before = snapshot()
    for paper in (public, pending):
        response = client.post(f"/research/{paper.id}/moderate",
                               data={"decision": "reject", "reason": "No."})
        assert response.status_code == (403 if paper is public else 404)
    assert client.get("/research/moderation").status_code == 403
    assert snapshot() == before
    monkeypatch.setitem(app.config, "STAFF_REQUIRE_2FA", False)
    response = client.post(f"/research/{pending.id}/moderate", data={"decision": "approve"})
    assert response.status_code == 302
    assert db.session.get(Paper, pending.id).status is PaperStatus.PUBLISHED


# ---- downloads -------------------------------------------------------------------------

def _download(client, url: str) -> bytes:
    response = client.get(url)
    body = response.get_data()
    response.close()
    assert response.status_code == 200, url
    assert response.mimetype == "application/pdf"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment") and ".pdf" in disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    return body


def _download_events():
    return list(db.session.execute(select(AuditEvent).where(
        AuditEvent.action == "paper.downloaded").order_by(AuditEvent.id)).scalars())


def test_members_and_restricted_downloads_are_audited(client, auth, library_of):
    police, papers = library_of("police")
    _download(client, f"/research/{papers['public'].id}/download")  # a visitor's
    auth.login(police)
    for url in ("/research/{id}/download", "/research/{id}/versions/1"):
        for name in PUBLISHED:
            _download(client, url.format(id=papers[name].id))
    events = _download_events()
    assert [(e.actor_id, e.detail["paper"], e.detail["version"]) for e in events] == [
        (police.id, str(papers[name].id), "1") for name in ("members", "restricted") * 2]
    assert all(e.detail["sha256"] == papers["public"].files[0].sha256 for e in events)


def test_refused_downloads_leave_no_trace(client, auth, library_of):
    academic, papers = library_of("academic")
    auth.login(academic)
    before = snapshot()
    for name in ("restricted", *UNPUBLISHED):
        for url in ("/research/{id}/download", "/research/{id}/versions/1"):
            response = client.get(url.format(id=papers[name].id))
            response.close()
            assert response.status_code == 404, name
    response = client.get(f"/research/{papers['public'].id}/versions/2")  # no such version
    response.close()
    assert response.status_code == 404
    assert snapshot() == before
    assert library.download_counts.pending() == {}


def test_download_counts_are_added_up_then_written(client, auth, library_of):
    """A download adds to the process's counts (no Redis here); flush() writes them, in a
    transaction of its own, and again writes only what came since (tests/platform/
    test_counters.py: the periodic and exit writes, Redis, several processes)."""
    police, papers = library_of("police")
    public, members = papers["public"], papers["members"]

    def count(paper):
        return db.session.execute(select(Paper.download_count).where(
            Paper.id == paper.id)).scalar_one()

    _download(client, f"/research/{public.id}/download")
    _download(client, f"/research/{public.id}/versions/1")
    auth.login(police)
    for _ in range(3):
        _download(client, f"/research/{public.id}/download")
        _download(client, f"/research/{members.id}/download")
    auth.logout()
    auth.login(papers["draft"].submitter)
    _download(client, f"/research/{papers['draft'].id}/download")  # not counted: unpublished
    assert (count(public), count(members)) == (0, 0)  # a download does not write the row
    assert library.download_counts.pending() == {public.id: 5, members.id: 3}

    assert counters.flush() == 8
    db.session.expire_all()
    assert (count(public), count(members)) == (5, 3)
    assert library.download_counts.pending() == {}
    _download(client, f"/research/{public.id}/download")
    assert counters.flush() == 1 and counters.flush() == 0
    db.session.expire_all()
    assert (count(public), count(members)) == (6, 3)


def test_an_uploaded_paper_is_downloaded_as_kept(client, make_user):
    """The real path once: upload (checked and rewritten in a child process), approve,
    download: the clean copy, with the text of what was sent."""
    submitter_ = make_user(username="author")
    moderator = make_user(Role.MODERATOR, totp=True)
    data = pdf_bytes("Mutual legal assistance for cloud evidence")
    paper = submission.create_paper(submitter_, PaperInput(
        title="Cloud evidence", abstract="Requests across borders.", year=2024,
        type=PaperType.ARTICLE, language="en", authors=(AuthorInput("Ama Owusu"),)),
        Upload(io.BytesIO(data), "x.pdf"), submit=True)
    db.session.commit()  # the upload's unit of work: then the check job runs
    response = client.get(f"/research/{paper.id}/versions/1")
    response.close()
    assert response.status_code == 404  # pending: not for visitors
    moderation.approve_paper(moderator, paper, notify=False)
    served = _download(client, f"/research/{paper.id}/versions/1")
    assert served == files.path_of(paper.files[0].stored_name).read_bytes()
    assert "Mutual legal assistance" in PdfReader(io.BytesIO(served)).pages[0].extract_text()
    files.discard(paper.files[0].stored_name)


# ---- found while writing the matrix ----------------------------------------------------

@pytest.mark.parametrize("missing", ["licence", "publisher", "doi", "url", "countries",
                                     "keywords", "topics", "type", "visibility"])
def test_a_form_without_an_optional_field_is_not_a_500(client, auth, make_user, missing):
    """A client that leaves out a field (rather than sending it empty) gets 302 or 400."""
    auth.login(make_user())
    data = {**paper_form("A paper", Visibility.PUBLIC), "licence": "", "publisher": "",
            "doi": "", "url": "", "countries": "", "keywords": "",
            "topics": ["electronic-evidence"]}
    data.pop(missing)
    assert client.post("/research/submit", data=data).status_code in (302, 400)
