"""Bad input for every form: a clear message (form redisplayed or 4xx), nothing stored."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from accounts.models import AuditEvent, Role, Status, User
from tests.accounts.test_journey import REGISTRATION
from tests.conftest import PASSWORD
from vfac.extensions import db


def count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar()


BAD_REGISTRATIONS = [
    ("empty form", {}, "This field is required"),
    ("username too long", {"username": "k" * 200}, "username"),
    ("username with script", {"username": "<script>x</script>"}, "username"),
    ("bad email", {"email": "not-an-email"}, "email"),
    ("password too short", {"password": "short", "password_confirm": "short"}, "12"),
    ("common password", {"password": "passwordpassword", "password_confirm": "passwordpassword"},
     "first an attacker would try"),
    ("passwords differ", {"password_confirm": PASSWORD + "x"}, "match"),
    ("unknown country", {"country": "XX"}, "Choose a country from the list"),
    ("lower-case country", {"country": "gh"}, "Choose a country from the list"),
    ("region code, not a country", {"country": "EU"}, "Choose a country from the list"),
    ("unknown profession", {"profession": "hacker"}, "Choose a profession from the list"),
    ("unknown language", {"language": "de"}, "Choose one of the listed languages"),
    ("statement too short", {"statement": "hi"}, "Between 20 and 2000"),
    ("statement too long", {"statement": "x" * 5000}, "Between 20 and 2000"),
    ("script in name", {"full_name": "<script>alert(1)</script>"}, "&lt; and &gt;"),
    ("name too long", {"full_name": "n" * 500}, "At most 120"),
    ("organisation empty", {"organisation": "   "}, "This field is required"),
    ("username with punctuation", {"username": "kofi!@#"}, "username"),
    ("year instead of a statement", {"statement": 2026}, "Between 20 and 2000"),
]


@pytest.mark.parametrize("label,changes,message", BAD_REGISTRATIONS,
                         ids=[b[0] for b in BAD_REGISTRATIONS])
def test_bad_registration_is_redisplayed_and_stores_nothing(client, label, changes, message):
    data = {} if label == "empty form" else {**REGISTRATION, **changes}
    users, events = count(User), count(AuditEvent)
    r = client.post("/auth/register", data=data)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'class="errors' in html and 'aria-invalid="true"' in html
    if message:
        assert message in html
    assert "<script>alert(1)</script>" not in html
    assert count(User) == users and count(AuditEvent) == events


@pytest.mark.parametrize("field", ["username", "email"])
def test_duplicate_differing_only_by_case_is_refused(client, make_user, outbox, field):
    """Nothing is stored; the answer on the page is the one a new registration gets (no
    enumeration), and the message goes by mail: to the registrant for a taken username,
    to the account's owner for a taken e-mail."""
    make_user(username="Kwame")
    data = dict(REGISTRATION)
    data[field] = "KWAME" if field == "username" else "KWAME@EXAMPLE.ORG"
    users = count(User)
    r = client.post("/auth/register", data=data)
    assert r.status_code == 302
    assert count(User) == users
    mail = outbox.messages()[-1]
    if field == "username":
        assert mail["To"] == REGISTRATION["email"]
        assert "already associated" in outbox.last_body()
    else:
        assert mail["To"].casefold() == "kwame@example.org"


def test_registration_messages_in_the_visitors_language(client):
    r = client.post("/auth/register", data={**REGISTRATION, "country": "XX"},
                    headers={"Accept-Language": "fr"})
    assert "Choisissez un pays dans la liste" in r.get_data(as_text=True)
    r = client.post("/auth/register", data={**REGISTRATION, "country": "XX"},
                    headers={"Accept-Language": "ar"})
    html = r.get_data(as_text=True)
    assert 'dir="rtl"' in html and "Choose a country" not in html


BAD_SETTINGS = [
    {"full_name": "", "organisation": "Org", "language": "en"},
    {"full_name": "x" * 121, "organisation": "Org", "language": "en"},
    {"full_name": "Name", "organisation": "<b>Org</b>", "language": "en"},
    {"full_name": "Name", "organisation": "Org", "language": "xx"},
]


@pytest.mark.parametrize("data", BAD_SETTINGS)
def test_bad_settings_change_nothing(client, auth, make_user, data):
    user = make_user(full_name="Original Name")
    auth.login(user)
    r = client.post("/account/settings", data=data)
    assert r.status_code == 200 and 'class="errors' in r.get_data(as_text=True)
    user = db.session.get(User, user.id)
    assert user.full_name == "Original Name" and user.language == "en"


def test_reject_needs_a_reason_and_bad_decisions_are_refused(client, auth, make_user):
    moderator = make_user(Role.MODERATOR, totp=True)
    waiting = make_user(status=Status.PENDING, username="waiting")
    auth.login(moderator)
    for data in ({"decision": "reject", "reason": "  "}, {"decision": "maybe"}, {},
                 {"decision": "reject", "reason": "r" * 2000}):
        r = client.post(f"/admin/members/{waiting.id}/vet", data=data)
        assert r.status_code == 400, data
        assert 'class="errors' in r.get_data(as_text=True)
    assert db.session.get(User, waiting.id).status is Status.PENDING
    assert client.post("/admin/members/999999/vet", data={"decision": "approve"}
                       ).status_code == 404
    assert client.post("/admin/members/abc/vet").status_code == 404


def test_bad_role_is_refused(client, auth, make_user):
    admin = make_user(Role.ADMINISTRATOR, totp=True)
    member = make_user()
    auth.login(admin)
    for role in ("superuser", "", "ADMINISTRATOR ", "5"):
        r = client.post(f"/admin/members/{member.id}/role", data={"role": role})
        assert r.status_code == 400
    assert db.session.get(User, member.id).role is Role.MEMBER


def test_pending_member_cannot_be_given_a_role(client, auth, make_user):
    admin = make_user(Role.ADMINISTRATOR, totp=True)
    waiting = make_user(status=Status.PENDING)
    auth.login(admin)
    r = client.post(f"/admin/members/{waiting.id}/role", data={"role": "instructor"})
    assert r.status_code == 302
    assert db.session.get(User, waiting.id).role is Role.MEMBER


@pytest.mark.parametrize("query", ["status=bogus", "after=abc", "after=-1", "after=" + "9" * 30,
                                   "after=%C2%B2", "status=pending&after=1.5"])
def test_bad_list_parameters_are_400(client, auth, make_user, query):
    auth.login(make_user(Role.ADMINISTRATOR, totp=True))
    assert client.get(f"/admin/members?{query}").status_code == 400


@pytest.mark.parametrize("query", ["action=nope", "before=x", "before=-5"])
def test_bad_audit_parameters_are_400(client, auth, make_user, query):
    auth.login(make_user(Role.ADMINISTRATOR, totp=True))
    assert client.get(f"/admin/audit?{query}").status_code == 400


def test_unknown_pages_and_languages_are_404(client):
    assert client.get("/language/de").status_code == 404
    assert client.get("/topics/not-a-topic").status_code == 404
    assert client.get("/members/nobody").status_code == 404


def test_bad_login_input(client):
    for data in ({}, {"identity": "x" * 5000, "password": "y"}, {"identity": "", "password": ""},
                 {"identity": "<script>", "password": "p" * 13}):
        r = client.post("/auth/login", data=data)
        assert r.status_code == 200
        assert "<script>" not in r.get_data(as_text=True).split("<main", 1)[1]


@pytest.mark.parametrize("q", ["x" * 10000, '"', "NEAR(", "<script>alert(1)</script>", "%00"])
def test_the_search_box_takes_anything(client, q):
    r = client.get("/search", query_string={"q": q})
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.get_data(as_text=True)


@pytest.mark.parametrize("data,message", [
    ({"role": "expert"}, "Choose at least one topic for an expert."),
    ({"role": "expert", "topics": ["not-a-topic"]}, "Choose topics from the list."),
    ({"role": "expert", "topics": ["prevention", "<script>"]}, "Choose topics from the list."),
])
def test_expert_needs_real_topics(client, auth, make_user, data, message):
    admin = make_user(Role.ADMINISTRATOR, totp=True)
    member = make_user()
    auth.login(admin)
    r = client.post(f"/admin/members/{member.id}/role", data=data)
    assert r.status_code == 400 and message in r.get_data(as_text=True)
    member = db.session.get(User, member.id)
    assert member.role is Role.MEMBER and member.expert_topics == []


def test_bad_password_change_changes_nothing(client, auth, make_user):
    user = make_user()
    auth.login(user)
    before = db.session.get(User, user.id).password
    for data in ({"password": PASSWORD, "new_password": "short", "new_password_confirm": "short"},
                 {"password": PASSWORD, "new_password": "a long new passphrase one",
                  "new_password_confirm": "a long new passphrase two"},
                 {"password": PASSWORD, "new_password": "passwordpassword",
                  "new_password_confirm": "passwordpassword"},
                 {}):
        r = client.post("/auth/password", data=data)
        assert r.status_code == 200 and 'class="errors' in r.get_data(as_text=True)
    assert db.session.get(User, user.id).password == before


@pytest.mark.parametrize("path", ["/auth/confirm/not-a-token", "/auth/reset/not-a-token",
                                  "/auth/confirm/" + "A" * 3000, "/auth/two-factor/bogus"])
def test_bad_tokens_get_a_clear_answer(client, auth, make_user, path):
    if "two-factor" in path:
        auth.login(make_user())
        r = client.post(path, data={"code": "123456"})
    else:
        r = client.get(path)
    assert r.status_code in (200, 302, 400, 404)
    if r.status_code == 302:
        r = client.get(r.headers["Location"])
    assert r.status_code < 500


def test_two_factor_setup_refuses_unknown_methods(client, auth, make_user):
    user = make_user()
    auth.login(user)
    for method in ("sms", "email", "", "<script>"):
        r = client.post("/auth/two-factor", data={"setup": method})
        assert r.status_code == 200
    assert not db.session.get(User, user.id).has_2fa
