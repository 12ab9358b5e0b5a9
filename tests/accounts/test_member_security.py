"""Staff suspend members and end their sessions; vetted identity changes go through a moderator;
look-alike usernames are refused; the expert directory keeps what experts hid."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from accounts.models import AuditEvent, Role, Status, User, UserSession
from tests.accounts.test_journey import REGISTRATION
from vfac.extensions import db


def actions_on(member: User) -> list[str]:
    return list(db.session.execute(select(AuditEvent.action).where(
        AuditEvent.subject_id == member.id).order_by(AuditEvent.id)).scalars())


def sessions_of(member: User) -> int:
    return len(db.session.execute(select(UserSession).where(
        UserSession.user_id == member.id)).all())


@pytest.fixture
def member_client(app):
    """A second browser: the member's own, beside the moderator's."""
    from tests.conftest import Auth  # noqa: PLC0415

    other = app.test_client()
    other.environ_base["HTTP_REFERER"] = "https://localhost/"
    return other, Auth(other)


# -- suspension -----------------------------------------------------------------------------

def test_suspending_ends_every_session_and_tells_the_member_why(client, auth, make_user, outbox,
                                                                 member_client):
    member = make_user(username="leaker")
    browser, member_auth = member_client
    assert member_auth.login(member).status_code == 302
    assert browser.get("/account/settings").status_code == 200
    uniquifier = member.fs_uniquifier

    moderator = make_user(Role.MODERATOR, totp=True, username="mod")
    auth.login(moderator)
    r = client.post(f"/admin/members/{member.id}/suspend",
                    data={"reason": "Shared a restricted case file outside the forum."})
    assert r.status_code == 302
    member = db.session.get(User, member.id)
    assert member.status is Status.SUSPENDED and not member.active
    assert member.fs_uniquifier != uniquifier  # tokens and links naming the old one die
    assert sessions_of(member) == 0
    assert "member.suspended" in actions_on(member)
    assert "restricted case file" in outbox.last_body()

    # the member's open session is over at once
    r = browser.get("/account/settings")
    assert r.status_code == 302 and "/auth/login" in r.headers["Location"]
    # and they cannot sign in again; with the right password only, they learn why
    r = member_auth.login(member, password="not the password at all")
    assert "restricted case file" not in r.get_data(as_text=True)
    r = member_auth.login(member)
    assert r.status_code == 200
    assert "restricted case file" in r.get_data(as_text=True)
    assert browser.get("/account/settings").status_code == 302


def test_a_suspension_needs_a_reason_and_changes_nothing_without(client, auth, make_user,
                                                                  outbox):
    member = make_user(username="quiet")
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    r = client.post(f"/admin/members/{member.id}/suspend", data={"reason": "   "})
    assert r.status_code == 400
    assert "Give the reason" in r.get_data(as_text=True)
    assert db.session.get(User, member.id).status is Status.APPROVED
    assert outbox.messages() == []


def test_the_suspension_form_speaks_the_staff_language(client, auth, make_user):
    member = make_user(username="quiet")
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod", language="fr"))
    r = client.post(f"/admin/members/{member.id}/suspend", data={"reason": ""},
                    headers={"Accept-Language": "fr"})
    assert r.status_code == 400
    assert "Give the reason" not in r.get_data(as_text=True)


def test_reinstating_gives_access_back(client, auth, make_user, outbox, member_client):
    member = make_user(username="back")
    admin = make_user(Role.ADMINISTRATOR, totp=True, username="boss")
    auth.login(admin)
    client.post(f"/admin/members/{member.id}/suspend", data={"reason": "Under inquiry."})
    assert client.post(f"/admin/members/{member.id}/reinstate").status_code == 302
    member = db.session.get(User, member.id)
    assert member.status is Status.APPROVED and member.active and member.status_reason is None
    assert actions_on(member)[-2:] == ["member.suspended", "member.reinstated"]
    assert len(outbox.messages()) == 2
    _, member_auth = member_client
    assert member_auth.login(member).status_code == 302


def test_reinstating_a_member_who_is_not_suspended_changes_nothing(client, auth, make_user):
    member = make_user(username="fine")
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    r = client.post(f"/admin/members/{member.id}/reinstate", follow_redirects=True)
    assert "not suspended" in r.get_data(as_text=True)
    assert "member.reinstated" not in actions_on(member)


def test_a_suspended_member_cannot_be_vetted_back_in(client, auth, make_user):
    member = make_user(username="gone")
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    client.post(f"/admin/members/{member.id}/suspend", data={"reason": "Under inquiry."})
    client.post(f"/admin/members/{member.id}/vet", data={"decision": "approve"})
    assert db.session.get(User, member.id).status is Status.SUSPENDED


def test_moderators_cannot_suspend_administrators(client, auth, make_user):
    admin = make_user(Role.ADMINISTRATOR, totp=True, username="boss")
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    r = client.post(f"/admin/members/{admin.id}/suspend", data={"reason": "Coup."})
    assert r.status_code == 403
    assert db.session.get(User, admin.id).status is Status.APPROVED


def test_unknown_member_is_a_404(client, auth, make_user):
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    for path in ("suspend", "reinstate", "end-sessions", "identity"):
        assert client.post(f"/admin/members/999999/{path}", data={"reason": "x"}).status_code == 404


def test_staff_end_all_sessions_of_a_member(client, auth, make_user, member_client):
    member = make_user(username="lostlaptop")
    browser, member_auth = member_client
    member_auth.login(member)
    assert sessions_of(member) == 1
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    r = client.post(f"/admin/members/{member.id}/end-sessions", follow_redirects=True)
    assert "1 session of this member has been ended" in r.get_data(as_text=True)
    assert sessions_of(member) == 0
    assert "member.sessions_ended" in actions_on(member)
    assert browser.get("/account/settings").status_code == 302
    assert member_auth.login(member).status_code == 302  # not a suspension: may sign in again


# -- vetted identity --------------------------------------------------------------------------

def settings_data(member: User, **changes) -> dict:
    data = {"full_name": member.full_name, "organisation": member.organisation,
            "language": member.language, "mail_notifications": member.mail_notifications.value,
            "profile_shows": list(member.profile_shows or ())}
    return data | changes


def test_a_vetted_member_cannot_rename_themself_without_a_moderator(client, auth, make_user):
    member = make_user(username="academic", full_name="Ama Mensah")
    auth.login(member)
    r = client.post("/account/settings",
                    data=settings_data(member, full_name="Kwame Nkrumah", organisation="Judiciary"))
    assert r.status_code == 302
    member = db.session.get(User, member.id)
    assert member.full_name == "Ama Mensah"  # certificates and bylines keep the vetted name
    assert member.identity_change == {"full_name": "Kwame Nkrumah", "organisation": "Judiciary"}
    assert "member.identity_proposed" in actions_on(member)
    page = client.get("/account/settings").get_data(as_text=True)
    assert 'id="identity-waiting"' in page and 'value="Kwame Nkrumah"' in page
    # saving other settings keeps the waiting change as it is
    client.post("/account/settings", data=settings_data(member, full_name="Kwame Nkrumah",
                                                         organisation="Judiciary",
                                                         language="fr"))
    member = db.session.get(User, member.id)
    assert member.language == "fr" and member.full_name == "Ama Mensah"
    assert member.identity_change == {"full_name": "Kwame Nkrumah", "organisation": "Judiciary"}


@pytest.mark.parametrize("decision,name", [("approve", "Ama Mensah-Owusu"),
                                           ("refuse", "Ama Mensah")])
def test_a_moderator_approves_or_refuses_the_change(client, auth, make_user, outbox, decision,
                                                    name):
    member = make_user(username="academic", full_name="Ama Mensah")
    auth.login(member)
    client.post("/account/settings", data=settings_data(member, full_name="Ama Mensah-Owusu"))
    auth.logout()
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    assert "academic" in client.get("/admin/members?status=changes").get_data(as_text=True)
    assert client.post(f"/admin/members/{member.id}/identity",
                       data={"decision": decision}).status_code == 302
    member = db.session.get(User, member.id)
    assert member.full_name == name and member.identity_change is None
    assert f"member.identity_{decision}d" in actions_on(member)
    assert "Ama Mensah-Owusu" in outbox.last_body()


def test_a_bad_identity_decision_changes_nothing(client, auth, make_user):
    member = make_user(username="academic", full_name="Ama Mensah")
    auth.login(member)
    client.post("/account/settings", data=settings_data(member, full_name="Someone Else"))
    auth.logout()
    auth.login(make_user(Role.MODERATOR, totp=True, username="mod"))
    r = client.post(f"/admin/members/{member.id}/identity", data={"decision": "maybe"})
    assert r.status_code == 400 and "Choose approve or refuse" in r.get_data(as_text=True)
    assert db.session.get(User, member.id).identity_change == {"full_name": "Someone Else"}


# -- look-alike usernames -----------------------------------------------------------------------

@pytest.mark.parametrize("username", ["\u043efficer", "ADM\u0130N", "0fficer", "offlcer",
                                      "OFFICER"])
def test_look_alike_usernames_do_not_register(client, make_user, username):
    make_user(username="officer")
    make_user(username="admin")
    r = client.post("/auth/register", data=REGISTRATION | {"username": username})
    assert db.session.execute(select(User).where(User.username == username)).first() is None, \
        r.get_data(as_text=True)[:300]


def test_mixed_alphabets_are_explained(client):
    r = client.post("/auth/register", data=REGISTRATION | {"username": "k\u043efi"})
    assert r.status_code == 200
    assert "mixes alphabets" in r.get_data(as_text=True)


@pytest.mark.parametrize("username", ["\u0430\u043d\u043d\u0430", "\u674e\u660ewang",
                                      "\u0639\u0644\u064a", "ama2024"])
def test_names_in_one_alphabet_register(client, username):
    r = client.post("/auth/register", data=REGISTRATION | {"username": username})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]


def test_skeleton_catches_the_audits_examples():
    from accounts.usernames import is_mixed_script, skeleton  # noqa: PLC0415

    assert skeleton("\u043efficer") == skeleton("officer")
    assert skeleton("ADM\u0130N") == skeleton("admin")
    assert skeleton("rnoderator") == skeleton("moderator")
    assert is_mixed_script("\u043efficer") and not is_mixed_script("officer")
    assert skeleton("kofi") != skeleton("koffi")


# -- the expert directory and topic pages keep what experts hid -----------------------------------

def test_directory_hides_what_the_expert_hid(client, auth, make_user):
    from vfac.topics import all_topics  # noqa: PLC0415

    topics = all_topics()[:1]
    hidden = make_user(Role.EXPERT, username="discreet", country="NG", expert_topics=topics,
                       organisation="Nigeria Police Force NCCC", profile_shows=[])
    shown = make_user(Role.EXPERT, username="open", country="KE", expert_topics=topics,
                      organisation="Kenya DCI", profile_shows=["organisation", "country"])
    auth.login(make_user(username="reader"))
    page = client.get("/forum/experts").get_data(as_text=True)
    assert "discreet" in page and "Nigeria Police Force NCCC" not in page
    assert "Kenya DCI" in page
    # nor can the hidden country be found out by filtering
    assert "discreet" not in client.get("/forum/experts?country=NG").get_data(as_text=True)
    assert "open" in client.get("/forum/experts?country=KE").get_data(as_text=True)
    assert hidden.id and shown.id
