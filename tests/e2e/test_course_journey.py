"""In a real browser: enrol, read a lesson, pass the quiz, download the certificate, verify it."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from tests.e2e.test_member_journey import PASSWORD, log_in, run_in_app, watch

pytestmark = pytest.mark.e2e


def make_course(env: dict) -> None:
    run_in_app(env, f"""
from accounts.models import Profession, Role
from accounts.services import NewMember, create_member
from courses.models import Level
from courses.services import authoring as a
from vfac.models import Visibility
t = create_member(None, NewMember("teacher", "teacher@example.org", {PASSWORD!r}, "Claire Dubois",
    "SN", "École nationale de police", Profession.POLICE, "fr", role=Role.INSTRUCTOR))
create_member(None, NewMember("kofi", "kofi@example.org", {PASSWORD!r}, "Kofi Mensah", "GH",
    "Ghana Police Service", Profession.POLICE, "en"))
c = a.create_course(t, a.CourseInput("Seizing a phone", "seizing-a-phone", "First steps.",
    "Isolate the phone", ("electronic-evidence",), "en", Level.BEGINNER, ("police",), 2,
    Visibility.RESTRICTED))
m = a.add_module(t, c, a.ModuleInput("At the scene"))
a.add_lesson(t, m, a.LessonInput("Isolate the phone", "Put it in **airplane mode** or a Faraday bag."))
q = a.save_quiz(t, m, a.QuizInput(100, 0, 0))
a.add_question(t, q, a.QuestionInput("single", "What do you do first?", (
    a.OptionInput("Browse the photos", False, "Never browse the device."),
    a.OptionInput("Isolate it from the network", True, "Right: no remote wiping."))))
a.set_published(t, c, True)
from vfac import unit_of_work
unit_of_work.commit()""")


def test_enrol_lesson_quiz_certificate(server, browser, output_dir):
    base, env, _ = server
    make_course(env)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    problems = watch(page, base)
    page.goto(base + "/auth/login")
    log_in(page, "kofi")
    page.wait_for_url(re.compile(r".*/$"))

    page.goto(base + "/courses/?topic=electronic-evidence&level=beginner")
    page.click("text=Seizing a phone")
    page.click("text=Enrol in this course")
    page.click(".syllabus a:has-text('Isolate the phone')")
    assert page.locator(".prose strong").inner_text() == "airplane mode"
    page.click("text=Mark as done")
    page.goto(base + "/courses/seizing-a-phone")
    page.click("a:has-text('Quiz')")
    assert "Right:" not in page.content()  # no answer or feedback before submitting
    page.check("text=Browse the photos")
    page.click("text=Submit my answers")
    assert "Never browse the device." in page.content()
    page.click("text=Try again")
    page.check("text=Isolate it from the network")
    page.click("text=Submit my answers")
    assert "Right: no remote wiping." in page.content()

    page.goto(base + "/courses/mine")
    page.click("text=Seizing a phone >> nth=-1")  # the certificate link
    assert page.locator(".verify-ok").is_visible()
    page.screenshot(path=str(output_dir / "certificate.png"), full_page=True)
    with page.expect_download() as download:
        page.click("text=Download as PDF")
    pdf = download.value.path().read_bytes()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    code = re.search(r"[2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){3}", text).group(0)
    assert "Kofi Mensah" in text

    visitor = browser.new_page()  # anyone can verify it, without an account
    visitor.goto(base + "/certificates/")
    visitor.fill("#code", code.lower())
    visitor.click("form.inline-search button")
    assert visitor.locator(".verify-ok").is_visible()
    assert "Kofi Mensah" in visitor.content()
    visitor.close()
    context.close()
    assert problems == []
