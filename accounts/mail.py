"""The one mail service. Every mail — ours and Flask-Security's — is a row of the outbox,
written in the transaction of the work that causes it, and delivered by the job queue.

- `send_mail()` renders a mail in the recipient's language (a plain-text part and an HTML
  part) and adds it to the outbox; the unit of work commits it with the work, and only
  then (the `mail_queued` event) is `deliver` queued. A rollback takes the mail back.
- `deliver(mail_id)` claims the row (one consumer wins, so two never send it twice),
  talks to SMTP with MAIL_TIMEOUT, and on a transient failure (refused, timed out, 4xx)
  puts the row back with the next try 30 s, 1, 2, 4 ... minutes later; after
  MAIL_MAX_ATTEMPTS, or on a permanent refusal (5xx), the row is FAILED and the audit log
  says so ("mail.failed", on /admin/jobs).
- `send_pending()` runs every minute: whatever the queue lost (a restart, a Redis without
  persistence) or left half-done (a consumer killed while sending) is tried again.

Without MAIL_SERVER, mail is written to instance/outbox/ as .eml files and to the log.
"""
from __future__ import annotations

import html
import logging
import re
import secrets
import smtplib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from flask import current_app, render_template, url_for
from flask_babel import force_locale
from flask_mailman import EmailMessage, EmailMultiAlternatives
from flask_mailman.backends.base import BaseEmailBackend
from flask_security import MailUtil
from itsdangerous import BadSignature, URLSafeSerializer
from jinja2 import TemplateNotFound
from markupsafe import Markup
from sqlalchemy import or_, select, update

from vfac import events, jobs

log = logging.getLogger("vfac.mail")

# Mails about activity a member chose to be told of: they carry a one-click unsubscribe.
NOTIFICATION_KINDS = frozenset({"forum_notification", "forum_digest"})


class OutboxBackend(BaseEmailBackend):
    """Writes each message to instance/outbox/ as an .eml file and to the log."""

    def send_messages(self, email_messages: list[EmailMessage]) -> int:
        outbox = Path(current_app.config["MAIL_OUTBOX"])
        outbox.mkdir(parents=True, exist_ok=True)
        for message in email_messages:
            raw = message.message().as_bytes()
            stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
            path = outbox / f"{stamp}-{secrets.token_hex(4)}.eml"
            path.write_bytes(raw)
            log.info("mail to %s written to %s", ", ".join(message.to), path.name)
        return len(email_messages)


# Flask-Mailman finds a custom backend by the class name EmailBackend.
EmailBackend = OutboxBackend


# --- writing a mail -------------------------------------------------------------------------

def send_mail(to: str, language: str, subject: Any, template: str, **context: Any) -> Any:
    """Queue templates/email/<template>.txt (and .html, or the text as HTML) for one address,
    rendered in the recipient's language. Returns the outbox row (flushed, not committed)."""
    from vfac.i18n import babel_locale  # noqa: PLC0415 - avoids an import cycle at start-up

    recipient = _member_for(to, context)
    unsubscribe = unsubscribe_url(recipient) if recipient is not None \
        and template in NOTIFICATION_KINDS else None
    with force_locale(babel_locale(language)):
        text = render_template(f"email/{template}.txt", **context)
        try:
            body_html = render_template(f"email/{template}.html", **context)
        except TemplateNotFound:
            body_html = render_template("email/_as_html.html", text=text, language=language,
                                        subject=str(subject), unsubscribe=unsubscribe)
        subject_text = str(subject)
    return queue(to, subject_text, text, body_html, kind=template, user=recipient,
                 unsubscribe=unsubscribe)


def queue(to: str, subject: str, text: str, body_html: str | None, *, kind: str,
          user: Any = None, unsubscribe: str | None = None) -> Any:
    """Add a rendered mail to the outbox; it is delivered once the unit of work commits."""
    from accounts.models import OutgoingMail  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415

    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe:  # RFC 2369 and RFC 8058 one-click: a POST to this address unsubscribes
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail = OutgoingMail(kind=kind[:60], to_address=to, subject=" ".join(subject.split())[:300],
                        body_text=text, body_html=body_html, headers=headers,
                        user_id=getattr(user, "id", None))
    db.session.add(mail)
    db.session.flush()
    events.record(events.mail_queued, mail_id=mail.id)
    return mail


def _member_for(address: str, context: dict[str, Any]) -> Any:
    for key in ("user", "member"):
        candidate = context.get(key)
        if candidate is not None and getattr(candidate, "email", "").lower() == address.lower():
            return candidate
    return None


def html_paragraphs(text: str) -> Markup:
    """Plain mail text as HTML paragraphs, its addresses as links (for the HTML part)."""
    parts = []
    for block in re.split(r"\n\s*\n", text.strip()):
        escaped = html.escape(block)
        escaped = re.sub(r"(https?://[^\s<]+)", r'<a href="\1">\1</a>', escaped)
        parts.append("<p>" + escaped.replace("\n", "<br>\n") + "</p>")
    return Markup("\n".join(parts))


# --- Flask-Security's mails -----------------------------------------------------------------

# The subject setting of each of Flask-Security's mails, by its template setting
_SECURITY_SUBJECTS = {
    "REGISTER_EMAIL_TEMPLATE": "EMAIL_SUBJECT_REGISTER",
    "REGISTER_EMAIL_EXISTING_TEMPLATE": "EMAIL_SUBJECT_REGISTER",
    "REGISTER_EMAIL_EXISTING_USERNAME_TEMPLATE": "EMAIL_SUBJECT_REGISTER",
    "EMAIL_TEMPLATE_CONFIRM": "EMAIL_SUBJECT_CONFIRM",
    "EMAIL_TEMPLATE_PASSWORD_RESET": "EMAIL_SUBJECT_PASSWORD_RESET",
    "EMAIL_TEMPLATE_PASSWORD_RESET_NOTICE": "EMAIL_SUBJECT_PASSWORD_NOTICE",
    "EMAIL_TEMPLATE_PASSWORD_CHANGE_NOTICE": "EMAIL_SUBJECT_PASSWORD_CHANGE_NOTICE",
    "TWO_FACTOR_EMAIL_TEMPLATE": "EMAIL_SUBJECT_TWO_FACTOR",
    "TWO_FACTOR_RESCUE_EMAIL_TEMPLATE": "EMAIL_SUBJECT_TWO_FACTOR_RESCUE",
    "USERNAME_RECOVERY_EMAIL_TEMPLATE": "EMAIL_SUBJECT_USERNAME_RECOVERY",
    "CHANGE_EMAIL_EMAIL_TEMPLATE": "CHANGE_EMAIL_SUBJECT",
    "EMAIL_TEMPLATE_PASSWORDLESS": "EMAIL_SUBJECT_PASSWORDLESS",
}


class QueuedMailUtil(MailUtil):
    """Flask-Security's mails (confirm, reset, welcome, "this address is taken") go to the
    outbox like ours, in the language of the member they are for rather than the language
    of the browser that asked (someone else may have asked: "this address is taken")."""

    def send_mail(self, template: str, subject: str, recipient: Any, sender: Any,
                  body: str | None, html_body: str | None, **kwargs: Any) -> None:
        from flask_security.utils import localize_callback  # noqa: PLC0415

        from vfac.i18n import babel_locale, current_language  # noqa: PLC0415

        address = recipient[1] if isinstance(recipient, tuple) else str(recipient)
        member = _member_for(address, kwargs)
        language = getattr(member, "language", None) or current_language()
        if language != current_language():
            security = current_app.extensions["security"]
            settings = current_app.config
            subject_key = next((subject_setting for template_setting, subject_setting
                                in _SECURITY_SUBJECTS.items()
                                if settings.get(f"SECURITY_{template_setting}") == template),
                               None)
            with force_locale(babel_locale(language)):
                if body is not None:
                    body = security.render_template(f"{template}.txt", **kwargs)
                if html_body is not None:
                    html_body = security.render_template(f"{template}.html", **kwargs)
                if subject_key:
                    subject = localize_callback(settings[f"SECURITY_{subject_key}"])
                subject = str(subject)
        text = body if body is not None else re.sub(r"<[^>]+>", "", html_body or "")
        queue(address, str(subject), text, html_body, kind=template.rsplit("/", 1)[-1],
              user=member)


# --- delivering it --------------------------------------------------------------------------

class _Permanent(Exception):
    """SMTP refused the message for good (5xx): trying again would not help."""


def _send(mail: Any) -> None:
    from vfac.extensions import mail as mailman  # noqa: PLC0415

    config = current_app.config
    message = EmailMultiAlternatives(subject=mail.subject, body=mail.body_text,
                                     from_email=config["MAIL_DEFAULT_SENDER"],
                                     to=[mail.to_address], headers=dict(mail.headers or {}))
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    try:
        with mailman.get_connection(timeout=config["MAIL_TIMEOUT"]) as connection:
            connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _msg in exc.recipients.values()]
        if codes and all(code >= 500 for code in codes):
            raise _Permanent(str(exc)) from exc
        raise
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code >= 500 and not isinstance(exc, smtplib.SMTPAuthenticationError):
            raise _Permanent(f"{exc.smtp_code} {exc.smtp_error!r}") from exc
        raise


# the queue's clock and the database's may differ a little: a retry may come a bit early
CLOCK_SLACK = timedelta(seconds=2)


def retry_delay(attempts: int) -> timedelta:
    config = current_app.config
    seconds = config["MAIL_RETRY_DELAY"] * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, config["MAIL_RETRY_MAX_DELAY"]))


@jobs.task(retries=4, retry_delay=5)  # retries when the database is busy; SMTP: see below
def deliver(mail_id: int) -> None:
    """Send one outbox row, once: claim it, talk to SMTP, record what happened."""
    from accounts.models import MailStatus, OutgoingMail  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415
    from vfac.models import utcnow  # noqa: PLC0415

    now = utcnow()
    claimed = db.session.execute(
        update(OutgoingMail)
        .where(OutgoingMail.id == mail_id, OutgoingMail.status == MailStatus.QUEUED,
               OutgoingMail.next_attempt_at <= now + CLOCK_SLACK)
        .values(status=MailStatus.SENDING, claimed_at=now,
                attempts=OutgoingMail.attempts + 1)
        .execution_options(synchronize_session=False)).rowcount
    db.session.commit()  # the claim is seen by every other consumer before SMTP is
    if not claimed:  # sent, being sent, given up, or not due yet: nothing to do
        return
    mail = db.session.get(OutgoingMail, mail_id, populate_existing=True)
    try:
        _send(mail)
    except _Permanent as exc:
        _give_up(mail, str(exc))
    except (OSError, smtplib.SMTPException) as exc:  # refused, timed out, 4xx, went away
        error = f"{type(exc).__name__}: {exc}"[:1000]
        if mail.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
            _give_up(mail, error)
        else:
            delay = retry_delay(mail.attempts)
            mail.status, mail.claimed_at = MailStatus.QUEUED, None
            mail.next_attempt_at, mail.last_error = utcnow() + delay, error
            db.session.commit()
            log.warning("mail %s not sent (%s); next try in %s", mail_id, error, delay)
            jobs.enqueue(deliver, mail_id, delay=max(delay.total_seconds(), 1))
        return
    mail.status, mail.sent_at, mail.last_error = MailStatus.SENT, utcnow(), ""
    db.session.commit()


def _give_up(mail: Any, error: str) -> None:
    from accounts import audit  # noqa: PLC0415
    from accounts.models import MailStatus  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415

    mail.status, mail.last_error, mail.claimed_at = MailStatus.FAILED, error[:1000], None
    audit.record("mail.failed", subject=mail.user, mail=mail.id, kind=mail.kind,
                 error=error[:300])
    db.session.commit()
    log.error("mail %s to %s given up: %s", mail.id, mail.to_address, error)


# a consumer that died while sending leaves its claim; after this long it is tried again
STALE_CLAIM = timedelta(minutes=10)


@jobs.periodic(jobs.crontab(minute="*"))
def send_pending() -> int:
    """Every minute: queue what is due and was not (or no longer is) on the queue."""
    from accounts.models import MailStatus, OutgoingMail  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415
    from vfac.models import utcnow  # noqa: PLC0415

    now = utcnow()
    db.session.execute(update(OutgoingMail).where(
        OutgoingMail.status == MailStatus.SENDING, OutgoingMail.claimed_at < now - STALE_CLAIM)
        .values(status=MailStatus.QUEUED, claimed_at=None)
        .execution_options(synchronize_session=False))
    db.session.commit()
    due = db.session.execute(select(OutgoingMail.id).where(
        OutgoingMail.status == MailStatus.QUEUED, OutgoingMail.next_attempt_at <= now)
        .order_by(OutgoingMail.id).limit(500)).scalars().all()
    for mail_id in due:
        deliver(mail_id)  # claims each: a copy of it on the queue then finds nothing to do
    return len(due)


def send_again(mail_id: int) -> bool:
    """An administrator's "send again" for a failed mail (the caller's unit commits)."""
    from accounts.models import MailStatus, OutgoingMail  # noqa: PLC0415
    from vfac.extensions import db  # noqa: PLC0415
    from vfac.models import utcnow  # noqa: PLC0415

    mail = db.session.get(OutgoingMail, mail_id)
    if mail is None or mail.status is not MailStatus.FAILED:
        return False
    mail.status, mail.attempts, mail.next_attempt_at = MailStatus.QUEUED, 0, utcnow()
    events.record(events.mail_queued, mail_id=mail.id)
    return True


def _queue_delivery(_sender: Any, mail_id: int) -> None:
    jobs.enqueue(deliver, mail_id)


events.mail_queued.connect(_queue_delivery)


# --- one-click unsubscribe ------------------------------------------------------------------

def _unsubscribe_signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="vfac-unsubscribe")


def unsubscribe_url(member: Any) -> str:
    token = _unsubscribe_signer().dumps(member.id)
    return url_for("accounts.unsubscribe", token=token, _external=True)


def member_id_from_token(token: str) -> int | None:
    try:
        value = _unsubscribe_signer().loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, int) else None


__all__ = ["send_mail", "queue", "deliver", "send_pending", "send_again", "QueuedMailUtil",
           "unsubscribe_url", "member_id_from_token"]
