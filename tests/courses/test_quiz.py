"""Quizzes: scoring on the server only, and tampering rejected with nothing stored."""
from __future__ import annotations

from sqlalchemy import func, select

from courses.models import QuizAttempt
from tests.courses.conftest import quiz_answers
from vfac.extensions import db


def attempts() -> int:
    return db.session.scalar(select(func.count()).select_from(QuizAttempt))


def enrolled(client, auth, make_user, course):
    auth.login(make_user())
    client.post(f"/courses/{course.slug}/enrol")
    return f"/courses/{course.slug}/quizzes/{course.modules[0].id}"


def test_the_quiz_page_does_not_say_which_answer_is_right(client, auth, make_user, make_course):
    course = make_course()
    url = enrolled(client, auth, make_user, course)
    html = client.get(url).get_data(as_text=True)
    assert "Right answer" in html and "Wrong answer" in html
    assert "because" not in html  # no feedback before answering
    assert "correct" not in html.lower().replace("is_correct", "")


def test_option_of_another_question_is_rejected(client, auth, make_user, make_course):
    course = make_course(questions=2)
    url = enrolled(client, auth, make_user, course)
    q1, q2 = course.modules[0].quiz.questions
    response = client.post(url, data={f"q{q1.id}": str(q2.options[0].id),
                                      f"q{q2.id}": str(q2.options[0].id)})
    assert response.status_code == 400
    assert attempts() == 0


def test_question_of_another_quiz_is_rejected(client, auth, make_user, make_course):
    course = make_course(modules=2)
    url = enrolled(client, auth, make_user, course)
    data = quiz_answers(course, 0) | quiz_answers(course, 1)
    assert client.post(url, data=data).status_code == 400
    assert attempts() == 0


def test_garbage_ids_are_a_bad_request(client, auth, make_user, make_course):
    course = make_course()
    url = enrolled(client, auth, make_user, course)
    for data in ({"qx": "1"}, {"q": "1"}, {f"q{course.modules[0].quiz.questions[0].id}": "-1"},
                 {f"q{course.modules[0].quiz.questions[0].id}": "1" * 30}):
        assert client.post(url, data=data).status_code == 400
    assert attempts() == 0


def test_two_answers_to_a_single_choice_question_is_not_an_attempt(client, auth, make_user,
                                                                   make_course):
    course = make_course(questions=1)
    url = enrolled(client, auth, make_user, course)
    question = course.modules[0].quiz.questions[0]
    response = client.post(url, data={f"q{question.id}": [str(o.id) for o in question.options]})
    assert response.status_code == 200
    assert "Choose one answer." in response.get_data(as_text=True)
    assert attempts() == 0


def test_unanswered_questions_bring_the_form_back(client, auth, make_user, make_course):
    course = make_course(questions=2)
    url = enrolled(client, auth, make_user, course)
    first = course.modules[0].quiz.questions[0]
    response = client.post(url, data={f"q{first.id}": str(first.options[0].id)})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Answer this question." in html
    assert f'value="{first.options[0].id}" id="o{first.options[0].id}" checked' in html
    assert attempts() == 0


def test_second_attempt_during_cool_down_is_rejected(client, auth, make_user, make_course):
    course = make_course(cooldown=30)
    url = enrolled(client, auth, make_user, course)
    client.post(url, data=quiz_answers(course, right=False))
    response = client.post(url, data=quiz_answers(course), follow_redirects=True)
    assert "You can try this quiz again from" in response.get_data(as_text=True)
    assert attempts() == 1


def test_attempt_limit(client, auth, make_user, make_course):
    course = make_course(max_attempts=1)
    url = enrolled(client, auth, make_user, course)
    client.post(url, data=quiz_answers(course, right=False))
    response = client.post(url, data=quiz_answers(course), follow_redirects=True)
    assert "You have used all 1 attempts" in response.get_data(as_text=True)
    assert attempts() == 1


def test_answers_for_a_course_not_enrolled_in_are_refused(client, auth, make_user, make_course):
    course = make_course()
    auth.login(make_user())
    response = client.post(f"/courses/{course.slug}/quizzes/{course.modules[0].id}",
                           data=quiz_answers(course))
    assert response.status_code == 403
    assert attempts() == 0


def test_an_instructor_tries_the_quiz_without_it_being_recorded(client, auth, make_user,
                                                                make_course):
    course = make_course()
    auth.login(course.instructors[0])
    response = client.post(f"/courses/{course.slug}/quizzes/{course.modules[0].id}",
                           data=quiz_answers(course))
    assert response.status_code == 200 and "Yes, because." in response.get_data(as_text=True)
    assert attempts() == 0


def test_multiple_choice_is_all_or_nothing():
    from courses.quiz import KINDS

    class O:
        def __init__(self, id, is_correct):
            self.id, self.is_correct = id, is_correct

    options = [O(1, True), O(2, True), O(3, False)]
    kind = KINDS["multiple"]
    assert kind.is_right(options, {1, 2})
    assert not kind.is_right(options, {1})
    assert not kind.is_right(options, {1, 2, 3})
    assert KINDS["single"].authoring_error([True, True]) is not None
    assert KINDS["truefalse"].authoring_error([True, False, False]) is not None
    assert KINDS["multiple"].authoring_error([False, False]) is not None
