"""The instructor's editor through the client, and its bad input: a message, nothing changed."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from accounts.models import Role
from courses.models import Attachment, Course, Lesson, Module, Question
from tests.pdfs import document
from vfac.extensions import db

GOOD = {"title": "Live data forensics", "slug": "live-data-forensics",
        "summary": "Capturing volatile data.", "outcomes": "Capture RAM\nDocument it",
        "topics": ["electronic-evidence"], "language": "en", "level": "intermediate",
        "audience": ["police"], "hours": "8", "visibility": "restricted", "instructors": ""}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_instructor_writes_orders_previews_and_publishes(client, auth, make_user):
    teacher = make_user(Role.INSTRUCTOR)
    auth.login(teacher)
    response = client.post("/courses/new", data=GOOD)
    assert response.status_code == 302
    course = db.session.scalar(select(Course))
    assert course.title == "Live data forensics" and not course.is_published
    assert [u.id for u in course.instructors] == [teacher.id]

    for title in ("Acquisition", "Analysis"):
        client.post(f"/courses/{course.slug}/modules", data={"title": title})
    first, second = db.session.scalars(select(Module).order_by(Module.position)).all()
    client.post(f"/courses/{course.slug}/modules/{second.id}/move", data={"direction": "up"})
    assert [m.title for m in db.session.scalars(select(Module).order_by(Module.position))] == \
        ["Analysis", "Acquisition"]

    # publishing an empty course is refused with a message
    page = client.post(f"/courses/{course.slug}/publish", data={"state": "on"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Add at least one lesson before publishing." in page
    client.post(f"/courses/{course.slug}/modules/{first.id}/lessons/new", data={
        "title": "Order of volatility", "body": "## Why\n<script>alert(1)</script> *RAM* first"})
    lesson = db.session.scalar(select(Lesson))
    assert "<script" not in lesson.body_html and "<em>RAM</em>" in lesson.body_html

    client.post(f"/courses/{course.slug}/modules/{first.id}/quiz",
                data={"pass_mark": "60", "max_attempts": "3", "cooldown_minutes": "10"})
    response = client.post(f"/courses/{course.slug}/modules/{first.id}/quiz/questions/new", data={
        "kind": "multiple", "text": "Which are volatile?",
        "options-0-text": "RAM", "options-0-is_correct": "y", "options-0-feedback": "Yes",
        "options-1-text": "Network connections", "options-1-is_correct": "y",
        "options-2-text": "A powered-off hard disk", "options-2-feedback": "It keeps its data"})
    assert response.status_code == 302
    question = db.session.scalar(select(Question))
    assert [o.is_correct for o in question.options] == [True, True, False]

    preview = client.get(f"/courses/{course.slug}/lessons/{lesson.id}").get_data(as_text=True)
    assert "Preview of a draft" in preview
    client.post(f"/courses/{course.slug}/publish", data={"state": "on"})
    db.session.expire_all()
    assert db.session.get(Course, course.id).is_published


@pytest.mark.parametrize("field,value,message", [
    ("slug", "Not A Slug!", "Use lower-case letters, digits and single hyphens only."),
    ("hours", "0", "Between 1 and 500 hours."),
    ("hours", "many", "Enter a whole number."),
    ("topics", [], "Choose at least one topic."),
    ("topics", ["astrology"], "Choose topics from the list."),
    ("language", "xx", "Choose one of the listed languages."),
    ("visibility", "secret", "Choose one of the listed options."),
    ("title", "", "This field is required."),
    ("instructors", "nobody-here", "Every co-instructor must be an existing member"),
])
def test_course_form_bad_input(client, auth, make_user, field, value, message):
    auth.login(make_user(Role.INSTRUCTOR))
    response = client.post("/courses/new", data={**GOOD, field: value})
    assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert count(Course) == 0


def test_course_form_speaks_the_users_language(client, auth, make_user):
    auth.login(make_user(Role.INSTRUCTOR, language="fr"))
    html = client.post("/courses/new", data={**GOOD, "hours": "0"}).get_data(as_text=True)
    assert "Between 1 and 500 hours." not in html and 'lang="fr"' in html
    assert count(Course) == 0


def test_slug_taken(client, auth, make_user, make_course):
    existing = make_course()
    auth.login(existing.instructors[0])
    html = client.post("/courses/new", data={**GOOD, "slug": existing.slug}).get_data(as_text=True)
    assert "Another course already uses this address." in html
    assert count(Course) == 1


@pytest.mark.parametrize("options,message", [
    ({"options-0-text": "A", "options-1-text": "B"}, "Mark exactly one option as correct."),
    ({"options-0-text": "A", "options-0-is_correct": "y"}, "Give at least two options."),
])
def test_question_bad_input(client, auth, make_course, options, message):
    course = make_course(published=False)
    auth.login(course.instructors[0])
    before = count(Question)
    html = client.post(f"/courses/{course.slug}/modules/{course.modules[0].id}/quiz/questions/new",
                       data={"kind": "single", "text": "Q?", **options},
                       follow_redirects=True).get_data(as_text=True)
    assert message in html
    assert count(Question) == before


def test_true_false_options_are_written_in_the_courses_language(client, auth, make_course):
    course = make_course(published=False, language="fr")
    auth.login(course.instructors[0])
    client.post(f"/courses/{course.slug}/modules/{course.modules[0].id}/quiz/questions/new",
                data={"kind": "truefalse", "text": "La RAM est volatile.",
                      "options-0-is_correct": "y"})
    question = db.session.scalar(select(Question).where(Question.kind == "truefalse"))
    assert [(o.text, o.is_correct) for o in question.options] == [("Vrai", True), ("Faux", False)]


@pytest.mark.parametrize("name,data,message", [
    ("notes.pdf", b"<html><script>alert(1)</script></html>", "Only PDF documents"),
    ("tool.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "Only PDF documents"),
    ("empty.pdf", b"", "The file is empty."),
    ("image.svg", b"<svg onload='alert(1)'/>", "Only PDF documents"),
])
def test_attachment_attacks_are_refused_and_nothing_is_stored(client, app, auth, make_course,
                                                              name, data, message):
    course = make_course(published=False)
    lesson = course.modules[0].lessons[0]
    auth.login(course.instructors[0])
    response = client.post(f"/courses/{course.slug}/lessons/{lesson.id}/attachments",
                           data={"file": (io.BytesIO(data), name)},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert count(Attachment) == 0


def test_attachment_stored_under_a_random_name_and_served_as_download(client, app, auth,
                                                                     make_course):
    course = make_course()
    lesson = course.modules[0].lessons[0]
    auth.login(course.instructors[0])
    client.post(f"/courses/{course.slug}/lessons/{lesson.id}/attachments",
                data={"file": (io.BytesIO(document()), "../../etc/passwd.pdf")},
                content_type="multipart/form-data")
    item = db.session.scalar(select(Attachment))
    assert item.original_name == "passwd.pdf" and "/" not in item.stored_name
    response = client.get(f"/courses/{course.slug}/attachments/{item.id}")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response.headers["Content-Security-Policy"]
    response.close()


def test_oversized_attachment(client, app, auth, make_course):
    course = make_course(published=False)
    lesson = course.modules[0].lessons[0]
    auth.login(course.instructors[0])
    app.config["COURSE_ATTACHMENT_MAX_BYTES"] = 1024
    try:
        response = client.post(f"/courses/{course.slug}/lessons/{lesson.id}/attachments",
                               data={"file": (io.BytesIO(b"%PDF-" + b"0" * 2000), "big.pdf")},
                               content_type="multipart/form-data")
    finally:
        app.config["COURSE_ATTACHMENT_MAX_BYTES"] = 10 * 1024 * 1024
    assert response.status_code == 400 and "larger than" in response.get_data(as_text=True)
    assert count(Attachment) == 0


@pytest.mark.parametrize("url", [
    "/courses/?level=expert", "/courses/?topic=astrology", "/courses/?language=xx",
    "/courses/?audience=spies", "/courses/?before=abc", "/courses/?before=-1",
    "/courses/no-such-course", "/courses/no-such-course/lessons/1",
    "/courses/no-such-course/offline", "/certificates/%00%00",
])
def test_bad_parameters_are_400_or_404(client, url):
    assert client.get(url).status_code in (400, 404)


def test_bad_move_direction(client, auth, make_course):
    course = make_course(published=False)
    auth.login(course.instructors[0])
    response = client.post(f"/courses/{course.slug}/modules/{course.modules[0].id}/move",
                           data={"direction": "sideways"})
    assert response.status_code == 400


def test_catalogue_search_with_odd_text(client, make_course):
    make_course(title="Cloud evidence 100%")
    for q in ("100%", "_", "\\", '"', "NEAR(", "x" * 5000, "%_%"):
        assert client.get("/courses/", query_string={"q": q}).status_code == 200
    assert "Cloud evidence" in client.get("/courses/?q=100%25").get_data(as_text=True)
    assert "Cloud evidence" not in client.get("/courses/?q=NEAR").get_data(as_text=True)
    # "_" holds no word to look for: the whole catalogue, as in the library
    assert "Cloud evidence" in client.get("/courses/?q=_").get_data(as_text=True)


def test_lesson_done_never_redirects_off_site(client, auth, make_user, make_course):
    course = make_course()
    lesson = course.modules[0].lessons[0]
    auth.login(make_user())
    client.post(f"/courses/{course.slug}/enrol")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post(f"/courses/{course.slug}/lessons/{lesson.id}/done",
                               data={"next_url": target})
        assert response.headers["Location"].endswith(f"/courses/{course.slug}")


@pytest.mark.parametrize("code", ["", "x", "ABCD-EFGH", "<script>", "A" * 500])
def test_certificate_lookup_with_odd_codes(client, code):
    response = client.get("/certificates/", query_string={"code": code}, follow_redirects=True)
    assert response.status_code in (200, 404)
    assert "<script>" not in response.get_data(as_text=True).split("<main", 1)[1]
