"""The permission matrix: every rule × every kind of user, and every protected route."""
from __future__ import annotations

import pytest

from accounts.models import Profession, Role, Status
from accounts.permissions import RULES, can, visibilities_for
from vfac.models import Visibility

# who: (role, status, profession, has 2FA)
PEOPLE = {
    "anonymous": None,
    "pending": (Role.MEMBER, Status.PENDING, Profession.POLICE, False),
    "rejected": (Role.MEMBER, Status.REJECTED, Profession.POLICE, False),
    "suspended": (Role.MEMBER, Status.SUSPENDED, Profession.POLICE, False),
    "member": (Role.MEMBER, Status.APPROVED, Profession.ACADEMIC, False),
    "officer": (Role.MEMBER, Status.APPROVED, Profession.POLICE, False),
    "expert": (Role.EXPERT, Status.APPROVED, Profession.POLICE, False),
    "instructor": (Role.INSTRUCTOR, Status.APPROVED, Profession.ACADEMIC, False),
    "moderator_no2fa": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, False),
    "moderator": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, True),
    "admin_no2fa": (Role.ADMINISTRATOR, Status.APPROVED, Profession.GOVERNMENT, False),
    "admin": (Role.ADMINISTRATOR, Status.APPROVED, Profession.GOVERNMENT, True),
}
# a suspended member cannot sign in: the route matrices of the pillars leave them out, the rule
# matrices here include them
ORDER = [who for who in PEOPLE if who != "suspended"]
RULE_ORDER = list(PEOPLE)

# action -> the people allowed (object: another, approved member)
ALLOWED = {
    "accounts.member.view": {"member", "officer", "expert", "instructor", "moderator_no2fa",
                             "moderator", "admin_no2fa", "admin"},
    "accounts.member.list": {"moderator", "admin"},
    "accounts.member.vet": {"moderator", "admin"},
    "accounts.member.change_role": {"admin"},
    "accounts.member.suspend": {"moderator", "admin"},
    "accounts.member.reinstate": {"moderator", "admin"},
    "accounts.member.end_sessions": {"moderator", "admin"},
    "accounts.member.review_identity": {"moderator", "admin"},
    "accounts.audit.view": {"admin"},
    "accounts.jobs.view": {"admin"},
    "accounts.jobs.retry": {"admin"},
    "vfac.dashboard.view": {"admin"},
    "vfac.content.members": {"member", "officer", "expert", "instructor", "moderator_no2fa",
                             "moderator", "admin_no2fa", "admin"},
    "vfac.content.restricted": {"officer", "expert", "moderator", "admin"},
}


def make_person(make_user, who: str):
    spec = PEOPLE[who]
    if spec is None:
        return None
    role, status, profession, totp = spec
    return make_user(role, status, profession=profession, totp=totp, username=who.replace("_", ""))


def test_every_rule_is_in_the_matrix():
    # course, paper and board rules take their objects: own matrices in tests/<package>
    assert {a for a in RULES
            if not a.startswith(("courses.", "research.", "forum."))} == set(ALLOWED)


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("who", RULE_ORDER)
def test_rule_matrix(make_user, who, action):
    user = make_person(make_user, who)
    other = make_user(username="someoneelse")
    assert can(user, action, other) is (who in ALLOWED[action]), (who, action)


@pytest.mark.parametrize("action", ["accounts.member.suspend", "accounts.member.reinstate",
                                    "accounts.member.end_sessions",
                                    "accounts.member.review_identity"])
def test_staff_act_on_others_and_moderators_not_on_administrators(make_user, action):
    moderator = make_person(make_user, "moderator")
    admin = make_person(make_user, "admin")
    assert not can(moderator, action, moderator)
    assert not can(admin, action, admin)
    assert not can(moderator, action, admin)
    assert can(admin, action, moderator)


def test_a_suspended_member_may_do_nothing_a_visitor_may_not(make_user):
    # every rule of every pillar, asked without an object: suspension takes everything away
    suspended = make_person(make_user, "suspended")
    for action, rule in RULES.items():
        try:
            allowed = rule(suspended, None)
        except (AttributeError, TypeError):  # the rule needs its object
            continue
        assert allowed is rule(None, None) or not allowed, action


def test_members_see_their_own_unapproved_profile_but_others_do_not(make_user):
    pending = make_user(status=Status.PENDING, username="waiting")
    member = make_user(username="colleague")
    assert can(pending, "accounts.member.view", pending)
    assert not can(member, "accounts.member.view", pending)


def test_restricted_content_only_for_law_enforcement_and_judiciary(make_user):
    judge = make_user(profession=Profession.JUDGE, username="judge")
    private = make_user(profession=Profession.PRIVATE, username="vendor")
    assert Visibility.RESTRICTED in visibilities_for(judge)
    assert visibilities_for(private) == [Visibility.PUBLIC, Visibility.MEMBERS]
    assert visibilities_for(None) == [Visibility.PUBLIC]


# route matrix: (method, path template, expected status per person; "login" = redirect to login,
# "status" = redirect to the status page)
ROUTES = [
    ("GET", "/", {"anonymous": 200, "pending": "status", "rejected": "status", "*": 200}),
    ("GET", "/account/settings", {"anonymous": "login", "pending": "status",
                                  "rejected": "status", "*": 200}),
    ("GET", "/account/security", {"anonymous": "login", "pending": "status",
                                  "rejected": "status", "*": 200}),
    ("GET", "/account/status", {"anonymous": "login", "*": 200}),
    ("GET", "/members/{other}", {"anonymous": "login", "pending": "status",
                                 "rejected": "status", "*": 200}),
    ("GET", "/admin/members?status=pending", {"anonymous": "login", "pending": "status",
                                               "rejected": "status", "moderator": 200,
                                               "admin": 200, "*": 403}),
    ("GET", "/admin/members/{other_id}", {"anonymous": "login", "pending": "status",
                                          "rejected": "status", "moderator": 200, "admin": 200,
                                          "*": 403}),
    ("POST", "/admin/members/{waiting_id}/vet", {"anonymous": "login", "pending": "status",
                                                 "rejected": "status", "moderator": 302,
                                                 "admin": 302, "*": 403}),
    ("POST", "/admin/members/{other_id}/role", {"anonymous": "login", "pending": "status",
                                                "rejected": "status", "admin": 302,
                                                "*": 403}),
    ("GET", "/admin/audit", {"anonymous": "login", "pending": "status", "rejected": "status",
                             "admin": 200, "*": 403}),
    ("POST", "/admin/members/{other_id}/suspend", {"anonymous": "login", "pending": "status",
                                                   "rejected": "status", "moderator": 302,
                                                   "admin": 302, "*": 403}),
    ("POST", "/admin/members/{other_id}/reinstate", {"anonymous": "login", "pending": "status",
                                                     "rejected": "status", "moderator": 302,
                                                     "admin": 302, "*": 403}),
    ("POST", "/admin/members/{other_id}/end-sessions", {"anonymous": "login",
                                                        "pending": "status",
                                                        "rejected": "status", "moderator": 302,
                                                        "admin": 302, "*": 403}),
    ("POST", "/admin/members/{other_id}/identity", {"anonymous": "login", "pending": "status",
                                                    "rejected": "status", "moderator": 302,
                                                    "admin": 302, "*": 403}),
]


@pytest.mark.parametrize("method,path,expected", ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
@pytest.mark.parametrize("who", RULE_ORDER)
def test_route_matrix(client, auth, make_user, who, method, path, expected):
    other = make_user(username="other")
    waiting = make_user(status=Status.PENDING, username="waiting")
    user = make_person(make_user, who)
    if who == "suspended":  # cannot sign in: every route answers as to a visitor
        assert auth.login(user).status_code == 200
        who = "anonymous"
    elif user is not None:
        assert auth.login(user).status_code == 302
    url = path.format(other=other.username, other_id=other.id, waiting_id=waiting.id)
    data = ({"decision": "approve", "role": "instructor", "reason": "Shared a case file."}
            if method == "POST" else None)
    response = client.open(url, method=method, data=data)
    want = expected.get(who, expected["*"])
    if want == "login":
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    elif want == "status":
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/account/status")
    else:
        assert response.status_code == want, response.get_data(as_text=True)[:500]
