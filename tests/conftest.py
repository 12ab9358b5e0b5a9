"""One app per test session; every test runs inside a transaction that is rolled back.

SQLite by default; PostgreSQL when TEST_DATABASE_URL is set (make test does both).
"""
from __future__ import annotations

import email
import os
import re
from email import policy
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text, update

from accounts.models import Profession, Role, Status, User
from vfac.app import create_app
from vfac.extensions import db, limiter, security

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    instance = tmp_path_factory.mktemp("instance")
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{instance / 'test.sqlite'}"
    app = create_app({
        "TESTING": True,
        "INSTANCE_PATH": str(instance),
        "SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
        "SQLALCHEMY_DATABASE_URI": url,
        "SESSION_COOKIE_SECURE": False,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": True,
        "LOGIN_FAILURE_DELAY": 0,
        "ACCOUNT_MAIL_TIMING_FLOOR": 0,  # tests that time it set it
        "LIBRARY_COUNTS_CACHE_SECONDS": 0,  # tests add papers and count them at once
        "JOBS_IMMEDIATE": True,  # a job runs as it is queued (the fixture queued_jobs: not)
        "BASE_URL": "https://localhost",  # every absolute link; Host must be localhost
        # cheap hashing, in tests only
        "SECURITY_PASSWORD_HASH_PASSLIB_OPTIONS": {"argon2__type": "ID", "argon2__memory_cost": 8,
                                                   "argon2__time_cost": 1,
                                                   "argon2__parallelism": 1},
    })
    with app.app_context():
        db.drop_all()
        _drop_alembic_version()
        from flask_migrate import upgrade  # noqa: PLC0415

        upgrade()  # the real migrations, so they are tested on both databases
    yield app
    with app.app_context():
        db.drop_all()
        _drop_alembic_version()
        db.engine.dispose()  # close pooled connections before the interpreter does


def _drop_alembic_version() -> None:
    with db.engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))


@pytest.fixture(autouse=True)
def _transaction(app: Flask):
    """Run the test on one connection whose outer transaction is rolled back at the end.

    Flask-SQLAlchemy's sessions ask db.engines for their bind, so the connection goes there;
    each session (the test's, each request's) works in a SAVEPOINT inside that transaction.
    """
    with app.app_context():
        engines = db.engines
        engine = engines[None]
        connection = engine.connect()
        outer = connection.begin()
        engines[None] = connection
        old = db.session
        db.session = db._make_scoped_session({"join_transaction_mode": "create_savepoint"})
        limiter.reset()
        try:
            yield
        finally:
            db.session.remove()
            db.session = old
            engines[None] = engine
            outer.rollback()
            connection.close()


class IsolatedClient(FlaskClient):
    """Each request gets its own app context (fresh g and db session), as in production;
    the test's own session then forgets what it had loaded, so it sees the request's writes."""

    def open(self, *args, **kwargs):
        # buffered: the body is read and the response closed, as a server does once it has
        # sent it (what runs on close, such as mails after the response, has run)
        kwargs.setdefault("buffered", True)
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()
        return response


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    app.test_client_class = IsolatedClient
    client = app.test_client()
    # requests are https (PREFERRED_URL_SCHEME); browsers send a same-origin Referer there
    client.environ_base["HTTP_REFERER"] = "https://localhost/"
    return client


@pytest.fixture
def outbox(app: Flask):
    """The mail written to instance/outbox/ during this test, parsed."""
    folder = Path(app.config["MAIL_OUTBOX"])
    folder.mkdir(parents=True, exist_ok=True)
    before = set(folder.iterdir())

    class Outbox:
        def messages(self) -> list[email.message.EmailMessage]:
            new = sorted(set(folder.iterdir()) - before)
            return [email.message_from_bytes(p.read_bytes(), policy=policy.default)
                    for p in new]

        def last_body(self) -> str:
            return self.messages()[-1].get_body(("plain",)).get_content()

        def link(self, pattern: str = r"https?://\S+") -> str:
            match = re.search(pattern, self.last_body())
            assert match, self.last_body()
            return match.group(0)

    return Outbox()


@pytest.fixture
def make_user():
    """Factory: an approved, confirmed member with good defaults (override what matters)."""
    counter = iter(range(1, 10_000))

    def make(role: Role = Role.MEMBER, status: Status = Status.APPROVED, *,
             profession: Profession = Profession.POLICE, totp: bool = False,
             username: str | None = None, **fields) -> User:
        from accounts.services import NewMember, create_member  # noqa: PLC0415

        n = next(counter)
        name = username or f"{role.name.lower()}{n}"
        user = create_member(None, NewMember(
            username=name, email=f"{name}@example.org", password=PASSWORD,
            full_name=fields.pop("full_name", f"Test {name.title()}"), country="GH",
            organisation="Ghana Police Service", profession=profession,
            language=fields.pop("language", "en"), statement="Investigating online fraud.",
            role=role))
        user.status = status
        if totp:
            user.tf_primary_method = "authenticator"
            user.tf_totp_secret = security._totp_factory.generate_totp_secret()
        for key, value in fields.items():
            setattr(user, key, value)
        db.session.commit()
        return user

    return make


def totp_now(user: User) -> str:
    """The current TOTP code of a member whose authenticator secret we hold."""
    return security._totp_factory.generate_totp_password(user.tf_totp_secret)


class Auth:
    def __init__(self, client: FlaskClient) -> None:
        self.client = client

    def login(self, user_or_identity, password: str = PASSWORD, **extra):
        """Log in; for a member with two-factor authentication, also give the TOTP code."""
        identity = getattr(user_or_identity, "username", user_or_identity)
        response = self.client.post("/auth/login", data={"identity": identity,
                                                          "password": password, **extra})
        if response.status_code == 302 and "/auth/tf-validate" in response.headers["Location"]:
            # a code works once (accounts/twofactor.py); a test's next login of the same member
            # comes seconds later, a person's a time step later
            db.session.execute(update(User).where(User.id == user_or_identity.id)
                               .values(tf_last_counter=None))
            db.session.commit()
            response = self.client.post("/auth/tf-validate",
                                        data={"code": totp_now(user_or_identity)})
        return response

    def logout(self):
        return self.client.post("/auth/logout")


@pytest.fixture
def auth(client: FlaskClient) -> Auth:
    return Auth(client)


@pytest.fixture
def csrf_on(app: Flask):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


def csrf_token_from(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in page"
    return match.group(1)


@pytest.fixture
def count_queries():
    """Count the SQL statements run inside a `with count_queries() as counter:` block."""
    from contextlib import contextmanager  # noqa: PLC0415

    from sqlalchemy import event  # noqa: PLC0415

    @contextmanager
    def counting():
        counter = {"n": 0}

        def before(*args, **kwargs):
            counter["n"] += 1

        engine = db.engines[None]
        target = engine if hasattr(engine, "dispatch") else engine.engine
        event.listen(target, "before_cursor_execute", before)
        try:
            yield counter
        finally:
            event.remove(target, "before_cursor_execute", before)

    return counting


@pytest.fixture
def queued_jobs(app: Flask):
    """Jobs wait on a real (in-memory) queue instead of running as they are queued:
    `queued_jobs.names()` lists what is waiting, `queued_jobs.run()` runs it here, as a
    consumer would (with `later=True`, retries scheduled for later run too)."""
    from datetime import datetime, timedelta, timezone  # noqa: PLC0415

    from huey import MemoryHuey  # noqa: PLC0415

    from vfac import jobs  # noqa: PLC0415

    saved = app.extensions["vfac.huey"], app.extensions["vfac.jobs"]
    huey = MemoryHuey("vfac-test", immediate=False, results=False, utc=True)
    app.extensions["vfac.huey"], app.extensions["vfac.jobs"] = huey, {}
    jobs.register_all(app)

    class Queue:
        def names(self) -> list[str]:
            return [huey.deserialize_task(data).name for data in huey.storage.enqueued_items()]

        def scheduled(self) -> list[str]:
            return [task.name for task in huey.scheduled()]

        def run(self, later: bool = False) -> int:
            ran = 0
            while True:
                if later:
                    soon = datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(days=1)
                    for task in huey.read_schedule(soon):
                        task.eta = None  # its time has come
                        huey.enqueue(task)
                task = huey.dequeue()
                if task is None:
                    return ran
                huey.execute(task)
                ran += 1

    try:
        yield Queue()
    finally:
        app.extensions["vfac.huey"], app.extensions["vfac.jobs"] = saved
