"""Demo courses for `make run`, written through the same services an instructor uses.

The texts live in courses/demo_content/ (one file per course). Idempotent: a course whose
address exists is left as it is. Then one learner is part-way through a course and another
has finished one, so progress bars and a certificate can be seen at once.
"""
from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import select

from accounts.models import User
from courses.models import Course, Level
from courses.services import authoring, learning
from courses.services.catalogue import quiz_with_options
from vfac.extensions import db
from vfac.models import Visibility

CONTENT = Path(__file__).parent / "demo_content"
FILES = ("first_responder.py", "budapest_fr.py", "cooperation_ru.py")


def _user(username: str) -> User | None:
    return db.session.execute(select(User).where(User.username == username)).scalar_one_or_none()


def _create(author: User, data: dict) -> Course:
    course = authoring.create_course(author, authoring.CourseInput(
        title=data["title"], slug=data["slug"], summary=data["summary"],
        outcomes="\n".join(data["outcomes"]), topics=tuple(data["topics"]),
        language=data["language"], level=Level(data["level"]), audience=tuple(data["audience"]),
        hours=data["hours"], visibility=Visibility(data["visibility"])))
    for module_data in data["modules"]:
        module = authoring.add_module(author, course, authoring.ModuleInput(
            module_data["title"], module_data.get("summary", "")))
        for lesson in module_data["lessons"]:
            authoring.add_lesson(author, module, authoring.LessonInput(lesson["title"],
                                                                       lesson["body"]))
        quiz_data = module_data.get("quiz")
        if quiz_data:
            quiz = authoring.save_quiz(author, module, authoring.QuizInput(
                quiz_data.get("pass_mark", 70), 0, quiz_data.get("cooldown_minutes", 0)))
            for q in quiz_data["questions"]:
                authoring.add_question(author, quiz, authoring.QuestionInput(q["kind"], q["text"], tuple(
                    authoring.OptionInput(o["text"], o["correct"], o.get("feedback", ""))
                    for o in q["options"])))
    authoring.set_published(author, course, True)
    return course


def _finish(learner: User, course: Course, lessons: int | None = None) -> None:
    """Enrol and do the first `lessons` lessons (all, and pass every quiz, when None)."""
    learning.enrol(learner, course)
    todo = [le for m in course.modules for le in m.lessons]
    for lesson in todo[:lessons] if lessons is not None else todo:
        learning.complete_lesson(learner, lesson)
    if lessons is None:
        for module in course.modules:
            quiz = quiz_with_options(module.quiz.id) if module.quiz else None
            if quiz is not None and quiz.questions:
                learning.submit_attempt(learner, quiz, {
                    q.id: {o.id for o in q.options if o.is_correct} for q in quiz.questions})


def seed() -> Iterator[str]:
    author = _user("instructor")
    if author is None:
        yield "courses: no demo instructor, skipped"
        return
    created = {}
    for name in FILES:
        data = runpy.run_path(str(CONTENT / name))["COURSE"]
        if db.session.execute(select(Course.id).where(Course.slug == data["slug"])).first():
            yield f"course {data['slug']}: exists"
            continue
        created[data["slug"]] = _create(author, data)
        yield f"course {data['slug']}: created"
    officer, academic = _user("officer"), _user("academic")
    if officer and "first-responder-electronic-evidence" in created:
        _finish(officer, created["first-responder-electronic-evidence"], lessons=3)
        yield "officer: part-way through the first-responder course"
    if academic and "legislation-convention-de-budapest" in created:
        _finish(academic, created["legislation-convention-de-budapest"])
        yield "academic: completed the Budapest Convention course (certificate issued)"
