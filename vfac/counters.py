"""Counters a GET bumps without writing (thread views, paper downloads), never lost at a
restart and never counted twice, shared by every process.

Why: a row update per view made every page view a write (a peer forum lost 40 % of its
throughput to that), so counts are added up and written later; but counts kept only in a
worker's memory until "a later request" were lost at every deploy (40 views, then SIGTERM:
all 40 gone, issue 14). Where a count goes now:

- `REDIS_URL` set: each hit is one `HINCRBY <COUNTER_KEY_PREFIX><table>.<column> <id> 1`,
  shared by every worker and machine, kept when a worker stops. The periodic job
  `flush_counters` (each minute, in the consumer) moves them into the database: it RENAMEs
  the hash to `<key>:flushing:<uuid>` (atomic: new hits start a fresh hash), then adds that
  batch to the rows and records its uuid in `vfac_counter_batch` in ONE transaction, and
  deletes the batch key after the commit. Batch keys left by a flusher that died are
  applied by the next run; the uuid row makes each batch count once, even when two
  consumers apply it at the same time or a flusher died between its commit and the delete.
- No Redis, or Redis unreachable (a page never fails for a counter; Redis is tried again
  after `_REDIS_RETRY_SECONDS`): the worker adds counts up in memory, and a background
  thread writes them every `COUNTER_FLUSH_SECONDS` and once more at exit (atexit: gunicorn's
  sync and gthread workers leave through it on SIGTERM, a normal restart; `flask run` on
  Ctrl-C), as `UPDATE ... SET n = n + k` in a short transaction of its own. A page never
  waits for that write, and its read transaction never becomes a write (SQLite: see
  `_sqlite_begin` in vfac/app.py). A forked child drops what its parent holds (the parent
  writes it), so a fork cannot count twice.

What can still be lost (nothing is ever counted twice): with Redis, the hits Redis itself
loses (restarted without persistence, or evicting keys under an `allkeys-*` memory policy);
in memory, the last `COUNTER_FLUSH_SECONDS` of a worker killed without running atexit
(SIGKILL, the OOM killer, a worker still busy when gunicorn's graceful timeout ends), and a
batch whose COMMIT itself failed — it may have been written, so it is dropped rather than
tried again. A counted row's `updated_at` does not change: a view is not an edit.
"""
from __future__ import annotations

import atexit
import logging
import os
import threading
import time
import uuid
import weakref
from datetime import timedelta
from typing import Any

import redis
from flask import Flask, current_app
from redis.backoff import NoBackoff
from redis.retry import Retry
from sqlalchemy import bindparam, delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from vfac import jobs
from vfac.extensions import db
from vfac.models import CounterBatch, utcnow

log = logging.getLogger("vfac.counters")

_COUNTERS: dict[str, HitCounter] = {}
_REDIS_RETRY_SECONDS = 10  # after a Redis error, count in memory this long before trying it
_BATCHES_KEPT = timedelta(days=7)  # applied batch ids are remembered this long
_FLUSHING = ":flushing:"


class HitCounter:
    """`add(id)` counts one hit on `column` of the `model` row with that id."""

    def __init__(self, model: Any, column: str) -> None:
        self.model, self.column = model, column
        self.name = f"{model.__tablename__}.{column}"
        _COUNTERS[self.name] = self

    def add(self, object_id: int) -> None:
        """Count one hit; never writes to the database here, never raises for Redis."""
        _state(current_app).add(self.name, int(object_id))

    def pending(self) -> dict[int, int]:
        """The counts this process holds in memory, not yet written (tests, diagnostics)."""
        state = _state(current_app)
        with state.lock:
            return dict(state.pending.get(self.name, {}))

    def clear(self) -> None:
        """Forget this process's unwritten counts (tests: no test inherits another's)."""
        state = _state(current_app)
        with state.lock:
            state.pending.pop(self.name, None)


def flush() -> int:
    """Write every waiting count: this process's, then (with Redis) everyone's; how many."""
    state = _state(current_app)
    written = state.write()
    try:
        return written + state.move_from_redis()
    except redis.RedisError as error:  # the batches wait in Redis for the next run
        log.warning("Redis unreachable (%s): its counts are moved later", error)
        return written


@jobs.periodic(jobs.crontab(minute="*"), lock=False)
def flush_counters() -> None:
    """Each minute: the counts waiting in Redis (and in this process) go to the database."""
    # lock=False: Huey's lock has no expiry, so a consumer killed mid-run would stop every
    # later run; running twice at once is safe here (each batch is applied once)
    flush()


_STATES: weakref.WeakSet[_State] = weakref.WeakSet()
_STATES_LOCK = threading.Lock()


def _state(app: Flask) -> _State:
    if hasattr(app, "_get_current_object"):  # current_app: keep the app, not the proxy
        app = app._get_current_object()
    state = app.extensions.get("vfac.counters")
    if state is None:
        with _STATES_LOCK:
            state = app.extensions.setdefault("vfac.counters", _State(app))
            _STATES.add(state)
    return state


class _State:
    """One app's counts in this process, its Redis client and its writer thread."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.pending: dict[str, dict[int, int]] = {}
        self.writer_pid = 0  # the process whose writer thread runs
        self.stopping = threading.Event()
        self.writer: threading.Thread | None = None
        self.at_exit = False
        self.redis_url, self.redis_client = "", None
        self.redis_down_until = 0.0

    # counting
    def add(self, name: str, object_id: int) -> None:
        if self._add_to_redis(name, object_id):
            return
        with self.lock:
            counts = self.pending.setdefault(name, {})
            counts[object_id] = counts.get(object_id, 0) + 1
            if self.writer_pid != os.getpid():
                self._start_writer()

    def _start_writer(self) -> None:
        self.writer_pid = os.getpid()
        if self.app.testing:  # tests call flush(); a thread would share the test's connection
            return
        self.stopping = threading.Event()
        self.writer = threading.Thread(target=self._write_every, name="vfac-counters",
                                       args=(self.app.config["COUNTER_FLUSH_SECONDS"],),
                                       daemon=True)
        self.writer.start()
        if not self.at_exit:
            self.at_exit = True
            atexit.register(self._write_at_exit)

    def _write_every(self, seconds: float) -> None:
        while not self.stopping.wait(seconds):
            self.write()

    def _write_at_exit(self) -> None:
        self.stopping.set()
        if self.writer is not None and self.writer.is_alive():
            self.writer.join(10)  # a write under way ends first
        self.write()

    def forget_parent(self) -> None:
        """In a forked child: what the parent held is the parent's to write."""
        self.lock = threading.Lock()
        self.pending, self.writer, self.writer_pid = {}, None, 0
        self.redis_url, self.redis_client = "", None

    # the in-memory path
    def write(self) -> int:
        """Write this process's counts in one short transaction of its own; how many."""
        with self.lock:
            batch, self.pending = self.pending, {}
        if not batch:
            return 0
        with self.app.app_context():
            session = Session(bind=db.engine, join_transaction_mode="create_savepoint")
            try:
                _apply(session, batch)
            except Exception:  # noqa: BLE001 - nothing was written: kept for the next write
                session.rollback()
                session.close()
                self._put_back(batch)
                log.exception("could not write the counts; trying again later")
                return 0
            try:
                session.commit()
            except Exception:  # noqa: BLE001 - perhaps written: never risk counting twice
                log.exception("the commit of %r failed; those counts are dropped", batch)
                return 0
            finally:
                session.close()
        return sum(sum(counts.values()) for counts in batch.values())

    def _put_back(self, batch: dict[str, dict[int, int]]) -> None:
        with self.lock:
            for name, counts in batch.items():
                mine = self.pending.setdefault(name, {})
                for object_id, n in counts.items():
                    mine[object_id] = mine.get(object_id, 0) + n

    # the Redis path
    def client(self) -> redis.Redis | None:
        url = self.app.config["REDIS_URL"]
        if not url:
            return None
        if url != self.redis_url:
            # short timeouts and one retry: a page must not hang on an unreachable Redis
            self.redis_client = redis.Redis.from_url(
                url, socket_connect_timeout=0.25, socket_timeout=0.5,
                retry=Retry(NoBackoff(), 1))
            self.redis_url, self.redis_down_until = url, 0.0
        return self.redis_client

    def key(self, name: str) -> str:
        return self.app.config["COUNTER_KEY_PREFIX"] + name

    def _add_to_redis(self, name: str, object_id: int) -> bool:
        client = self.client()
        if client is None or time.monotonic() < self.redis_down_until:
            return False
        try:
            client.hincrby(self.key(name), str(object_id), 1)
            return True
        except redis.RedisError as error:
            self.redis_down_until = time.monotonic() + _REDIS_RETRY_SECONDS
            log.warning("Redis unreachable (%s): counting in this process for %s s", error,
                        _REDIS_RETRY_SECONDS)
            return False

    def move_from_redis(self) -> int:
        """Every counter's hash becomes a batch; every batch, left over ones too, is applied."""
        client = self.client()
        if client is None:
            return 0
        for name in sorted(_COUNTERS):
            try:
                client.rename(self.key(name), f"{self.key(name)}{_FLUSHING}{uuid.uuid4().hex}")
            except redis.ResponseError:  # no such key: no hits since the last run
                pass
        pattern = _glob_escape(self.app.config["COUNTER_KEY_PREFIX"]) + f"*{_FLUSHING}*"
        applied = sum(self._apply_batch(client, key.decode())
                      for key in sorted(client.scan_iter(match=pattern, count=500)))
        self._forget_old_batches()
        return applied

    def _apply_batch(self, client: redis.Redis, key: str) -> int:
        name, _, batch_id = key[len(self.app.config["COUNTER_KEY_PREFIX"]):].rpartition(
            _FLUSHING)
        if name not in _COUNTERS:
            log.warning("counter batch %s: no such counter here; left in Redis", key)
            return 0
        counts = {int(k): int(v) for k, v in client.hgetall(key).items()}
        if counts:  # empty: another flusher applied it and deleted it meanwhile
            with Session(bind=db.engine, join_transaction_mode="create_savepoint") as session:
                session.add(CounterBatch(id=batch_id))
                try:
                    session.flush()  # first, so that a second flusher stops here
                except IntegrityError:  # applied before: only its deletion was missing
                    session.rollback()
                    log.info("counter batch %s was applied already: deleted", key)
                    counts = {}
                else:
                    _apply(session, {name: counts})
                    session.commit()
        client.delete(key)
        return sum(counts.values())

    def _forget_old_batches(self) -> None:
        with Session(bind=db.engine, join_transaction_mode="create_savepoint") as session:
            session.execute(delete(CounterBatch).where(
                CounterBatch.applied_at < utcnow() - _BATCHES_KEPT))
            session.commit()


def _apply(session: Session, batch: dict[str, dict[int, int]]) -> None:
    """`n = n + k` for each row; counters by name, rows by id: two writers at once lock rows
    in the same order (no deadlock on PostgreSQL)."""
    for name in sorted(batch):
        counter = _COUNTERS[name]
        table = counter.model.__table__
        column = table.c[counter.column]
        values: dict[str, Any] = {counter.column: column + bindparam("b_k")}
        if "updated_at" in table.c:
            values["updated_at"] = table.c.updated_at  # a count is not an edit of the row
        statement = update(table).where(table.c.id == bindparam("b_id")).values(values)
        session.execute(statement, [{"b_id": object_id, "b_k": n}
                                    for object_id, n in sorted(batch[name].items())])


def _glob_escape(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


def _forget_parents() -> None:
    for state in list(_STATES):
        state.forget_parent()


os.register_at_fork(after_in_child=_forget_parents)
