"""Server-side sessions: rotation at login, revocation at logout, listing, ending, expiry."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from accounts.models import UserSession
from accounts.sessions import ANONYMOUS_COOKIE
from vfac.extensions import db
from vfac.models import utcnow

COOKIE = "vfac_session"


def cookie(client) -> str | None:
    found = client.get_cookie(COOKIE)
    return found.value if found else None


def sessions_of(user) -> list[UserSession]:
    return list(db.session.execute(
        select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id)
    ).scalars())


def test_visitors_sessions_write_nothing_to_the_database(client):
    client.get("/auth/login")  # a visitor's session: a CSRF token, in a signed cookie
    assert client.get_cookie(ANONYMOUS_COOKIE) is not None and cookie(client) is None
    assert db.session.execute(select(UserSession)).first() is None
    forged = client.get_cookie(ANONYMOUS_COOKIE).value[:-3] + "xyz"
    client.set_cookie(ANONYMOUS_COOKIE, forged)
    assert client.get("/").status_code == 200  # a bad signature is simply no session


def test_login_rotates_and_logout_revokes(client, auth, make_user, app):
    user = make_user()
    client.get("/auth/login")
    visitor = client.get_cookie(ANONYMOUS_COOKIE).value
    auth.login(user)
    after = cookie(client)
    assert after and after != visitor  # a new server-side token at login: no fixation
    assert client.get_cookie(ANONYMOUS_COOKIE) is None  # the visitor cookie is gone
    assert client.get("/account/settings").status_code == 200
    auth.logout()
    assert sessions_of(user) == []
    # a replayed cookie is refused
    replay = app.test_client()
    replay.set_cookie(COOKIE, after)
    assert replay.get("/account/settings").status_code == 302


def test_cookie_flags_and_no_remember_cookie(client, auth, make_user, app):
    user = make_user()
    r = auth.login(user, remember="y")
    set_cookies = r.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in set_cookies if c.startswith(COOKIE + "="))
    assert "HttpOnly" in session_cookie and "SameSite=Lax" in session_cookie
    assert "Expires=" in session_cookie  # "remember me": a persistent server-side session
    assert not any(c.startswith("remember_token=") and "Expires" in c for c in set_cookies)
    [record] = sessions_of(user)
    assert record.is_persistent
    app.config["SESSION_COOKIE_SECURE"] = True
    try:
        r = client.get("/auth/login")
    finally:
        app.config["SESSION_COOKIE_SECURE"] = False


def test_without_remember_the_cookie_ends_with_the_browser(client, auth, make_user):
    user = make_user()
    r = auth.login(user)
    session_cookie = next(c for c in r.headers.getlist("Set-Cookie") if c.startswith(COOKIE))
    assert "Expires=" not in session_cookie
    assert not sessions_of(user)[0].is_persistent


def test_member_sees_sessions_and_ends_another(app, make_user):
    user = make_user()
    laptop, phone = app.test_client(), app.test_client()
    for device, agent in ((laptop, "Laptop browser"), (phone, "Phone browser")):
        device.post("/auth/login", data={"identity": user.username,
                                         "password": "correct horse battery staple"},
                    headers={"User-Agent": agent})
    page = laptop.get("/account/security").get_data(as_text=True)
    assert "Laptop browser" in page and "Phone browser" in page and "This device" in page
    phone_session = next(s for s in sessions_of(user) if s.user_agent == "Phone browser")
    r = laptop.post("/account/sessions/end", data={"session_id": phone_session.id})
    assert r.status_code == 302
    assert phone.get("/account/settings").status_code == 302  # the phone is logged out
    assert laptop.get("/account/settings").status_code == 200


def test_cannot_end_someone_elses_session(app, make_user):
    alice, bob = make_user(), make_user()
    a, b = app.test_client(), app.test_client()
    for client, user in ((a, alice), (b, bob)):
        client.post("/auth/login", data={"identity": user.username,
                                         "password": "correct horse battery staple"})
    bobs = sessions_of(bob)[0]
    for bad in (str(bobs.id), "abc", "", "-1", "99999999", "1" * 40):
        assert a.post("/account/sessions/end", data={"session_id": bad}).status_code in (400, 404)
    assert b.get("/account/settings").status_code == 200


def test_idle_timeout_and_absolute_lifetime(client, auth, make_user, app):
    user = make_user()
    auth.login(user)
    [record] = sessions_of(user)
    record.last_seen_at = utcnow() - app.config["SESSION_IDLE_TIMEOUT"] - timedelta(minutes=1)
    db.session.commit()
    assert client.get("/account/settings").status_code == 302  # idle too long
    auth.login(user)
    record = sessions_of(user)[-1]
    record.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert client.get("/account/settings").status_code == 302  # past its absolute lifetime


def test_reading_pages_does_not_write_the_session_each_time(client, auth, make_user):
    user = make_user()
    auth.login(user)
    client.get("/account/settings")  # the first form page stores a CSRF token: one write
    [record] = sessions_of(user)
    seen = record.last_seen_at
    for _ in range(3):
        client.get("/account/settings")
    db.session.refresh(record)
    assert record.last_seen_at == seen  # touched at most every SESSION_TOUCH_INTERVAL


def test_log_out_everywhere_else(app, make_user):
    user = make_user()
    devices = [app.test_client() for _ in range(3)]
    for device in devices:
        device.post("/auth/login", data={"identity": user.username,
                                         "password": "correct horse battery staple"})
    here = devices[0]
    assert "Log out everywhere else" in here.get("/account/security").get_data(as_text=True)
    r = here.post("/account/sessions/end-others")
    assert r.status_code == 302
    assert "2 other sessions have been ended." in here.get("/account/security").get_data(
        as_text=True)
    assert [d.get("/account/settings").status_code for d in devices] == [200, 302, 302]
    assert len(sessions_of(user)) == 1
