"""Who may do what on the advice board: every forum rule and every board route for the eleven
kinds of people of tests/accounts/test_permissions.py, then bad input on every form and
parameter (a 400 or 404, a message in the member's language, never a 500 and never a write).

Others' questions are the asker's (an approved police officer); answers and comments are
"answerer"'s; "own" things are the person's (for visitors, the asker's).
"""
from __future__ import annotations

import functools
from datetime import timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy import func, select

from accounts.audit import REFUSALS
from accounts.models import AuditEvent, MailSetting
from accounts.permissions import RULES, can
from forum.models import (Comment, Flag, FlagReason, Notification, NotificationKind, Post,
                          Revision, Subscription, Thread, Vote)
from forum.services import moderation, notify, posting
from tests.accounts.test_permissions import ORDER, PEOPLE
from tests.conftest import PASSWORD, csrf_token_from
from vfac.extensions import db
from vfac.models import Visibility, utcnow

APPROVED = [who for who in ORDER if who not in ("anonymous", "pending", "rejected")]
STAFF = ["moderator", "admin"]  # with 2FA: the only ones whose moderation powers count
GROUPS = {"A": set(ORDER), "M": set(APPROVED), "L": {"officer", "expert", *STAFF},
          "S": set(STAFF), "-": set()}

# Rule x object -> who may: A anyone, M approved members, L readers of restricted content,
# S staff with 2FA, - nobody, . not asked. These threads are members-only but pub(lic) and
# res(tricted); lock/hid(den) ones are locked/hidden; ans is an answer in pub, ownans the
# person's own answer (in another public thread).
RULE_GRID = """
                     pub mem res own ownlock ownhid locked hidden deleted ans ownans
thread.view          A   M   L   M   M       M      M      S      S       .   .
thread.list          A   M   L   M   M       -      M      -      -       .   .
answer.read          .   .   .   .   .       .      .      .      .       A   A
thread.create        M   M   M   M   M       M      M      M      M       .   .
thread.answer        M   M   L   M   S       -      S      -      -       .   .
thread.comment       M   M   L   M   S       -      S      -      -       .   .
thread.follow        M   M   L   M   M       M      M      S      S       .   .
thread.invite        M   M   L   M   S       -      S      -      -       .   .
thread.accept        S   S   S   M   S       M      S      S      S       .   .
thread.moderate      S   S   S   S   S       S      S      S      S       S   S
post.vote            M   M   L   -   -       -      -      -      -       M   -
post.edit            S   S   S   M   S       S      S      S      S       S   M
post.delete          S   S   S   M   S       M      S      S      -       S   M
post.restore         -   -   -   -   -       -      -      -      S       -   -
post.flag            M   M   L   -   -       -      M      S      -       M   -
member.notifications M   M   M   M   M       M      M      M      M       .   .
experts.view         M   M   M   M   M       M      M      M      M       .   .
"""
_HEADER, *_ROWS = (line.split() for line in RULE_GRID.strip().splitlines())
RULE_TABLE = {f"forum.{rule}": dict(zip(_HEADER, cells)) for rule, *cells in _ROWS}
THREADS = _HEADER[:-2]
ASK = {"title": "Preserving a cloud mailbox held abroad", "category": "investigation",
       "body": "The provider is in another country; how do we keep the data?", "tags": "cloud",
       "language": "en", "country": "", "visibility": "members", "step": "confirm"}
ANSWER = "Send a preservation request through the 24/7 network first."


@pytest.fixture
def people(make_user, make_thread, make_answer, make_expert, asker):
    """build(who) -> (the person or None, a Kit to make the board's objects with)."""
    long_ago = utcnow() - timedelta(days=60)  # the new-member posting limits do not apply

    def build(who: str, expert: bool = True, **fields):
        user = None
        if PEOPLE[who] is not None:
            role, status, profession, totp = PEOPLE[who]
            user = make_user(role, status, profession=profession, totp=totp,
                             username=who.replace("_", ""), reviewed_at=long_ago, **fields)
        quiet = {"mail_notifications": MailSetting.NEVER}  # notified in the app, not by mail
        asker.mail_notifications = MailSetting.NEVER
        answerer = make_user(username="answerer", reviewed_at=long_ago, **quiet)
        if expert:  # volkov, to be invited
            make_expert(**quiet)
        return user, Kit(user, asker, answerer, make_thread, make_answer)

    return build


class Kit:
    def __init__(self, user, asker, answerer, make_thread, make_answer):
        self.user, self.asker, self.answerer = user, asker, answerer
        self._thread, self._answer = make_thread, make_answer

    def thread(self, spec: str = "pub", answered: bool = True, commented: bool = False):
        """A thread, with answerer's answer and comment, in the state its spec says: a column
        of RULE_GRID, or a target of WRITES (own_answer, deleted_comment, pinned...)."""
        thread = self._thread(visibility=Visibility.RESTRICTED if spec == "res" else
                              Visibility.MEMBERS if spec in THREADS[1:] else Visibility.PUBLIC)
        items = {"": thread}
        if answered:
            items["_answer"] = self._answer(self.answerer, thread)
        if commented:
            items["_comment"] = posting.post_comment(self.answerer, thread, None, "Which?")
        for kind, item in items.items():
            if spec in (f"own{kind}", f"ownlock{kind}", f"ownhid{kind}") and self.user:
                item.author = self.user
            item.hidden_at = utcnow() if spec in (f"hidden{kind}", f"ownhid{kind}") else None
            item.deleted_at = utcnow() if spec == f"deleted{kind}" else None
        thread.locked_at = utcnow() if spec in ("locked", "ownlock") else None
        thread.is_pinned = spec == "pinned"
        if spec == "followed" and self.user is not None:
            notify.follow(self.user, thread)
        db.session.commit()
        return thread

    def target(self, spec: str, answered: bool, commented: bool) -> dict:
        """Ids for a route's URL (ROUTES), on a thread made for it."""
        thread = self.thread(spec, answered, commented)
        ids = ids_of(thread) | {"flag": 0, "note": 0}
        if spec == "flagged":
            ids["flag"] = moderation.flag_item(self.answerer, thread, FlagReason.SPAM).id
        if spec == "unread" and self.user is not None:
            ids["note"] = self.note(self.user, thread)
        return ids

    def note(self, user, thread) -> int:
        note = notify.notify([user], NotificationKind.ANSWER, thread, self.asker)[0]
        db.session.commit()
        return note.id


def ids_of(thread: Thread) -> dict:
    """The thread's id and those of its first answer and comment (0: none)."""
    return {"id": thread.id, **{key: db.session.execute(
        select(func.min(model.id)).where(model.thread_id == thread.id)).scalar() or 0
        for key, model in (("ans", Post), ("com", Comment))}}


def login(auth, user) -> None:
    if user is not None:
        assert auth.login(user).status_code == 302


def snapshot():
    """What a refused request must leave as it was: every forum row and what can change."""
    watched = [
        select(Thread.id, Thread.title, Thread.body_source, Thread.category_id, Thread.status,
               Thread.is_pinned, Thread.accepted_answer_id, Thread.score, Thread.answer_count,
               Thread.hidden_at, Thread.deleted_at, Thread.locked_at).order_by(Thread.id),
        select(Post.id, Post.body_source, Post.score, Post.hidden_at, Post.deleted_at
               ).order_by(Post.id),
        select(Comment.id, Comment.body_source, Comment.hidden_at, Comment.deleted_at
               ).order_by(Comment.id),
        select(Vote.id, Vote.user_id, Vote.value).order_by(Vote.id),
        select(Subscription.user_id, Subscription.thread_id).order_by(
            Subscription.user_id, Subscription.thread_id),
        select(Notification.id, Notification.read_at).order_by(Notification.id),
        select(Flag.id, Flag.state, Flag.reason, Flag.note).order_by(Flag.id),
        select(func.count(Revision.id)),
        # a refusal is audited (accounts.audit.REFUSALS); anything else would be a write
        select(func.count(AuditEvent.id)).where(AuditEvent.action.not_in(REFUSALS))]
    return [db.session.execute(query).all() for query in watched]


def cell(client, method: str, url: str, data: dict | None = None):
    """The response as a table cell: "login"/"status" redirects, "done" (a redirect after a
    write) or the status code; "+write" marks a write that should not have happened.
    Callers make their objects first: the rows after one request are those before the next."""
    before = getattr(client, "forum_rows", None) or snapshot()
    response = client.open(url, method=method, data=data)
    client.forum_rows = snapshot()
    changed = client.forum_rows != before
    location = response.headers.get("Location", "")
    if response.status_code == 302 and "/auth/login" in location:
        result = "login"
    elif response.status_code == 302 and location.endswith("/account/status"):
        result = "status"
    elif response.status_code == 302 and changed:
        return "done"
    else:
        result = response.status_code
    return f"{result}+write" if changed else result


def expect(members, staff=None, anonymous="login", **who) -> dict:
    """A row of expectations: visitors, unapproved members (always sent to their status
    page), approved members, staff with 2FA, then named exceptions."""
    table = {"anonymous": anonymous, "pending": "status", "rejected": "status"}
    table |= {w: members for w in APPROVED} | {w: staff or members for w in STAFF}
    return table | who


def grouped(*groups) -> dict:
    """{key: expect(*cells, **named)} from (cells, named, "key key...") in order."""
    return {key: expect(*cells, **named) for cells, named, keys in groups
            for key in keys.split()}


# ---- the rules -----------------------------------------------------------------------

# read rules of comments, revisions and notifications: tests/platform/
# test_visibility_policy.py (each agrees with its filter) and test_hidden_text_* below
NOT_IN_GRID = {"forum.comment.read", "forum.revision.read", "forum.notification.list"}


def test_every_forum_rule_is_in_the_matrix():
    assert {a for a in RULES if a.startswith("forum.")} - NOT_IN_GRID == set(RULE_TABLE)


def test_staff_need_two_factor_in_tests(app):
    assert app.config["STAFF_REQUIRE_2FA"] is True


@pytest.mark.parametrize("who", ORDER)
def test_rule_matrix(people, who):
    user, kit = people(who)
    objects = {spec: kit.thread(spec, spec == "pub") for spec in THREADS}
    objects["ans"] = objects["pub"].answers[0]
    objects["ownans"] = kit.thread("own_answer").answers[0]
    seen = {rule: {obj: can(user, rule, objects[obj]) for obj, token in row.items()
                   if token != "."} for rule, row in RULE_TABLE.items()}
    assert seen == {rule: {obj: who in GROUPS[token] for obj, token in row.items()
                           if token != "."} for rule, row in RULE_TABLE.items()}


# ---- the routes ----------------------------------------------------------------------

# name -> method, path, form ({id}: the thread, {ans}: its answer, {com}: its comment)
ROUTES = {
    "page": ("GET", "/forum/{id}", None), "feed": ("GET", "/forum/{id}/feed.atom", None),
    **{f"history{suffix}": ("GET", f"/forum/history/{kind}/{{{key}}}", None)
       for suffix, kind, key in (("", "question", "id"), ("_answer", "answer", "ans"),
                                 ("_comment", "comment", "com"))},
    "edit_form": ("GET", "/forum/edit/question/{id}", None),
    "flag_form": ("GET", "/forum/flag/answer/{ans}", None),
    "answer": ("POST", "/forum/{id}/answer", {"body": ANSWER, "step": "post"}),
    "comment": ("POST", "/forum/{id}/comment", {"body": "Which provider?", "step": "post"}),
    "comment_answer": ("POST", "/forum/{id}/comment", {"body": "Thanks.", "post": "{ans}"}),
    "vote_question": ("POST", "/forum/vote/question/{id}", {"value": "up"}),
    "vote_answer": ("POST", "/forum/vote/answer/{ans}", {"value": "down"}),
    "accept": ("POST", "/forum/{id}/accept", {"answer": "{ans}"}),
    "invite": ("POST", "/forum/{id}/invite", {"username": "volkov"}),
    "edit": ("POST", "/forum/edit/question/{id}", {
        "title": "An edited question title", "body": "An edited body.", "reason": ""}),
    "edit_answer": ("POST", "/forum/edit/answer/{ans}", {"body": "Edited.", "reason": ""}),
    "edit_comment": ("POST", "/forum/edit/comment/{com}", {"body": "Edited.", "reason": ""}),
    **{f"{action}{suffix}": ("POST", f"/forum/{action}/{kind}/{{{key}}}", {"reason": "Spam"})
       for action in ("delete", "restore", "hide", "unhide")
       for suffix, kind, key in (("", "question", "id"), ("_answer", "answer", "ans"),
                                 ("_comment", "comment", "com"))},
    **{f"flag{suffix}": ("POST", f"/forum/flag/{kind}/{{{key}}}", {"reason": "spam", "note": ""})
       for suffix, kind, key in (("", "question", "id"), ("_answer", "answer", "ans"),
                                 ("_comment", "comment", "com"))},
    **{action: ("POST", f"/forum/{{id}}/{action}", {})
       for action in ("follow", "unfollow", "lock", "unlock", "pin", "unpin")},
    "move": ("POST", "/forum/{id}/move", {"category": "investigation"}),
    "dismiss": ("POST", "/forum/moderation/{flag}/dismiss", {}),
    "ask": ("POST", "/forum/ask", ASK), "read": ("POST", "/forum/notifications/read", {}),
}
PUBLIC_GETS = {"page", "feed", "history", "history_answer", "history_comment"}  # no login


def call(client, route: str, ids: dict):
    method, path, data = ROUTES[route]
    data = {k: v.format(**ids) if isinstance(v, str) else v for k, v in (data or {}).items()}
    return cell(client, method, path.format(**ids), data if method == "POST" else None)


# route/target -> expected. Each target is a thread (with an answer and a comment) in the
# state its spec after "/" says; routes that change what the others see have their own, the
# others share theirs (in this order: following before answering, which follows).
WRITES = grouped(
    (("done",), {}, "follow answer comment comment_answer vote_question vote_answer invite "
                    "flag flag_answer flag_comment ask accept/own edit/own "
                    "edit_answer/own_answer edit_comment/own_comment delete/own "
                    "delete_answer/own_answer delete_comment/own_comment "
                    "unfollow/followed read/unread"),
    ((403,), {}, "vote_question/own vote_answer/own_answer flag/own flag_answer/own_answer "
                 "flag_comment/own_comment"),  # not on one's own words
    ((403, "done"), {}, "accept edit edit_answer edit_comment pin move delete delete_answer "
                        "delete_comment hide hide_answer hide_comment "
                        "dismiss/flagged lock unlock/locked unpin/pinned"),
    # what one may not read is not there at all (forum/policy.py), for every route on it
    ((404, "done"), {}, "restore/deleted restore_answer/deleted_answer "
                        "restore_comment/deleted_comment "
                        "unhide_answer/hidden_answer unhide_comment/hidden_comment"))
ONE_OFF = {f"{action}{kind}" for action in ("delete", "restore", "hide", "unhide")
           for kind in ("", "_answer", "_comment")} | {"lock", "unlock", "unpin", "dismiss"}


@pytest.mark.parametrize("who", ORDER)
def test_writes(client, auth, people, who):
    user, kit = people(who)
    targets, ids = {}, {}
    for key in WRITES:
        route, _, spec = key.partition("/")
        path, shared = ROUTES[route][1], route not in ONE_OFF
        name = spec if shared else key
        ids[key] = targets[name] = targets.get(name) or kit.target(
            spec, shared or "{ans}" in path, shared or "{com}" in path)
    login(auth, user)
    seen = {key: call(client, key.partition("/")[0], ids[key]) for key in WRITES}
    assert seen == {key: expected[who] for key, expected in WRITES.items()}


READS = grouped(  # {pub}, {mem}, {own}: those threads; {ans}, {com}: in pub
    ((200,), {"anonymous": 200}, "/forum/ /forum/{pub}/{slug} /forum/search?q=evidence&page=2 "
                                 "/forum/c/electronic-evidence?sort=votes&tag=cloud&country=gh"
                                 "&language=en /forum/similar?title=preserve+the+evidence "
                                 "/forum/feed.atom /forum/c/electronic-evidence/feed.atom "
                                 "/forum/{pub}/feed.atom /forum/history/question/{pub} "
                                 "/forum/history/answer/{ans} /forum/history/comment/{com}"),
    ((301,), {"anonymous": 301}, "/forum/{pub} /forum/{pub}/wrong-slug?page=1"),
    ((404,), {"anonymous": 404}, "/forum/{pub}/{slug}?page=2 "  # one page of answers only
                                 "/forum/{mem}/feed.atom"),  # feeds: public threads only
    ((200,), {}, "/forum/experts?topic=investigation&country=GH&language=fr /forum/for-you "
                 "/forum/ask /forum/edit/question/{own} /forum/edit/answer/{ownans} "
                 "/forum/flag/answer/{ans} /forum/flag/comment/{com} /forum/notifications"),
    ((403, 200), {}, "/forum/edit/question/{pub} /forum/edit/answer/{ans} "
                     "/forum/edit/comment/{com} /forum/moderation"),
    ((403,), {}, "/forum/flag/question/{own}"), ((404,), {}, "/forum/notifications/{other}"),
    (("done",), {}, "/forum/notifications/{note}"))  # opening one marks it read


@pytest.mark.parametrize("who", ORDER)
def test_reads(client, auth, people, who):
    user, kit = people(who)
    pub = kit.thread("pub", commented=True)
    ids = ids_of(pub) | {"pub": pub.id, "slug": pub.slug, "mem": kit.thread("mem", False).id,
                         "own": kit.thread("own", False).id,
                         "ownans": kit.thread("own_answer").answers[0].id,
                         "other": kit.note(kit.answerer, pub)}
    ids["note"] = kit.note(user, pub) if user is not None else ids["other"]
    login(auth, user)
    seen = {path: cell(client, "GET", path.format(**ids)) for path in READS}
    assert seen == {path: expected[who] for path, expected in READS.items()}


# what those who see locked, hidden and deleted threads may do there (in this order)
STATES = {
    "locked/follow": expect("done"), "locked/answer": expect(403, "done"),
    "locked/comment": expect(403, "done"), "locked/vote_question": expect(403),
    "locked/vote_answer": expect(403), "locked/flag": expect("done"),
    "ownlock/edit": expect(403, "done"), "ownlock/accept": expect(403, "done"),
    "ownlock/delete": expect(403, "done"),
    "hidden/answer": expect(404, 403), "hidden/vote_question": expect(404, 403),
    "hidden/edit_form": expect(404, 200), "hidden/unhide": expect(404, "done"),
    "ownhid/page": expect(301, anonymous=404), "ownhid/answer": expect(403),
    "ownhid/vote_answer": expect(403), "ownhid/edit": expect(403, "done"),
    "ownhid/delete": expect("done"),
    "deleted/page": expect(404, 301, anonymous=404), "deleted/answer": expect(404, 403),
    "deleted/history": expect(404, 200, anonymous=404), "deleted/restore": expect(404, "done"),
    "res/answer": expect(404, "done", officer="done", expert="done"),
}
SAMPLE = PUBLIC_GETS | {"answer", "vote_answer", "edit_form", "hide_comment"}


@pytest.mark.parametrize("who", ORDER)
def test_locked_hidden_deleted_and_unseen_threads(client, auth, people, who):
    """A thread the person may not see (RULE_GRID's thread.view) does not exist for them on
    any route (all on the first such thread, a sample on the others): 404 and no write;
    visitors are asked to log in where a login is needed. Then what those who see locked,
    hidden and deleted threads may do there."""
    user, kit = people(who)
    threads = {spec: kit.thread(spec, commented=True) for spec in THREADS
               if spec not in ("pub", "own")}
    login(auth, user)
    unapproved = "status" if who in ("pending", "rejected") else None
    every = [r for r in ROUTES if r not in ("dismiss", "ask", "read")]
    for spec, thread in threads.items():
        if who in GROUPS[RULE_TABLE["forum.thread.view"][spec]]:
            assert cell(client, "GET", f"/forum/{thread.id}/{thread.slug}") == (
                unapproved or 200), spec
            continue
        routes, every = every, [r for r in every if r in SAMPLE]
        seen = {route: call(client, route, ids_of(thread)) for route in routes}
        assert seen == {route: unapproved or (404 if who != "anonymous"
                                              or route in PUBLIC_GETS else "login")
                        for route in routes}, spec
    visible = [key for key in STATES  # the others are 404 (above)
               if who in GROUPS[RULE_TABLE["forum.thread.view"][key.split("/")[0]]]]
    seen = {key: call(client, key.split("/")[1], ids_of(threads[key.split("/")[0]]))
            for key in visible}
    assert seen == {key: STATES[key][who] for key in visible}


def test_a_second_vote_replaces_the_first(client, auth, people):
    user, kit = people("officer")
    thread = kit.thread("pub")
    login(auth, user)

    def vote(value: str):
        assert client.post(f"/forum/vote/question/{thread.id}",
                           data={"value": value}).status_code == 302
        return db.session.get(Thread, thread.id).score, db.session.execute(
            select(Vote.value).where(Vote.thread_id == thread.id)).scalars().all()

    assert vote("up") == (1, [1])
    assert vote("down") == (-1, [-1])  # changed by the difference, still one vote
    assert vote("down") == (-1, [-1])
    assert vote("none") == (0, [])


# ---- bad input -----------------------------------------------------------------------

REQUIRED, OPTIONS = "This field is required.", "Choose one of the listed options."
TAG = "A tag is one word of letters, digits or hyphens"
NO_EXPERT = "There is no expert with that username."
TITLE, BODY = "Between 10 and 200 characters.", "Between 20 and 20000 characters."
ASK_ERRORS = [  # name, field, value, the message shown
    ("no-title", "title", "", REQUIRED), ("short-title", "title", "Help me?", TITLE),
    ("long-title", "title", "x" * 201, TITLE), ("no-body", "body", " ", REQUIRED),
    ("short-body", "body", "Too short.", BODY), ("long-body", "body", "words " * 3400, BODY),
    ("no-category", "category", "", "Choose the main topic of your question."),
    ("bad-category", "category", "astrology", "Choose one of the listed topics."),
    ("bad-topics", "topics", ["astrology"], "Choose topics from the list."),
    ("tag-with-space", "tags", "a b", TAG), ("tag-of-30", "tags", "x" * 30, TAG),
    ("six-tags", "tags", "a,b,c,d,e,f", "At most 5 tags."),
    ("bad-visibility", "visibility", "secret", OPTIONS),
    ("bad-language", "language", "xx", "Choose one of the listed languages."),
    ("bad-country", "country", "XYZ", "Choose a country from the list."),
    ("bad-lesson", "lesson", "abc", None)]  # a hidden field: the page has no message for it
GET_400 = ["/forum/ask?lesson=abc", "/forum/search?q=evidence&page=abc",
           "/forum/search?q=evidence&page=51", "/forum/notifications?before=abc",
           *(f"/forum/c/investigation?{arg}" for arg in (
               "sort=bogus", "after=garbage", "sort=votes&after=1.5~2", "tag=<script>",
               "country=XYZ", "language=xx")),
           *(f"/forum/experts?{arg}" for arg in ("topic=astrology", "country=XYZ",
                                                 "language=xx")),
           *(f"/forum/{{pub}}/{{slug}}?page={page}" for page in ("abc", "-1", "99999"))]
GET_404 = ["/forum/ask?lesson=999999", "/forum/c/astrology", "/forum/c/astrology/feed.atom",
           "/forum/{pub}/{slug}?page=10000", "/forum/999999", "/forum/999999/a-slug",
           "/forum/999999/feed.atom", "/forum/notifications/{other}",
           "/forum/notifications/999999", "/forum/edit/vote/{pub}",
           "/forum/history/comment/999999", "/forum/flag/answer/999999"]


def case(path: str, form: dict | None = None, status: int = 400, message: str | None = None,
         who: str = "officer") -> tuple:
    """A bad request: a GET without a form, else a POST. {pub}: the asker's public thread,
    {ans} its answer; {own}, {own_ans}: the person's own thread and an answer to it."""
    return (who, "POST" if form is not None else "GET", path, form, status, message)


BAD = {
    **{f"ask-{name}": case("/forum/ask", ASK | {field: value}, message=message)
       for name, field, value, message in ASK_ERRORS},
    "ask-restricted-by-academic": case("/forum/ask", ASK | {"visibility": "restricted"},
                                       message=OPTIONS, who="member"),
    **{url: case(url) for url in GET_400}, **{url: case(url, status=404) for url in GET_404},
    "page=0": case("/forum/{pub}/{slug}?page=0", status=404),
    "moderation-after": case("/forum/moderation?after=x", who="moderator"),
    "vote-sideways": case("/forum/vote/question/{pub}", {"value": "sideways"}),
    "vote-no-value": case("/forum/vote/answer/{ans}", {}),
    "vote-on-comment": case("/forum/vote/comment/{pub}", {"value": "up"}, 404),
    "vote-missing": case("/forum/vote/answer/999999", {"value": "up"}, 404),
    "accept-abc": case("/forum/{own}/accept", {"answer": "abc"}),
    "accept-missing": case("/forum/{own}/accept", {"answer": "999999"}, 404),
    "accept-of-another-thread": case("/forum/{own}/accept", {"answer": "{ans}"}),
    "accept-of-another-thread-by-moderator": case("/forum/{pub}/accept", {"answer": "{own_ans}"},
                                                  who="moderator"),
    "answer-empty": case("/forum/{pub}/answer", {"body": ""}, message=REQUIRED),
    "answer-short": case("/forum/{pub}/answer", {"body": "Yes."}, message=BODY),
    "comment-long": case("/forum/{pub}/comment", {"body": "x" * 1001},
                         message="Between 2 and 1000 characters."),
    "comment-post-abc": case("/forum/{pub}/comment", {"body": "Which?", "post": "abc"}),
    "comment-of-another-thread": case("/forum/{pub}/comment",
                                      {"body": "Which one?", "post": "{own_ans}"}, 404),
    "edit-empty-body": case("/forum/edit/question/{own}", {"body": "", "reason": ""},
                            message=REQUIRED),
    "edit-short-title": case("/forum/edit/question/{own}", {
        "title": "Short", "body": "Long enough.", "reason": ""}, message=TITLE),
    "edit-long-reason": case("/forum/edit/question/{own}", {
        "body": "Changed.", "reason": "x" * 201}, message="At most 200 characters."),
    "flag-no-reason": case("/forum/flag/question/{pub}", {"note": ""},
                           message="Choose a reason."),
    "flag-bad-reason": case("/forum/flag/question/{pub}", {"reason": "boring", "note": ""}),
    "flag-long-note": case("/forum/flag/answer/{ans}", {"reason": "spam", "note": "x" * 501},
                           message="At most 500 characters."),
    "invite-unknown": case("/forum/{pub}/invite", {"username": "nobody"}, message=NO_EXPERT),
    "invite-non-expert": case("/forum/{pub}/invite", {"username": "answerer"},
                              message=NO_EXPERT),
    "invite-empty": case("/forum/{pub}/invite", {"username": ""}, message=REQUIRED),
    "move-unknown-category": case("/forum/{pub}/move", {"category": "astrology"},
                                  who="moderator"),
    "hide-long-reason": case("/forum/hide/answer/{ans}", {"reason": "x" * 201},
                             who="moderator"),
    "dismiss-missing": case("/forum/moderation/999999/dismiss", {}, 404, who="moderator"),
    # a client that leaves out a field (rather than sending it empty): never a 500
    **{f"ask-without-{field}": case("/forum/ask", {k: v for k, v in ASK.items() if k != field},
                                    status) for field, status in (
        ("title", 400), ("body", 400), ("category", 400), ("language", 400), ("tags", 302),
        ("country", 302), ("visibility", 400), ("step", 200))},  # 200: "similar questions"
    "answer-without-step": case("/forum/{pub}/answer", {"body": ANSWER}, 302),
    "comment-without-post": case("/forum/{pub}/comment", {"body": "Which?"}, 302),
    "edit-without-title": case("/forum/edit/question/{own}", {"body": "New.", "reason": ""},
                               302),
    "accept-without-answer": case("/forum/{own}/accept", {}, 302),  # none was accepted
    "invite-without-username": case("/forum/{pub}/invite", {}),
    "flag-without-anything": case("/forum/flag/answer/{ans}", {}),
    "hide-without-reason": case("/forum/hide/answer/{ans}", {}, 302, who="moderator"),
    "move-without-category": case("/forum/{pub}/move", {}, who="moderator"),
    "edit-without-reason": case("/forum/edit/question/{own}", {"body": "Changed."}, 302),
    "flag-without-note": case("/forum/flag/answer/{ans}", {"reason": "spam"}, 302),
}


def bad_request(client, auth, people, case, **fields):
    """Send one bad request as its person; nothing may change (but for a 302). The page."""
    who, method, path, data, status, _message = case
    user, kit = people(who, expert=False, **fields)
    pub = kit.thread("pub")
    ids = {"pub": pub.id, "slug": pub.slug, "ans": pub.answers[0].id}
    if "{own" in f"{path}{data}":
        own = kit.thread("own")
        ids |= {"own": own.id, "own_ans": own.answers[0].id}
    if "{other}" in path:
        ids["other"] = kit.note(kit.answerer, pub)
    login(auth, user)
    data = {k: v.format(**ids) if isinstance(v, str) else v for k, v in (data or {}).items()}
    before = snapshot()
    response = client.open(path.format(**ids), method=method, data=data)
    if status != 302:
        assert snapshot() == before
    assert response.status_code == status
    return response.get_data(as_text=True)


@pytest.mark.parametrize("who,method,path,data,status,message", list(BAD.values()),
                         ids=list(BAD))
def test_bad_input(client, auth, people, who, method, path, data, status, message):
    page = bad_request(client, auth, people, (who, method, path, data, status, message))
    assert message is None or message in page


# the same in Arabic: the translation of translations/ar/LC_MESSAGES/messages.po, or, while
# a message is not translated yet, the English message on a right-to-left page
ARABIC = ["ask-no-title", "ask-no-category", "ask-bad-category", "ask-bad-topics",
          "ask-restricted-by-academic", "invite-unknown", "flag-no-reason"]


@functools.cache
def arabic_catalogue():
    with (Path(__file__).parents[2] / "translations/ar/LC_MESSAGES/messages.po").open("rb") as po:
        return read_po(po)


def arabic(english: str) -> str | None:
    message = arabic_catalogue().get(english)
    return message.string if message and message.string and not message.fuzzy else None


@pytest.mark.parametrize("name", ARABIC)
def test_bad_input_in_arabic(client, auth, people, name):
    english = BAD[name][5]
    page = bad_request(client, auth, people, BAD[name], language="ar")
    assert 'dir="rtl"' in page
    if arabic(english):
        assert arabic(english) in page and english not in page
    else:
        assert english in page


def test_most_of_those_messages_are_translated():
    assert arabic("This field is required.") == "هذا الحقل إلزامي."
    assert sum(arabic(BAD[name][5]) is not None for name in ARABIC) >= 3


# ---- CSRF ----------------------------------------------------------------------------

@pytest.mark.usefixtures("csrf_on")
def test_posts_without_a_csrf_token_are_refused(client, people):
    user, kit = people("officer")
    thread = kit.thread("pub")
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    client.post("/auth/login", data={"identity": user.username, "password": PASSWORD,
                                     "csrf_token": token})
    posts = {f"/forum/{thread.id}/answer": {"body": ANSWER, "step": "post"},
             f"/forum/vote/question/{thread.id}": {"value": "up"},
             f"/forum/vote/answer/{thread.answers[0].id}": {"value": "up"}}
    before = snapshot()
    for url, data in posts.items():
        assert client.post(url, data=data).status_code == 400, url
        assert client.post(url, data=data | {"csrf_token": "forged"}).status_code == 400, url
    assert snapshot() == before
    page = client.get(f"/forum/{thread.id}/{thread.slug}").get_data(as_text=True)
    for url, data in posts.items():  # the same with the page's token go through
        assert client.post(url, data=data | {"csrf_token": csrf_token_from(page)}
                           ).status_code == 302, url
