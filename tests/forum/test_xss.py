"""Hostile member input on the advice board is inert on every page that shows it.

Every entry of tests.xss.CORPUS goes in as a question title and body, an answer, a comment, a
tag, a username, a flag note and an edit reason: through the routes wherever the forms let it
pass, through the services where a form would refuse it first (or where a hundred posts through
the form would only cost time: some flags and edits). Every page that then shows it
(thread, category listing, board index, search, notifications, questions for you, moderation
queue, expert directory, flag, edit and history pages, the three Atom feeds) must pass
assert_inert. Titles, names, notes and reasons are escaped, not sanitised: their text must
still be on the page, escaped.

To stay under a minute, titles go one entry to a question but 17 questions to a test; bodies
17 entries to a question, an answer and a few comments (and also one entry to each answer and
comment, 34 answers to a thread page); every list is put on a single page.

Entries with a NUL character are kept apart: PostgreSQL cannot store one (see test_nul_bytes).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import feedparser
import pytest
from markupsafe import escape
from sqlalchemy import func, select

from accounts.models import Role
from forum import feeds
from forum.forms import TAG, parse_tags
from forum.models import Comment, Flag, FlagReason, Post, Revision, Tag, Thread
from forum.services import moderation, notify, posting
from tests.forum.conftest import topics_of
from tests.xss import CORPUS, assert_inert
from vfac.extensions import db
from vfac.models import Visibility, utcnow

MARKERS = ["alert(1)"]
TOPICS = ("phenomenon", "legislation", "criminalization", "investigation", "electronic-evidence",
          "criminal-justice", "international-cooperation", "prevention", "human-rights")
WORD = "quokka"  # in every hostile title and body, to find them with the board's search

STORABLE = [entry for entry in CORPUS if "\x00" not in entry]
WITH_NUL = [entry for entry in CORPUS if "\x00" in entry]

ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_ELEMENTS = {"feed", "id", "title", "subtitle", "updated", "link", "author", "name",
                 "generator", "entry", "published", "category", "content"}

# Tags the form accepts (one word of letters, digits, hyphens) that still try to fool a reader:
# look-alike letters, full-width and mathematical letters, an invisible letter, right-to-left
# digits, the names of dangerous things.
UNICODE_TAGS = ("ѕcript", "ｓｃｒｉｐｔ", "𝓈𝒸𝓇𝒾𝓅𝓉", "ѕcript-аlert", "javascript", "onerror",
                "ﾠ", "١٢٣", "ⅷ", "alert-1")


def _chunks(entries: list[str], size: int) -> list[list[str]]:
    return [entries[i:i + size] for i in range(0, len(entries), size)]


def _params(chunks: list[list[str]]) -> list:
    return [pytest.param(chunk, id=f"corpus{CORPUS.index(chunk[0]):03d}-"
                                   f"{CORPUS.index(chunk[-1]):03d}") for chunk in chunks]


CHUNKS = _chunks(STORABLE, 17)  # at most 20 a test: one page of search results


# ---------------------------------------------------------------- helpers

@pytest.fixture(autouse=True)
def _one_page_each(app, monkeypatch):
    """Every list on one page and every post let through the link limit, so each page is
    rendered once and every hostile entry is on it."""
    for key in ("FORUM_THREADS_PER_PAGE", "FORUM_ANSWERS_PER_PAGE", "PER_PAGE",
                "FORUM_MAX_LINKS_UNPROVEN"):
        monkeypatch.setitem(app.config, key, 1000)
    monkeypatch.setattr(feeds, "FEED_SIZE", 1000)
    # Notifications are still written (and shown); only their e-mails are not sent: the
    # hostile usernames make hostile addresses, and mail is plain text anyway.
    monkeypatch.setattr(notify, "mail_later", lambda notes: None)


def _long_ago():
    return utcnow() - timedelta(days=60)  # not a new member: no posting limit an hour


@pytest.fixture
def watcher(make_user):
    """An expert of every topic, reading English: told of every question, mentioned in bodies."""
    return make_user(Role.EXPERT, username="watcher", expert_topics=topics_of(TOPICS),
                     reads_languages=[], reviewed_at=_long_ago())


@pytest.fixture
def moderator(make_user):
    return make_user(Role.MODERATOR, totp=True, username="moderator")


def _inert(html: str) -> None:
    assert_inert(html, payload_markers=MARKERS)


def _get(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    _inert(response.text)
    return response.text


def _errors(response) -> str:
    return " | ".join(re.findall(r'class="errors"[^>]*>(.*?)</', response.text, re.S))


def _post(client, url: str, data: dict, status: int = 302):
    response = client.post(url, data=data)
    assert response.status_code == status, (url, response.status_code, _errors(response))
    if status != 302:
        _inert(response.text)
    return response


def _fit(entry: str, limit: int) -> str:
    """At most `limit` characters, keeping the start and the end (where payloads close)."""
    if len(entry) <= limit:
        return entry
    head = limit // 2
    return entry[:head] + entry[len(entry) - (limit - head):]


def _title(entry: str) -> str:
    return _fit(f"{WORD} {entry}", 200)  # the word also makes the shortest entries long enough


def _ask(client, title: str, body: str, *, category: str = "electronic-evidence",
         tags: str = "", step: str = "confirm", similar_seen: str = "1", status: int = 302):
    return _post(client, "/forum/ask", {
        "title": title, "body": body, "category": category, "tags": tags, "language": "en",
        "country": "", "visibility": "public", "step": step, "similar_seen": similar_seen},
        status)


def _thread_at(response) -> Thread:
    match = re.search(r"/forum/(\d+)/", response.headers["Location"])
    assert match, response.headers["Location"]
    return db.session.get(Thread, int(match.group(1)))


def _shown(text: str) -> str:
    """How a plain-text field (title, name, note, reason) appears in the page source."""
    return str(escape(text))


def _switch(auth, user) -> None:
    auth.logout()
    response = auth.login(user)
    assert response.status_code == 302, response.status_code


def _feed(client, url: str, titles=()) -> feedparser.FeedParserDict:
    """The feed is well-formed Atom whose elements are all Atom's own; the HTML each entry
    carries is inert as it is (before a reader's own sanitiser) and after feedparser's."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.mimetype == "application/atom+xml"
    root = ET.fromstring(response.data)
    for element in root.iter():
        namespace, _, name = element.tag.rpartition("}")
        assert namespace == ATOM[:-1] and name in ATOM_ELEMENTS, element.tag  # no script, iframe
        assert not [a for a in element.attrib if a.lower().startswith("on")], element.attrib
    for content in root.iter(f"{ATOM}content"):
        assert content.get("type") == "html"
        _inert(content.text or "")
    for title in root.iter(f"{ATOM}title"):
        assert title.get("type", "text") == "text"  # titles are plain text, never markup
    shown = {title.text for title in root.iter(f"{ATOM}title")}
    for title in titles:
        assert title in shown, title  # the text is kept, escaped by the XML
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    for entry in parsed.entries:
        assert entry.title_detail.type == "text/plain"
        for content in entry.get("content", []):
            _inert(content.value)
        _inert(entry.get("summary", ""))
    return parsed


# ---------------------------------------------------------------- titles, and bodies one by one

@pytest.mark.parametrize("entries", _params(CHUNKS))
def test_question_titles_and_bodies(entries, client, auth, asker, watcher):
    """One question per entry, asked through the form: the entry is its title and its body."""
    assert len(entries) <= 20
    auth.login(asker)
    threads = []
    for n, entry in enumerate(entries):
        response = _ask(client, _title(entry), f"@watcher {WORD}: {entry}",
                        category=TOPICS[n % len(TOPICS)])
        thread = _thread_at(response)
        threads.append(thread)
        page = _get(client, response.headers["Location"])
        assert f"<bdi>{_shown(thread.title)}</bdi></h1>" in page  # escaped, not dropped
        assert f"<title>{_shown(thread.title)} · VFAC</title>" in page
        if n % len(TOPICS) == len(TOPICS) - 1 or n == len(entries) - 1:
            page = _get(client, "/forum/")  # each category's latest question, ten most recent
            assert all(f"<bdi>{_shown(t.title)}</bdi></a></h3>" in page for t in threads[-10:])
    for slug in {t.category.slug for t in threads}:
        page = _get(client, f"/forum/c/{slug}")
        assert all(f"<bdi>{_shown(t.title)}</bdi></a></h3>" in page
                   for t in threads if t.category.slug == slug)
    _feed(client, f"/forum/{threads[0].id}/feed.atom", titles=[threads[0].title])
    _feed(client, f"/forum/c/{threads[0].category.slug}/feed.atom", titles=[threads[0].title])
    _feed(client, "/forum/feed.atom", titles=[t.title for t in threads])
    page = _get(client, f"/forum/search?q={WORD}")
    assert all(f"<bdi>{_shown(t.title)}</bdi></a></h3>" in page for t in threads)
    assert page.count('<li class="snippet"') == len(threads)  # the bodies, escaped

    _switch(auth, watcher)  # told of each question, and mentioned in it
    page = _get(client, "/forum/notifications")
    assert all(page.count(f'<bdi dir="auto">{_shown(t.title)}</bdi>') == 2 for t in threads)
    page = _get(client, "/forum/for-you")
    assert all(_shown(t.title) in page for t in threads)


def test_similar_questions_json_is_not_html(client, asker, make_thread):
    make_thread(title=_title("<script>alert(1)</script>"), visibility=Visibility.PUBLIC)
    response = client.get(f"/forum/similar?title={WORD}+evidence")
    assert response.status_code == 200
    assert response.mimetype == "application/json"  # the ask form's script sets textContent
    assert response.json[0]["title"] == f"{WORD} <script>alert(1)</script>"


def test_script_text_is_shown_escaped_not_dropped(client, auth, asker):
    """A member who writes about <script> sees their words, as text, wherever they appear."""
    script = "<script>alert(1)</script>"
    auth.login(asker)
    response = _ask(client, f"Why does {script} appear in the logs?",
                    f"The page showed {script} before the login form.")
    thread = _thread_at(response)
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    page = _get(client, response.headers["Location"])
    assert f"<h1 lang=\"en\" dir=\"auto\"><bdi>Why does {escaped} appear" in page
    assert f"<title>Why does {escaped} appear in the logs? · VFAC</title>" in page
    assert f"<p>The page showed {escaped} before the login form.</p>" in page
    assert f"Why does {escaped} appear" in _get(client, "/forum/c/electronic-evidence")
    assert f"Why does {escaped} appear" in _get(client, "/forum/")
    assert f"Why does {escaped} appear" in _get(client, "/forum/search?q=logs")
    assert escaped in _get(client, f"/forum/edit/question/{thread.id}")  # title and textarea
    parsed = _feed(client, f"/forum/{thread.id}/feed.atom")
    assert parsed.entries[0].title == f"Why does {script} appear in the logs?"
    assert escaped in parsed.entries[0].content[0].value


# ---------------------------------------------------------------- bodies through every step

def _comment_pieces(entries: list[str]) -> list[str]:
    """The entries joined into comments of at most 1,000 characters."""
    pieces, piece = [], ""
    for entry in entries:
        if piece and len(piece) + 2 + len(entry) > 1000:
            pieces.append(piece)
            piece = ""
        piece = f"{piece}\n\n{entry}" if piece else entry
    return pieces + [piece]


@pytest.mark.parametrize("entries", _params(CHUNKS))
def test_bodies_through_every_step(entries, client, auth, asker, watcher, moderator, make_user,
                                   make_thread):
    """The entries together in a question, an answer and comments, through the forms: the
    previews, the similar-questions step, posting, the edit pages, the edits, the histories,
    and every page showing them."""
    body = "\n\n".join([f"{WORD} @watcher", *entries])
    title, new_title = _title(entries[0]), _title(entries[-1])
    reason = _fit(entries[len(entries) // 2], 200)
    earlier = make_thread(title=_title(entries[1]), body=f"{WORD} {entries[1]}",
                          visibility=Visibility.PUBLIC)
    auth.login(asker)

    page = _ask(client, title, body, step="preview", status=200).text
    assert f"<h3 dir=\"auto\">{_shown(title)}</h3>" in page
    page = _ask(client, title, body, step="post", similar_seen="", status=200).text
    assert f"<bdi>{_shown(earlier.title)}</bdi>" in page  # the similar question, listed
    response = _ask(client, title, body, similar_seen="")
    thread = _thread_at(response)
    _get(client, response.headers["Location"])

    edit = f"/forum/edit/question/{thread.id}"
    page = _get(client, edit)
    assert _shown(body) in page and f'value="{_shown(title)}"' in page
    new_body = "\n\n".join([f"{WORD} edited", *reversed(entries)])
    data = {"title": new_title, "body": new_body, "reason": reason}
    _post(client, edit, data | {"step": "preview"}, status=200)
    _post(client, edit, data | {"step": "confirm"})
    page = _get(client, f"/forum/history/question/{thread.id}")
    for text in (reason.strip(), title.strip(), new_title.strip(), body, new_body):
        assert _shown(text) in page

    # a member answers and comments with the same entries, then edits both
    member = make_user(username="member", reviewed_at=_long_ago())
    _switch(auth, member)
    answer_url = f"/forum/{thread.id}/answer"
    _post(client, answer_url, {"body": body, "step": "preview"}, status=200)
    _post(client, answer_url, {"body": body, "step": "confirm"})
    answer = db.session.execute(select(Post).where(Post.thread_id == thread.id)).scalar_one()
    pieces = _comment_pieces(entries)
    comment_url = f"/forum/{thread.id}/comment"
    for n, text in enumerate(pieces):
        on = {"post": answer.id} if n % 2 == 0 else {}  # on the answer, on the question
        _post(client, comment_url, {"body": text, "step": "preview"} | on, status=200)
        _post(client, comment_url, {"body": text, "step": "confirm"} | on)
    comments = list(db.session.execute(select(Comment).where(Comment.thread_id == thread.id)
                                       .order_by(Comment.id)).scalars())
    assert [c.body_source for c in comments] == pieces
    _post(client, f"/forum/edit/answer/{answer.id}",
          {"body": new_body, "reason": reason, "step": "confirm"})
    _post(client, f"/forum/edit/comment/{comments[0].id}",
          {"body": entries[-1], "reason": reason, "step": "confirm"})
    for kind, item in (("answer", answer), ("comment", comments[0])):
        page = _get(client, f"/forum/history/{kind}/{item.id}")
        assert _shown(reason.strip()) in page
    _get(client, f"/forum/flag/question/{thread.id}")  # the question and its title, quoted
    moderation.flag_item(member, thread, FlagReason.OTHER, entries[0])
    moderation.flag_item(asker, answer, FlagReason.OTHER, entries[-1])

    page = _get(client, f"/forum/{thread.id}/{thread.slug}")
    assert f"<bdi>{_shown(new_title.strip())}</bdi></h1>" in page
    _get(client, f"/forum/c/{thread.category.slug}")
    _get(client, "/forum/")
    assert _get(client, f"/forum/search?q={WORD}+edited").count('<li class="snippet"') == 1
    _feed(client, f"/forum/{thread.id}/feed.atom", titles=[new_title.strip()])
    _feed(client, "/forum/feed.atom", titles=[new_title.strip()])
    _switch(auth, watcher)
    _get(client, "/forum/notifications")
    _switch(auth, asker)  # told of the answer and of each comment
    page = _get(client, "/forum/notifications")
    assert page.count(f'<bdi dir="auto">{_shown(new_title.strip())}</bdi>') == 1 + len(pieces)
    _get(client, f"/forum/flag/answer/{answer.id}")
    _switch(auth, moderator)  # the flagged question and answer, their text quoted
    page = _get(client, "/forum/moderation")
    assert page.count(f"<bdi>{_shown(new_title.strip())}</bdi>") == 2


def test_code_spans_are_escaped_once(client, auth, asker):
    auth.login(asker)
    response = _ask(client, f"{WORD} a question with code",
                    "Run `<script>alert(1)</script> && ls`:\n\n```\n<b>a & b</b>\n```")
    page = _get(client, response.headers["Location"])
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt; &amp;&amp; ls</code>" in page
    assert "<pre><code>&lt;b&gt;a &amp; b&lt;/b&gt;\n</code></pre>" in page


# ---------------------------------------------------------------- answers and comments

def test_every_entry_as_its_own_answer_and_comment(client, auth, asker, make_user, make_thread):
    """Each entry alone as an answer and as a comment (on that answer or on the question), in
    three threads: each thread page rendered once, with its feed."""
    answerer = make_user(username="answerer", reviewed_at=_long_ago())
    commenter = make_user(username="commenter", reviewed_at=_long_ago())
    threads = []
    for n, entries in enumerate(_chunks(STORABLE, 34)):
        thread = make_thread(title=f"{WORD} one entry an answer {n}",
                             visibility=Visibility.PUBLIC)
        threads.append((thread, entries))
        for m, entry in enumerate(entries):
            answer = posting.post_answer(answerer, thread, entry)
            posting.post_comment(commenter, thread, answer if m % 2 else None, entry)
    auth.login(asker)
    for thread, entries in threads:
        page = _get(client, f"/forum/{thread.id}/{thread.slug}")
        assert page.count('<article id="answer-') == len(entries)
        assert page.count('<li id="comment-') == len(entries)
        parsed = _feed(client, f"/forum/{thread.id}/feed.atom")
        assert len(parsed.entries) == 1 + len(entries)
    _get(client, "/forum/notifications")


# ---------------------------------------------------------------- tags

def test_hostile_tags_are_refused_by_the_form(client, auth, asker):
    auth.login(asker)
    threads = db.session.execute(select(func.count()).select_from(Thread)).scalar_one()
    tags = db.session.execute(select(func.count()).select_from(Tag)).scalar_one()
    for entry in CORPUS:
        assert not all(TAG.match(tag) for tag in parse_tags(entry))  # else the test is wrong
        response = _ask(client, f"{WORD} a question with a tag", "Preserve the logs, then ask.",
                        tags=entry, status=400)
        if "\x00" not in entry:  # (a NUL anywhere in a form is refused before the form)
            assert "A tag is one word of letters, digits or hyphens" in response.text
        response = client.get("/forum/c/electronic-evidence", query_string={"tag": entry})
        assert response.status_code == 400, entry
    assert db.session.execute(select(func.count()).select_from(Thread)).scalar_one() == threads
    assert db.session.execute(select(func.count()).select_from(Tag)).scalar_one() == tags


def test_unicode_tags_the_form_accepts_render_inert(client, auth, asker, watcher):
    auth.login(asker)
    threads = []
    for n, chunk in enumerate(_chunks(list(UNICODE_TAGS), posting.MAX_TAGS)):
        response = _ask(client, f"{WORD} tagged question number {n}",
                        "Preserve the logs, then ask the provider.", tags=", ".join(chunk))
        threads.append(_thread_at(response))
        page = _get(client, response.headers["Location"])
        assert all(f'dir="auto">{_shown(tag)}</a>' in page for tag in chunk)
        _feed(client, f"/forum/{threads[-1].id}/feed.atom")
    stored = {tag.name for thread in threads for tag in thread.tags}
    assert stored == {tag.casefold() for tag in UNICODE_TAGS}
    page = _get(client, "/forum/c/electronic-evidence")  # the rows and the popular tags
    assert all(page.count(f'dir="auto">{_shown(tag)}</a>') == 2 for tag in stored)
    for tag in stored:
        response = client.get("/forum/c/electronic-evidence", query_string={"tag": tag})
        assert response.status_code == 200, tag
        _inert(response.text)
    parsed = _feed(client, "/forum/c/electronic-evidence/feed.atom")
    assert {t.term for entry in parsed.entries for t in entry.tags} == stored
    _get(client, "/forum/")
    _get(client, f"/forum/search?q={WORD}")


def test_hostile_tag_names_written_directly_render_inert(client, auth, asker, make_thread):
    """Defence in depth: were a hostile tag ever stored, the pages still escape it."""
    names = list(dict.fromkeys(e.casefold() for e in STORABLE if len(e) <= 32))
    threads = [make_thread(title=f"{WORD} hostile tags {n}", tags=tuple(chunk),
                           visibility=Visibility.PUBLIC)
               for n, chunk in enumerate(_chunks(names, posting.MAX_TAGS))]
    auth.login(asker)
    for thread in threads:
        page = _get(client, f"/forum/{thread.id}/{thread.slug}")
        assert all(_shown(tag.name) in page for tag in thread.tags)
        _feed(client, f"/forum/{thread.id}/feed.atom")
    _get(client, "/forum/c/electronic-evidence")
    _feed(client, "/forum/c/electronic-evidence/feed.atom")
    _get(client, "/forum/")


# ---------------------------------------------------------------- usernames

def _hostile_names() -> list[str]:
    names: dict[str, str] = {}
    for entry in STORABLE:
        name = entry[:32]
        names.setdefault(name.casefold(), name)  # usernames are unique whatever their case
    return list(names.values())


def test_hostile_usernames(client, auth, app, asker, moderator, make_user, make_thread):
    """Members named after corpus entries (cut to 32 characters) ask, answer, comment, flag
    and, as moderators, edit: every page that names them is inert."""
    thread = make_thread(title=f"{WORD} a question for hostile names",
                         visibility=Visibility.PUBLIC)
    prevention = topics_of(["prevention"])  # experts of another topic: not told of every question
    people = []
    for n, name in enumerate(_hostile_names()):
        role = (Role.EXPERT, Role.MEMBER, Role.MODERATOR)[n % 3]
        person = make_user(role, username=name, full_name=name, totp=role is Role.MODERATOR,
                           reviewed_at=_long_ago(), organisation=name,
                           **({"expert_topics": prevention} if role is Role.EXPERT else {}))
        people.append(person)
        posting.ask_question(person, posting.QuestionInput(
            title=f"{WORD} question {n} of a hostile name", body="Preserve the logs first.",
            category_slug="electronic-evidence", topic_slugs=(), tags=("cloud",),
            language="en", country=None, visibility=Visibility.PUBLIC))
        answer = posting.post_answer(person, thread, f"Answer {n}: ask the provider.")
        posting.post_comment(person, thread, answer if n % 2 else None, f"Comment {n}.")
        db.session.commit()  # the unit of work ends: the asker is told (a job)
        posting.set_following(person, thread, False)  # else each answer tells all the others
        moderation.flag_item(asker, answer, FlagReason.OTHER, "")
        if role is Role.MODERATOR:
            posting.edit_item(person, thread, f"Edited by moderator {n}.", reason=name)
        else:
            moderation.flag_item(person, thread, FlagReason.OTHER, name)

    auth.login(asker)
    page = _get(client, f"/forum/{thread.id}/{thread.slug}")
    assert all(page.count(f"<bdi>{_shown(p.username)}</bdi>") >= 2 for p in people)
    page = _get(client, "/forum/c/electronic-evidence")
    assert all(_shown(p.username) in page for p in people)
    _get(client, "/forum/")
    _get(client, f"/forum/search?q={WORD}")
    page = _get(client, "/forum/notifications")  # answers and comments in a thread followed
    assert all(_shown(p.username) in page for p in people)
    page = _get(client, f"/forum/history/question/{thread.id}")
    assert all(_shown(p.username) in page for p in people if p.role is Role.MODERATOR)
    page = _get(client, "/forum/experts")
    assert all(_shown(p.username) in page for p in people if p.role is Role.EXPERT)
    _feed(client, "/forum/feed.atom")
    _feed(client, f"/forum/{thread.id}/feed.atom")

    _switch(auth, moderator)
    page = _get(client, "/forum/moderation")
    assert all(_shown(p.username) in page for p in people)
    _get(client, f"/forum/{thread.id}/{thread.slug}")


# ---------------------------------------------------------------- flag notes, edit reasons

def test_flag_notes_and_edit_reasons(client, auth, asker, moderator, make_user, make_thread):
    """Each entry as the note of a flag (sent through the flag form) and as the reason of an
    edit (through the edit form): the moderation queue and the history pages."""
    thread = make_thread(title=f"{WORD} flags", visibility=Visibility.PUBLIC)
    answerer = make_user(username="answerer", reviewed_at=_long_ago())
    answers = [posting.post_answer(answerer, thread, f"Answer {n}: ask the provider.")
               for n in range(len(STORABLE))]
    reporter = make_user(username="reporter", reviewed_at=_long_ago())
    auth.login(reporter)
    for n, (entry, answer) in enumerate(zip(STORABLE, answers)):
        if n % 3:  # most through the service, to keep the time down
            moderation.flag_item(reporter, answer, FlagReason.OTHER, entry)
            continue
        url = f"/forum/flag/answer/{answer.id}"
        # without a reason the form comes back with the note in it
        assert _shown(entry) in _post(client, url, {"note": entry}, status=400).text
        _post(client, url, {"reason": "other", "note": entry})
    notes = list(db.session.execute(select(Flag.note).order_by(Flag.id)).scalars())
    assert notes == [entry.strip() for entry in STORABLE]

    _switch(auth, asker)
    edited = make_thread(title=f"{WORD} edit reasons", visibility=Visibility.PUBLIC)
    edit = f"/forum/edit/question/{edited.id}"
    reasons = [_fit(entry, 200) for entry in STORABLE]
    for n, reason in enumerate(reasons):
        if n % 3:
            posting.edit_item(asker, edited, f"Edited body {n}.", edited.title, reason)
            continue
        _post(client, edit, {"title": edited.title, "body": f"Edited body {n}: logs first.",
                             "reason": reason, "step": "confirm"})
    page = _get(client, f"/forum/history/question/{edited.id}")
    assert all(_shown(reason.strip()) in page for reason in reasons)

    _switch(auth, moderator)
    page = _get(client, "/forum/moderation")
    assert all(f"<em>{_shown(note)}</em>" in page for note in notes)
    for entry, answer in zip(STORABLE[:5], answers):  # a moderator's edit, its reason
        _post(client, f"/forum/edit/answer/{answer.id}",
              {"body": "Moderated.", "reason": _fit(entry, 200), "step": "confirm"})
        page = _get(client, f"/forum/history/answer/{answer.id}")
        assert _shown(_fit(entry, 200).strip()) in page
    assert db.session.execute(select(func.count()).select_from(Revision)).scalar_one() == \
        len(reasons) + 5


# ---------------------------------------------------------------- NUL characters

@pytest.mark.parametrize("where", [
    "title", "body", "answer", "comment", "flag note", "edit reason"])
def test_nul_bytes(where, client, auth, asker, make_user, make_thread):
    """An entry with a NUL character is refused (400: PostgreSQL cannot store it), never a 500."""
    thread = make_thread(title=f"{WORD} a question for NUL", visibility=Visibility.PUBLIC)
    answer = posting.post_answer(make_user(username="answerer"), thread, "Ask the provider.")
    auth.login(asker)
    for n, entry in enumerate(WITH_NUL):
        if where in ("title", "body"):
            title = _title(entry) if where == "title" else f"{WORD} NUL question {n}"
            body = f"{WORD}: {entry}" if where == "body" else "Preserve the logs first."
            url, data = "/forum/ask", {"title": title, "body": body,
                                       "category": "electronic-evidence", "language": "en",
                                       "country": "", "visibility": "public",
                                       "step": "confirm", "similar_seen": "1"}
        elif where == "answer":
            url, data = f"/forum/{thread.id}/answer", {"body": f"{WORD}: {entry}",
                                                       "step": "confirm"}
        elif where == "comment":
            url, data = f"/forum/{thread.id}/comment", {"body": entry, "step": "confirm"}
        elif where == "flag note":
            url, data = f"/forum/flag/answer/{answer.id}", {"reason": "other", "note": entry}
        else:
            url, data = f"/forum/edit/question/{thread.id}", {
                "title": thread.title, "body": f"Edited {n}.", "reason": entry,
                "step": "confirm"}
        response = client.post(url, data=data)
        assert response.status_code == 400, (where, repr(entry), response.status_code)
        _inert(response.text)
        if response.status_code == 302:
            _get(client, response.headers["Location"].partition("#")[0])
    _get(client, f"/forum/{thread.id}/{thread.slug}")
    _get(client, f"/forum/history/question/{thread.id}")
    _get(client, "/forum/c/electronic-evidence")
    _get(client, f"/forum/search?q={WORD}")
    _feed(client, "/forum/feed.atom")
    _feed(client, f"/forum/{thread.id}/feed.atom")


# ---------------------------------------------------------------- hostile search queries

def test_hostile_search_queries(client, auth, asker, make_thread):
    make_thread(title=_title("<img src=x onerror=alert(1)>"), visibility=Visibility.PUBLIC)
    auth.login(asker)
    for entry in CORPUS:
        response = client.get("/forum/search", query_string={"q": entry})
        assert response.status_code == 200, (repr(entry), response.status_code)
        _inert(response.text)
        assert f'value="{_shown(entry[:500].strip())}"' in response.text
