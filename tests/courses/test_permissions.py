"""Who may do what with a course: the rules, then every course route for every kind of user.

The course is restricted (law enforcement and judiciary only): invisible (404) to the public,
to other members and to instructors of other courses, lessons, files and offline pack included.
"""
from __future__ import annotations

import io

import pytest

from accounts.models import Profession, Role, Status
from accounts.permissions import RULES, can
from courses.services import authoring
from vfac.models import Visibility

# an image: a PDF would cost a child process's check in each of the ~300 cases
IMAGE = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32

PEOPLE = {
    "anonymous": None,
    "pending": (Role.MEMBER, Status.PENDING, Profession.POLICE, False),
    "member": (Role.MEMBER, Status.APPROVED, Profession.ACADEMIC, False),
    "officer": (Role.MEMBER, Status.APPROVED, Profession.POLICE, False),
    "other_instructor": (Role.INSTRUCTOR, Status.APPROVED, Profession.ACADEMIC, False),
    "instructor": (Role.INSTRUCTOR, Status.APPROVED, Profession.ACADEMIC, False),
    "moderator": (Role.MODERATOR, Status.APPROVED, Profession.ACADEMIC, True),
    "admin": (Role.ADMINISTRATOR, Status.APPROVED, Profession.GOVERNMENT, True),
}
ORDER = list(PEOPLE)

# action -> who may, on a published restricted course taught by "instructor"
ALLOWED = {
    "courses.course.create": {"other_instructor", "instructor", "moderator", "admin"},
    "courses.course.edit": {"instructor", "admin"},
    "courses.course.view": {"officer", "instructor", "moderator", "admin"},
    "courses.course.enrol": {"officer", "moderator", "admin"},
}


def person(make_user, who):
    spec = PEOPLE[who]
    if spec is None:
        return None
    role, status, profession, totp = spec
    return make_user(role, status, profession=profession, totp=totp, username=who.replace("_", ""))


@pytest.fixture
def setting(make_user, make_course):
    def build(who):
        user = person(make_user, who)
        teacher = user if who == "instructor" else make_user(Role.INSTRUCTOR, username="teacher")
        course = make_course(Visibility.RESTRICTED, author=teacher, modules=1, lessons=1,
                             questions=1)
        lesson = course.modules[0].lessons[0]
        attachment = authoring.add_attachment(teacher, lesson, io.BytesIO(IMAGE), "a.png")
        return user, course, lesson, attachment
    return build


def test_every_course_rule_is_in_the_matrix():
    # courses.course.list: the catalogue policy (tests/platform/test_visibility_policy.py)
    assert {a for a in RULES if a.startswith("courses.")} - {"courses.course.list"} == set(ALLOWED)


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("who", ORDER)
def test_rule_matrix(setting, who, action):
    user, course, _, _ = setting(who)
    assert can(user, action, course) is (who in ALLOWED[action]), (who, action)


def test_drafts_are_seen_only_by_their_editors(make_user, make_course):
    course = make_course(Visibility.PUBLIC, published=False)
    officer = make_user()
    assert not can(None, "courses.course.view", course)
    assert not can(officer, "courses.course.view", course)
    assert not can(officer, "courses.course.enrol", course)
    assert can(course.instructors[0], "courses.course.view", course)


VIEW = {"anonymous": 404, "pending": "status", "member": 404, "officer": 200,
        "other_instructor": 404, "instructor": 200, "moderator": 200, "admin": 200}
LOGIN_FIRST = {"anonymous": "login", "pending": "status"}
EDIT_GET = {**LOGIN_FIRST, "member": 404, "officer": 403, "other_instructor": 404,
            "instructor": 200, "moderator": 403, "admin": 200}
EDIT_POST = {**EDIT_GET, "instructor": 302, "admin": 302}
LEARN_POST = {**LOGIN_FIRST, "member": 404, "officer": 403, "other_instructor": 404,
              "instructor": 403, "moderator": 403, "admin": 403}

ROUTES = [
    ("GET", "/courses/", {"pending": "status", "*": 200}),
    ("GET", "/courses/mine", {**LOGIN_FIRST, "*": 200}),
    ("GET", "/courses/{slug}", VIEW),
    ("GET", "/courses/{slug}/lessons/{lesson}", VIEW),
    ("GET", "/courses/{slug}/attachments/{file}", VIEW),
    ("GET", "/courses/{slug}/quizzes/{module}", VIEW),
    ("GET", "/courses/{slug}/offline", VIEW),
    ("POST", "/courses/{slug}/enrol", {**LOGIN_FIRST, "member": 404, "officer": 302,
                                       "other_instructor": 404, "instructor": 403,
                                       "moderator": 302, "admin": 302}),
    ("POST", "/courses/{slug}/lessons/{lesson}/done", LEARN_POST),
    ("POST", "/courses/{slug}/quizzes/{module}", {**LEARN_POST, "anonymous": 404,
                                                  "instructor": 200, "admin": 200}),
    ("GET", "/courses/{slug}/quizzes/{module}/result", {**LEARN_POST, "officer": 404,
                                                        "instructor": 404, "moderator": 404,
                                                        "admin": 404}),
    ("GET", "/courses/teach", {**LOGIN_FIRST, "member": 403, "officer": 403, "*": 200}),
    ("GET", "/courses/new", {**LOGIN_FIRST, "member": 403, "officer": 403, "*": 200}),
    ("GET", "/courses/{slug}/edit", EDIT_GET),
    ("POST", "/courses/{slug}/publish", EDIT_POST),
    ("POST", "/courses/{slug}/delete", EDIT_POST),
    ("POST", "/courses/{slug}/modules", EDIT_POST),
    ("GET", "/courses/{slug}/modules/{module}", EDIT_GET),
    ("POST", "/courses/{slug}/modules/{module}/move", EDIT_POST),
    ("POST", "/courses/{slug}/modules/{module}/delete", EDIT_POST),
    ("GET", "/courses/{slug}/modules/{module}/lessons/new", EDIT_GET),
    ("GET", "/courses/{slug}/lessons/{lesson}/edit", EDIT_GET),
    ("POST", "/courses/{slug}/lessons/{lesson}/move", EDIT_POST),
    ("POST", "/courses/{slug}/lessons/{lesson}/delete", EDIT_POST),
    ("POST", "/courses/{slug}/lessons/{lesson}/attachments", {**EDIT_POST, "instructor": 400,
                                                              "admin": 400}),
    ("POST", "/courses/{slug}/lessons/{lesson}/attachments/{file}/delete", EDIT_POST),
    ("GET", "/courses/{slug}/modules/{module}/quiz", EDIT_GET),
    ("GET", "/courses/{slug}/modules/{module}/quiz/questions/new", EDIT_GET),
    ("GET", "/courses/{slug}/questions/{question}", EDIT_GET),
    ("POST", "/courses/{slug}/questions/{question}/move", EDIT_POST),
    ("POST", "/courses/{slug}/questions/{question}/delete", EDIT_POST),
    ("GET", "/certificates/", {"pending": "status", "*": 200}),
    ("GET", "/certificates/AAAA-BBBB-CCCC-DDDD", {"pending": "status", "*": 404}),
]


@pytest.mark.parametrize("method,path,expected", ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
@pytest.mark.parametrize("who", ORDER)
def test_route_matrix(client, auth, setting, who, method, path, expected):
    user, course, lesson, attachment = setting(who)
    if user is not None:
        assert auth.login(user).status_code == 302
    module = course.modules[0]
    url = path.format(slug=course.slug, lesson=lesson.id, file=attachment.id, module=module.id,
                      question=module.quiz.questions[0].id)
    data = {"state": "off", "direction": "down", "title": "A module"} if method == "POST" \
        else None
    if path.endswith("/quizzes/{module}") and method == "POST":
        question = module.quiz.questions[0]
        data = {f"q{question.id}": str(question.options[0].id)}
    response = client.open(url, method=method, data=data)
    response.close()  # a file download holds its file open until then
    want = expected.get(who, expected.get("*"))
    if want == "login":
        assert response.status_code == 302 and "/auth/login" in response.headers["Location"]
    elif want == "status":
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/account/status")
    else:
        assert response.status_code == want, (who, response.get_data(as_text=True)[:300])
