"""The shell: configuration safety, the CLI, the Markdown sanitiser, parameters."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from accounts.models import AuditEvent, Role, Status, User
from vfac.config import InsecureSecretKey
from vfac.extensions import db
from vfac.markup import render_markdown
from vfac.urls import is_local_path


def test_refuses_to_start_without_a_real_secret_key(tmp_path, monkeypatch):
    from vfac.app import create_app  # noqa: PLC0415

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("VFAC_SECRET_KEY", raising=False)
    with pytest.raises(InsecureSecretKey):
        create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with pytest.raises(InsecureSecretKey):
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "short"})
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                      "BASE_URL": "https://vfac.test", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True  # the default outside the demo
    assert app.config["STAFF_REQUIRE_2FA"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_database_url_from_the_environment(tmp_path, monkeypatch):
    from vfac.app import create_app  # noqa: PLC0415

    monkeypatch.setenv("DATABASE_URL", "postgres://vfac@db.internal/vfac")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                      "BASE_URL": "https://vfac.test"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://vfac@db.internal/vfac"
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


def test_session_lifetimes_from_the_environment(tmp_path, monkeypatch):
    from datetime import timedelta  # noqa: PLC0415

    from vfac.app import create_app  # noqa: PLC0415

    monkeypatch.setenv("VFAC_SESSION_IDLE_TIMEOUT", "1800")
    app = create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "k" * 48,
                      "BASE_URL": "https://vfac.test", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_IDLE_TIMEOUT"] == timedelta(minutes=30)


def test_seed_demo_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0 and "created" not in second.output
    users = {u.username: u for u in db.session.execute(select(User)).scalars()}
    assert users["admin"].role is Role.ADMINISTRATOR
    assert {"moderator", "expert", "instructor", "officer", "academic"} <= set(users)
    assert users["prosecutor"].status is Status.PENDING


def test_create_admin(app):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--username", "chief", "--email",
                                 "chief@example.org", "--full-name", "Chief Admin",
                                 "--password", "a long and unusual passphrase"])
    assert result.exit_code == 0, result.output
    chief = db.session.execute(select(User).where(User.username == "chief")).scalar_one()
    assert chief.role is Role.ADMINISTRATOR and chief.is_approved
    weak = runner.invoke(args=["create-admin", "--username", "weak", "--email", "w@example.org",
                               "--full-name", "Weak", "--password", "passwordpassword"])
    assert weak.exit_code != 0
    assert db.session.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "admin.created")).scalar() == 1


def test_purge_sessions(app):
    result = app.test_cli_runner().invoke(args=["purge-sessions"])
    assert result.exit_code == 0 and "expired sessions deleted" in result.output


def test_markdown_is_rendered_and_sanitised():
    html = str(render_markdown("# Title\n\n**bold** [link](https://example.org) "
                           "<script>alert(1)</script> [x](javascript:alert(1))"))
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html
    assert 'rel="nofollow ugc noopener"' in html
    assert "<script" not in html and 'href="javascript:' not in html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>\"'=/:;() \n*[]!#`&javscriptonerrorlad")) |
       st.characters(), max_size=300))
def test_no_script_ever_survives_the_sanitiser(text):
    parser = _Tags()
    parser.feed(str(render_markdown(text)))
    for tag, attrs in parser.tags:
        assert tag not in ("script", "style", "iframe", "img", "object")
        for name, value in attrs:
            assert not name.startswith("on")
            assert not (value or "").strip().lower().startswith(("javascript:", "data:"))


@pytest.mark.parametrize("target,ok", [("/", True), ("/a/b?c=d", True), ("//evil", False),
                                       ("/\\evil", False), ("https://evil", False),
                                       ("evil", False), ("", False), (None, False),
                                       ("/\r\nSet-Cookie:x", False)])
def test_local_paths(target, ok):
    assert is_local_path(target) is ok


def test_rate_limits_shared_through_redis_when_configured(tmp_path):
    """With REDIS_URL, the login limit is counted in Redis (shared by all workers).

    In a fresh interpreter: Flask-Limiter keeps its storage on the one limiter object.
    """
    import socket  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"vfactest{tmp_path.name}"
    script = f"""
import redis
from vfac.app import create_app
from vfac.extensions import db
app = create_app({{"INSTANCE_PATH": {str(tmp_path)!r}, "SECRET_KEY": "k" * 48, "TESTING": True,
    "SQLALCHEMY_DATABASE_URI": "sqlite:///{tmp_path / 'r.sqlite'}",
    "REDIS_URL": "redis://127.0.0.1:6379/15", "RATELIMIT_KEY_PREFIX": {prefix!r},
    "LOGIN_FAILURES_PER_IP": "3 per minute", "WTF_CSRF_ENABLED": False,
    "LOGIN_FAILURE_DELAY": 0}})
with app.app_context():
    db.create_all()  # a throw-away database for this check only
client = app.test_client()
codes = [client.post("/auth/login", data={{"identity": f"u{{i}}", "password": "p" * 12}}
                     ).status_code for i in range(5)]
store = redis.Redis.from_url("redis://127.0.0.1:6379/15")
keys = store.keys("*{prefix}*")
if keys:
    store.delete(*keys)
print(codes, len(keys))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=str(Path(__file__).resolve().parents[2]), timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    codes, keys = result.stdout.strip().rsplit(" ", 1)
    assert codes == "[200, 200, 200, 429, 429]"
    assert int(keys) > 0, "the counters live in Redis"
