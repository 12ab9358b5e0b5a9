"""Domain events: what a unit of work did, told to listeners only once it has committed.

A service records what happened (`events.record(events.answer_posted, answer_id=7)`) and
flushes; it never commits and never sends a mail or re-indexes by hand. The one commit of
the unit of work (vfac/unit_of_work.py: the request's, a job's, a command's) sends the
recorded events to their listeners after the database has accepted the work. A rollback —
any error on the way, a savepoint given up — drops the events recorded inside it, so a
failed service leaves nothing behind: no row, no mail, no index entry.

Listeners are blinker receivers (`answer_posted.connect(fn)`): search indexing,
notifications, mail and counters. They are called with plain values (ids), outside any
transaction, and they hand slow work to the job queue (vfac/jobs.py) rather than doing it.
"""
from __future__ import annotations

import logging
from typing import Any

from blinker import Namespace, Signal
from flask import current_app
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

log = logging.getLogger("vfac.events")

signals = Namespace()

# accounts
member_registered = signals.signal("member-registered")
member_approved = signals.signal("member-approved")
member_rejected = signals.signal("member-rejected")
# mail: a message was queued in the outbox (accounts/mail.py); the queue delivers it
mail_queued = signals.signal("mail-queued")
# the advice board
thread_changed = signals.signal("thread-changed")  # edited, moved, hidden, restored
question_asked = signals.signal("question-asked")
answer_posted = signals.signal("answer-posted")
comment_posted = signals.signal("comment-posted")
answer_accepted = signals.signal("answer-accepted")
thread_hidden = signals.signal("thread-hidden")
notifications_created = signals.signal("notifications-created")
# the research library
paper_submitted = signals.signal("paper-submitted")  # a file to check, then moderation
paper_changed = signals.signal("paper-changed")  # published, withdrawn, file replaced
paper_file_stored = signals.signal("paper-file-stored")  # an upload in quarantine: check it
paper_file_checked = signals.signal("paper-file-checked")  # passed or refused
# courses
course_changed = signals.signal("course-changed")
attachment_stored = signals.signal("attachment-stored")  # a lesson's PDF to check
attachment_checked = signals.signal("attachment-checked")

_PENDING = "vfac.events.pending"


def record(signal: Signal, **payload: Any) -> None:
    """Remember that `signal` is to be sent with `payload` when the work commits.

    The payload is plain values (ids, codes): listeners run after the commit, when the
    objects of the unit of work are expired, and jobs cross processes.
    """
    from vfac.extensions import db  # noqa: PLC0415 - extensions import models lazily

    session = db.session()
    transaction = session.get_nested_transaction() or session.get_transaction() \
        or session.begin()
    session.info.setdefault(_PENDING, []).append((transaction, signal, payload))


def pending(session: Session) -> list[tuple[Signal, dict[str, Any]]]:
    """The events the session's current work has recorded, in order (for tests)."""
    return [(signal, payload) for _t, signal, payload in session.info.get(_PENDING, ())]


def has_pending(session: Session) -> bool:
    return bool(session.info.get(_PENDING))


def _within(transaction: SessionTransaction | None, ancestor: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is ancestor:
            return True
        transaction = transaction.parent
    return False


@event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    """A rollback drops what was recorded inside the transaction (or savepoint) it undid."""
    recorded = session.info.get(_PENDING)
    if recorded:
        session.info[_PENDING] = [item for item in recorded
                                  if not _within(item[0], previous_transaction)]


@event.listens_for(Session, "after_commit")
def _dispatch(session: Session) -> None:
    """The outermost transaction committed: send what it recorded, in order.

    A listener that fails is logged and does not stop the others: the work is committed,
    and what a listener starts is a job with its own retries.
    """
    if session.in_nested_transaction():  # a savepoint released: the work is not committed
        return
    recorded = session.info.pop(_PENDING, None)
    if not recorded:
        return
    sender = current_app._get_current_object()  # type: ignore[attr-defined]
    for _transaction, signal, payload in recorded:
        for receiver in signal.receivers_for(sender):
            try:
                receiver(sender, **payload)
            except Exception:  # noqa: BLE001 - the commit stands; the failure is logged
                log.exception("listener %r of %s failed", receiver, signal.name)
