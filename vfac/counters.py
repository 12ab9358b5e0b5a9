"""Counters that a GET may bump without writing: added up in memory, written now and then.

A row update per view made every page view a write (a peer forum lost 40 % of its
throughput to that). Counts of a process that stops before its next write are lost, which
a view counter can afford.
"""
from __future__ import annotations

import threading
import time
from typing import Any

from flask import current_app
from sqlalchemy import update
from sqlalchemy.orm import Session

from vfac.extensions import db


class BatchedCounter:
    """Adds to `column` of `model` by id, at most once every `config[setting]` seconds.

    `own_transaction`: write in a short transaction of its own (a reading GET), or in the
    caller's, which commits (a request that writes anyway, such as a counted download).
    """

    def __init__(self, model: Any, column: str, setting: str,
                 own_transaction: bool = True) -> None:
        self.model, self.column, self.setting = model, column, setting
        self.own_transaction = own_transaction
        self.pending: dict[int, int] = {}
        self.lock = threading.Lock()
        self.flushed_at = time.monotonic()

    def add(self, object_id: int) -> None:
        with self.lock:
            self.pending[object_id] = self.pending.get(object_id, 0) + 1
            due = time.monotonic() - self.flushed_at >= current_app.config[self.setting]
            batch, self.pending = (self.pending, {}) if due else ({}, self.pending)
            if due:
                self.flushed_at = time.monotonic()
        if batch:
            self._write(batch)

    def _write(self, batch: dict[int, int]) -> None:
        # Its own short transaction, so the page's read transaction never turns into a write.
        column = getattr(self.model, self.column)
        updates = [update(self.model).where(self.model.id == object_id)
                   .values({column: column + n}) for object_id, n in batch.items()]
        if not self.own_transaction:
            for statement in updates:
                db.session.execute(statement)
            return
        with Session(bind=db.engine, join_transaction_mode="create_savepoint") as session:
            for statement in updates:
                session.execute(statement)
            session.commit()

    def clear(self) -> None:
        with self.lock:
            self.pending.clear()
