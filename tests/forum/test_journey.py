"""The advice board's story: ask in French, the warning, an expert answers, votes, acceptance,
notifications in the app and by e-mail, then a moderator handles an abusive reply."""
from __future__ import annotations

from datetime import timedelta

from markupsafe import escape
from sqlalchemy import func, select

from accounts.models import AuditEvent, Profession, Role
from forum.models import (Flag, FlagState, Notification, NotificationKind, Post, Revision, Thread,
                          ThreadStatus, Vote)
from vfac.extensions import db
from vfac.models import utcnow

QUESTION = {
    "title": "Comment conserver la messagerie cloud d'un suspect avant sa suppression ?",
    "body": ("Le suspect utilise une messagerie hébergée à l'étranger. Son numéro est le "
             "+221 77 123 45 67 et son adresse jean.dupont@exemple.sn. Comment obtenir la "
             "conservation des courriels avant qu'il ne supprime son compte ?"),
    "category": "electronic-evidence", "topics": ["international-cooperation"],
    "tags": "cloud, conservation", "language": "fr", "country": "SN",
    "visibility": "members",
}
ANSWER = ("Envoyez d'abord une **demande de conservation rapide** au fournisseur, par le point "
          "de contact 24/7 ; la communication des données viendra ensuite par l'entraide.")


def count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_advice_journey(client, auth, make_user, make_thread, make_expert, outbox):
    long_ago = utcnow() - timedelta(days=90)
    moussa = make_user(username="moussa", language="fr", country="SN", reviewed_at=long_ago)
    expert = make_expert("volkov", language="ru", reads=["fr", "en"])
    elsewhere = make_expert("legal", topics=("legislation",), reads=["fr"])
    voter = make_user(username="kofi", reviewed_at=long_ago)
    make_thread("Preserving cloud e-mail accounts held by a foreign provider",
                body="Which request comes first?")

    auth.login(moussa)
    # 1. the personal-data warning and the similar question: shown, nothing written
    page = client.post("/forum/ask", data={**QUESTION, "step": "post"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "+221 77 123 45 67" in html and "jean.dupont@exemple.sn" in html
    assert "Preserving cloud e-mail accounts" in html  # similar question offered
    assert 'value="confirm"' in html
    assert count(Thread) == 1
    # a preview changes nothing either
    page = client.post("/forum/ask", data={**QUESTION, "step": "preview"})
    assert "<strong>" not in QUESTION["body"] and count(Thread) == 1
    # 2. posted once confirmed
    page = client.post("/forum/ask", data={**QUESTION, "step": "confirm"})
    assert page.status_code == 302
    thread = db.session.execute(select(Thread).order_by(Thread.id.desc())).scalars().first()
    assert thread.language == "fr" and thread.country == "SN" and thread.author_id == moussa.id
    assert [t.slug for t in thread.topics] == ["electronic-evidence", "international-cooperation"]
    assert page.headers["Location"].endswith(f"/forum/{thread.id}/{thread.slug}")
    # experts of its topics who read French are told (in the app and by e-mail); others not
    told = {n.user_id for n in db.session.execute(select(Notification).where(
        Notification.kind == NotificationKind.QUESTION)).scalars()}
    assert told == {expert.id}
    assert any(m["To"] == expert.email for m in outbox.messages())
    html = client.get(page.headers["Location"]).get_data(as_text=True)
    assert "72" in html  # the response target shown to the asker
    auth.logout()

    # 3. the expert finds it in "questions for you" and answers; the answer is an expert answer
    auth.login(expert)
    assert str(escape(thread.title)) in client.get("/forum/for-you").get_data(as_text=True)
    response = client.post(f"/forum/{thread.id}/answer", data={"body": ANSWER, "step": "post"})
    assert response.status_code == 302
    answer = db.session.execute(select(Post).where(Post.thread_id == thread.id)).scalar_one()
    html = client.get(f"/forum/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert 'class="badge expert"' in html and "<strong>demande de conservation rapide</strong>" \
        in html
    auth.logout()
    assert db.session.execute(select(Notification).filter_by(
        user_id=moussa.id, kind=NotificationKind.ANSWER)).scalar_one()

    # 4. another member votes; a self-vote is refused
    auth.login(voter)
    html = client.get(f"/forum/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert f'action="/forum/vote/answer/{answer.id}"' in html  # the buttons are offered
    assert f'href="/forum/flag/answer/{answer.id}"' in html
    assert client.post(f"/forum/vote/answer/{answer.id}", data={"value": "up"}).status_code == 302
    auth.logout()
    auth.login(expert)
    assert client.post(f"/forum/vote/answer/{answer.id}", data={"value": "up"}).status_code == 403
    auth.logout()
    assert db.session.get(Post, answer.id).score == 1 and count(Vote) == 1

    # 5. the asker sees the unread count, opens the notification, accepts the answer
    auth.login(moussa)
    home = client.get("/forum/").get_data(as_text=True)
    assert 'class="count"' in home
    note = db.session.execute(select(Notification).filter_by(
        user_id=moussa.id, kind=NotificationKind.ANSWER)).scalar_one()
    assert client.get(f"/forum/notifications/{note.id}").status_code == 302
    assert db.session.get(Notification, note.id).read_at is not None
    before = len(outbox.messages())
    assert client.post(f"/forum/{thread.id}/accept", data={"answer": answer.id}).status_code == 302
    thread = db.session.get(Thread, thread.id)
    assert thread.accepted_answer_id == answer.id and thread.status is ThreadStatus.ANSWERED
    accepted_for = {n.user_id for n in db.session.execute(select(Notification).filter_by(
        kind=NotificationKind.ACCEPTED)).scalars()}
    assert expert.id in accepted_for  # everyone following (the answerer follows) is told
    assert len(outbox.messages()) > before
    auth.logout()
    assert elsewhere.id not in accepted_for


def test_a_moderator_handles_an_abusive_reply(client, auth, make_user, make_thread, make_answer):
    moderator = make_user(Role.MODERATOR, totp=True, username="lucia")
    rude = make_user(username="rude", reviewed_at=utcnow() - timedelta(days=30))
    reporter = make_user(username="reporter", profession=Profession.JUDGE)
    thread = make_thread("Cloud preservation requests to foreign providers")
    abusive = make_answer(rude, thread, "You are all idiots and this question is stupid.")

    auth.login(reporter)
    response = client.post(f"/forum/flag/answer/{abusive.id}",
                           data={"reason": "abuse", "note": "Insults"})
    assert response.status_code == 302
    auth.logout()

    auth.login(moderator)
    queue = client.get("/forum/moderation").get_data(as_text=True)
    assert "You are all idiots" in queue and "Insults" in queue
    assert client.post(f"/forum/hide/answer/{abusive.id}",
                       data={"reason": "insults", "next": "queue"}).status_code == 302
    assert client.post(f"/forum/{thread.id}/lock").status_code == 302
    edited = client.post(f"/forum/edit/question/{thread.id}", data={
        "title": thread.title, "body": "How do we preserve cloud e-mail quickly?",
        "reason": "clearer", "step": "post"})
    assert edited.status_code == 302
    history = client.get(f"/forum/history/question/{thread.id}").get_data(as_text=True)
    assert "lucia" in history and "How do we preserve the evidence here?" in history \
        and "How do we preserve cloud e-mail quickly?" in history
    auth.logout()

    assert db.session.get(Post, abusive.id).is_hidden
    assert db.session.get(Thread, thread.id).is_locked
    assert db.session.execute(select(Flag)).scalar_one().state is FlagState.UPHELD
    assert db.session.execute(select(Revision)).scalar_one().editor_id == moderator.id
    actions = set(db.session.execute(select(AuditEvent.action)).scalars())
    assert {"forum.hidden", "forum.locked", "forum.edited"} <= actions
    # members no longer see the reply, nor can they answer the locked thread
    auth.login(reporter)
    html = client.get(f"/forum/{thread.id}/{thread.slug}").get_data(as_text=True)
    assert "You are all idiots" not in html and "A moderator hid this answer." in html
    assert client.post(f"/forum/{thread.id}/answer", data={
        "body": "One more answer that must be refused.", "step": "post"}).status_code == 403
    auth.logout()
    # its author still sees it, marked hidden
    auth.login(rude)
    assert "You are all idiots" in client.get(
        f"/forum/{thread.id}/{thread.slug}").get_data(as_text=True)
