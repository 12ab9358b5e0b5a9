"""Benchmark: generate members, audit events and papers at scale, serve with gunicorn, measure.

    make bench            (or: .venv/bin/python bench/http_load.py --members 20000)

Targets are printed next to the measurements; they are not unit-test asserts. The load
only goes to 127.0.0.1, is bounded in requests and time, and stops by itself.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "benchmark passphrase 2026"
TARGETS_MS = {"p95": 300}  # on this 2-core machine, per page, 8 concurrent clients


def generate(env: dict, members: int, events: int) -> None:
    """Fill a fresh database: `members` members (a quarter pending), `events` audit rows."""
    code = f"""
import random, uuid
from datetime import datetime, timedelta, timezone
from flask_security import hash_password
from sqlalchemy import insert
from accounts.models import AuditEvent, Profession, Role, Status, User
from accounts.services import NewMember, create_member
from vfac.app import create_app
from vfac.extensions import db
app = create_app()
with app.app_context():
    create_member(None, NewMember("benchadmin", "benchadmin@example.org", {PASSWORD!r},
        "Bench Admin", "AT", "VFAC", Profession.GOVERNMENT, "en", role=Role.ADMINISTRATOR))
    pw = hash_password({PASSWORD!r})
    now = datetime.now(timezone.utc)
    rows = []
    for i in range({members}):
        pending = i % 4 == 0
        rows.append(dict(username=f"m{{i}}", email=f"m{{i}}@example.org", password=pw,
            full_name=f"Member {{i}}", country=random.choice(["GH", "SN", "KE", "JO", "CO"]),
            organisation="Police", profession=random.choice(list(Profession)), language="en",
            statement="Investigating online fraud and needing training.",
            status=Status.PENDING if pending else Status.APPROVED, role=Role.MEMBER,
            active=True, fs_uniquifier=uuid.uuid4().hex, confirmed_at=now,
            created_at=now, updated_at=now))
        if len(rows) == 5000:
            db.session.execute(insert(User), rows); rows = []
    if rows:
        db.session.execute(insert(User), rows)
    events = []
    for i in range({events}):
        events.append(dict(action=random.choice(["login.success", "login.failure",
            "member.approved"]), actor_id=random.randint(1, {members}),
            subject_id=random.randint(1, {members}), ip="127.0.0.1", detail={{}},
            created_at=now - timedelta(seconds={events} - i)))
        if len(events) == 10000:
            db.session.execute(insert(AuditEvent), events); events = []
    if events:
        db.session.execute(insert(AuditEvent), events)
    db.session.commit()
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def generate_papers(env: dict, papers: int) -> None:
    """`papers` published papers with authors, topics and ~150 words each, all indexed."""
    code = f"""
import random
from sqlalchemy import insert, select
from research.models import Author, Paper, PaperType, Status, paper_topic
from research.services.submission import index_paper
from accounts.models import User
from vfac.app import create_app
from vfac.extensions import db
from vfac.models import Topic, Visibility, utcnow
WORDS = ("ransomware jurisdiction evidence cloud preservation request mutual legal assistance "
         "extortion phishing fraud botnet encryption forensic seizure warrant subscriber data "
         "provider cooperation convention protocol admissibility court prosecutor police "
         "investigation training capacity victim child exploitation cryptocurrency laundering "
         "malware intrusion interception retention traffic content identity theft").split()
# A few domain words in every paper among many rarer ones, as in a real library: a word of
# WORDS is in about one paper in six, two of them together in about one in thirty.
RARE = ["".join(random.Random(i).choices("bcdfghklmnprstvz", k=3)) + "ion" + str(i % 97)
        for i in range(3000)]
random.seed(7)
app = create_app()
with app.app_context():
    admin = db.session.scalar(select(User).where(User.username == "benchadmin"))
    topics = list(db.session.scalars(select(Topic)))
    now = utcnow()
    for start in range(0, {papers}, 1000):
        rows = [dict(title=" ".join(random.choices(WORDS, k=7)).capitalize(),
                     abstract=" ".join(random.sample(random.choices(WORDS, k=8)
                                                     + random.choices(RARE, k=140), 148)),
                     year=random.randint(1995, 2026), type=random.choice(list(PaperType)),
                     language=random.choice(["en", "fr", "es", "ru", "ar", "zh"]),
                     countries=[], region="global", keywords=random.choices(WORDS, k=4),
                     licence="", publisher="", doi=None, url="",
                     visibility=random.choice(list(Visibility)), status=Status.PUBLISHED,
                     rejection_reason="", submitter_id=admin.id, published_at=now,
                     download_count=0, created_at=now, updated_at=now)
                for _ in range(min(1000, {papers} - start))]
        ids = db.session.execute(insert(Paper).returning(Paper.id), rows).scalars().all()
        db.session.execute(insert(Author), [dict(paper_id=i, position=k, name=f"Author {{i}}-{{k}}",
                                                 affiliation="", orcid=None)
                                            for i in ids for k in range(3)])
        db.session.execute(insert(paper_topic), [dict(paper_id=i, topic_id=t.id) for i in ids
                                                 for t in random.sample(topics, 2)])
        for paper in db.session.scalars(select(Paper).where(Paper.id.in_(ids))):
            index_paper(paper)
        db.session.commit()
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def login_cookie(port: int) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    conn.request("GET", "/auth/login")
    page = conn.getresponse()
    html = page.read().decode()
    cookie = page.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    body = f"identity=benchadmin&password={PASSWORD.replace(' ', '+')}&csrf_token={token}"
    conn.request("POST", "/auth/login", body=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
        "Referer": f"http://127.0.0.1:{port}/"})
    response = conn.getresponse()
    response.read()
    assert response.status == 302, response.status
    cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie")]
    return next(c for c in cookies if c.startswith("vfac_session=") and len(c) > 20)


def load(port: int, path: str, cookie: str | None, clients: int, seconds: float,
         max_requests: int) -> dict:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker() -> None:
        nonlocal errors
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Accept-Encoding": "gzip", **({"Cookie": cookie} if cookie else {})}
        while time.monotonic() < deadline:
            with lock:
                if len(latencies) + errors >= max_requests:
                    return
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                # a dropped connection is an error of the page, not the end of this client
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                with lock:
                    errors += 1
                continue
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if response.status == 200:
                    latencies.append(elapsed)
                else:
                    errors += 1

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started
    latencies.sort()
    return {"requests": len(latencies), "errors": errors, "rps": len(latencies) / took,
            "p50": statistics.median(latencies) if latencies else 0,
            "p95": latencies[int(len(latencies) * 0.95) - 1] if latencies else 0}


def generate_threads(env: dict, threads: int) -> None:
    """`threads` advice threads (3 answers each, votes as scores), all indexed; thread 1 has 200."""
    code = f"""
import random
from datetime import timedelta
from sqlalchemy import insert, select
from forum.models import Category, Post, Thread, ThreadStatus, thread_topic
from forum.services.index import index_thread
from accounts.models import User
from vfac.app import create_app
from vfac.extensions import db
from vfac.models import Visibility, utcnow
WORDS = ("preservation request provider cloud mailbox seized phone hash image chain custody "
         "warrant subscriber ransomware wallet tracing sextortion minors mobile money fraud "
         "extradition dual criminality admissibility screenshot court expert report").split()
random.seed(11)
app = create_app()
with app.app_context():
    authors = list(db.session.scalars(select(User.id).limit(500)))
    categories = list(db.session.scalars(select(Category)))
    now = utcnow()
    for start in range(0, {threads}, 1000):
        rows = []
        for n in range(start, min(start + 1000, {threads})):
            at = now - timedelta(minutes=n)
            category = random.choice(categories)
            rows.append(dict(category_id=category.id, author_id=random.choice(authors),
                             title=" ".join(random.choices(WORDS, k=8)).capitalize(),
                             slug="thread", body_source=" ".join(random.choices(WORDS, k=120)),
                             body_html="<p>" + " ".join(random.choices(WORDS, k=120)) + "</p>",
                             language=random.choice(["en", "fr", "es", "ru", "ar", "zh"]),
                             country=None, visibility=random.choice(list(Visibility)),
                             status=ThreadStatus.OPEN, is_pinned=False, score=random.randint(0, 9),
                             answer_count=200 if n == 0 else 3, view_count=0,
                             last_activity_at=at, created_at=at, updated_at=at))
        ids = db.session.execute(insert(Thread).returning(Thread.id, Thread.category_id),
                                 rows).all()
        cats = {{c.id: c.topic_id for c in categories}}
        db.session.execute(insert(thread_topic), [dict(thread_id=i, topic_id=cats[c])
                                                  for i, c in ids])
        db.session.execute(insert(Post), [
            dict(thread_id=i, author_id=random.choice(authors), score=random.randint(-1, 9),
                 body_source=" ".join(random.choices(WORDS, k=60)),
                 body_html="<p>" + " ".join(random.choices(WORDS, k=60)) + "</p>",
                 created_at=now, updated_at=now)
            for k, (i, _c) in enumerate(ids) for _ in range(200 if start + k == 0 else 3)])
        for thread in db.session.scalars(select(Thread).where(Thread.id.in_([i for i, _ in ids]))):
            index_thread(thread)
        db.session.commit()
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=20000)
    parser.add_argument("--events", type=int, default=200000)
    parser.add_argument("--papers", type=int, default=20000)
    parser.add_argument("--threads", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database-url", default="",
                        help="an empty PostgreSQL database (default: SQLite in a temp folder)")
    args = parser.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="vfac-bench-"))
    port = free_port()
    env = {**os.environ, "VFAC_INSTANCE_PATH": str(instance), "SECRET_KEY": secrets.token_hex(32),
           "VFAC_BASE_URL": f"http://127.0.0.1:{port}",
           "VFAC_STAFF_REQUIRE_2FA": "false", "VFAC_SESSION_COOKIE_SECURE": "false",
           "VFAC_RATELIMIT_ENABLED": "false", "FLASK_APP": "wsgi"}
    env.pop("DATABASE_URL", None)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "flask", "db", "upgrade"], cwd=ROOT, env=env,
                   check=True, capture_output=True)
    generate(env, args.members, args.events)
    generate_papers(env, args.papers)
    generate_threads(env, args.threads)
    print(f"generated {args.members} members, {args.events} audit events and {args.papers} "
          f"indexed papers, {args.threads} threads in {time.monotonic() - started:.1f} s "
          f"({env.get('DATABASE_URL') or 'SQLite'})")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-k", "gthread",
         "--threads", "4", "-b", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        cookie = login_cookie(port)
        deep_member = args.members - 50
        pages = [("home, visitor", "/", None),
                 ("login form, visitor (its CSRF token: a signed cookie)", "/auth/login", None),
                 ("topics, visitor", "/topics", None),
                 ("vetting queue, page 1", "/admin/members?status=pending", cookie),
                 ("vetting queue, deep page", f"/admin/members?status=pending&after={deep_member}",
                  cookie),
                 ("audit log, newest", "/admin/audit", cookie),
                 ("audit log, deep page", f"/admin/audit?before={args.events // 10}", cookie),
                 ("library, visitor", "/research/", None),
                 ("library search, two words", "/research/?q=ransomware+evidence", cookie),
                 ("library search, one broad word (about 1 paper in 6)", "/research/?q=evidence",
                  cookie),
                 ("library search, rare pair, any-word fallback",
                  "/research/?q=jurisdiction+zzzz", cookie),
                 ("library search + facets", "/research/?q=cloud&topic=investigation"
                  "&language=fr&sort=date", cookie),
                 ("paper page", f"/research/{args.papers // 2}", cookie),
                 ("OAI-PMH ListRecords", "/oai?verb=ListRecords&metadataPrefix=oai_dc", None),
                 ("advice board index", "/forum/", cookie),
                 ("advice category, active", "/forum/c/electronic-evidence", cookie),
                 ("advice category, unanswered + language", "/forum/c/investigation"
                  "?sort=unanswered&language=fr", cookie),
                 ("advice category, most votes", "/forum/c/prevention?sort=votes", cookie),
                 ("thread with 3 answers", f"/forum/{args.threads // 2}/thread", cookie),
                 ("thread with 200 answers (page 1 of 7)", "/forum/1/thread", cookie),
                 ("advice search, two words", "/forum/search?q=preservation+provider", cookie),
                 ("advice feed (Atom)", "/forum/feed.atom", None),
                 ("home, member", "/", cookie),
                 ("topic hub", "/topics/electronic-evidence", cookie),
                 ("one search, two words (courses, papers, threads)",
                  "/search?q=preservation+evidence", cookie),
                 ("one search, one broad word", "/search?q=evidence", cookie),
                 ("one search, rare pair, any-word fallback", "/search?q=jurisdiction+zzzz",
                  cookie),
                 ("member page", "/members/benchadmin", cookie),
                 ("administrators' dashboard", "/admin/dashboard", cookie)]
        print(f"{'page':58} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6}")
        worst, failed = 0.0, 0
        for label, path, page_cookie in pages:
            result = load(port, path, page_cookie, args.clients, args.seconds, 20000)
            worst = max(worst, result["p95"])
            failed += result["errors"]
            print(f"{label:58} {result['rps']:7.0f} {result['p50']:7.1f} {result['p95']:7.1f} "
                  f"{result['errors']:6d}")
        met = worst <= TARGETS_MS["p95"] and failed == 0
        print(f"target: p95 <= {TARGETS_MS['p95']} ms with {args.clients} clients, no errors; "
              f"worst p95 {worst:.1f} ms, {failed} errors: {'met' if met else 'MISSED'}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
