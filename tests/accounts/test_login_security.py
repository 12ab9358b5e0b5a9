"""Login: no user enumeration, rate limits, CSRF everywhere, safe redirects."""
from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from accounts.models import AuditEvent, User
from tests.conftest import PASSWORD, csrf_token_from
from vfac.extensions import db


def visible_text(response) -> str:
    html = response.get_data(as_text=True)
    html = re.sub(r'name="csrf_token"[^>]*>', "", html)
    html = re.sub(r'value="[^"]*"', "", html)
    return html


def test_wrong_user_and_wrong_password_look_the_same(client, make_user):
    user = make_user(username="realperson")
    unknown = client.post("/auth/login", data={"identity": "nobodyhere", "password": "x" * 14})
    wrong = client.post("/auth/login", data={"identity": "realperson", "password": "x" * 14})
    assert unknown.status_code == wrong.status_code == 200
    assert visible_text(unknown) == visible_text(wrong)
    assert "Invalid" in visible_text(wrong) or "invalid" in visible_text(wrong)
    failures = db.session.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "login.failure")).scalar()
    assert failures == 2
    assert user.username == "realperson"


def test_failed_logins_take_the_same_minimum_time(client, make_user, app):
    make_user(username="timed")
    app.config["LOGIN_FAILURE_DELAY"] = 0.3
    try:
        for identity in ("timed", "nobody-by-this-name"):
            started = time.monotonic()
            client.post("/auth/login", data={"identity": identity, "password": "x" * 14})
            assert time.monotonic() - started >= 0.3, identity
    finally:
        app.config["LOGIN_FAILURE_DELAY"] = 0


def test_login_by_username_or_email_any_case(client, make_user):
    make_user(username="Ama")
    assert client.post("/auth/login", data={"identity": "ama",
                                            "password": PASSWORD}).status_code == 302
    client.post("/auth/logout")
    assert client.post("/auth/login", data={"identity": "AMA@example.org",
                                            "password": PASSWORD}).status_code == 302


def test_registration_does_not_reveal_existing_email(client, make_user, outbox):
    make_user(username="taken")
    data = {"username": "newcomer", "email": "TAKEN@example.org", "password": PASSWORD,
            "password_confirm": PASSWORD, "full_name": "New Comer", "country": "KE",
            "organisation": "Kenya Police", "profession": "police", "language": "en",
            "statement": "I work on SIM-swap fraud investigations in Nairobi."}
    r = client.post("/auth/register", data=data)
    assert r.status_code == 302  # the same answer as a fresh registration
    assert db.session.execute(select(func.count()).select_from(User)).scalar() == 1
    assert outbox.messages()[-1]["To"] == "taken@example.org"  # the owner is told instead


def test_login_is_rate_limited_per_account(client, make_user, app):
    user = make_user()
    codes = [client.post("/auth/login", data={"identity": user.username,
                                              "password": f"wrong password {i}"},
                         environ_base={"REMOTE_ADDR": f"10.0.0.{i}"}).status_code
             for i in range(10)]
    assert codes[0] == 200 and codes[-1] == 429
    # even the right password is refused while the account is limited
    r = client.post("/auth/login", data={"identity": user.username, "password": PASSWORD},
                    environ_base={"REMOTE_ADDR": "10.0.1.1"})
    assert r.status_code == 429
    assert "Too many" in r.get_data(as_text=True)


def test_login_is_rate_limited_per_ip(client):
    codes = [client.post("/auth/login", data={"identity": f"user{i}", "password": "x" * 12}
                         ).status_code for i in range(25)]
    assert 429 in codes and codes[0] == 200


@pytest.mark.usefixtures("csrf_on")
@pytest.mark.parametrize("path", ["/auth/login", "/auth/register", "/auth/logout",
                                  "/account/settings", "/account/sessions/end",
                                  "/language/fr", "/auth/reset"])
def test_post_without_csrf_token_is_refused(client, make_user, path):
    user = make_user()
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    client.post("/auth/login", data={"identity": user.username, "password": PASSWORD,
                                     "csrf_token": token})
    assert client.get("/account/settings").status_code == 200
    r = client.post(path, data={"full_name": "Changed", "organisation": "X", "language": "fr"})
    assert r.status_code == 400
    assert db.session.get(User, user.id).full_name != "Changed"
    assert client.get("/account/settings").status_code == 200  # still logged in


@pytest.mark.usefixtures("csrf_on")
def test_logout_with_token_works(client, make_user):
    user = make_user()
    token = csrf_token_from(client.get("/auth/login").get_data(as_text=True))
    client.post("/auth/login", data={"identity": user.username, "password": PASSWORD,
                                     "csrf_token": token})
    page = client.get("/account/settings").get_data(as_text=True)
    assert client.post("/auth/logout", data={"csrf_token": csrf_token_from(page)}
                       ).status_code == 302
    assert client.get("/account/settings").status_code == 302


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/",
                                    "/\\evil.example", "javascript:alert(1)", "\\\\evil"])
def test_next_only_redirects_to_this_site(client, make_user, target):
    user = make_user()
    anonymous = client.get(f"/language/fr?next={target}")
    assert anonymous.status_code == 302 and not offsite(anonymous.headers["Location"])
    r = client.post(f"/auth/login?next={target}", data={"identity": user.username,
                                                         "password": PASSWORD})
    # refused with a message, or sent home: never elsewhere
    assert r.status_code in (200, 302)
    assert not offsite(r.headers.get("Location", "/"))
    client.post("/auth/login", data={"identity": user.username, "password": PASSWORD})
    r = client.post(f"/language/fr?next={target}")  # logged in: a POST
    assert r.status_code == 302 and not offsite(r.headers["Location"])


def offsite(location: str) -> bool:
    """Where a browser would go: anything but a path on this host is off-site."""
    parts = urlsplit(location)
    return bool(parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "localhost")
                or location.startswith(("//", "/\\", "\\")))


def test_next_to_a_local_path_is_kept(client, make_user):
    user = make_user()
    r = client.post("/auth/login?next=/account/security", data={"identity": user.username,
                                                                 "password": PASSWORD})
    assert r.headers["Location"].endswith("/account/security")


def test_password_reset_does_not_reveal_who_is_a_member(client, make_user, outbox):
    make_user(username="member1")
    known = client.post("/auth/reset", data={"email": "member1@example.org"})
    unknown = client.post("/auth/reset", data={"email": "stranger@example.org"})
    assert known.status_code == unknown.status_code
    assert known.headers.get("Location") == unknown.headers.get("Location")
    assert [m["To"] for m in outbox.messages()] == ["member1@example.org"]
