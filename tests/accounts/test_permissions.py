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
    "member": (Role.MEMBER, Status.APPROVED, Profession.ACADEMIC, False),
    "officer": (Role.MEMBER, Status.APPROVED, Profession.POLICE, False),
    "expert": (Role.EXPERT, Status.APPROVED, Profession.POLICE, False),
    "instructor": (Role.INSTRUCTOR, Status.APPROVED, Profession.ACADEMIC, False),
    "moderator_no2fa": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, False),
    "moderator": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, True),
    "admin_no2fa": (Role.ADMINISTRATOR, Status.APPROVED, Profession.GOVERNMENT, False),
    "admin": (Role.ADMINISTRATOR, Status.APPROVED, Profession.GOVERNMENT, True),
}
ORDER = list(PEOPLE)

# action -> the people allowed (object: another, approved member)
ALLOWED = {
    "accounts.member.view": {"member", "officer", "expert", "instructor", "moderator_no2fa",
                             "moderator", "admin_no2fa", "admin"},
    "accounts.member.list": {"moderator", "admin"},
    "accounts.member.vet": {"moderator", "admin"},
    "accounts.member.change_role": {"admin"},
    "accounts.audit.view": {"admin"},
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
@pytest.mark.parametrize("who", ORDER)
def test_rule_matrix(make_user, who, action):
    user = make_person(make_user, who)
    other = make_user(username="someoneelse")
    assert can(user, action, other) is (who in ALLOWED[action]), (who, action)


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
]


@pytest.mark.parametrize("method,path,expected", ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
@pytest.mark.parametrize("who", ORDER)
def test_route_matrix(client, auth, make_user, who, method, path, expected):
    other = make_user(username="other")
    waiting = make_user(status=Status.PENDING, username="waiting")
    user = make_person(make_user, who)
    if user is not None:
        assert auth.login(user).status_code == 302
    url = path.format(other=other.username, other_id=other.id, waiting_id=waiting.id)
    data = {"decision": "approve", "role": "instructor"} if method == "POST" else None
    response = client.open(url, method=method, data=data)
    want = expected.get(who, expected["*"])
    if want == "login":
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    elif want == "status":
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/account/status")
    else:
        assert response.status_code == want, response.get_data(as_text=True)[:500]
