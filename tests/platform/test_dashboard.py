"""The administrators' dashboard: who may see it, its numbers, the CSV files and the map."""
from __future__ import annotations

import csv
import gzip
import io
import re
from datetime import timedelta

import pytest

from accounts.models import Profession, Role, Status
from courses.services import learning
from courses.services import stats as course_stats
from forum.services import posting
from forum.services import stats as forum_stats
from research.models import Status as PaperStatus
from research.services import stats as paper_stats
from tests.accounts.test_permissions import ORDER, make_person
from tests.vfac.test_pages import HTML_BUDGET, gzipped_size
from vfac import dashboard, pillars
from vfac.extensions import db
from vfac.models import Visibility, utcnow

KEYS = ["members-totals", "members-by-country", "members-by-profession", "members-by-role",
        "courses-totals", "courses", "papers-totals", "papers-by-topic", "questions-totals",
        "questions-by-topic"]
URLS = ["/admin/dashboard", "/admin/dashboard/map.svg"] + [f"/admin/dashboard/{k}.csv"
                                                           for k in KEYS]


@pytest.fixture(autouse=True)
def stats_pieces(monkeypatch):
    """The pillars' pieces (each pillar's platform module provides them; set here too, so
    these tests stand alone), and no map left over from another test."""
    for pillar, function in (("courses", course_stats.dashboard_tables),
                             ("research", paper_stats.dashboard_tables),
                             ("forum", forum_stats.dashboard_tables)):
        monkeypatch.setitem(pillars._providers["stats"], pillar, function)
    dashboard._maps.clear()
    yield
    dashboard._maps.clear()


@pytest.fixture
def admin(make_user, auth):
    """A signed-in administrator with two-factor authentication."""
    user = make_user(Role.ADMINISTRATOR, totp=True, username="chief",
                     profession=Profession.GOVERNMENT)
    assert auth.login(user).status_code == 302
    return user


def csv_rows(client, key: str) -> list[list[str]]:
    response = client.get(f"/admin/dashboard/{key}.csv")
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def body(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


@pytest.mark.parametrize("who", ORDER)
def test_only_administrators_with_two_factor_see_the_dashboard(client, auth, make_user, who):
    user = make_person(make_user, who)
    if user is not None:
        assert auth.login(user).status_code == 302
    for url in URLS:
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
        elif who in ("pending", "rejected"):  # unapproved members only reach their status page
            assert response.status_code == 302, url
            assert response.headers["Location"].endswith("/account/status")
        else:
            assert response.status_code == (200 if who == "admin" else 403), (who, url)


def test_member_numbers(client, make_user, admin):
    make_user(username="amina", country="SN", profession=Profession.PROSECUTOR)
    make_user(Role.EXPERT, username="moussa", country="SN", profession=Profession.JUDGE)
    make_user(status=Status.PENDING, country="SN")
    make_user(status=Status.PENDING, country="FR")
    make_user(status=Status.REJECTED, country="FR")
    make_user(status=Status.SUSPENDED, country="FR")
    assert csv_rows(client, "members-totals") == [
        ["Status", "Code", "Members"], ["Approved", "approved", "3"],
        ["Waiting for review", "pending", "2"], ["Rejected", "rejected", "1"],
        ["Suspended", "suspended", "1"]]
    assert csv_rows(client, "members-by-country") == [
        ["Country", "Code", "Approved members", "Waiting for review"],
        ["Senegal", "SN", "2", "1"], ["Ghana", "GH", "1", "0"], ["France", "FR", "0", "1"]]
    professions = {row[1]: row[2:] for row in csv_rows(client, "members-by-profession")[1:]}
    assert professions == {"police": ["0", "2"], "prosecutor": ["1", "0"], "judge": ["1", "0"],
                           "government": ["1", "0"], "academic": ["0", "0"],
                           "private": ["0", "0"]}
    roles = {row[1]: row[2:] for row in csv_rows(client, "members-by-role")[1:]}
    assert roles == {"member": ["1", "0"], "expert": ["1", "0"], "instructor": ["0", "0"],
                     "moderator": ["0", "0"], "administrator": ["1", "1"]}
    page = body(client, "/admin/dashboard")
    assert 'href="/admin/members?status=pending"' in page
    assert "Senegal" in page and '<meter min="0" max="2" value="2"' in page


def test_course_numbers(client, make_user, make_course, admin):
    popular = make_course(title="Live data forensics", modules=1, lessons=1, questions=0)
    quiet = make_course(title="Electronic evidence for prosecutors", modules=1, lessons=1,
                        questions=0)
    make_course(title="Draft course", published=False)
    finisher, starter = make_user(username="finisher"), make_user(username="starter")
    for learner in (finisher, starter):
        learning.enrol(learner, popular)
    learning.enrol(starter, quiet)
    assert learning.complete_lesson(finisher, popular.modules[0].lessons[0]) is not None
    db.session.commit()
    assert csv_rows(client, "courses") == [
        ["Course", "Code", "Enrolments", "Completions", "Completion rate (%)", "Certificates"],
        ["Live data forensics", popular.slug, "2", "1", "50.0", "1"],
        ["Electronic evidence for prosecutors", quiet.slug, "1", "0", "0.0", "0"]]
    assert csv_rows(client, "courses-totals")[1:] == [
        ["Published courses", "courses", "2"], ["Enrolments", "enrolments", "3"],
        ["Completions", "completions", "1"], ["Completion rate (%)", "completion-rate", "33.3"],
        ["Certificates", "certificates", "1"]]
    page = body(client, "/admin/dashboard")
    assert "Live data forensics" in page and "Draft course" not in page
    assert "50%" in page and '<meter min="0" max="100" value="50.0"' in page


def test_paper_numbers(client, make_paper, admin):
    make_paper(topics=("electronic-evidence", "investigation"))
    make_paper(topics=("electronic-evidence",), visibility=Visibility.MEMBERS)
    make_paper(topics=("investigation",), visibility=Visibility.RESTRICTED)
    make_paper(status=PaperStatus.PENDING)
    make_paper(status=PaperStatus.DRAFT)
    assert csv_rows(client, "papers-totals")[1:] == [
        ["Published", "published", "3"], ["Waiting for review", "pending", "1"],
        ["Being checked", "checking", "0"], ["Draft", "draft", "1"],
        ["Not accepted", "rejected", "0"]]
    rows = csv_rows(client, "papers-by-topic")
    assert rows[0] == ["Topic", "Code", "Published papers", "Public", "Members",
                       "Law enforcement and judiciary only"]
    topics = {row[1]: row[2:] for row in rows[1:]}
    assert len(topics) == 9
    assert topics["electronic-evidence"] == ["2", "1", "1", "0"]
    assert topics["investigation"] == ["2", "1", "0", "1"]
    assert topics["prevention"] == ["0", "0", "0", "0"]


def test_question_numbers(client, make_thread, make_answer, make_expert, asker, admin):
    expert = make_expert()
    solved, open_ = make_thread(), make_thread()
    posting.accept_answer(asker, solved, make_answer(expert, solved))
    make_answer(expert, open_)
    waiting = make_thread(visibility=Visibility.RESTRICTED)
    waiting.created_at = utcnow() - timedelta(hours=100)
    make_thread(topic="investigation", visibility=Visibility.PUBLIC)
    make_thread().hidden_at = utcnow()  # hidden questions are not counted
    db.session.commit()
    rows = csv_rows(client, "questions-by-topic")
    assert rows[0] == ["Topic", "Code", "Questions", "Unanswered",
                       "Without an accepted answer", "Unanswered after 72 hours"]
    topics = {row[1]: row[2:] for row in rows[1:]}
    assert len(topics) == 9
    assert topics["electronic-evidence"] == ["3", "1", "2", "1"]
    assert topics["investigation"] == ["1", "1", "1", "0"]
    assert topics["prevention"] == ["0", "0", "0", "0"]
    assert csv_rows(client, "questions-totals")[1:] == [
        ["Questions", "questions", "4"], ["Unanswered", "unanswered", "2"],
        ["Without an accepted answer", "unaccepted", "3"],
        ["Unanswered after 72 hours", "overdue", "1"]]


def test_csv_file_is_an_attachment_with_a_byte_order_mark(client, admin):
    response = client.get("/admin/dashboard/members-by-country.csv")
    assert response.mimetype == "text/csv"
    today = utcnow().date().isoformat()
    assert response.headers["Content-Disposition"] == \
        f"attachment; filename=vfac-members-by-country-{today}.csv"
    assert response.get_data().startswith(b"\xef\xbb\xbf")


def test_csv_labels_are_in_the_administrators_language(client, auth, make_user):
    arabic = make_user(Role.ADMINISTRATOR, totp=True, language="ar", country="EG")
    auth.login(arabic)
    rows = csv_rows(client, "members-by-country")
    assert rows[1] == ["مصر", "EG", "1", "0"]


def test_csv_cells_cannot_become_formulas(client, make_course, admin):
    course = make_course(title='=HYPERLINK("https://evil.example/","Open")')
    rows = csv_rows(client, "courses")
    assert rows[1][:2] == ['\'=HYPERLINK("https://evil.example/","Open")', course.slug]
    for text in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert dashboard._csv_cell(text) == "'" + text
    assert dashboard._csv_cell(-1) == -1 and dashboard._csv_cell("Ghana") == "Ghana"


def test_unknown_table_is_not_found(client, admin):
    assert client.get("/admin/dashboard/nope.csv").status_code == 404
    assert client.get("/admin/dashboard/members-totals.xls").status_code == 404


def test_world_map_is_a_self_contained_svg(client, make_user, admin):
    make_user(username="amina", country="SN")
    response = client.get("/admin/dashboard/map.svg")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.headers["Content-Security-Policy"] == \
        "default-src 'none'; style-src 'unsafe-inline'"
    assert response.headers["Cache-Control"] == "private, max-age=600"
    svg = response.get_data(as_text=True)
    assert "<script" not in svg.lower()
    assert set(re.findall(r"https?://[^\s\"'<>)]+", svg)) <= {"http://www.w3.org/2000/svg",
                                                               "http://www.w3.org/1999/xlink"}
    assert "Approved members by country" in svg and "Senegal: 1" in svg
    page = body(client, "/admin/dashboard")
    assert re.search(r'<img src="/admin/dashboard/map.svg" width="\d+" height="\d+"', page)


def test_world_map_is_drawn_again_only_when_the_counts_change(client, make_user, admin,
                                                               monkeypatch):
    drawn = []
    render = dashboard._render_map
    monkeypatch.setattr(dashboard, "_render_map", lambda counts: drawn.append(counts)
                        or render(counts))
    first = client.get("/admin/dashboard/map.svg").get_data()
    assert client.get("/admin/dashboard/map.svg").get_data() == first and len(drawn) == 1
    make_user(username="amina", country="SN")
    client.get("/admin/dashboard/map.svg")
    assert len(drawn) == 2 and drawn[-1]["SN"] == 1


def _content(make_user, make_course, make_paper, make_thread, n: int, start: int) -> None:
    for i in range(start, start + n):
        make_user(username=f"extra{i}", country=("SN", "FR", "BR", "IN", "CN")[i % 5])
        make_course(modules=1, lessons=1, questions=0)
        make_paper()
        make_thread(topic=("electronic-evidence", "prevention")[i % 2])


def test_query_count_does_not_grow_with_content(client, make_user, make_course, make_paper,
                                                make_thread, count_queries, admin):
    _content(make_user, make_course, make_paper, make_thread, 2, 0)
    client.get("/admin/dashboard")  # warm-up (session write)
    with count_queries() as few:
        assert client.get("/admin/dashboard").status_code == 200
    _content(make_user, make_course, make_paper, make_thread, 10, 2)
    with count_queries() as many:
        assert client.get("/admin/dashboard").status_code == 200
    assert few["n"] == many["n"] <= 16, (few, many)


def test_page_is_light_and_has_no_inline_style_or_script(client, make_user, admin):
    for i, code in enumerate(("SN", "FR", "BR", "IN", "CN", "EG", "RU", "MX", "KE", "NG") * 3):
        make_user(username=f"m{i}", country=code)
    assert gzipped_size(client, "/admin/dashboard") <= HTML_BUDGET
    page = body(client, "/admin/dashboard")
    assert " style=" not in page and "<style" not in page
    assert re.findall(r"<script(?![^>]*\bsrc=)", page) == []
    for key in KEYS:
        assert f'href="/admin/dashboard/{key}.csv"' in page
    assert page.count("<table") == 6


def test_long_tables_are_cut_on_the_page_but_not_in_the_csv(client, make_user, admin,
                                                            monkeypatch):
    for code in ("SN", "FR", "BR"):
        make_user(country=code)
    monkeypatch.setattr(dashboard, "ROWS_SHOWN", 2)
    page = body(client, "/admin/dashboard")
    assert "The first 2 of 4 rows are shown; the CSV file has them all." in page
    assert len(csv_rows(client, "members-by-country")) == 5


def test_arabic_dashboard_is_right_to_left(client, auth, make_user):
    arabic = make_user(Role.ADMINISTRATOR, totp=True, language="ar", country="EG")
    auth.login(arabic)
    response = client.get("/admin/dashboard", headers={"Accept-Encoding": "gzip"})
    page = gzip.decompress(response.get_data()).decode() \
        if response.headers.get("Content-Encoding") == "gzip" else response.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page and "مصر" in page
