"""Topics, topic hubs and the home page: what each reader sees, in which order, at what cost.

A topic hub shows the topic's published courses, latest papers and open questions the reader
may see, each with its visibility label, and its experts to members only; the home page
welcomes visitors with the way to join and only public items, and shows members what they
are learning, what is new in the topics they follow (their languages first) and their unread
notifications.
"""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from markupsafe import escape

from accounts.models import Profession, Role, Status
from courses.services import authoring, learning
from forum.services import moderation as forum_moderation
from forum.services import posting
from research.models import Status as PaperStatus
from tests.accounts.test_permissions import PEOPLE
from tests.platform.test_search import (MEM, PUB, RES, by_pillar, new_course, page,
                                        sections_of)
from tests.vfac.test_pages import HTML_BUDGET, gzipped_size
from vfac.extensions import db
from vfac.models import utcnow
from vfac.topics import all_topics, topic_by_slug, topics_by_slugs

SLUGS = ["phenomenon", "legislation", "criminalization", "investigation", "electronic-evidence",
         "criminal-justice", "international-cooperation", "prevention", "human-rights"]
TOPIC, OTHER = "electronic-evidence", "prevention"
LONG_AGO = timedelta(days=90)
SEES = {"anonymous": {PUB}, "member": {PUB, MEM}, "officer": {PUB, MEM, RES},
        "expert": {PUB, MEM, RES}, "moderator": {PUB, MEM, RES}}
HUB_PEOPLE = ["anonymous", "pending", "member", "officer", "expert", "moderator"]


def login_as(make_user, auth, who: str, **fields):
    """One of the people of tests/accounts/test_permissions.py, signed in (None: a visitor)."""
    if PEOPLE[who] is None:
        return None
    role, status, profession, totp = PEOPLE[who]
    user = make_user(role, status, profession=profession, totp=totp,
                     username=f"the{who.replace('_', '')}", **fields)
    assert auth.login(user).status_code == 302
    return user


def assert_sent_to_status(response) -> None:
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/status")


@pytest.fixture
def veteran(make_user):
    return make_user(username="veteran", reviewed_at=utcnow() - LONG_AGO,
                     profession=Profession.PROSECUTOR)


@pytest.fixture
def hider(make_user):
    return make_user(Role.MODERATOR, totp=True, username="hider", profession=Profession.ACADEMIC)


@pytest.fixture
def teacher(make_user):
    return make_user(Role.INSTRUCTOR, username="teacher", profession=Profession.ACADEMIC)


# key: (pillar, title, visibility); the items a hub or a home page may show
HUB = {
    "c_pub": ("courses", "Hub course for everyone", PUB),
    "c_mem": ("courses", "Hub course for members", MEM),
    "c_res": ("courses", "Hub course for investigators", RES),
    "p_pub": ("research", "Hub paper for everyone", PUB),
    "p_mem": ("research", "Hub paper for members", MEM),
    "p_res": ("research", "Hub paper for investigators", RES),
    "t_pub": ("forum", "Hub question for everyone", PUB),
    "t_mem": ("forum", "Hub question for members", MEM),
    "t_res": ("forum", "Hub question for investigators", RES),
    "t_cross": ("forum", "Cross-posted question from prevention", PUB),
}
# items of the topic that no hub shows, and items of another topic
NEVER = {
    "c_draft": "Hub course still a draft",
    "p_pending": "Hub paper waiting for review",
    "t_accepted": "Hub question already solved",
    "t_hidden": "Hub question hidden by a moderator",
    "t_deleted": "Hub question deleted",
}
ELSEWHERE = {
    "c_other": ("courses", "Prevention course", PUB),
    "p_other": ("research", "Prevention paper", PUB),
    "t_other": ("forum", "Prevention question", PUB),
}


@pytest.fixture
def hub(teacher, make_paper, make_thread, make_answer, make_expert, make_user, veteran, hider,
        asker):
    """A topic (electronic evidence) with items of each visibility, items it never shows,
    items of another topic, and experts of both topics."""
    made = {}
    for key, (pillar, title, visibility) in HUB.items():
        if pillar == "courses":
            made[key] = new_course(teacher, title, summary="About the topic.",
                                   visibility=visibility, topics=(TOPIC,), lessons=2)
        elif pillar == "research":
            made[key] = make_paper(title, visibility=visibility, topics=(TOPIC, "investigation"))
        elif key == "t_cross":
            made[key] = make_thread(title, visibility=visibility, topic=OTHER, topics=(TOPIC,))
        else:
            made[key] = make_thread(title, visibility=visibility, topic=TOPIC)
    made["c_draft"] = new_course(teacher, NEVER["c_draft"], summary="Not yet.", topics=(TOPIC,),
                                 published=False)
    made["p_pending"] = make_paper(NEVER["p_pending"], status=PaperStatus.PENDING)
    solved = made["t_accepted"] = make_thread(NEVER["t_accepted"], visibility=PUB)
    posting.accept_answer(asker, solved, make_answer(veteran, solved))
    made["t_hidden"] = make_thread(NEVER["t_hidden"], visibility=PUB)
    forum_moderation.set_hidden(hider, made["t_hidden"], True, "spam")
    made["t_deleted"] = make_thread(NEVER["t_deleted"], visibility=PUB)
    forum_moderation.set_deleted(hider, made["t_deleted"], True)
    made["c_other"] = new_course(teacher, ELSEWHERE["c_other"][1], summary="Other topic.",
                                 topics=(OTHER,))
    made["p_other"] = make_paper(ELSEWHERE["p_other"][1], topics=(OTHER,))
    made["t_other"] = make_thread(ELSEWHERE["t_other"][1], visibility=PUB, topic=OTHER)
    made["expert"] = make_expert("volkov", full_name="Oleg Volkov")
    made["other_expert"] = make_expert("okafor", topics=(OTHER,), full_name="Ngozi Okafor")
    made["waiting_expert"] = make_expert("waiting", status=Status.PENDING,
                                         full_name="Pending Expert")
    db.session.commit()
    return made


def titles_for(keys, sees: set, table=HUB) -> dict[str, set[str]]:
    found = {"courses": set(), "research": set(), "forum": set()}
    for key in keys:
        pillar, title, visibility = table[key]
        if visibility in sees:
            found[pillar].add(title)
    return found


def assert_never_shown(html: str) -> None:
    for title in NEVER.values():
        assert title not in html, title


# --- /topics and the nine hubs ------------------------------------------------------------------

def test_topics_lists_the_nine_topics_in_order(client):
    html = page(client, "/topics")
    assert re.findall(r'<dt><a href="/topics/([\w-]+)">', html) == SLUGS
    for topic in all_topics():
        assert str(escape(topic.name_in("en"))) in html
        assert str(escape(topic.description_in("en"))) in html


def _counts_line(html: str, slug: str) -> str:
    # the line of counts under a topic's description on /topics
    part = html.split(f'<dt><a href="/topics/{slug}">', 1)[1].split("</dd>", 1)[0]
    found = re.search(r'<span class="small">([^<]*)</span>', part)
    return found.group(1) if found else ""


def test_topics_count_what_each_reader_may_see(client, auth, make_user, make_paper,
                                               make_thread):
    author = make_user(Role.INSTRUCTOR, username="counter")
    new_course(author, "Public evidence course", summary="Seizing phones.",
               topics=("prevention",))
    new_course(author, "Restricted evidence course", summary="Undercover work.",
               visibility=RES, topics=("prevention",))
    new_course(author, "Draft course", summary="Not yet.", published=False,
               topics=("prevention",))
    make_paper("A public paper", topics=("prevention",))
    make_paper("A members paper", topics=("prevention",), visibility=MEM)
    make_paper("A pending paper", topics=("prevention",), status=PaperStatus.PENDING)
    make_thread("A members question about prevention", topic="prevention", visibility=MEM)
    assert _counts_line(page(client, "/topics"), "prevention") == "1 course · 1 paper"
    auth.login(make_user(profession=Profession.ACADEMIC, username="reader"))
    assert _counts_line(page(client, "/topics"), "prevention") == \
        "1 course · 2 papers · 1 question"
    auth.logout()
    auth.login(make_user(profession=Profession.POLICE, username="detective"))
    assert _counts_line(page(client, "/topics"), "prevention") == \
        "2 courses · 2 papers · 1 question"


@pytest.mark.parametrize("who", HUB_PEOPLE)
def test_every_hub_opens_for_everyone(client, auth, make_user, who):
    login_as(make_user, auth, who)
    for slug in SLUGS:
        response = client.get(f"/topics/{slug}")
        if who == "pending":  # unapproved members only reach their status page
            assert_sent_to_status(response)
            continue
        assert response.status_code == 200, (who, slug)
        html = response.get_data(as_text=True)
        topic = topic_by_slug(slug)
        assert f"<h1>{escape(topic.name_in('en'))}</h1>" in html
        assert str(escape(topic.description_in("en"))) in html
        assert [s.pillar for s in sections_of(html)] == ["courses", "research", "forum"]
        assert all(s.total == 0 and not s.items for s in sections_of(html))
    assert client.get("/topics/unknown").status_code == (302 if who == "pending" else 404)


@pytest.mark.parametrize("slug", [
    "unknown", "..", "../", "%2e%2e%2f", "..%2f..%2fetc%2fpasswd", "%00", "electronic-evidence%00",
    "x" * 5000, "%D8%A7%D9%84%D8%A3%D8%AF%D9%84%D8%A9", "Electronic-Evidence", "%FF%FE",
    "%ED%A0%80", "<script>", "'%20OR%20'1'='1", "electronic evidence", "%20", "%E2%80%AE",
])
def test_odd_topic_addresses_are_404(client, slug):
    response = client.get(f"/topics/{slug}")
    assert response.status_code == 404, (slug, response.status_code)


@pytest.mark.parametrize("how", ["cookie", "member"])
def test_a_hub_in_arabic(client, auth, make_user, hub, how):
    if how == "cookie":
        client.set_cookie("vfac_lang", "ar")
    else:
        login_as(make_user, auth, "member", language="ar")
    for slug in (TOPIC, "human-rights"):
        html = page(client, f"/topics/{slug}")
        topic = topic_by_slug(slug)
        assert '<html lang="ar" dir="rtl">' in html
        assert f"<h1>{escape(topic.name_in('ar'))}</h1>" in html
        assert str(escape(topic.description_in("ar"))) in html
        assert topic.description_in("en") not in html
    html = page(client, "/topics")
    assert 'dir="rtl"' in html and all(str(escape(t.name_in("ar"))) in html
                                       for t in all_topics())


# --- what a hub shows, to whom --------------------------------------------------------------------

@pytest.mark.parametrize("who", HUB_PEOPLE)
def test_a_hub_shows_the_topic_s_items_each_reader_may_see(client, auth, make_user, hub, who):
    login_as(make_user, auth, who)
    response = client.get(f"/topics/{TOPIC}")
    if who == "pending":
        assert_sent_to_status(response)
        return
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    sections = by_pillar(html)
    want = titles_for(HUB, SEES[who])
    assert {p: set(s.titles) for p, s in sections.items()} == want
    assert {p: s.total for p, s in sections.items()} == {p: len(t) for p, t in want.items()}
    assert [s.heading for s in sections.values()] == ["Courses", "Latest papers",
                                                      "Open questions"]
    for section in sections.values():
        for item in section.items:
            key = next(k for k, v in HUB.items() if v[1] == item["title"])
            assert item["labels"] == [HUB[key][2].value], item
    # newest paper first
    papers = [t for t in ("Hub paper for investigators", "Hub paper for members",
                          "Hub paper for everyone") if t in want["research"]]
    assert sections["research"].titles == papers
    assert_never_shown(html)
    for _pillar, title, _visibility in ELSEWHERE.values():
        assert title not in html
    # the full lists of the topic
    assert sections["courses"].more_url == f"/courses/?topic={TOPIC}"
    assert sections["research"].more_url == f"/research/?topic={TOPIC}"
    assert sections["forum"].more_url == f"/forum/c/{TOPIC}"


@pytest.mark.parametrize("who", HUB_PEOPLE)
def test_experts_are_named_to_members_only(client, auth, make_user, hub, who):
    login_as(make_user, auth, who)
    response = client.get(f"/topics/{TOPIC}")
    if who == "pending":
        assert_sent_to_status(response)
        return
    html = response.get_data(as_text=True)
    experts = html.split('<section class="experts" id="experts">', 1)[1].split("</section>")[0]
    assert "Ngozi Okafor" not in html and "Pending Expert" not in html
    if who == "anonymous":
        assert "Oleg Volkov" not in html and "/members/volkov" not in html
        assert "Their names are shown to members only." in experts
        assert '<span class="count">' not in experts  # not even how many
    else:
        assert '<a href="/members/volkov"><bdi>Oleg Volkov</bdi></a>' in experts
        assert "Police / law enforcement · Ghana" in experts
        assert '<span class="count">1</span>' in experts
        assert f'href="/forum/experts?topic={TOPIC}"' in experts


def test_an_expert_who_hides_the_country_is_listed_without_it(client, auth, make_user, hub):
    hub["expert"].profile_shows = ["organisation"]
    db.session.commit()
    login_as(make_user, auth, "member")
    experts = page(client, f"/topics/{TOPIC}").split('id="experts"', 1)[1]
    assert "Oleg Volkov" in experts and "Ghana" not in experts


def test_a_hub_shows_five_of_many_and_counts_them_all(client, make_paper, make_thread, teacher):
    for i in range(7):
        new_course(teacher, f"Many course {i}", summary="Many.", topics=(TOPIC,))
        make_paper(f"Many paper {i}", topics=(TOPIC,))
        make_thread(f"Many question {i}", visibility=PUB, topic=TOPIC)
    sections = by_pillar(page(client, f"/topics/{TOPIC}"))
    assert {p: (len(s.items), s.total) for p, s in sections.items()} == {
        "courses": (5, 7), "research": (5, 7), "forum": (5, 7)}
    assert sections["research"].titles == [f"Many paper {i}" for i in (6, 5, 4, 3, 2)]


# --- the home page --------------------------------------------------------------------------------

def test_a_visitor_is_asked_to_join_and_sees_public_items_only(client, hub):
    html = page(client, "/")
    assert "Apply for membership" in html and 'href="/auth/register"' in html
    assert "How to join" in html
    for step in ("Apply with your name, organisation, country, profession",
                 "Confirm your e-mail address", "A moderator checks your application"):
        assert step in html
    sections = sections_of(html)
    assert [s.heading for s in sections] == ["New courses", "New papers", "Open questions"]
    shown = {s.pillar: set(s.titles) for s in sections}
    public = titles_for(list(HUB) + list(ELSEWHERE), {PUB}, {**HUB, **ELSEWHERE})
    assert shown == public
    assert all(item["labels"] == ["public"] for s in sections for item in s.items)
    assert_never_shown(html)
    assert "Continue learning" not in html and "Unread notifications" not in html


def test_a_pending_member_is_sent_to_the_status_page(client, auth, make_user, hub):
    login_as(make_user, auth, "pending")
    assert_sent_to_status(client.get("/"))
    html = page(client, "/account/status")
    for _pillar, title, _visibility in HUB.values():
        assert title not in html


def test_a_member_s_home(client, auth, make_user, hub, make_thread, veteran, teacher):
    member = login_as(make_user, auth, "member", reviewed_at=utcnow() - LONG_AGO)
    member.followed_topics = topics_by_slugs([TOPIC])
    db.session.commit()
    # learning: one course half done, one finished (not "continue learning" any more)
    learning.enrol(member, hub["c_pub"])
    learning.complete_lesson(member, hub["c_pub"].modules[0].lessons[0])
    finished = new_course(teacher, "Finished course", summary="Done.", topics=(OTHER,))
    learning.enrol(member, finished)
    assert learning.complete_lesson(member, finished.modules[0].lessons[0]) is not None
    # someone answers the member's question (asked in a topic the member does not follow)
    mine = make_thread("My question about hashing", author=member, topic="investigation")
    posting.post_answer(veteran, mine, "Use SHA-256 and write the hash down.")
    db.session.commit()  # the unit of work ends: the member is told (a job)

    html = page(client, "/")
    assert "Apply for membership" not in html
    assert f"Welcome, {member.full_name}" in html
    assert "Choose the topics you follow" not in html  # they have chosen
    sections = sections_of(html)
    assert [s.heading for s in sections] == ["Unread notifications", "Continue learning",
                                             "New papers in your topics",
                                             "Open questions in your topics"]
    notes, learning_now, papers, questions = sections
    assert notes.anchor == "notifications" and notes.total == 1
    assert notes.titles == ["My question about hashing"]
    assert "New answer in a thread you follow" in notes.html
    assert notes.more_url == "/forum/notifications"
    assert learning_now.titles == ["Hub course for everyone"] and learning_now.total == 1
    assert '<progress max="100" value="50">' in learning_now.html
    assert "50% done" in learning_now.html
    assert set(papers.titles) == {"Hub paper for everyone", "Hub paper for members"}
    assert set(questions.titles) == {"Hub question for everyone", "Hub question for members",
                                     "Cross-posted question from prevention"}
    for section in (papers, questions):
        for item in section.items:
            key = next(k for k, v in HUB.items() if v[1] == item["title"])
            assert item["labels"] == [HUB[key][2].value]
    assert_never_shown(html)
    for _pillar, title, _visibility in ELSEWHERE.values():
        assert title not in html
    assert "Finished course" not in html

    # reading the notification empties the list
    client.get(notes.items[0]["url"])
    assert "Unread notifications" not in page(client, "/")


def test_a_member_without_topics_is_invited_to_choose(client, auth, make_user, hub):
    login_as(make_user, auth, "officer")
    html = page(client, "/")
    assert "Choose the topics you follow" in html and 'href="/account/settings#topics"' in html
    sections = sections_of(html)
    assert [s.heading for s in sections] == ["New courses", "New papers", "Open questions"]
    # an officer sees restricted items too, of every topic
    shown = {s.pillar: set(s.titles) for s in sections}
    assert "Hub paper for investigators" in shown["research"]
    assert "Prevention question" in shown["forum"]


def test_an_expert_s_home_follows_their_topics_of_expertise(client, auth, hub, make_user):
    expert = hub["expert"]  # electronic evidence and investigation
    assert auth.login(expert).status_code == 302
    sections = {s.heading: s for s in sections_of(page(client, "/"))}
    assert "Prevention question" not in sections["Open questions in your topics"].titles
    assert "Hub question for investigators" in sections["Open questions in your topics"].titles


def test_the_member_s_languages_come_first(client, auth, make_user, make_paper, make_thread):
    member = login_as(make_user, auth, "member", language="fr")
    member.reads_languages = ["es"]
    member.followed_topics = topics_by_slugs(["investigation"])
    db.session.commit()
    for language in ("es", "fr", "en", "ar"):  # the English and Arabic ones are the newest
        make_paper(f"Paper in {language}", language=language, topics=("investigation",))
        make_thread(f"Question in {language}", language=language, topic="investigation",
                    visibility=PUB)
    sections = {s.pillar: s for s in sections_of(page(client, "/"))}
    assert sections["research"].titles[:2] == ["Paper in fr", "Paper in es"]
    assert sections["forum"].titles[:2] == ["Question in fr", "Question in es"]
    assert sections["research"].titles[2:] == ["Paper in ar", "Paper in en"]  # newest first


def test_a_visitor_s_language_comes_first(client, make_paper, make_thread, teacher):
    for language in ("fr", "en", "ar"):  # the French ones are the oldest
        new_course(teacher, f"Course in {language}", summary="s", language=language)
        make_paper(f"Paper in {language}", language=language)
        make_thread(f"Question in {language}", language=language, visibility=PUB)
    client.set_cookie("vfac_lang", "fr")
    sections = {s.pillar: s.titles for s in sections_of(page(client, "/"))}
    assert sections == {"courses": ["Course in fr", "Course in ar", "Course in en"],
                        "research": ["Paper in fr", "Paper in ar", "Paper in en"],
                        "forum": ["Question in fr", "Question in ar", "Question in en"]}
    client.set_cookie("vfac_lang", "en")
    sections = {s.pillar: s.titles for s in sections_of(page(client, "/"))}
    assert sections["research"] == ["Paper in en", "Paper in ar", "Paper in fr"]


def test_continue_learning_leaves_out_unpublished_courses(client, auth, make_user, teacher):
    member = login_as(make_user, auth, "officer")
    kept = new_course(teacher, "Course still published", summary="On.", lessons=2)
    withdrawn = new_course(teacher, "Course taken back to draft", summary="Off.", lessons=2)
    for course in (kept, withdrawn):
        learning.enrol(member, course)
    authoring.set_published(teacher, withdrawn, False)
    section = next(s for s in sections_of(page(client, "/")) if s.pillar == "courses")
    assert section.heading == "Continue learning"
    assert section.titles == ["Course still published"]
    assert section.total == len(section.items)  # the count agrees with the list


def test_continue_learning_leaves_out_courses_the_member_may_no_longer_see(client, auth,
                                                                           make_user, teacher):
    member = login_as(make_user, auth, "member")  # an academic: no restricted content
    course = new_course(teacher, "Course for members, then for investigators", summary="On.",
                        visibility=MEM, lessons=2)
    learning.enrol(member, course)
    assert "Course for members, then" in page(client, "/")
    authoring.update_course(teacher, course, authoring.CourseInput(
        title=course.title, slug=course.slug, summary=course.summary, outcomes=course.outcomes,
        topics=(TOPIC,), language="en", level=course.level, audience=("police",), hours=3,
        visibility=RES))
    assert client.get(f"/courses/{course.slug}").status_code in (403, 404)  # not theirs to see
    assert "Course for members, then" not in page(client, "/")


def test_home_notifications_leave_out_hidden_and_deleted_threads(client, auth, make_thread, hub,
                                                                  hider):
    """An expert told of a new question must not see its title once a moderator removed it."""
    expert = hub["expert"]  # told of new questions in electronic evidence, in English
    removed = make_thread("Question removed for naming a suspect", visibility=PUB)
    hidden = make_thread("Question hidden for spam", visibility=PUB)
    kept = make_thread("Question still there", visibility=PUB)
    forum_moderation.set_deleted(hider, removed, True)
    forum_moderation.set_hidden(hider, hidden, True, "spam")
    assert auth.login(expert).status_code == 302
    html = page(client, "/")
    notes = next(s for s in sections_of(html) if s.anchor == "notifications")
    assert kept.title in notes.titles
    assert [t for t in (removed.title, hidden.title) if t in html] == []


# --- cost -----------------------------------------------------------------------------------------

def _queries(client, count_queries, url: str) -> int:
    client.get(url)  # warm the caches (topics, the session)
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter["n"]


def _ten_more(teacher, make_paper, make_thread, member, veteran, n: int = 10) -> None:
    authors = (("Ama Owusu", "", None), ("Li Wei", "", None), ("Jean Diop", "", None))
    for i in range(n):
        visibility = [PUB, MEM, RES][i % 3]
        course = new_course(teacher, f"More course {i}", summary="Evidence again.",
                            visibility=visibility, topics=(TOPIC, "investigation"))
        make_paper(f"More paper {i}", abstract="Evidence again.", authors=authors,
                   visibility=visibility, topics=(TOPIC, "investigation"))
        make_thread(f"More question {i}", body="Evidence again?", visibility=visibility,
                    topic=TOPIC, topics=("investigation",), tags=(f"t{i}", "cloud"))
        if member is not None and visibility is not RES:
            learning.enrol(member, course)
            mine = make_thread(f"My question {i}", author=member, visibility=PUB)
            posting.post_answer(veteran, mine, f"Answer {i}")
            db.session.commit()  # the unit of work ends: the member is told (a job)


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_queries_do_not_grow_with_the_content(client, auth, make_user, make_paper, make_thread,
                                              count_queries, teacher, veteran, hub, who):
    member = login_as(make_user, auth, who, reviewed_at=utcnow() - LONG_AGO) \
        if who != "anonymous" else None
    if member is not None:
        member.followed_topics = topics_by_slugs([TOPIC, "investigation"])
        db.session.commit()
        learning.enrol(member, hub["c_pub"])
    # one of each first, so that no list is empty before (an empty list loads nothing more)
    _ten_more(teacher, make_paper, make_thread, member, veteran, n=1)
    urls = ["/", f"/topics/{TOPIC}", "/search?q=evidence", "/topics"]
    before = {url: _queries(client, count_queries, url) for url in urls}
    _ten_more(teacher, make_paper, make_thread, member, veteran)
    after = {url: _queries(client, count_queries, url) for url in urls}
    assert all(after[url] <= before[url] for url in urls), (before, after)
    assert all(n <= 25 for n in before.values()), before


@pytest.mark.parametrize("url", ["/", f"/topics/{TOPIC}"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_page_weight_with_lots_of_content(client, auth, make_user, make_paper, make_thread,
                                          teacher, veteran, hub, url, language):
    member = login_as(make_user, auth, "officer", reviewed_at=utcnow() - LONG_AGO,
                      language=language)
    member.followed_topics = topics_by_slugs(SLUGS)
    db.session.commit()
    _ten_more(teacher, make_paper, make_thread, member, veteran, n=20)
    html = page(client, url)
    assert all(len(s.items) == 5 for s in sections_of(html)), [
        (s.heading, len(s.items)) for s in sections_of(html)]
    size = gzipped_size(client, url)
    assert size <= HTML_BUDGET, (url, size)
    if language == "ar":
        assert '<html lang="ar" dir="rtl">' in html
