"""Course factories: a published course with modules, lessons and a quiz per module."""
from __future__ import annotations

import pytest

from accounts.models import Role
from courses.models import Course, Level
from courses.services import authoring
from vfac.extensions import db
from vfac.models import Visibility


@pytest.fixture
def make_course(make_user):
    """Factory: make_course(visibility=..., modules=2, lessons=2, questions=2, author=...)."""
    counter = iter(range(1, 10_000))

    def make(visibility: Visibility = Visibility.PUBLIC, *, modules: int = 2, lessons: int = 2,
             questions: int = 2, author=None, published: bool = True, language: str = "en",
             level: Level = Level.BEGINNER, topics=("electronic-evidence",),
             audience=("police",), prerequisites=(), pass_mark: int = 100,
             max_attempts: int = 0, cooldown: int = 0, title: str | None = None) -> Course:
        n = next(counter)
        author = author or make_user(Role.INSTRUCTOR, username=f"author{n}")
        course = authoring.create_course(author, authoring.CourseInput(
            title=title or f"Course {n}", slug=f"course-{n}", summary=f"Summary of course {n}",
            outcomes="First outcome\nSecond outcome", topics=tuple(topics), language=language,
            level=level, audience=tuple(audience), hours=4, visibility=visibility,
            prerequisites=tuple(c.id for c in prerequisites)))
        for m in range(modules):
            module = authoring.add_module(author, course, authoring.ModuleInput(f"Module {m + 1}"))
            for le in range(lessons):
                authoring.add_lesson(author, module, authoring.LessonInput(
                    f"Lesson {m + 1}.{le + 1}", f"Text of **lesson** {m + 1}.{le + 1}"))
            if questions:
                quiz = authoring.save_quiz(author, module, authoring.QuizInput(
                    pass_mark, max_attempts, cooldown))
                for q in range(questions):
                    authoring.add_question(author, quiz, authoring.QuestionInput(
                        "single", f"Question {m + 1}.{q + 1}?", (
                            authoring.OptionInput("Right answer", True, "Yes, because."),
                            authoring.OptionInput("Wrong answer", False, "No, because."))))
        if published:
            authoring.set_published(author, course, True)
        db.session.commit()  # the end of a unit of work: the course is indexed
        return course

    return make


def quiz_answers(course: Course, module_index: int = 0, right: bool = True) -> dict[str, list]:
    """Form data answering every question of a module's quiz, all right or all wrong."""
    quiz = course.modules[module_index].quiz
    return {f"q{q.id}": [str(o.id) for o in q.options if o.is_correct is right][:1]
            for q in quiz.questions}
