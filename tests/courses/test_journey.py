"""The learner's journey through the test client: catalogue to verified certificate."""
from __future__ import annotations

import io
import re

from flask_babel import force_locale, gettext
from pypdf import PdfReader
from sqlalchemy import func, select

from courses.models import Certificate, Enrolment, LessonCompletion, Level, QuizAttempt
from tests.courses.conftest import quiz_answers
from vfac.extensions import db
from vfac.models import Visibility


def test_officer_goes_from_catalogue_to_verified_certificate(client, auth, make_user,
                                                             make_course):
    course = make_course(Visibility.MEMBERS, modules=2, lessons=2, questions=2, pass_mark=100,
                         title="Saisie des preuves", language="fr")
    make_course(Visibility.PUBLIC, level=Level.ADVANCED, topics=("legislation",),
                title="Other course")
    officer = make_user(language="fr", full_name="Aminata Ndiaye")
    auth.login(officer)

    # the catalogue in French, filtered "electronic evidence · beginner"
    page = client.get("/courses/?topic=electronic-evidence&level=beginner").get_data(as_text=True)
    assert "Saisie des preuves" in page and "Other course" not in page
    assert 'lang="fr"' in page

    assert client.post(f"/courses/{course.slug}/enrol").status_code == 302
    page = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "0%" in page.replace("\u202f", "").replace("\xa0", "")

    lessons = [le for m in course.modules for le in m.lessons]
    first = client.get(f"/courses/{course.slug}/lessons/{lessons[0].id}").get_data(as_text=True)
    assert "<strong>lesson</strong>" in first  # the Markdown rendered once, at write time
    assert f"/forum/ask?lesson={lessons[0].id}" in first
    assert f"/courses/{course.slug}/lessons/{lessons[1].id}" in first  # next
    for lesson in lessons:
        client.post(f"/courses/{course.slug}/lessons/{lesson.id}/done")
    assert db.session.scalar(select(func.count()).select_from(LessonCompletion)) == 4

    # module 1: a failed attempt with feedback, then a retry that passes
    response = client.post(f"/courses/{course.slug}/quizzes/{course.modules[0].id}",
                           data=quiz_answers(course, 0, right=False))
    assert response.status_code == 302 and response.headers["Location"].endswith("/result")
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "No, because." in result and "0%" in result.replace("\u202f", "").replace("\xa0", "")
    client.post(f"/courses/{course.slug}/quizzes/{course.modules[0].id}",
                data=quiz_answers(course, 0))
    # module 2 passes at once and completes the course
    response = client.post(f"/courses/{course.slug}/quizzes/{course.modules[1].id}",
                           data=quiz_answers(course, 1))
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Yes, because." in result

    enrolment = db.session.scalar(select(Enrolment).where(Enrolment.user_id == officer.id))
    assert enrolment.completed_at is not None
    cert = db.session.scalar(select(Certificate).where(Certificate.user_id == officer.id))
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}", cert.code)
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 3

    pdf = client.get(f"/certificates/{cert.code}.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "attachment" in pdf.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(pdf.get_data()))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert cert.code in text and "Aminata Ndiaye" in text and "Saisie des preuves" in text

    auth.logout()  # verification is public
    page = client.get(f"/certificates/{cert.code.lower().replace('-', '')}")
    assert page.status_code == 200 and "Aminata Ndiaye" in page.get_data(as_text=True)
    assert "<svg" in page.get_data(as_text=True)  # the QR code, drawn on the server
    unknown = client.get("/certificates/AAAA-BBBB-CCCC-DDDD")
    assert unknown.status_code == 404 and "verify-unknown" in unknown.get_data(as_text=True)


def test_certificate_pdf_carries_arabic_and_chinese_names(client, make_user, make_course):
    from courses.services import learning

    for name, language in (("عمر خليل", "ar"), ("王丽", "zh")):
        course = make_course(questions=0, modules=1, lessons=1, language=language)
        learner = make_user(full_name=name)
        learning.enrol(learner, course)
        cert = learning.complete_lesson(learner, course.modules[0].lessons[0])
        pdf = client.get(f"/certificates/{cert.code}.pdf")
        assert pdf.status_code == 200
        fonts = {str(f) for page in PdfReader(io.BytesIO(pdf.get_data())).pages
                 for f in page["/Resources"]["/Font"].values()}
        text = PdfReader(io.BytesIO(pdf.get_data())).pages[0].extract_text()
        assert cert.code in text
        assert len(fonts) >= 2  # the Latin font and the Arabic or CJK fallback were embedded


def test_offline_pack_is_one_self_contained_file(app, client, make_course):
    course = make_course(Visibility.PUBLIC, language="fr")
    response = client.get(f"/courses/{course.slug}/offline")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    html = response.get_data(as_text=True)
    assert '<html lang="fr"' in html and "<style>" in html
    assert "<script" not in html and 'src="http' not in html and 'href="http' not in html
    assert "Lesson 2.2" in html and "Question 2.2?" in html and "Right answer" in html
    # the quizzes count towards the certificate: their answer key stays on the server
    assert "Yes, because." not in html and "No, because." not in html and "✓" not in html
    assert "<details>" not in html
    note = ("These are the module's quiz questions, to prepare with. The quiz counts towards "
            "the certificate, so its answers are not in this copy: take it online to see how "
            "you did.")
    with app.test_request_context(), force_locale("fr"):  # the course's language, not the UI's
        translated = gettext(note)
    assert translated != note and translated in html


def test_prerequisites_block_enrolment_with_a_message(client, auth, make_user, make_course):
    basics = make_course(title="Basics")
    advanced = make_course(title="Advanced", prerequisites=[basics])
    auth.login(make_user())
    page = client.get(f"/courses/{advanced.slug}").get_data(as_text=True)
    assert "Basics" in page and f"/courses/{advanced.slug}/enrol" not in page
    response = client.post(f"/courses/{advanced.slug}/enrol", follow_redirects=True)
    assert "Complete these courses before enrolling: Basics." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Enrolment)) == 0


def test_best_attempt_counts(client, auth, make_user, make_course):
    course = make_course(modules=1, questions=2, pass_mark=50)
    learner = make_user()
    auth.login(learner)
    client.post(f"/courses/{course.slug}/enrol")
    quiz_url = f"/courses/{course.slug}/quizzes/{course.modules[0].id}"
    client.post(quiz_url, data=quiz_answers(course, 0))  # 100 %
    client.post(quiz_url, data=quiz_answers(course, 0, right=False))  # 0 %
    page = client.get(f"/courses/{course.slug}").get_data(as_text=True)
    assert "100" in page and "best score" in page
