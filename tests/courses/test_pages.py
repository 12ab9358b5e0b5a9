"""Course pages: bounded SQL queries, page-weight budgets, Arabic layout."""
from __future__ import annotations

import pytest

from tests.courses.conftest import quiz_answers
from tests.vfac.test_pages import FIRST_VISIT_BUDGET, HTML_BUDGET, assets_of, gzipped_size


def pages(course):
    lesson = course.modules[0].lessons[0]
    return {"catalogue": "/courses/", "course": f"/courses/{course.slug}",
            "lesson": f"/courses/{course.slug}/lessons/{lesson.id}",
            "quiz": f"/courses/{course.slug}/quizzes/{course.modules[0].id}"}


def queries_for(client, count_queries, url):
    with count_queries() as counter:
        assert client.get(url).status_code == 200
    return counter["n"]


@pytest.mark.parametrize("page", ["catalogue", "course", "lesson", "quiz"])
def test_query_count_does_not_grow(client, auth, make_user, make_course, count_queries, page):
    learner = make_user()
    small = make_course(modules=1, lessons=1, questions=1)
    auth.login(learner)
    client.post(f"/courses/{small.slug}/enrol")
    before = queries_for(client, count_queries, pages(small)[page])
    # more courses, modules, lessons, questions and other learners with progress
    big = make_course(modules=6, lessons=5, questions=4)
    for _ in range(4):
        make_course(modules=3, lessons=3)
    client.post(f"/courses/{big.slug}/enrol")
    for lesson in [le for m in big.modules for le in m.lessons][:7]:
        client.post(f"/courses/{big.slug}/lessons/{lesson.id}/done")
    client.post(f"/courses/{big.slug}/quizzes/{big.modules[0].id}", data=quiz_answers(big))
    after = queries_for(client, count_queries, pages(big)[page])
    assert after <= before, (page, before, after)
    assert after <= 25, (page, after)


@pytest.mark.parametrize("page", ["catalogue", "course", "lesson", "quiz"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_page_weight_budget(client, auth, make_user, make_course, page, language):
    course = make_course(modules=6, lessons=5, questions=5)
    for _ in range(12):
        make_course()
    auth.login(make_user(language=language))
    client.post(f"/courses/{course.slug}/enrol")
    url = pages(course)[page]
    html_size = gzipped_size(client, url)
    assert html_size <= HTML_BUDGET, (url, html_size)
    html = client.get(url).get_data(as_text=True)
    total = html_size + sum(gzipped_size(client, a) for a in set(assets_of(html)))
    assert total <= FIRST_VISIT_BUDGET, (url, total)


def test_course_pages_are_right_to_left_in_arabic(client, auth, make_user, make_course):
    course = make_course(language="en")
    auth.login(make_user(language="ar"))
    html = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert '<article class="course" lang="en" dir="auto">' in html  # the course keeps its own language
