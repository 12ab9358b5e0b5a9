"""Session policy: staff sessions end after 30 idle minutes, "remember me" ones after a week
unused, Secure cookies carry the __Host- prefix, HSTS follows the canonical https address."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import update

from accounts.models import Role, UserSession
from tests.accounts.test_sessions import sessions_of
from vfac.app import _configure
from vfac.extensions import db
from vfac.models import utcnow


def idle_for(user, delta: timedelta) -> None:
    db.session.execute(update(UserSession).where(UserSession.user_id == user.id)
                       .values(last_seen_at=utcnow() - delta))
    db.session.commit()


def signed_in(client) -> bool:
    return client.get("/account/settings").status_code == 200


@pytest.mark.parametrize("role,minutes,still_in", [
    (Role.MODERATOR, 31, False), (Role.ADMINISTRATOR, 31, False), (Role.MODERATOR, 25, True),
    (Role.MEMBER, 31, True), (Role.MEMBER, 121, False)])
def test_staff_sessions_end_sooner_when_idle(client, auth, make_user, role, minutes, still_in):
    user = make_user(role, totp=role >= Role.MODERATOR, username="someone")
    auth.login(user)
    assert signed_in(client)
    idle_for(user, timedelta(minutes=minutes))
    assert signed_in(client) is still_in


def test_staff_remembered_sessions_also_end_after_30_idle_minutes(client, auth, make_user):
    admin = make_user(Role.ADMINISTRATOR, totp=True, username="boss")
    auth.login(admin, remember="y")
    assert sessions_of(admin)[0].is_persistent
    idle_for(admin, timedelta(minutes=31))
    assert not signed_in(client)


def test_remember_me_ends_after_a_week_unused(client, auth, make_user):
    member = make_user(username="remembered")
    auth.login(member, remember="y")
    idle_for(member, timedelta(days=6))
    assert signed_in(client)  # and using it keeps it alive
    idle_for(member, timedelta(days=8))
    assert not signed_in(client)


def test_hsts_follows_the_canonical_address_not_the_proxy_settings(client):
    # the test app's BASE_URL is https; the request itself arrives as plain http, as from a
    # TLS proxy that PROXY_FIX_COUNT was not told about
    response = client.get("/", base_url="http://localhost")
    assert "max-age=" in response.headers.get("Strict-Transport-Security", "")


def _config(**overrides):
    # the configuration step alone: a second full app would re-bind the shared extensions
    # (Flask-Security's keys among them) for the rest of the test session
    app = Flask("vfac", instance_path=str(Path(__file__).parent))
    _configure(app, {"TESTING": True, "SECRET_KEY": "k" * 48,
                     "SQLALCHEMY_DATABASE_URI": "sqlite://", **overrides})
    return app.config


def test_secure_cookies_get_the_host_prefix():
    config = _config(BASE_URL="https://vfac.example", SESSION_COOKIE_SECURE=True)
    assert config["SESSION_COOKIE_NAME"] == "__Host-vfac_session"
    assert config["SESSION_COOKIE_PATH"] == "/"
    from accounts.sessions import visitor_cookie_name  # noqa: PLC0415

    fake = Flask("x")
    fake.config.update(config)
    assert visitor_cookie_name(fake) == "__Host-vfac_visitor"


def test_plain_http_cookies_keep_their_name():
    config = _config(BASE_URL="http://127.0.0.1:5000", SESSION_COOKIE_SECURE=False)
    assert config["SESSION_COOKIE_NAME"] == "vfac_session"
