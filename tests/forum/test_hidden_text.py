"""Text a moderator hid cannot be read anywhere else: history, flag form, notifications, feeds.

The audit read hidden answers through /forum/history/... (visitors, on public threads) and
/forum/flag/... (any member), and the notifications page kept the titles of threads hidden
or deleted since. Each page now asks the board's policy (forum/policy.py).
"""
from __future__ import annotations

from datetime import timedelta

from accounts.models import MailSetting, Role
from forum.services import moderation, notify, posting
from vfac.extensions import db
from vfac.models import Visibility, utcnow

SECRET = "The informant phone number is in the attached file."


def _hidden_answer(make_user, make_thread, kind: str = "answer"):
    long_ago = utcnow() - timedelta(days=60)
    author = make_user(username="careless", reviewed_at=long_ago)
    moderator = make_user(Role.MODERATOR, totp=True, username="mod")
    thread = make_thread(visibility=Visibility.PUBLIC)
    if kind == "answer":
        item = posting.post_answer(author, thread, "A first version of the answer.")
    else:
        item = posting.post_comment(author, thread, None, "A first version of the comment.")
    posting.edit_item(author, item, SECRET, None, "added detail")
    moderation.set_hidden(moderator, item, True, "Personal data of an informant")
    db.session.commit()
    return thread, item, author


def test_history_of_a_hidden_answer_is_not_shown_to_visitors(client, make_user, make_thread):
    _, answer, _ = _hidden_answer(make_user, make_thread)
    r = client.get(f"/forum/history/answer/{answer.id}")
    assert r.status_code == 404
    assert SECRET not in r.get_data(as_text=True)


def test_history_of_a_hidden_comment_is_not_shown_to_members(client, auth, make_user,
                                                             make_thread):
    _, comment, _ = _hidden_answer(make_user, make_thread, kind="comment")
    auth.login(make_user(username="reader"))
    r = client.get(f"/forum/history/comment/{comment.id}")
    assert r.status_code == 404 and SECRET not in r.get_data(as_text=True)


def test_author_and_moderators_still_read_the_history(client, auth, make_user, make_thread):
    _, answer, author = _hidden_answer(make_user, make_thread)
    auth.login(author)
    assert SECRET in client.get(f"/forum/history/answer/{answer.id}").get_data(as_text=True)


def test_flag_form_does_not_quote_a_hidden_answer(client, auth, make_user, make_thread):
    _, answer, _ = _hidden_answer(make_user, make_thread)
    auth.login(make_user(username="reader"))
    r = client.get(f"/forum/flag/answer/{answer.id}")
    assert r.status_code == 404 and SECRET not in r.get_data(as_text=True)
    r = client.post(f"/forum/flag/answer/{answer.id}", data={"reason": "spam", "note": ""})
    assert r.status_code == 404


def test_thread_page_shows_a_placeholder_not_the_hidden_text(client, make_user, make_thread):
    thread, _, _ = _hidden_answer(make_user, make_thread)
    page = client.get(f"/forum/{thread.id}", follow_redirects=True).get_data(as_text=True)
    assert SECRET not in page and "A moderator hid this answer." in page


def test_thread_feed_leaves_the_hidden_answer_out(client, make_user, make_thread):
    thread, _, _ = _hidden_answer(make_user, make_thread)
    assert SECRET not in client.get(f"/forum/{thread.id}/feed.atom").get_data(as_text=True)


def test_notifications_forget_threads_hidden_or_deleted_since(client, auth, make_user,
                                                              make_thread):
    long_ago = utcnow() - timedelta(days=60)
    follower = make_user(username="follower", reviewed_at=long_ago,
                         mail_notifications=MailSetting.NEVER)
    moderator = make_user(Role.MODERATOR, totp=True, username="mod")
    answerer = make_user(username="answerer", reviewed_at=long_ago)
    hidden = make_thread("Seized phone of the suspect Mr Example", visibility=Visibility.MEMBERS)
    deleted = make_thread("Another title that must go away", visibility=Visibility.MEMBERS)
    kept = make_thread("A question that stays on the board", visibility=Visibility.MEMBERS)
    for thread in (hidden, deleted, kept):
        notify.follow(follower, thread)
        db.session.commit()
        posting.post_answer(answerer, thread, "Ask the provider to preserve the data.")
    moderation.set_hidden(moderator, hidden, True, "Names a suspect")
    moderation.set_deleted(moderator, deleted, True)
    db.session.commit()
    auth.login(follower)
    page = client.get("/forum/notifications").get_data(as_text=True)
    assert "A question that stays on the board" in page
    assert "Mr Example" not in page and "must go away" not in page
    home = client.get("/").get_data(as_text=True)
    assert "Mr Example" not in home
    assert notify.unread_count(follower) == 1
