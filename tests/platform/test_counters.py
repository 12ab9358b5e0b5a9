"""View and download counters (vfac/counters.py): never lost at a restart, never counted
twice, shared by every process; Redis when REDIS_URL is set, the database otherwise.

The restarts are real: gunicorn with two workers (and `flask run`) on a database of their
own — SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set — stopped
the way a deploy stops them. Redis (127.0.0.1:6379) is used under key names of this run
only, removed at the end.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
import warnings
from collections import Counter as Tally
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg
import pytest
import redis
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from forum.models import Thread
from forum.services.board import thread_views
from tests.pgdb import main as create_pg_database
from vfac import counters
from vfac.extensions import db
from vfac.models import CounterBatch, Visibility

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/0"
CLOSED_PORT_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
HITS = 40


@pytest.fixture(scope="module")
def token():
    """This run's Redis names; every key holding it is deleted at the end."""
    value = uuid.uuid4().hex[:12]
    yield value
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"*{value}*"):
        client.delete(key)


@pytest.fixture(scope="module")
def site(tmp_path_factory, token):
    """A migrated site with one public thread, for servers started by the tests."""
    folder = tmp_path_factory.mktemp("counter-site")
    pg_url = os.environ.get("TEST_DATABASE_URL")
    if pg_url:
        url = make_url(pg_url).set(database=f"{make_url(pg_url).database}_counters")
        url = url.render_as_string(hide_password=False)
        assert create_pg_database(url) == 0
    else:
        url = f"sqlite:///{folder / 'site.sqlite'}"
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "s" * 48,
           "VFAC_BASE_URL": f"http://127.0.0.1:{port}", "VFAC_INSTANCE_PATH": str(folder),
           "VFAC_SESSION_COOKIE_SECURE": "false", "VFAC_JOBS_QUEUE_NAME": f"vfac-test-{token}",
           "VFAC_COUNTER_KEY_PREFIX": f"vfac-test-{token}:counter:",
           "VFAC_RATELIMIT_KEY_PREFIX": f"vfac-test-{token}"}
    for name in ("REDIS_URL", "TEST_DATABASE_URL", "FLASK_DEBUG"):
        env.pop(name, None)
    seeded = subprocess.run([sys.executable, "-m", "tests.platform.counter_site", "setup"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert seeded.returncode == 0, seeded.stderr
    engine = create_engine(url)
    yield {"env": env, "port": port, "engine": engine, "folder": folder,
           **json.loads(seeded.stdout.strip().splitlines()[-1])}
    engine.dispose()
    if pg_url:
        admin = make_url(pg_url)
        with psycopg.connect(f"host={admin.host} port={admin.port or 5432} "
                             f"user={admin.username} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _views(site) -> int:
    with site["engine"].connect() as conn:
        return conn.execute(text("SELECT view_count FROM forum_thread WHERE id = :id"),
                            {"id": site["thread_id"]}).scalar_one()


def _serve(site, command: list[str], **env: str) -> subprocess.Popen:
    log = open(site["folder"] / "server.log", "w")  # noqa: SIM115 - closed with the process
    server = subprocess.Popen(command, cwd=ROOT, env={**site["env"], **env}, stdout=log,
                              stderr=subprocess.STDOUT)
    server.log = log  # type: ignore[attr-defined]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", site["port"]), timeout=1).close()
            return server
        except OSError:
            assert server.poll() is None, (site["folder"] / "server.log").read_text()
            time.sleep(0.05)
    server.kill()
    raise AssertionError("the server did not start")


def _gunicorn(site, access_log: Path, **env: str) -> subprocess.Popen:
    return _serve(site, [sys.executable, "-m", "gunicorn", "-w", "2", "-k", "gthread",
                         "--threads", "2", "-b", f"127.0.0.1:{site['port']}",
                         "--access-logfile", str(access_log), "--access-logformat", "%(p)s",
                         "wsgi:app"], **env)


def _hit(site, n: int) -> None:
    url = f"http://127.0.0.1:{site['port']}{site['path']}"

    def one(_):
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status

    with ThreadPoolExecutor(4) as pool:  # concurrent: both workers take requests
        assert list(pool.map(one, range(n))) == [200] * n


def _stop(server: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    server.send_signal(sig)
    try:
        assert server.wait(timeout=30) == 0
    finally:
        server.log.close()


def _served_by(access_log: Path) -> Tally:
    return Tally(line.strip() for line in access_log.read_text().splitlines() if line.strip())


def test_views_survive_a_gunicorn_restart_without_redis(site):
    """40 views through two gunicorn workers, then SIGTERM (any deploy): all 40 written,
    by each worker's exit (the writer thread's interval is an hour here)."""
    before = _views(site)
    access_log = site["folder"] / "access-memory.log"
    server = _gunicorn(site, access_log, VFAC_COUNTER_FLUSH_SECONDS="3600")
    try:
        _hit(site, HITS)
        assert _views(site) == before  # the views wait in the workers' memory
    finally:
        _stop(server)
    assert _views(site) == before + HITS
    assert len(_served_by(access_log)) == 2  # both workers counted views


def test_views_survive_a_gunicorn_restart_with_redis(site, token):
    """With Redis every view is kept there across the restart; the periodic job, run by
    four consumers at the same instant, moves them into the database once."""
    before = _views(site)
    client = redis.Redis.from_url(REDIS_URL)
    key = f"vfac-test-{token}:counter:forum_thread.view_count"
    access_log = site["folder"] / "access-redis.log"
    server = _gunicorn(site, access_log, REDIS_URL=REDIS_URL,
                       VFAC_COUNTER_FLUSH_SECONDS="3600")
    try:
        _hit(site, HITS)
    finally:
        _stop(server)
    assert len(_served_by(access_log)) == 2
    assert int(client.hget(key, str(site["thread_id"]))) == HITS
    assert _views(site) == before  # not yet in the database: the job moves them

    flushed = subprocess.run([sys.executable, "-m", "tests.platform.counter_site", "flush", "4"],
                             cwd=ROOT, env={**site["env"], "REDIS_URL": REDIS_URL},
                             capture_output=True, text=True, timeout=60)
    assert flushed.returncode == 0, flushed.stderr
    assert _views(site) == before + HITS
    assert not list(client.scan_iter(match=f"vfac-test-{token}:counter:*"))
    with site["engine"].connect() as conn:  # one batch, remembered so it is never re-applied
        assert conn.execute(text("SELECT count(*) FROM vfac_counter_batch")).scalar_one() == 1


def test_flask_run_writes_every_few_seconds_and_at_exit(site):
    """`make run`'s server: the writer thread writes while it serves, and Ctrl-C writes
    the rest."""
    before = _views(site)
    server = _serve(site, [sys.executable, "-m", "flask", "--app", "wsgi", "run",
                           "--host", "127.0.0.1", "--port", str(site["port"])],
                    VFAC_COUNTER_FLUSH_SECONDS="0.5")
    try:
        _hit(site, 10)
        deadline = time.monotonic() + 10
        while _views(site) != before + 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _views(site) == before + 10  # written while the server runs
        _hit(site, 10)
    finally:
        _stop(server, signal.SIGINT)
    assert _views(site) == before + 20


# In this process, on the test database (each test rolled back)

@pytest.fixture
def public_thread(make_thread):
    return make_thread("Counted in this process", visibility=Visibility.PUBLIC)


def _count(thread) -> int:
    db.session.expire_all()
    return db.session.execute(select(Thread.view_count).where(
        Thread.id == thread.id)).scalar_one()


@pytest.fixture
def with_redis(app, monkeypatch, token):
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_URL)
    monkeypatch.setitem(app.config, "COUNTER_KEY_PREFIX", f"vfac-test-{token}:unit:")
    client = redis.Redis.from_url(REDIS_URL)
    yield client, f"vfac-test-{token}:unit:forum_thread.view_count"
    for key in client.scan_iter(match=f"vfac-test-{token}:unit:*"):
        client.delete(key)


def _page(client, thread) -> None:
    assert client.get(f"/forum/{thread.id}/{thread.slug}").status_code == 200


def test_flushing_twice_adds_once(client, public_thread):
    for _ in range(3):
        _page(client, public_thread)
    assert thread_views.pending() == {public_thread.id: 3} and _count(public_thread) == 0
    assert counters.flush() == 3
    assert counters.flush() == 0
    assert _count(public_thread) == 3


def test_with_redis_a_view_is_one_hincrby_and_the_job_moves_it_once(client, public_thread,
                                                                     with_redis):
    redis_client, key = with_redis
    for _ in range(3):
        _page(client, public_thread)
    assert int(redis_client.hget(key, str(public_thread.id))) == 3
    assert thread_views.pending() == {} and _count(public_thread) == 0
    counters.flush_counters()
    counters.flush_counters()
    assert _count(public_thread) == 3
    assert not redis_client.exists(key)


def test_a_batch_left_by_a_crashed_flusher_is_applied_once(client, public_thread, with_redis):
    """Crash after the RENAME, before the commit: the next run applies the batch. Crash
    after the commit, before the DEL (or a second flusher that read it meanwhile): the
    batch is known, so it is only deleted."""
    redis_client, key = with_redis
    before_commit, after_commit = f"{key}:flushing:{'a' * 32}", f"{key}:flushing:{'b' * 32}"
    redis_client.hset(before_commit, str(public_thread.id), 4)
    redis_client.hset(after_commit, str(public_thread.id), 5)
    db.session.add(CounterBatch(id="b" * 32))  # its commit had happened
    db.session.commit()
    assert counters.flush() == 4
    assert _count(public_thread) == 4
    assert not redis_client.exists(before_commit) and not redis_client.exists(after_commit)
    assert db.session.get(CounterBatch, "a" * 32) is not None
    redis_client.hset(before_commit, str(public_thread.id), 4)  # read again by a late flusher
    assert counters.flush() == 0
    assert _count(public_thread) == 4


def test_redis_unreachable_the_page_answers_and_counts_in_memory(app, client, public_thread,
                                                                 monkeypatch):
    monkeypatch.setitem(app.config, "REDIS_URL", CLOSED_PORT_URL)
    started = time.monotonic()
    for _ in range(3):
        _page(client, public_thread)
    assert time.monotonic() - started < 5  # generous: no wait on Redis per page
    assert thread_views.pending() == {public_thread.id: 3}
    assert counters.flush() == 3  # the in-memory counts are written; Redis's wait for it
    assert _count(public_thread) == 3


def test_a_forked_child_leaves_its_parents_counts_to_the_parent(client, public_thread):
    _page(client, public_thread)
    with warnings.catch_warnings():  # Python 3.12+ warns that this process has threads
        warnings.simplefilter("ignore", DeprecationWarning)
        child = os.fork()
    if child == 0:  # the child must not write what the parent will write
        os._exit(0 if thread_views.pending() == {} else 1)
    assert os.waitpid(child, 0)[1] == 0
    assert thread_views.pending() == {public_thread.id: 1}
