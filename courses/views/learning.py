"""The learner's pages: catalogue, course, lesson, quiz, offline pack."""
from __future__ import annotations

from flask import (Response, abort, flash, redirect, render_template, request, send_file,
                   url_for)
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from accounts.services import ServiceError
from courses import offline
from courses.forms import catalogue_filter, level_labels
from courses.models import Attachment
from courses.services import catalogue, learning
from courses.services.authoring import download_name, upload_path
from courses.views import bp, lesson_in, load_course, module_in
from vfac.extensions import db
from vfac.forms import ActionForm
from vfac.params import int_arg
from vfac.topics import all_topics
from vfac.urls import is_local_path


@bp.route("/courses/")
def index():
    topics = all_topics()
    filters = catalogue_filter(request.args, {t.slug for t in topics})
    any_word = catalogue.only_some_words(current_user, filters)  # as /search does
    page = catalogue.catalogue(current_user, filters, int_arg(request.args.get("before")),
                               any_word)
    return render_template("courses/catalogue.html", page=page, filters=filters, topics=topics,
                           any_word=any_word and bool(page.items),
                           levels=level_labels(),
                           progress=catalogue.catalogue_progress(current_user, page.items))


@bp.route("/courses/mine")
@auth_required()
def mine():
    return render_template("courses/mine.html", enrolments=learning.my_courses(current_user),
                           certificates=learning.certificates_of(current_user))


@bp.route("/courses/<slug>")
def course(slug: str):
    course = load_course(slug)
    progress = catalogue.progress(current_user, course)
    missing = learning.missing_prerequisites(current_user, course) \
        if current_user.is_authenticated and progress.enrolment is None else []
    return render_template("courses/course.html", course=course, progress=progress,
                           missing=missing, levels=level_labels(), form=ActionForm())


@bp.route("/courses/<slug>/enrol", methods=["POST"])
@auth_required()
def enrol(slug: str):
    course = load_course(slug)
    if ActionForm().validate_on_submit():
        try:
            learning.enrol(current_user, course)
            flash(_("You are enrolled. Start with the first lesson."), "success")
        except ServiceError as error:
            flash(str(error), "error")
    return redirect(url_for("courses.course", slug=slug))


@bp.route("/courses/<slug>/lessons/<int:lesson_id>")
def lesson(slug: str, lesson_id: int):
    course = load_course(slug)
    lesson = lesson_in(course, lesson_id)
    order = [le for m in course.modules for le in m.lessons]
    index = order.index(lesson)
    return render_template(
        "courses/lesson.html", course=course, lesson=lesson,
        progress=catalogue.progress(current_user, course), form=ActionForm(),
        previous=order[index - 1] if index else None,
        next=order[index + 1] if index + 1 < len(order) else None)


@bp.route("/courses/<slug>/lessons/<int:lesson_id>/done", methods=["POST"])
@auth_required()
def lesson_done(slug: str, lesson_id: int):
    course = load_course(slug)
    lesson = lesson_in(course, lesson_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    certificate = learning.complete_lesson(current_user, lesson)
    if certificate is not None:
        flash(_("You have completed the course. Here is your certificate."), "success")
        return redirect(url_for("courses.certificate", code=certificate.code))
    target = request.form.get("next_url")
    return redirect(target if is_local_path(target) else url_for("courses.course", slug=slug))


@bp.route("/courses/<slug>/attachments/<int:attachment_id>")
def attachment(slug: str, attachment_id: int):
    course = load_course(slug)
    item = db.session.get(Attachment, attachment_id)
    if item is None or not item.is_passed:  # a PDF being checked is never served
        abort(404)
    lesson_in(course, item.lesson_id)  # the file must belong to this (visible) course
    response = send_file(upload_path(item), mimetype=item.content_type,
                         as_attachment=not item.is_image, download_name=download_name(item),
                         max_age=0)
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def _answers() -> dict[int, set[int]]:
    """Chosen option ids per question from the form (q<question id> = option id); 400 if odd."""
    answers: dict[int, set[int]] = {}
    for key in request.form:
        if key.startswith("q"):
            qid = int_arg(key[1:]) if key[1:] else abort(400)
            answers[qid] = {int_arg(v) for v in request.form.getlist(key)} - {None}
    return answers


@bp.route("/courses/<slug>/quizzes/<int:module_id>", methods=["GET", "POST"])
def quiz(slug: str, module_id: int):
    course = load_course(slug)
    module = module_in(course, module_id)
    quiz = catalogue.quiz_with_options(module.quiz.id) if module.quiz else None
    if quiz is None or not quiz.questions:
        abort(404)
    progress = catalogue.progress(current_user, course)
    result = None
    if request.method == "POST":
        if not ActionForm().validate_on_submit():
            abort(400)
        try:
            if progress.enrolment is None:
                result = learning.preview_attempt(current_user, quiz, _answers())
            else:
                result = learning.submit_attempt(current_user, quiz, _answers())
        except learning.BadAnswers:
            abort(400)
        except ServiceError as error:
            flash(str(error), "error")
            return redirect(url_for("courses.quiz", slug=slug, module_id=module_id))
        if result.stored:
            return redirect(url_for("courses.quiz_result", slug=slug, module_id=module_id))
    return render_template("courses/quiz.html", course=course, module=module, quiz=quiz,
                           progress=progress, result=result, form=ActionForm(),
                           status=learning.next_attempt_at(current_user, quiz)
                           if progress.enrolment else (0, None))


@bp.route("/courses/<slug>/quizzes/<int:module_id>/result")
@auth_required()
def quiz_result(slug: str, module_id: int):
    course = load_course(slug)
    module = module_in(course, module_id)
    quiz = catalogue.quiz_with_options(module.quiz.id) if module.quiz else None
    attempt = learning.last_attempt(current_user, quiz) if quiz else None
    if attempt is None:
        abort(404)
    result = learning.regrade(quiz, attempt)
    return render_template("courses/quiz_result.html", course=course, module=module, quiz=quiz,
                           attempt=attempt, result=result,
                           progress=catalogue.progress(current_user, course),
                           status=learning.next_attempt_at(current_user, quiz))


@bp.route("/courses/<slug>/offline")
def offline_pack(slug: str):
    course = load_course(slug)
    html = offline.render_pack(course)
    return Response(html, mimetype="text/html", headers={
        "Content-Disposition": f'attachment; filename="{course.slug}.html"',
        "Cache-Control": "private, no-store"})

