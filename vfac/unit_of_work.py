"""One commit per unit of work: a request, a job, a command.

Services change objects and flush; they never commit. The boundary commits once at the
end — after the view returned, `commit_request` below; at the end of a job, vfac/jobs.py;
at the end of a command, `commit()` — and the committed work's events go to their
listeners (vfac/events.py). On any error the boundary rolls back instead, and a service
that refused (`ServiceError`, which calls `failed()`) marks the unit so that a view which
catches the error and redisplays its form commits nothing the service had begun.
"""
from __future__ import annotations

from flask import Flask, Response
from sqlalchemy import event
from sqlalchemy.orm import Session

from vfac import events
from vfac.extensions import db
from vfac.transactions import has_writes

_FAILED = "vfac.unit_of_work.failed"


def failed() -> None:
    """The current unit of work must not commit: what it began is rolled back at the end."""
    db.session().info[_FAILED] = True


def is_failed(session: Session | None = None) -> bool:
    return bool((session or db.session()).info.get(_FAILED))


def commit() -> None:
    """End the unit of work: commit it (and send its events), or roll back a failed one."""
    session = db.session()
    if session.info.get(_FAILED):
        session.rollback()
        return
    session.commit()


def has_work(session: Session) -> bool:
    return bool(session.new or session.dirty or session.deleted or has_writes(session)
                or events.has_pending(session))


@event.listens_for(Session, "after_transaction_end")
def _forget_failure(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_FAILED, None)


def init_app(app: Flask) -> None:
    @app.after_request
    def commit_request(response: Response) -> Response:
        """The request's one commit, when the view returned (an error page rolled back)."""
        session = db.session()
        if response.status_code >= 500 or session.info.get(_FAILED):
            session.rollback()
        elif has_work(session):
            session.commit()
        return response
