"""The member journey of the foundation issue, through the test client."""
from __future__ import annotations

import re

from passlib.totp import TOTP
from sqlalchemy import func, select

from accounts.models import AuditEvent, Profession, Role, Status, User
from tests.conftest import PASSWORD, totp_now
from vfac.extensions import db

REGISTRATION = {
    "username": "kofi",
    "full_name": "Kofi Boateng",
    "email": "kofi.boateng@police.gov.gh",
    "password": PASSWORD,
    "password_confirm": PASSWORD,
    "country": "GH",
    "organisation": "Ghana Police Service, Cybercrime Unit",
    "profession": "police",
    "language": "en",
    "statement": "I investigate mobile-money fraud and need training on electronic evidence.",
}


def actions(user: User | None = None) -> list[str]:
    query = select(AuditEvent.action).order_by(AuditEvent.id)
    if user is not None:
        query = query.where(AuditEvent.subject_id == user.id)
    return list(db.session.execute(query).scalars())


def user_named(username: str) -> User | None:
    return db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def totp_code(html: str) -> str:
    key = re.search(r">([A-Z2-7]{4}(?:-[A-Z2-7]{4})+)<", html)
    assert key, "no authenticator key shown on the setup page"
    return TOTP(key=key.group(1).replace("-", ""), format="base32").generate().token


def enable_2fa(client) -> list[str]:
    """Turn on TOTP for the logged-in member; returns the ten recovery codes."""
    page = client.post("/auth/two-factor", data={"setup": "authenticator"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    action = re.search(r'action="(/auth/two-factor/[^"]+)"', html).group(1)
    done = client.post(action, data={"code": totp_code(html)})
    assert done.status_code == 302 and "/auth/recovery-codes" in done.headers["Location"]
    codes_page = client.post("/auth/recovery-codes", data={})
    codes = re.findall(r"\b[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}\b",
                       codes_page.get_data(as_text=True))
    return codes


def test_register_confirm_vet_login_settings(client, auth, make_user, outbox):
    # 1. a police officer from Ghana registers
    r = client.post("/auth/register", data=REGISTRATION)
    assert r.status_code == 302, r.get_data(as_text=True)
    kofi = user_named("kofi")
    assert kofi.status is Status.PENDING and kofi.role is Role.MEMBER
    assert kofi.profession is Profession.POLICE and kofi.country == "GH"
    assert kofi.confirmed_at is None and kofi.password != PASSWORD
    assert kofi.password.startswith("$argon2id$")

    # 2. an unconfirmed member cannot log in yet; the mail holds a signed link
    assert auth.login("kofi").status_code == 200
    link = outbox.link(r"https?://\S+/auth/confirm/\S+")
    r = client.get(link.split("localhost", 1)[1])
    assert r.status_code == 302
    kofi = user_named("kofi")
    assert kofi.confirmed_at is not None
    # single use: the same link again does not confirm anything new
    client.post("/auth/logout")

    # 3. pending: can log in, but sees only the status page
    assert auth.login("kofi").status_code == 302
    assert client.get("/").headers["Location"].endswith("/account/status")
    assert client.get("/account/settings").headers["Location"].endswith("/account/status")
    status = client.get("/account/status").get_data(as_text=True)
    assert "Waiting for review" in status
    auth.logout()

    # 4. a moderator (with 2FA) approves from the vetting queue
    moderator = make_user(Role.MODERATOR, totp=True)
    r = client.post("/auth/login", data={"identity": moderator.email, "password": PASSWORD})
    assert r.headers["Location"].startswith("/auth/tf-validate")  # the code step
    assert client.get("/admin/members").status_code == 302  # not logged in before it
    r = client.post("/auth/tf-validate", data={"code": "000000"})
    assert r.status_code == 200  # a wrong code is refused
    r = client.post("/auth/tf-validate", data={"code": totp_now(moderator)})
    assert r.status_code == 302
    queue = client.get("/admin/members?status=pending").get_data(as_text=True)
    assert "Kofi Boateng" in queue and "mobile-money fraud" in queue
    r = client.post(f"/admin/members/{kofi.id}/vet", data={"decision": "approve"})
    assert r.status_code == 302
    assert user_named("kofi").status is Status.APPROVED
    assert "approved" in outbox.messages()[-1]["Subject"]
    auth.logout()

    # 5. the member logs in with the e-mail in another case, sets French, changes password
    r = auth.login("KOFI.Boateng@police.gov.gh")
    assert r.status_code == 302 and r.headers["Location"] == "/"
    r = client.post("/account/settings", data={"full_name": "Kofi A. Boateng",
                                               "organisation": "GPS Cybercrime Unit",
                                               "language": "fr",
                                               "mail_notifications": "immediate"})
    assert r.status_code == 302
    page = client.get("/account/settings").get_data(as_text=True)
    assert '<html lang="fr"' in page  # applied at once
    new_password = "a different long passphrase 2026"
    r = client.post("/auth/password", data={"password": "wrong current password",
                                            "new_password": new_password,
                                            "new_password_confirm": new_password})
    assert r.status_code == 200  # the current password is checked
    r = client.post("/auth/password", data={"password": PASSWORD,
                                            "new_password": new_password,
                                            "new_password_confirm": new_password})
    assert r.status_code == 302
    auth.logout()
    assert auth.login("kofi", new_password).status_code == 302

    # 6. optional two-factor authentication, with ten recovery codes
    codes = enable_2fa(client)
    assert len(set(codes)) == 10
    assert user_named("kofi").has_2fa

    # 7. a lost phone: a recovery code logs in once, and only once
    auth.logout()
    r = client.post("/auth/login", data={"identity": "kofi", "password": new_password})
    assert r.headers["Location"].startswith("/auth/tf-validate")
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Send code via email" not in page  # no e-mail rescue around the second factor
    assert client.post("/auth/recovery", data={"code": codes[0]}).status_code == 302
    assert client.get("/account/settings").status_code == 200
    auth.logout()
    client.post("/auth/login", data={"identity": "kofi", "password": new_password})
    again = client.post("/auth/recovery", data={"code": codes[0]})
    assert again.status_code in (200, 302), again.headers.get("Location")
    assert "/auth/login" in client.get("/account/settings").headers["Location"]

    kofi = user_named("kofi")
    assert {"member.registered", "member.confirmed", "member.approved", "login.success",
            "member.profile_changed", "password.changed", "2fa.enabled"} <= set(actions(kofi))


def test_reject_with_reason_tells_the_member(client, auth, make_user, outbox):
    member = make_user(status=Status.PENDING, username="hopeful", language="fr")
    moderator = make_user(Role.MODERATOR, totp=True)
    auth.login(moderator)
    r = client.post(f"/admin/members/{member.id}/vet", data={"decision": "reject",
                                                             "reason": "Not a practitioner."})
    assert r.status_code == 302
    member = user_named("hopeful")
    assert member.status is Status.REJECTED and member.status_reason == "Not a practitioner."
    assert "Not a practitioner." in outbox.last_body()
    # told in their own language, whatever the moderator's
    assert outbox.messages()[-1]["Subject"] == "Votre inscription au VFAC"
    assert "L'équipe du VFAC" in outbox.last_body()
    auth.logout()
    auth.login(member)
    page = client.get("/account/status").get_data(as_text=True)
    assert "Not a practitioner." in page
    assert client.get("/admin/members").status_code == 302  # only the status page


def test_administrator_changes_roles_and_it_is_audited(client, auth, make_user):
    admin = make_user(Role.ADMINISTRATOR, totp=True)
    member = make_user()
    auth.login(admin)
    r = client.post(f"/admin/members/{member.id}/role", data={"role": "instructor"})
    assert r.status_code == 302
    assert db.session.get(User, member.id).role is Role.INSTRUCTOR
    # an administrator cannot change their own role (there must be another admin)
    assert client.post(f"/admin/members/{admin.id}/role",
                       data={"role": "member"}).status_code == 403
    log = client.get("/admin/audit").get_data(as_text=True)
    assert "Role changed" in log and "new=instructor" in log


def test_staff_powers_need_two_factor(client, auth, make_user):
    moderator = make_user(Role.MODERATOR)  # no 2FA
    pending = make_user(status=Status.PENDING)
    auth.login(moderator)
    assert client.get("/admin/members?status=pending").status_code == 403
    assert client.post(f"/admin/members/{pending.id}/vet",
                       data={"decision": "approve"}).status_code == 403
    assert db.session.get(User, pending.id).status is Status.PENDING
    assert "two-factor" in client.get("/").get_data(as_text=True)


def test_password_reset_by_single_use_link(client, auth, make_user, outbox):
    member = make_user(username="forgetful")
    r = client.post("/auth/reset", data={"email": member.email})
    assert r.status_code in (200, 302)
    link = outbox.link(r"https?://\S+/auth/reset/\S+")
    path = link.split("localhost", 1)[1]
    new = "brand new passphrase for kofi"
    r = client.post(path, data={"password": new, "password_confirm": new})
    assert r.status_code == 302
    assert auth.login("forgetful", new).status_code == 302
    auth.logout()
    # the link was single use: the password changed, so the token is no longer valid
    again = client.post(path, data={"password": "yet another passphrase x", "password_confirm":
                                    "yet another passphrase x"})
    assert auth.login("forgetful", "yet another passphrase x").status_code == 200
    assert again.status_code in (200, 302)
    assert db.session.execute(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "password.reset")).scalar() == 1


def test_administrator_names_an_expert_for_topics(client, auth, make_user):
    admin = make_user(Role.ADMINISTRATOR, totp=True)
    member = make_user(username="forensic")
    auth.login(admin)
    page = client.get(f"/admin/members/{member.id}").get_data(as_text=True)
    assert 'name="topics" type="checkbox" value="electronic-evidence"' in page \
        or 'value="electronic-evidence"' in page
    r = client.post(f"/admin/members/{member.id}/role",
                    data={"role": "expert", "topics": ["electronic-evidence", "investigation"]})
    assert r.status_code == 302
    member = db.session.get(User, member.id)
    assert member.role is Role.EXPERT
    assert [t.slug for t in member.expert_topics] == ["investigation", "electronic-evidence"]
    profile = client.get("/members/forensic").get_data(as_text=True)
    assert "Expert in:" in profile and "Electronic evidence" in profile
    # back to member: the expertise goes with the role
    client.post(f"/admin/members/{member.id}/role", data={"role": "member"})
    member = db.session.get(User, member.id)
    assert member.role is Role.MEMBER and member.expert_topics == []
    assert "topics=investigation electronic-evidence" in client.get("/admin/audit").get_data(
        as_text=True)
