"""Member pages (/members/<username>) and what a member chooses to show on theirs.

Who may open a member page; what it shows (profession, country, organisation, expertise,
courses completed, papers, accepted answers) to each viewer, with visibility labels and
without unpublished or hidden items; the privacy settings (posted as the settings form does),
certificate links, bad values, followed topics; queries, page weight and Arabic.
"""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from babel.lists import format_list
from markupsafe import escape

from accounts.models import PROFILE_SHOWN_BY_DEFAULT, Profession, Role, Status, User
from courses.services import authoring, learning
from forum.services import moderation as forum_moderation
from forum.services import posting
from research.models import Status as PaperStatus
from tests.accounts.test_permissions import ORDER, make_person
from tests.platform.test_search import MEM, PUB, RES, new_course, page, sections_of
from tests.vfac.test_pages import HTML_BUDGET, gzipped_size
from vfac.extensions import db
from vfac.models import utcnow
from vfac.topics import topics_by_slugs

LONG_AGO = timedelta(days=90)
HEADINGS = {"courses": "Courses completed", "research": "Papers", "forum": "Accepted answers"}
PARTS = ("organisation", "country", "courses", "certificates", "papers", "answers")
LABELS = {"organisation": "My organisation", "country": "My country",
          "courses": "Courses I completed",
          "certificates": "Links to my certificates (verifiable by anyone with the link)",
          "papers": "Papers I submitted to the library",
          "answers": "My accepted answers on the advice board"}


@pytest.fixture
def kofi(make_user):
    """The member whose page is looked at: an expert police officer from Ghana."""
    return make_user(Role.EXPERT, username="kofi", full_name="Kofi Boateng", country="GH",
                     organisation="Ghana Police Service Cybercrime Unit",
                     profession=Profession.POLICE, reviewed_at=utcnow() - LONG_AGO,
                     expert_topics=topics_by_slugs(["electronic-evidence", "investigation"]))


@pytest.fixture
def teacher(make_user):
    return make_user(Role.INSTRUCTOR, username="teacher", profession=Profession.ACADEMIC)


@pytest.fixture
def hider(make_user):
    return make_user(Role.MODERATOR, totp=True, username="hider", profession=Profession.ACADEMIC)


def complete(member, course) -> None:
    """Enrol, finish every lesson and pass every quiz (the learning services)."""
    learning.enrol(member, course)
    for module in course.modules:
        if module.quiz is not None and module.quiz.questions:
            answers = {q.id: {o.id for o in q.options if o.is_correct}
                       for q in module.quiz.questions}
            assert learning.submit_attempt(member, module.quiz, answers).is_passed
        for lesson in module.lessons:
            learning.complete_lesson(member, lesson)
    assert learning.enrolment_of(member, course).completed_at is not None


# key: (pillar, title, visibility); what kofi's page may list
SHOWN = {
    "c_pub": ("courses", "Completed public course", PUB),
    "c_quiz": ("courses", "Completed course with a quiz", MEM),
    "c_res": ("courses", "Completed restricted course", RES),
    "p_pub": ("research", "Kofi's public paper", PUB),
    "p_mem": ("research", "Kofi's paper for members", MEM),
    "p_res": ("research", "Kofi's restricted paper", RES),
    "t_pub": ("forum", "Question solved by Kofi", PUB),
    "t_res": ("forum", "Restricted question solved by Kofi", RES),
}
NEVER = ["Course in progress", "Completed, then withdrawn", "Kofi's pending paper",
         "Kofi's draft paper", "Someone else's paper", "Question Kofi answered, not accepted",
         "Solved question later hidden", "Question solved by someone else"]
SEES = {"member": {PUB, MEM}, "officer": {PUB, MEM, RES}, "kofi": {PUB, MEM, RES}}


@pytest.fixture
def record(kofi, teacher, make_user, make_paper, make_thread, make_answer, asker, hider):
    """Kofi's courses, papers and answers, with items that his page never shows."""
    made = {"c_pub": new_course(teacher, SHOWN["c_pub"][1], summary="s", lessons=2),
            "c_quiz": new_course(teacher, SHOWN["c_quiz"][1], summary="s", visibility=MEM,
                                 questions=2),
            "c_res": new_course(teacher, SHOWN["c_res"][1], summary="s", visibility=RES)}
    for key in ("c_pub", "c_quiz", "c_res"):
        complete(kofi, made[key])
    learning.enrol(kofi, new_course(teacher, "Course in progress", summary="s", lessons=2))
    withdrawn = new_course(teacher, "Completed, then withdrawn", summary="s")
    complete(kofi, withdrawn)
    authoring.set_published(teacher, withdrawn, False)

    for key, visibility in (("p_pub", PUB), ("p_mem", MEM), ("p_res", RES)):
        made[key] = make_paper(SHOWN[key][1], visibility=visibility, submitter=kofi)
    make_paper("Kofi's pending paper", submitter=kofi, status=PaperStatus.PENDING)
    make_paper("Kofi's draft paper", submitter=kofi, status=PaperStatus.DRAFT)
    make_paper("Someone else's paper")

    other = make_user(username="other", reviewed_at=utcnow() - LONG_AGO)
    for key, visibility in (("t_pub", PUB), ("t_res", RES)):
        thread = made[key] = make_thread(SHOWN[key][1], visibility=visibility)
        posting.accept_answer(asker, thread, make_answer(kofi, thread))
    make_answer(kofi, make_thread("Question Kofi answered, not accepted", visibility=PUB))
    hidden = make_thread("Solved question later hidden", visibility=PUB)
    posting.accept_answer(asker, hidden, make_answer(kofi, hidden))
    forum_moderation.set_hidden(hider, hidden, True, "case details")
    elsewhere = make_thread("Question solved by someone else", visibility=PUB)
    make_answer(kofi, elsewhere, "My guess.")
    posting.accept_answer(asker, elsewhere, make_answer(other, elsewhere))
    db.session.commit()
    return made


def expected(sees: set) -> dict[str, list[str]]:
    found = {"courses": set(), "research": set(), "forum": set()}
    for pillar, title, visibility in SHOWN.values():
        if visibility in sees:
            found[pillar].add(title)
    return found


def sections(html: str) -> dict:
    return {s.pillar: s for s in sections_of(html)}


def view_as(make_user, auth, who: str, **fields):
    if who == "kofi":
        user = db.session.execute(db.select(User).filter_by(username="kofi")).scalar_one()
    else:
        profession = Profession.ACADEMIC if who == "member" else Profession.POLICE
        user = make_user(username=f"viewer{who}", profession=profession, **fields)
    assert auth.login(user).status_code == 302
    return user


SETTINGS = {"full_name": "Kofi Boateng", "organisation": "Ghana Police Service Cybercrime Unit",
            "language": "en", "mail_notifications": "immediate"}


def save_settings(client, **data):
    return client.post("/account/settings", data={**SETTINGS, **data})


def certificate_links(html: str) -> list[str]:
    return re.findall(r'href="(/certificates/[^"]+)"', html)


# --- who may open a member page ----------------------------------------------------------------

@pytest.mark.parametrize("who", ORDER)
def test_member_pages_are_for_members(client, auth, make_user, kofi, who):
    user = make_person(make_user, who)
    if user is not None:
        assert auth.login(user).status_code == 302
    for url in ("/members/kofi", "/members/KOFI"):  # usernames are found whatever their case
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302
            assert "/auth/login" in response.headers["Location"]
        elif who in ("pending", "rejected"):
            assert response.status_code == 302
            assert response.headers["Location"].endswith("/account/status")
        else:
            assert response.status_code == 200, (who, url)
            assert "Kofi Boateng" in response.get_data(as_text=True)
    unknown = client.get("/members/nobody")
    assert unknown.status_code == (302 if who in ("pending", "rejected") else 404)


def test_a_pending_member_s_page_is_for_them_and_staff(client, auth, make_user):
    make_user(status=Status.PENDING, username="waiting")
    member = make_user(username="colleague")
    assert auth.login(member).status_code == 302
    assert client.get("/members/waiting").status_code == 403
    auth.logout()
    assert auth.login(make_user(Role.MODERATOR, totp=True, username="mod")).status_code == 302
    assert client.get("/members/waiting").status_code == 200


@pytest.mark.parametrize("name", [
    "%00", "kofi%00", "x" * 5000, "%D9%83%D9%88%D9%81%D9%8A", "kofi@example.org", "%FF%FE",
    "%ED%A0%80", "<script>", "'%20OR%20'1'='1", "kofi%25", "k_fi", "%25", "..", "%E2%80%AE",
])
@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_odd_usernames_are_404(client, auth, make_user, kofi, name, who):
    if who == "member":
        assert auth.login(make_user(username="colleague")).status_code == 302
    response = client.get(f"/members/{name}")
    # an e-mail address never finds a member page (usernames are public, addresses are not)
    assert response.status_code == 404, (name, response.status_code)


# --- what it shows -------------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["member", "officer", "kofi"])
def test_a_member_page_shows_what_the_viewer_may_see(client, auth, make_user, record, who):
    view_as(make_user, auth, who)
    html = page(client, "/members/kofi")
    assert "<h1><bdi>Kofi Boateng</bdi> <small class=\"muted\"><bdi dir=\"ltr\">@kofi</bdi></small></h1>" \
        in html
    assert '<span class="badge">Expert</span>' in html
    assert '<span class="badge">Police / law enforcement</span>' in html
    assert "<dd><bdi>Ghana Police Service Cybercrime Unit</bdi></dd>" in html
    assert "<dd>Ghana</dd>" in html
    assert 'href="/topics/electronic-evidence">Electronic evidence' in html
    assert 'href="/topics/investigation">' in html
    found = sections(html)
    assert {p: s.heading for p, s in found.items()} == HEADINGS
    assert {p: set(s.titles) for p, s in found.items()} == expected(SEES[who])
    assert {p: s.total for p, s in found.items()} == {p: len(t) for p, t in
                                                       expected(SEES[who]).items()}
    for section in found.values():
        for item in section.items:
            key = next(k for k, v in SHOWN.items() if v[1] == item["title"])
            assert item["labels"] == [SHOWN[key][2].value], item
    for title in NEVER:
        assert str(escape(title)) not in html, title
    # certificate links are off by default: only the owner sees them
    links = certificate_links(found["courses"].html)
    assert len(links) == (3 if who == "kofi" else 0)
    own_note = "This is your own page: you see all of it."
    assert (own_note in html) == (who == "kofi")
    if who == "kofi":  # certificates are the one part hidden by default
        assert f"Hidden from them: {escape(LABELS['certificates'])}." in html
        assert 'href="/account/settings#privacy"' in html


def test_the_default_shows_all_but_certificate_links(kofi):
    assert kofi.profile_shows == list(PROFILE_SHOWN_BY_DEFAULT)
    assert "certificates" not in PROFILE_SHOWN_BY_DEFAULT
    assert set(PROFILE_SHOWN_BY_DEFAULT) | {"certificates"} == set(PARTS)


def test_a_member_with_nothing_yet(client, auth, make_user):
    make_user(username="newcomer", full_name="New Comer")
    view_as(make_user, auth, "member")
    html = page(client, "/members/newcomer")
    found = sections(html)
    assert {p: (s.total, s.items) for p, s in found.items()} == {
        "courses": (0, []), "research": (0, []), "forum": (0, [])}
    for text in ("No course completed yet.", "No paper in the library yet.",
                 "No accepted answer yet."):
        assert text in html
    assert "Expert in:" not in html


# --- privacy settings ----------------------------------------------------------------------------

@pytest.mark.parametrize("hidden", [("organisation",), ("country",), ("courses",), ("papers",),
                                    ("answers",), ("organisation", "country", "courses",
                                                   "papers", "answers")])
def test_hidden_parts_disappear_for_others_only(client, auth, make_user, record, hidden):
    view_as(make_user, auth, "kofi")
    shows = [p for p in PROFILE_SHOWN_BY_DEFAULT if p not in hidden]
    assert save_settings(client, profile_shows=shows).status_code == 302
    assert db.session.execute(db.select(User).filter_by(username="kofi")).scalar_one() \
        .profile_shows == shows

    # the owner still sees everything, and what is hidden from others
    own = page(client, "/members/kofi")
    assert {p: set(s.titles) for p, s in sections(own).items()} == expected(SEES["kofi"])
    assert "Ghana Police Service Cybercrime Unit" in own and "<dd>Ghana</dd>" in own
    note = format_list([LABELS[p] for p in PARTS if p in hidden or p == "certificates"],
                       locale="en")
    assert f"Hidden from them: {escape(note)}." in own
    auth.logout()

    view_as(make_user, auth, "officer")
    html = page(client, "/members/kofi")
    assert ("Ghana Police Service Cybercrime Unit" in html) == ("organisation" not in hidden)
    assert ("<dd>Ghana</dd>" in html) == ("country" not in hidden)
    found = sections(html)
    want = expected(SEES["officer"])
    assert set(found) == {p for p in ("courses", "research", "forum")
                          if {"courses": "courses", "research": "papers",
                              "forum": "answers"}[p] not in hidden}
    for pillar, section in found.items():
        assert set(section.titles) == want[pillar]
    for pillar, part in (("courses", "courses"), ("research", "papers"), ("forum", "answers")):
        if part in hidden:
            assert HEADINGS[pillar] not in html
            for _p, title, _v in (v for v in SHOWN.values() if v[0] == pillar):
                assert str(escape(title)) not in html, title
    assert "This is your own page" not in html and "Hidden from them" not in html
    # the name, role, profession and expertise are always shown to members
    assert "Kofi Boateng" in html and "Police / law enforcement" in html
    assert "Expert in:" in html


def test_certificate_links_only_when_chosen(client, auth, make_user, record):
    view_as(make_user, auth, "kofi")
    own_links = certificate_links(page(client, "/members/kofi"))
    assert len(own_links) == 3
    for link in own_links:  # each link opens a real certificate
        assert "Kofi Boateng" in page(client, link)
    assert save_settings(client, profile_shows=[*PROFILE_SHOWN_BY_DEFAULT, "certificates"]
                         ).status_code == 302
    assert "Hidden from them" not in page(client, "/members/kofi")
    auth.logout()

    view_as(make_user, auth, "member")  # an academic: not the restricted course's certificate
    html = page(client, "/members/kofi")
    links = certificate_links(html)
    assert len(links) == 2 and set(links) < set(own_links)
    assert html.count(">Certificate</a>") == 2
    auth.logout()

    # certificates chosen but courses hidden: no courses, no links
    view_as(make_user, auth, "kofi")
    assert save_settings(client, profile_shows=["certificates", "papers"]).status_code == 302
    auth.logout()
    view_as(make_user, auth, "officer")
    html = page(client, "/members/kofi")
    assert certificate_links(html) == [] and "Courses completed" not in html


@pytest.mark.parametrize("field,value,message", [
    ("profile_shows", ["foo"], "Choose from the list."),
    ("profile_shows", ["papers", "<script>"], "Choose from the list."),
    ("profile_shows", ["email"], "Choose from the list."),
    ("followed_topics", ["nope"], "Choose topics from the list."),
    ("followed_topics", ["prevention", "../etc"], "Choose topics from the list."),
    ("followed_topics", ["x" * 5000], "Choose topics from the list."),
])
def test_bad_values_redisplay_the_form_and_change_nothing(client, auth, make_user, kofi, field,
                                                          value, message):
    view_as(make_user, auth, "kofi")
    kofi.followed_topics = topics_by_slugs(["investigation"])
    db.session.commit()
    response = save_settings(client, **{field: value}, full_name="Changed Name")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html and "<script>" not in html.split("<main", 1)[1]
    db.session.expire_all()
    member = db.session.get(User, kofi.id)
    assert member.full_name == "Kofi Boateng"
    assert member.profile_shows == list(PROFILE_SHOWN_BY_DEFAULT)
    assert [t.slug for t in member.followed_topics] == ["investigation"]


def test_nul_in_the_settings_is_refused(client, auth, make_user, kofi):
    view_as(make_user, auth, "kofi")
    for data in ({"profile_shows": ["papers\x00"]}, {"followed_topics": ["\x00"]}):
        assert save_settings(client, **data).status_code == 400
    assert db.session.get(User, kofi.id).profile_shows == list(PROFILE_SHOWN_BY_DEFAULT)


def _checked(html: str, name: str) -> list[str]:
    return re.findall(rf'<input checked id="{name}-\d+" name="{name}" type="checkbox" '
                      rf'value="([\w-]+)">', html)


def test_followed_topics_are_saved_and_shown_checked_again(client, auth, make_user, kofi):
    view_as(make_user, auth, "kofi")
    settings = page(client, "/account/settings")
    assert _checked(settings, "followed_topics") == []
    assert _checked(settings, "profile_shows") == list(PROFILE_SHOWN_BY_DEFAULT)
    response = save_settings(client, followed_topics=["prevention", "investigation"],
                             profile_shows=["papers", "country"])
    assert response.status_code == 302
    member = db.session.get(User, kofi.id)
    assert [t.slug for t in member.followed_topics] == ["investigation", "prevention"]
    assert member.profile_shows == ["country", "papers"]  # in the parts' usual order
    settings = page(client, "/account/settings")
    assert _checked(settings, "followed_topics") == ["investigation", "prevention"]
    assert _checked(settings, "profile_shows") == ["country", "papers"]
    # the home page no longer asks to choose topics
    assert "Choose the topics you follow" not in page(client, "/")
    # unchecking everything is allowed: nothing followed, nothing shown
    assert save_settings(client).status_code == 302
    member = db.session.get(User, kofi.id)
    assert member.followed_topics == [] and member.profile_shows == []
    settings = page(client, "/account/settings")
    assert _checked(settings, "followed_topics") == [] == _checked(settings, "profile_shows")


# --- cost and languages ---------------------------------------------------------------------------

def _more(kofi, teacher, make_paper, make_thread, make_answer, asker, n: int) -> None:
    authors = (("Ama Owusu", "", None), ("Li Wei", "", None), ("Jean Diop", "", None))
    for i in range(n):
        visibility = [PUB, MEM, RES][i % 3]
        complete(kofi, new_course(teacher, f"Course {i} completed by Kofi", summary="s",
                                  visibility=visibility,
                                  topics=("electronic-evidence", "investigation")))
        make_paper(f"Paper {i} by Kofi", submitter=kofi, visibility=visibility, authors=authors,
                   topics=("electronic-evidence", "investigation"))
        thread = make_thread(f"Question {i} solved by Kofi", visibility=visibility,
                             tags=(f"t{i}", "cloud"))
        posting.accept_answer(asker, thread, make_answer(kofi, thread))


def _queries(client, count_queries, url: str) -> int:
    client.get(url)
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter["n"]


@pytest.mark.parametrize("who", ["officer", "kofi"])
def test_member_page_queries_do_not_grow(client, auth, make_user, make_paper, make_thread,
                                         make_answer, asker, kofi, teacher, count_queries, who):
    kofi.profile_shows = list(PARTS)  # certificate links too
    db.session.commit()
    _more(kofi, teacher, make_paper, make_thread, make_answer, asker, 1)
    view_as(make_user, auth, who)
    before = _queries(client, count_queries, "/members/kofi")
    _more(kofi, teacher, make_paper, make_thread, make_answer, asker, 12)
    after = _queries(client, count_queries, "/members/kofi")
    assert after <= before <= 15, (before, after)
    found = sections(page(client, "/members/kofi"))
    assert {p: s.total for p, s in found.items()} == {"courses": 13, "research": 13,
                                                       "forum": 13}


def test_counts_are_the_full_totals_when_the_lists_are_cut(client, auth, make_user, make_paper,
                                                          make_thread, make_answer, asker, kofi,
                                                          teacher):
    """A long record is listed in part; the heading still says how many there are."""
    _more(kofi, teacher, make_paper, make_thread, make_answer, asker, 24)
    view_as(make_user, auth, "officer")
    found = sections(page(client, "/members/kofi"))
    assert {p: s.total for p, s in found.items()} == {"courses": 24, "research": 24,
                                                       "forum": 24}
    assert all(len(s.items) <= s.total for s in found.values())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_page_weight_and_arabic(client, auth, make_user, make_paper, make_thread,
                                       make_answer, asker, kofi, teacher, language):
    kofi.profile_shows = list(PARTS)
    db.session.commit()
    _more(kofi, teacher, make_paper, make_thread, make_answer, asker, 25)
    view_as(make_user, auth, "officer", language=language)
    html = page(client, "/members/kofi")
    assert all(0 < len(s.items) <= 25 for s in sections_of(html))
    size = gzipped_size(client, "/members/kofi")
    assert size <= HTML_BUDGET, size
    if language == "ar":
        assert '<html lang="ar" dir="rtl">' in html
        assert "<bdi>Kofi Boateng</bdi>" in html  # a Latin name kept apart in a RTL page
