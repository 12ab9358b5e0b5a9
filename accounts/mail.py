"""The one mail service: SMTP when configured, otherwise the log and instance/outbox/."""
from __future__ import annotations

import logging
import secrets
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from flask import (Response, after_this_request, current_app, has_request_context,
                   render_template)
from flask_security import MailUtil
from flask_babel import force_locale
from flask_mailman import EmailMessage
from flask_mailman.backends.base import BaseEmailBackend

log = logging.getLogger("vfac.mail")


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
            log.info("mail to %s written to %s\n%s", ", ".join(message.to), path.name,
                     raw.decode("utf-8", "replace"))
        return len(email_messages)


# Flask-Mailman finds a custom backend by the class name EmailBackend.
EmailBackend = OutboxBackend


class AfterResponseMailUtil(MailUtil):
    """Flask-Security's mails (confirm, reset, "this address is taken") leave after the
    response has gone: how long the server talks to SMTP must not tell an anonymous
    visitor whether an address belongs to a member. (The job queue takes this over.)"""

    def send_mail(self, *args: Any, **kwargs: Any) -> None:
        if not has_request_context():
            super().send_mail(*args, **kwargs)
            return
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        send = super().send_mail

        @after_this_request
        def later(response: Response) -> Response:
            def deliver() -> None:
                with app.app_context():
                    try:
                        send(*args, **kwargs)
                    except Exception:  # noqa: BLE001 - the response is gone: log, never raise
                        log.exception("mail %s could not be sent", args[0] if args else "")
            response.call_on_close(deliver)
            return response


def send_mail(to: str, language: str, subject: Any, template: str, **context: Any) -> None:
    """Send templates/email/<template>.txt to one address, rendered in the recipient's language."""
    from vfac.i18n import babel_locale  # noqa: PLC0415 - avoids an import cycle at start-up

    with force_locale(babel_locale(language)):
        body = render_template(f"email/{template}.txt", **context)
        message = EmailMessage(subject=str(subject), body=body,
                               from_email=current_app.config["MAIL_DEFAULT_SENDER"], to=[to])
    message.send()
