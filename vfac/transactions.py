"""Slow work with no database transaction open: `with outside_transaction(): ...`.

On SQLite a request that writes begins with BEGIN IMMEDIATE (vfac/app.py): from its first
query it holds the one write lock, and every other writer (a login, a post) waits behind it
for the busy timeout and then fails. On PostgreSQL an open transaction holds its row locks
and its snapshot. So a request ends its transaction before work that takes seconds (a
child process checking a PDF) and starts a new one afterwards, when the next statement
runs.

Everything the session had loaded is expired by then and read again on first use: another
request may have changed it meanwhile, so a service re-checks what it relies on.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from vfac.extensions import db

_WROTE = "vfac.transactions.wrote"


class UnsavedChanges(RuntimeError):
    """outside_transaction() was asked for while the session had changes not yet committed."""


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context) -> None:
    session.info[_WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _executed(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


@event.listens_for(Session, "after_transaction_end")
def _ended(session: Session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop(_WROTE, None)


def has_writes(session: Session) -> bool:
    """Whether this transaction flushed or executed a change (written, not yet committed)."""
    return bool(session.info.get(_WROTE))


@contextmanager
def outside_transaction() -> Iterator[None]:
    """End the session's transaction (it must hold no changes) for the duration of the block.

    Refuses (UnsavedChanges) when objects are added, changed or deleted, or changes were
    flushed or executed in this transaction: ending it would commit half of a change, and
    losing them silently would be worse. Call it before the service changes anything.
    """
    session = db.session
    if session.new or session.dirty or session.deleted or session.info.get(_WROTE):
        raise UnsavedChanges("outside_transaction() with unsaved changes in the session")
    session.commit()  # nothing to write: only ends the transaction and frees its locks
    yield
