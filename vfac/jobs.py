"""The job queue: Huey. Work a request must not wait for, and must not lose.

- Where: `REDIS_URL` set → RedisHuey (every web process and consumer shares it); otherwise
  SqliteHuey in the instance folder (`jobs.sqlite`, one machine, no extra server). Tests
  run in Huey's immediate mode (`JOBS_IMMEDIATE`): a job runs as soon as it is enqueued.
- Who runs them: `flask jobs worker` (the consumer; `make run` starts one beside the web
  server, production runs it as its own service). It also runs the periodic tasks.
- How a job is written: `@jobs.task()` on a module-level function that takes plain values
  (ids, never objects: the job may run in another process, minutes later) and is
  idempotent — it checks what was already done, so a retried or doubled job does not send
  a second mail or count twice. Each run is one unit of work: its own app context and
  database session, one commit at the end, a rollback on any error.
- Failures: an exception retries the job with exponential back-off (`retries`,
  `retry_delay`); the last failure is recorded in the audit log ("job.failed"), where the
  jobs page (/admin/jobs) shows it to administrators.
- When: `enqueue(task, *args)` is called by event listeners (vfac/events.py), which run
  after the unit of work committed, so a job never sees work that may still roll back.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab, signals as huey_signals
from huey.api import Task, TaskWrapper

log = logging.getLogger("vfac.jobs")


@dataclass
class _Spec:
    func: Callable[..., Any]
    options: dict[str, Any] = field(default_factory=dict)
    schedule: Any = None  # a huey crontab() for periodic tasks
    lock: bool = False  # periodic tasks: at most one run at a time across consumers


_SPECS: dict[str, _Spec] = {}


def _name(func: Callable[..., Any]) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def task(retries: int = 6, retry_delay: int = 15, retry_backoff: float = 2.0,
         **options: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare a job; call the function itself to run it now, `enqueue(f, ...)` for later.

    By default a failing job is tried again 6 times, 15 s, 30 s, 1 min ... 8 min later.
    """
    def declare(func: Callable[..., Any]) -> Callable[..., Any]:
        _SPECS[_name(func)] = _Spec(func, dict(options, retries=retries,
                                                retry_delay=retry_delay,
                                                retry_backoff=retry_backoff))
        return func
    return declare


def periodic(schedule: Any, lock: bool = True) -> Callable[[Callable[..., Any]],
                                                           Callable[..., Any]]:
    """Declare a periodic job (`schedule` is `huey.crontab(...)`), run by the consumer.

    `lock`: one run at a time on a shared queue (Redis); what must happen once across
    machines with separate queues is guarded in the database by the job itself.
    """
    def declare(func: Callable[..., Any]) -> Callable[..., Any]:
        _SPECS[_name(func)] = _Spec(func, {"retries": 2, "retry_delay": 60}, schedule, lock)
        return func
    return declare


def make_huey(config: dict[str, Any], instance_path: str) -> Huey:
    name = config["JOBS_QUEUE_NAME"]
    if config["JOBS_IMMEDIATE"]:
        return MemoryHuey(name, immediate=True, results=False)
    if config["REDIS_URL"]:
        return RedisHuey(name, url=config["REDIS_URL"], results=False)
    path = Path(config["JOBS_SQLITE_PATH"] or Path(instance_path) / "jobs.sqlite")
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, filename=str(path), results=False, timeout=10)


def huey_of(app: Flask) -> Huey:
    return app.extensions["vfac.huey"]


def register_all(app: Flask) -> None:
    """Give the app's Huey every declared job (modules declare them at import)."""
    huey = huey_of(app)
    wrappers: dict[str, TaskWrapper] = app.extensions["vfac.jobs"]
    for name, spec in _SPECS.items():
        if name in wrappers:
            continue
        run = _unit_of_work(app, spec.func)
        if spec.schedule is not None:
            if spec.lock:
                run = huey.lock_task(name)(run)
            wrappers[name] = huey.periodic_task(spec.schedule, name=name, **spec.options)(run)
        else:
            wrappers[name] = huey.task(name=name, **spec.options)(run)


def _unit_of_work(app: Flask, func: Callable[..., Any]) -> Callable[..., Any]:
    from vfac import unit_of_work  # noqa: PLC0415 - unit_of_work imports the extensions
    from vfac.extensions import db  # noqa: PLC0415

    def run(*args: Any, **kwargs: Any) -> Any:
        # its own app context, so its own session: inside a request (immediate mode) too
        with app.app_context():
            try:
                result = func(*args, **kwargs)
                unit_of_work.commit()
                return result
            finally:
                db.session.rollback()
    run.__name__ = func.__name__
    return run


def enqueue(func: Callable[..., Any], *args: Any, delay: float | None = None) -> None:
    """Queue `func(*args)`; plain arguments only. Never raises: a queue that cannot take the
    job is logged (the sweeps of what the job does — pending mail — pick it up later)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    name = _name(func)
    wrappers = app.extensions["vfac.jobs"]
    if name not in wrappers:
        register_all(app)
    try:
        if delay:
            wrappers[name].schedule(args=args, delay=delay)
        else:
            wrappers[name](*args)
    except Exception:  # noqa: BLE001 - the request's work is committed; never fail it now
        log.exception("could not queue %s%r", name, args)


def _record_failure(app: Flask) -> Callable[..., None]:
    def on_error(signal: str, task: Task, exc: BaseException | None = None) -> None:
        if task.retries:  # Huey tries it again
            return
        with app.app_context():
            from accounts import audit  # noqa: PLC0415
            from vfac.extensions import db  # noqa: PLC0415

            try:
                audit.record("job.failed", task=task.name, args=repr(task.args)[:500],
                             error=f"{type(exc).__name__}: {exc}"[:1000])
                db.session.commit()
            except Exception:  # noqa: BLE001 - e.g. the database is what failed
                db.session.rollback()
                log.exception("could not record the failure of %s", task.name)
    return on_error


def init_app(app: Flask) -> None:
    huey = make_huey(app.config, app.instance_path)
    app.extensions["vfac.huey"] = huey
    app.extensions["vfac.jobs"] = {}
    huey.signal(huey_signals.SIGNAL_ERROR)(_record_failure(app))
    register_all(app)


def consumer(app: Flask, workers: int) -> Any:
    """A Huey consumer for `flask jobs worker`: threads, periodic tasks, every job known."""
    register_all(app)
    return huey_of(app).create_consumer(workers=workers, worker_type="thread",
                                        periodic=True, check_worker_health=True)


__all__ = ["crontab", "enqueue", "periodic", "task", "consumer", "init_app", "make_huey"]
