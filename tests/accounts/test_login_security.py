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


def wrong(client, identity: str, ip: str, n: int = 0):
    return client.post("/auth/login", data={"identity": identity,
                                            "password": f"wrong password {n}"},
                       environ_base={"REMOTE_ADDR": ip}).status_code


def test_failures_are_limited_per_member_whatever_name_is_typed(client, make_user):
    user = make_user(username="target")
    codes = [wrong(client, user.username if i % 2 else user.email.upper(), f"10.0.0.{i}", i)
             for i in range(6)]
    assert codes[:5] == [200] * 5 and codes[5] == 429  # username and e-mail: one bucket
    r = client.post("/auth/login", data={"identity": "target", "password": "wrong"},
                    environ_base={"REMOTE_ADDR": "10.0.1.1"})
    assert "Too many failed sign-ins for this account" in r.get_data(as_text=True)


def test_a_strangers_guessing_does_not_lock_the_owner_out_of_their_browser(app, client,
                                                                            make_user):
    user = make_user(username="owner")
    owner = app.test_client()
    assert owner.post("/auth/login", data={"identity": "owner", "password": PASSWORD}
                      ).status_code == 302  # this browser now carries a device cookie
    owner.post("/auth/logout")
    for i in range(8):
        wrong(client, "owner", f"10.0.0.{i}", i)
    assert wrong(client, "owner", "10.0.9.9") == 429
    # the owner, from their own browser, signs in with the right password
    assert owner.post("/auth/login", data={"identity": "owner", "password": PASSWORD}
                      ).status_code == 302
    assert user.username == "owner"


def test_unknown_names_are_limited_like_members(client):
    codes = [wrong(client, "nobody-by-this-name", f"10.0.0.{i}", i) for i in range(6)]
    assert codes[:5] == [200] * 5 and codes[5] == 429


def test_a_classroom_behind_one_address_signs_in(client, app, make_user):
    # 30 trainees behind one NAT address, each signing in (and out) correctly
    for i in range(30):
        user = make_user(username=f"trainee{i}")
        r = client.post("/auth/login", data={"identity": user.username, "password": PASSWORD},
                        environ_base={"REMOTE_ADDR": "196.0.0.1"})
        assert r.status_code == 302, i
        client.post("/auth/logout", environ_base={"REMOTE_ADDR": "196.0.0.1"})


def test_failures_from_one_address_have_a_high_ceiling(client, app):
    app.config["LOGIN_FAILURE_DELAY"] = 0
    codes = [wrong(client, f"user{i}", "10.9.9.9", i) for i in range(105)]
    assert codes[0] == 200 and 429 not in codes[:100] and codes[-1] == 429


def test_a_workshop_registers_thirty_participants_from_one_room(client):
    from tests.accounts.test_journey import REGISTRATION  # noqa: PLC0415

    for i in range(30):
        r = client.post("/auth/register", data=REGISTRATION | {
            "username": f"participant{i}", "email": f"participant{i}@police.example"},
            environ_base={"REMOTE_ADDR": "196.0.0.2"})
        assert r.status_code == 302, (i, r.get_data(as_text=True)[:300])


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


@pytest.mark.parametrize("path", ["/auth/confirm", "/auth/reset"])
def test_mailing_an_address_takes_as_long_for_members_as_for_strangers(client, make_user, app,
                                                                        outbox, path):
    make_user(username="unconfirmed", confirmed_at=None)
    make_user(username="confirmed")
    app.config["ACCOUNT_MAIL_TIMING_FLOOR"] = 0.3
    try:
        for email in ("unconfirmed@example.org", "confirmed@example.org",
                      "stranger@example.org"):
            started = time.monotonic()
            client.post(path, data={"email": email})
            assert time.monotonic() - started >= 0.3, email
    finally:
        app.config["ACCOUNT_MAIL_TIMING_FLOOR"] = 0
    assert outbox.messages()  # the member's mail still left, after the response


def test_links_do_not_hash_slowly(app):
    # sha256_crypt (Flask-Security's default for data in links) cost ~0.45 s per link, only
    # for members: the timing told who is one
    from flask_security.utils import hash_data  # noqa: PLC0415

    with app.test_request_context():
        assert not hash_data("someone@example.org").startswith("$5$")


def test_security_mail_goes_through_the_outbox(app, client, make_user, outbox):
    # the request only writes the outbox row; the queue (immediate in tests) delivers it
    from accounts.models import MailStatus, OutgoingMail  # noqa: PLC0415

    make_user(username="late", confirmed_at=None)
    client.post("/auth/confirm", data={"email": "late@example.org"})
    mail = db.session.execute(select(OutgoingMail).where(
        OutgoingMail.to_address == "late@example.org")).scalar_one()
    assert mail.status is MailStatus.SENT and mail.kind == "confirmation_instructions"
    assert len(outbox.messages()) == 1
