"""Mail never fails a request and is never lost: the outbox, the queue, a real SMTP server.

The SMTP server is real (aiosmtpd on 127.0.0.1, tests/smtp.py), scripted to refuse
connections, to take them and never answer, then to accept.
"""
from __future__ import annotations

import time

import pytest
from sqlalchemy import func, select, update

from accounts.models import (AuditEvent, MailSetting, MailStatus, OutgoingMail, Role, Status,
                             User)
from forum.models import Notification, Post
from forum.services import posting
from tests.accounts.test_journey import REGISTRATION
from tests.smtp import ScriptedSmtp
from vfac import events, jobs, unit_of_work
from vfac.extensions import db
from vfac.models import SearchEntry, utcnow


def count(model, *where) -> int:
    return db.session.execute(select(func.count()).select_from(model).where(*where)).scalar()


@pytest.fixture
def smtp(app):
    """The app sends through SMTP to the scripted server (1 s timeout) while the test runs."""
    server = ScriptedSmtp()
    mailman = app.extensions["mailman"]
    saved = {name: getattr(mailman, name) for name in ("backend", "server", "port",
                                                       "use_tls", "use_ssl", "timeout")}
    saved_config = {key: app.config[key] for key in ("MAIL_TIMEOUT", "MAIL_RETRY_DELAY")}
    mailman.backend, mailman.server, mailman.port = "smtp", "127.0.0.1", server.port
    mailman.use_tls = mailman.use_ssl = False
    mailman.timeout = app.config["MAIL_TIMEOUT"] = 1
    app.config["MAIL_RETRY_DELAY"] = 30
    try:
        yield server
    finally:
        server.close()
        for name, value in saved.items():
            setattr(mailman, name, value)
        app.config.update(saved_config)


def _timed(call) -> tuple[float, object]:
    started = time.monotonic()
    response = call()
    return time.monotonic() - started, response


@pytest.mark.parametrize("trouble", ["refuse", "hang"])
def test_requests_answer_at_once_while_smtp_is_down_and_mail_follows(
        trouble, app, client, auth, make_user, make_thread, queued_jobs, smtp):
    getattr(smtp, trouble)()
    moderator = make_user(Role.MODERATOR, username="mod", totp=True)
    waiting = make_user(status=Status.PENDING, username="waiting", reviewed_at=None)
    follower = make_user(username="follower", mail_notifications=MailSetting.IMMEDIATE)
    thread = make_thread("Seizing a crypto wallet", author=follower)
    queued_jobs.run()  # what the fixtures queued (no mail: the asker is not told of their own)
    answerer = make_user(username="answerer")

    auth.login(moderator)
    took, response = _timed(lambda: client.post(f"/admin/members/{waiting.id}/vet",
                                                data={"decision": "approve"}))
    assert response.status_code == 302 and took < 1
    auth.logout()
    took, response = _timed(lambda: client.post("/auth/register", data=REGISTRATION))
    assert response.status_code in (200, 302) and took < 1
    assert db.session.execute(select(User).filter_by(username="kofi")).scalar_one()
    auth.login(answerer)
    took, response = _timed(lambda: client.post(f"/forum/{thread.id}/answer", data={
        "body": "Ask the exchange to freeze the account first.", "step": "post"}))
    assert response.status_code == 302 and took < 1

    recipients = {waiting.email, REGISTRATION["email"], follower.email}
    queued = db.session.execute(select(OutgoingMail.to_address).where(
        OutgoingMail.to_address.in_(recipients))).scalars().all()
    # the account mails are written with the work; the notification mail by a job
    assert sorted(queued) == sorted(recipients - {follower.email})
    assert "forum.services.notify.tell_of_answer" in queued_jobs.names()

    queued_jobs.run()  # the consumer tries while SMTP is still down: no mail, no loss
    mails = db.session.execute(select(OutgoingMail).where(
        OutgoingMail.to_address.in_(recipients))).scalars().all()
    assert all(m.status is MailStatus.QUEUED and m.attempts == 1 and m.last_error
               for m in mails)
    assert smtp.messages == []

    assert queued_jobs.scheduled().count("accounts.mail.deliver") == 3  # 30 s later
    smtp.accept()
    db.session.execute(update(OutgoingMail).values(next_attempt_at=utcnow()))  # time passes
    db.session.commit()
    queued_jobs.run(later=True)  # the retries it scheduled
    db.session.expire_all()
    assert all(m.status is MailStatus.SENT for m in mails)
    for address in recipients:
        assert len(smtp.to(address)) == 1, address
    queued_jobs.run(later=True)
    assert jobs  # a second run of every job (and the sweep) sends nothing again
    from accounts.mail import send_pending  # noqa: PLC0415

    send_pending()
    assert sum(len(smtp.to(a)) for a in recipients) == 3


def test_a_mail_given_up_is_shown_to_administrators_and_can_be_sent_again(
        app, client, auth, make_user, smtp):
    from accounts.mail import queue  # noqa: PLC0415

    admin = make_user(Role.ADMINISTRATOR, username="boss", totp=True)
    smtp.refuse()
    app.config["MAIL_MAX_ATTEMPTS"], saved = 1, app.config["MAIL_MAX_ATTEMPTS"]
    try:
        mail = queue("someone@example.org", "Subject", "Text", None, kind="test")
        db.session.commit()  # delivered at once (immediate queue): refused, and the last try
    finally:
        app.config["MAIL_MAX_ATTEMPTS"] = saved
    db.session.expire_all()
    assert db.session.get(OutgoingMail, mail.id).status is MailStatus.FAILED
    assert db.session.execute(select(func.count()).select_from(AuditEvent).filter_by(
        action="mail.failed")).scalar() == 1
    auth.login(admin)
    page = client.get("/admin/jobs?status=failed").get_data(as_text=True)
    assert "someone@example.org" in page and "Send again" in page
    assert client.get("/admin/jobs?status=nonsense").status_code == 400
    assert client.post("/admin/jobs/mail/999999/retry").status_code == 404
    smtp.accept()
    assert client.post(f"/admin/jobs/mail/{mail.id}/retry").status_code == 302
    db.session.expire_all()
    assert db.session.get(OutgoingMail, mail.id).status is MailStatus.SENT
    assert len(smtp.to("someone@example.org")) == 1
    assert client.post(f"/admin/jobs/mail/{mail.id}/retry").status_code == 404  # sent: no


def test_the_jobs_page_is_for_administrators_only(client, auth, make_user):
    assert client.get("/admin/jobs").status_code in (302, 401)
    auth.login(make_user(Role.MODERATOR, username="mod", totp=True))
    assert client.get("/admin/jobs").status_code == 403
    assert client.post("/admin/jobs/mail/1/retry").status_code == 403


def test_a_service_that_raises_after_its_events_leaves_nothing(
        app, client, auth, make_user, make_thread, outbox, monkeypatch):
    follower = make_user(username="follower", mail_notifications=MailSetting.IMMEDIATE)
    thread = make_thread("Tracing a ransomware payment", author=follower)
    answerer = make_user(username="answerer")
    entry_before = db.session.execute(select(SearchEntry.updated_at).filter_by(
        kind="thread", object_id=thread.id)).scalar_one()
    mails_before = count(OutgoingMail)
    recorded = []
    record = events.record

    def fail_after_recording(signal, **payload):
        record(signal, **payload)  # the answer's event is recorded, then the work fails
        if signal is events.answer_posted:
            recorded.extend(events.pending(db.session()))
            raise RuntimeError("the disk is full")

    monkeypatch.setattr(events, "record", fail_after_recording)
    auth.login(answerer)
    response = client.post(f"/forum/{thread.id}/answer", data={
        "body": "Follow the coins through the mixer.", "step": "post"})
    assert response.status_code == 500
    assert events.answer_posted in {signal for signal, _payload in recorded}
    assert count(Post, Post.thread_id == thread.id) == 0
    assert count(Notification, Notification.user_id == follower.id) == 0
    assert count(OutgoingMail) == mails_before and outbox.messages() == []
    assert db.session.execute(select(SearchEntry.updated_at).filter_by(
        kind="thread", object_id=thread.id)).scalar_one() == entry_before


def test_a_refusal_rolls_back_what_the_service_had_begun(make_user):
    from accounts.services import ServiceError  # noqa: PLC0415

    member = make_user(username="amina")
    member.full_name = "Changed before the refusal"
    db.session.flush()
    events.record(events.member_approved, member_id=member.id)
    ServiceError("a rule was broken")  # raised and caught by a view: the unit has failed
    unit_of_work.commit()
    db.session.expire_all()
    assert db.session.get(User, member.id).full_name != "Changed before the refusal"
    assert events.pending(db.session()) == []


def test_events_of_a_given_up_savepoint_are_dropped_and_the_rest_sent(app, make_user):
    member = make_user(username="amina")
    heard = []

    def listener(_sender, **payload):
        heard.append(payload)

    events.member_approved.connect(listener)
    try:
        events.record(events.member_approved, member_id=1)
        savepoint = db.session.begin_nested()
        events.record(events.member_approved, member_id=2)
        savepoint.rollback()
        events.record(events.member_approved, member_id=3)
        released = db.session.begin_nested()
        released.commit()  # a savepoint released is no commit of the work
        assert heard == []  # nothing before the commit
        db.session.commit()
    finally:
        events.member_approved.disconnect(listener)
    assert heard == [{"member_id": 1}, {"member_id": 3}]
    assert member


def test_mail_has_text_and_html_parts_and_notification_mail_one_click_unsubscribe(
        client, make_user, make_thread, make_answer, outbox):
    follower = make_user(username="follower", mail_notifications=MailSetting.IMMEDIATE,
                         language="ar")
    thread = make_thread("Evidence from a seized phone", author=follower)
    make_answer(make_user(username="answerer"), thread)
    mail = [m for m in outbox.messages() if m["To"] == follower.email][-1]
    assert mail["Auto-Submitted"] == "auto-generated"
    assert mail.get_body(("plain",)) and mail.get_body(("html",))
    assert 'dir="rtl"' in mail.get_body(("html",)).get_content()
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = mail["List-Unsubscribe"].strip("<>")
    path = link.split("localhost", 1)[1]
    page = client.get(path)  # a link checker changes nothing
    assert page.status_code == 200
    assert 'dir="rtl"' in page.get_data(as_text=True)  # in the member's language (Arabic)
    db.session.expire_all()
    assert db.session.get(User, follower.id).mail_notifications is MailSetting.IMMEDIATE
    assert client.post(path).status_code == 200  # the mail program's one-click POST
    db.session.expire_all()
    assert db.session.get(User, follower.id).mail_notifications is MailSetting.NEVER
    assert client.post(path[:-3] + "abc").status_code == 404
    assert client.get("/mail/unsubscribe/nonsense").status_code == 404


def test_account_mail_has_no_unsubscribe_but_is_marked_automatic(app, make_user, outbox):
    from accounts.services import Decision, vet_member  # noqa: PLC0415

    moderator = make_user(Role.MODERATOR, username="mod", totp=True)
    waiting = make_user(status=Status.PENDING, username="waiting", reviewed_at=None)
    vet_member(moderator, waiting, Decision(approve=True))
    db.session.commit()
    mail = outbox.messages()[-1]
    assert mail["To"] == waiting.email and mail["Auto-Submitted"] == "auto-generated"
    assert mail["List-Unsubscribe"] is None and mail.get_body(("html",))


def test_security_mail_is_in_the_members_language_not_the_browsers(client, make_user,
                                                                   outbox):
    make_user(username="aminata", language="fr")
    client.post("/auth/reset", data={"email": "aminata@example.org"},
                headers={"Accept-Language": "en"})
    mail = outbox.messages()[-1]
    assert mail["To"] == "aminata@example.org"
    assert "Instructions de réinitialisation" in mail["Subject"], mail["Subject"]
    assert "mot de passe" in mail.get_body(("plain",)).get_content()


def test_mail_timeout_is_set(app):
    assert app.config["MAIL_TIMEOUT"] and app.extensions["mailman"].timeout is not None


def test_posting_with_smtp_down_still_notifies_in_the_app(client, auth, make_user, make_thread,
                                                          queued_jobs, smtp):
    smtp.refuse()
    follower = make_user(username="follower", mail_notifications=MailSetting.IMMEDIATE)
    thread = make_thread("Phishing kit hosting", author=follower)
    answer = posting.post_answer(make_user(username="answerer"), thread, "Report the host.")
    db.session.commit()
    queued_jobs.run()
    assert count(Notification, Notification.user_id == follower.id) == 1
    assert answer.id


@jobs.task(retries=0)
def _always_fails(paper_id: int) -> None:
    raise RuntimeError(f"paper {paper_id}: the disk is full")


def test_a_job_that_fails_for_good_is_recorded_for_administrators(client, auth, make_user):
    _always_fails_before = count(AuditEvent, AuditEvent.action == "job.failed")
    jobs.enqueue(_always_fails, 42)  # immediate in tests: runs, fails, no retry left
    db.session.expire_all()
    event = db.session.execute(select(AuditEvent).filter_by(action="job.failed")
                               .order_by(AuditEvent.id.desc())).scalars().first()
    assert count(AuditEvent, AuditEvent.action == "job.failed") == _always_fails_before + 1
    assert event.detail["task"].endswith("_always_fails") and "disk is full" in \
        event.detail["error"] and "42" in event.detail["args"]
    auth.login(make_user(Role.ADMINISTRATOR, username="boss", totp=True))
    page = client.get("/admin/jobs").get_data(as_text=True)
    assert "_always_fails" in page and "the disk is full" in page
