"""Two-factor authentication under attack: guessing, replay, recovery codes, tokens, audit."""
from __future__ import annotations

import importlib.util
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from passlib.totp import TOTP
from sqlalchemy import select, update

from accounts import twofactor
from accounts.models import AuditEvent, User
from tests.conftest import PASSWORD, totp_now
from vfac.extensions import db, security

CODE = re.compile(r"\b[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}\b")


class Clock:
    """accounts.twofactor's idea of now, moved by the test."""

    def __init__(self) -> None:
        self.now = datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(twofactor, "utcnow", clock)
    return clock


def wrong_code(user: User) -> str:
    """A code that no step within the accepted window gives."""
    totp = security.totp_factory._totp.from_source(user.tf_totp_secret)
    now = time.time()
    valid = {totp.generate(now + offset).token for offset in range(-150, 151, 30)}
    return next(f"{n:06d}" for n in range(123456, 999999, 7919) if f"{n:06d}" not in valid)


def start_login(client, user, ip: str = "127.0.0.1"):
    client.environ_base["REMOTE_ADDR"] = ip
    r = client.post("/auth/login", data={"identity": user.username, "password": PASSWORD})
    assert r.status_code == 302 and "/auth/tf-validate" in r.headers["Location"], r.headers
    return r


def signed_in(client) -> bool:
    return client.get("/account/settings").status_code == 200


def audit_rows(user: User, action: str) -> list[AuditEvent]:
    return list(db.session.execute(select(AuditEvent).where(
        AuditEvent.subject_id == user.id, AuditEvent.action == action)
        .order_by(AuditEvent.id)).scalars())


def fresh(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


# --- finding 5: guessing the code ------------------------------------------------------

def test_thirty_wrong_codes_from_three_addresses_then_the_right_code_do_not_log_in(
        app, make_user):
    member = make_user(totp=True)
    clients = [app.test_client() for _ in range(3)]
    for n, client in enumerate(clients):
        client.environ_base["HTTP_REFERER"] = "https://localhost/"
        start_login(client, member, ip=f"10.0.0.{n + 1}")
    for n in range(30):
        clients[n % 3].post("/auth/tf-validate", data={"code": wrong_code(member)})
    for client in clients:
        client.post("/auth/tf-validate", data={"code": totp_now(member)})
        assert not signed_in(client)
    member = fresh(member)
    assert member.tf_failures >= 3  # counted for the member, whichever address sent them
    failures = audit_rows(member, "2fa.failure")
    assert len(failures) == member.tf_failures
    assert {row.detail["method"] for row in failures} == {"authenticator"}
    assert {row.ip for row in failures} > {"10.0.0.1"}


def test_five_wrong_codes_end_the_challenge_and_the_password_is_asked_again(
        client, make_user, clock):
    member = make_user(totp=True)
    start_login(client, member)
    for n in range(twofactor.CHALLENGE_FAILURES - 1):
        r = client.post("/auth/tf-validate", data={"code": wrong_code(member)})
        assert r.status_code == 200  # the form again, "Invalid code"
        clock.advance(seconds=10)  # past the back-off: this is about the challenge
    r = client.post("/auth/tf-validate", data={"code": wrong_code(member)})
    assert r.status_code == 302 and r.headers["Location"].endswith("/auth/login")
    page = client.get("/auth/login").get_data(as_text=True)
    assert "Too many wrong codes" in page and "Log in again with your password" in page
    clock.advance(seconds=30)
    client.post("/auth/tf-validate", data={"code": totp_now(member)})
    assert not signed_in(client)
    assert len(audit_rows(member, "2fa.challenge_ended")) == 1
    # the password again: a new challenge, and the right code works
    start_login(client, member)
    assert client.post("/auth/tf-validate", data={"code": totp_now(member)}).status_code == 302
    assert signed_in(client)
    assert fresh(member).tf_failures == 0


def test_a_copied_challenge_cookie_does_not_outlive_the_challenge(app, make_user, clock):
    # the challenge lives in the visitor's signed cookie: a copy taken after the password
    # still ends when the member's failures say so
    member = make_user(totp=True)
    first = app.test_client()
    start_login(first, member)
    copy = app.test_client()
    for cookie in first._cookies.values():
        copy.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    for _ in range(twofactor.CHALLENGE_FAILURES):
        first.post("/auth/tf-validate", data={"code": wrong_code(member)})
        clock.advance(seconds=10)
    r = copy.post("/auth/tf-validate", data={"code": totp_now(member)})
    assert r.status_code == 302 and r.headers["Location"].endswith("/auth/login")
    assert not signed_in(copy)


def test_wrong_codes_make_the_member_wait_longer(client, make_user, clock):
    member = make_user(totp=True)
    start_login(client, member)
    for _ in range(twofactor.FREE_FAILURES + 1):
        client.post("/auth/tf-validate", data={"code": wrong_code(member)})
    wait = twofactor.wait_before_next_code(fresh(member), clock.now)
    assert wait == timedelta(seconds=2)
    # even the right code is not checked before the wait is over
    r = client.post("/auth/tf-validate", data={"code": totp_now(member)})
    assert r.status_code == 302 and "/auth/tf-validate" in r.headers["Location"]
    assert "Wait" in client.get(r.headers["Location"]).get_data(as_text=True)
    assert not signed_in(client)
    assert fresh(member).tf_failures == twofactor.FREE_FAILURES + 1  # not counted
    clock.advance(seconds=3)
    assert client.post("/auth/tf-validate", data={"code": totp_now(member)}).status_code == 302
    assert signed_in(client)


def test_the_wait_grows_to_a_ceiling():
    member = User(tf_failures=0, tf_failed_at=datetime.now(timezone.utc))
    waits = []
    for failures in range(1, 30):
        member.tf_failures = failures
        waits.append(twofactor.wait_before_next_code(member, member.tf_failed_at))
    assert waits[:twofactor.FREE_FAILURES] == [timedelta(0)] * twofactor.FREE_FAILURES
    assert waits == sorted(waits) and waits[-1] == twofactor.MAX_WAIT


def test_wrong_recovery_codes_count_too(client, make_user, clock):
    member = make_user(totp=True)
    start_login(client, member)
    for _ in range(twofactor.CHALLENGE_FAILURES):
        client.post("/auth/recovery", data={"code": "0000-0000-0000"})
        clock.advance(seconds=10)
    rows = audit_rows(member, "2fa.failure")
    assert [row.detail["method"] for row in rows] == ["recovery_code"] * 5
    assert client.get("/auth/tf-validate").headers["Location"].endswith("/auth/login")


# --- replay ---------------------------------------------------------------------------

def test_a_totp_code_works_once(client, auth, make_user):
    member = make_user(totp=True)
    code = totp_now(member)
    start_login(client, member)
    assert client.post("/auth/tf-validate", data={"code": code}).status_code == 302
    auth.logout()
    start_login(client, member)
    assert client.post("/auth/tf-validate", data={"code": code}).status_code == 200
    assert not signed_in(client)
    assert fresh(member).tf_last_counter is not None


def setup_page(client) -> tuple[str, TOTP]:
    page = client.post("/auth/two-factor", data={"setup": "authenticator"})
    html = page.get_data(as_text=True)
    key = re.search(r">([A-Z2-7]{4}(?:-[A-Z2-7]{4})+)<", html).group(1).replace("-", "")
    action = re.search(r'action="(/auth/two-factor/[^"]+)"', html).group(1)
    return action, TOTP(key=key, format="base32")


def test_a_setup_code_works_once(client, auth, make_user):
    member = make_user()
    auth.login(member)
    action, totp = setup_page(client)
    code = totp.generate().token
    assert client.post(action, data={"code": code}).status_code == 302
    client.post(action, data={"code": code})  # the same state token and code again
    assert len(audit_rows(member, "2fa.enabled")) == 1


# --- recovery codes -------------------------------------------------------------------

def turn_on(client) -> tuple[TOTP, str]:
    """Turn on 2FA for the signed-in member; returns the authenticator and the next page."""
    action, totp = setup_page(client)
    done = client.post(action, data={"code": totp.generate().token})
    assert done.status_code == 302 and "/auth/recovery-codes" in done.headers["Location"]
    return totp, done.headers["Location"]


def test_turning_on_makes_recovery_codes_shown_once_and_tells_the_member(
        client, auth, make_user, outbox):
    member = make_user()
    auth.login(member)
    _totp, next_page = turn_on(client)
    codes = CODE.findall(client.get(next_page).get_data(as_text=True))
    assert len(set(codes)) == 10
    assert not CODE.findall(client.get(next_page).get_data(as_text=True))  # once
    assert not CODE.findall(client.get(next_page + "?show_codes=1").get_data(as_text=True))
    json = client.get(next_page, headers={"Accept": "application/json"}).get_json()
    assert json["response"]["recovery_codes"] == []
    assert "10 unused recovery codes" in client.get(next_page).get_data(as_text=True)
    assert [row.detail["reason"] for row in audit_rows(member, "2fa.recovery_codes")] == \
        ["setup"]
    mail = outbox.messages()[-1]
    assert mail["To"] == member.email and "on for your VFAC account" in mail["Subject"]
    body = outbox.last_body()
    assert "turned on" in body and "If this was not you" in body and "/auth/reset" in body
    assert not CODE.findall(body)  # never the codes themselves
    # a code logs in once
    auth.logout()
    start_login(client, member)
    assert client.post("/auth/recovery", data={"code": codes[0]}).status_code == 302
    assert signed_in(client)


def test_recovery_codes_are_encrypted_at_rest(client, auth, make_user):
    member = make_user()
    auth.login(member)
    _totp, next_page = turn_on(client)
    codes = CODE.findall(client.get(next_page).get_data(as_text=True))
    stored = db.session.execute(select(User.mf_recovery_codes).where(User.id == member.id)
                                ).scalar_one()
    assert len(stored) == 10
    assert not any(code in value for code in codes for value in stored)
    assert not any(CODE.search(value) for value in stored)


def test_regenerating_codes_is_audited_and_mailed_and_the_old_codes_stop_working(
        client, auth, make_user, outbox):
    member = make_user()
    auth.login(member)
    _totp, next_page = turn_on(client)
    old = CODE.findall(client.get(next_page).get_data(as_text=True))
    new = CODE.findall(client.post("/auth/recovery-codes", data={}).get_data(as_text=True))
    assert len(set(new)) == 10 and not set(new) & set(old)
    assert [row.detail["reason"] for row in audit_rows(member, "2fa.recovery_codes")] == \
        ["setup", "regenerated"]
    assert "New recovery codes" in outbox.messages()[-1]["Subject"]
    assert "no longer work" in outbox.last_body()
    auth.logout()
    start_login(client, member)
    client.post("/auth/recovery", data={"code": old[0]})
    assert not signed_in(client)


def test_turning_off_forgets_the_codes_and_tells_the_member(client, auth, make_user, outbox):
    member = make_user()
    auth.login(member)
    turn_on(client)
    r = client.post("/auth/two-factor", data={"setup": "disable"})
    assert r.status_code == 302
    assert not fresh(member).mf_recovery_codes and not fresh(member).has_2fa
    assert "off for your VFAC account" in outbox.messages()[-1]["Subject"]
    assert "turned off" in outbox.last_body()


def test_the_migration_encrypts_codes_stored_in_clear(client, make_user, monkeypatch):
    member = make_user(totp=True)
    plain = ["1a2b-3c4d-5e6f", "aaaa-bbbb-cccc"]
    db.session.execute(update(User).where(User.id == member.id)
                       .values(mf_recovery_codes=plain))
    db.session.commit()
    path = Path(__file__).parents[2] / "migrations/versions/0008_two_factor_security.py"
    spec = importlib.util.spec_from_file_location("migration_0008", path)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)

    class Op:
        @staticmethod
        def get_bind():
            return db.session.connection()

    monkeypatch.setattr(migration, "op", Op)
    migration._rewrite_codes(encrypt=True)
    db.session.commit()
    stored = fresh(member).mf_recovery_codes
    assert len(stored) == 2 and not set(stored) & set(plain)
    start_login(client, member)
    assert client.post("/auth/recovery", data={"code": plain[1]}).status_code == 302
    assert signed_in(client)
    migration._rewrite_codes(encrypt=False)  # downgrade: back to what the old code reads
    assert fresh(member).mf_recovery_codes == [plain[0]]


# --- logout by link, tokens -----------------------------------------------------------

@pytest.mark.parametrize("totp", [False, True])
def test_tf_validate_by_link_does_not_log_a_member_out(client, auth, make_user, totp):
    auth.login(make_user(totp=totp))
    r = client.get("/auth/tf-validate")
    assert r.status_code == 302 and r.headers["Location"].endswith("/account/security")
    assert signed_in(client)


def test_a_json_login_mints_no_token(client, make_user):
    member = make_user()
    r = client.post("/auth/login?include_auth_token", json={"identity": member.username,
                                                            "password": PASSWORD})
    assert r.status_code == 400
    assert "authentication_token" not in r.get_data(as_text=True)
    assert not signed_in(client)
    r = client.post("/auth/login", json={"identity": member.username, "password": PASSWORD})
    assert r.status_code == 200
    assert "authentication_token" not in r.get_data(as_text=True)


def test_an_authentication_token_header_is_not_accepted(app, client, make_user):
    member = make_user()
    with app.test_request_context():
        token = fresh(member).get_auth_token()
    headers = {"Authentication-Token": token}
    assert client.get("/account/settings", headers=headers).status_code == 302
    r = client.get("/auth/recovery-codes", headers={**headers, "Accept": "application/json"})
    assert r.status_code == 401


# --- audit of logins ------------------------------------------------------------------

def test_logins_record_their_second_factor(client, auth, make_user):
    member = make_user()
    auth.login(member)
    totp, next_page = turn_on(client)
    codes = CODE.findall(client.get(next_page).get_data(as_text=True))
    auth.logout()
    start_login(client, member)
    client.post("/auth/tf-validate", data={"code": wrong_code(fresh(member))})
    assert client.post("/auth/tf-validate",
                       data={"code": totp.generate(time.time() + 30).token}).status_code == 302
    auth.logout()
    start_login(client, member)
    assert client.post("/auth/recovery", data={"code": codes[3]}).status_code == 302
    vias = [row.detail["via"] for row in audit_rows(member, "login.success")]
    assert vias == ["password", "password,authenticator", "password,recovery_code"]
    assert [row.detail["method"] for row in audit_rows(member, "2fa.failure")] == \
        ["authenticator"]


def test_a_challenge_waits_only_so_long_for_its_code(client, make_user, clock):
    member = make_user(totp=True)
    start_login(client, member)
    clock.advance(minutes=twofactor.CHALLENGE_LIFETIME.total_seconds() / 60 + 1)
    r = client.post("/auth/tf-validate", data={"code": totp_now(member)})
    assert r.status_code == 302 and r.headers["Location"].endswith("/auth/login")
    assert not signed_in(client)


def test_no_recovery_codes_without_two_factor(client, auth, make_user):
    member = make_user()
    auth.login(member)
    page = client.get("/auth/recovery-codes").get_data(as_text=True)
    assert "Two-factor authentication is off" in page and "generate_new_codes" not in page
    r = client.post("/auth/recovery-codes", data={})
    assert r.status_code == 302 and r.headers["Location"].endswith("/auth/two-factor")
    assert not fresh(member).mf_recovery_codes
