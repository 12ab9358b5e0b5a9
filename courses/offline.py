"""The offline pack: a whole course as one HTML file to study without a connection.

Everything is inside the file: the stylesheet, images as data: URIs, PDFs as downloadable
data: links (up to a size), and the quizzes as self-check questions that open with
<details>, so no script is needed. A CSP in the file itself forbids scripts and requests.
"""
from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from courses.models import Attachment, Course, Lesson, Module, Question, Quiz
from courses.services.authoring import upload_path
from vfac.extensions import db
from vfac.i18n import babel_locale


def _data_uri(attachment: Attachment) -> str | None:
    path = upload_path(attachment)
    if attachment.size > current_app.config["OFFLINE_PACK_MAX_FILE_BYTES"] or not path.is_file():
        return None
    return f"data:{attachment.content_type};base64," + \
        base64.b64encode(path.read_bytes()).decode("ascii")


@lru_cache(maxsize=2)
def _stylesheet(root: str) -> str:
    return (Path(root) / "static" / "offline.css").read_text()


def render_pack(course: Course) -> str:
    """The course's lessons and self-check questions, in the course's language."""
    # one query each for attachments and quiz options, whatever the size of the course
    db.session.execute(select(Module).where(Module.course_id == course.id).options(
        selectinload(Module.lessons).selectinload(Lesson.attachments),
        selectinload(Module.quiz).selectinload(Quiz.questions)
        .selectinload(Question.options))).scalars().all()
    files = {a.id: _data_uri(a) for m in course.modules for le in m.lessons
             for a in le.served_attachments}
    css = _stylesheet(current_app.root_path)
    with force_locale(babel_locale(course.language)):
        return render_template("courses/offline.html", course=course, files=files, css=css,
                               rtl=course.language == "ar")
