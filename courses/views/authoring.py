"""The instructor's editor: course, modules, lessons, attachments, quizzes, questions."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from accounts.permissions import require
from accounts.services import ServiceError
from courses.forms import (AttachmentForm, EditCourseForm, EditLessonForm, EditModuleForm,
                           EditQuestionForm, EditQuizForm)
from courses.models import Course
from courses.services import authoring
from courses.services.catalogue import quiz_with_options
from courses.views import bp, lesson_in, load_for_edit, module_in, offset_arg
from vfac import ratelimits
from vfac.forms import ActionForm
from vfac.extensions import db
from vfac.topics import all_topics


def _course_form(course: Course | None = None) -> EditCourseForm:
    others = [c for c in authoring.editable_courses(current_user) if course is None
              or c.id != course.id]
    form = EditCourseForm(obj=course, topics=all_topics(), courses=others)
    if course is not None and request.method == "GET":
        form.topics.data = [t.slug for t in course.topics]
        form.level.data, form.visibility.data = course.level.value, course.visibility.value
        form.audience.data = course.professions
        form.prerequisites.data = [str(c.id) for c in course.prerequisites]
        form.instructors.data = " ".join(u.username for u in course.instructors
                                         if u.id != current_user.id)
    return form


def _try(action, *args) -> bool:
    """Run a service; a rule the author broke becomes a message on the form's page."""
    try:
        action(current_user, *args)
        return True
    except ServiceError as error:
        flash(str(error), "error")
        return False


@bp.route("/courses/teach")
@auth_required()
def teach():
    return render_template("courses/teach.html",
                           courses=authoring.editable_courses(current_user))


@bp.route("/courses/new", methods=["GET", "POST"])
@auth_required()
def new_course():
    require(current_user, "courses.course.create")
    form = _course_form()
    if form.validate_on_submit():
        try:
            course = authoring.create_course(current_user, form.to_input())
            return redirect(url_for("courses.edit_course", slug=course.slug))
        except ServiceError as error:
            form.form_errors.append(str(error))
    return render_template("courses/edit_course.html", form=form, course=None)


@bp.route("/courses/<slug>/edit", methods=["GET", "POST"])
@auth_required()
def edit_course(slug: str):
    course = load_for_edit(slug)
    form = _course_form(course)
    if form.validate_on_submit():
        try:
            authoring.update_course(current_user, course, form.to_input())
            flash(_("The course is saved."), "success")
            return redirect(url_for("courses.edit_course", slug=course.slug))
        except ServiceError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
    return render_template("courses/edit_course.html", form=form, course=course,
                           module_form=EditModuleForm(formdata=None), action=ActionForm())


@bp.route("/courses/<slug>/publish", methods=["POST"])
@auth_required()
def publish(slug: str):
    course = load_for_edit(slug)
    if not ActionForm().validate_on_submit() or request.form.get("state") not in ("on", "off"):
        abort(400)
    if _try(authoring.set_published, course, request.form["state"] == "on"):
        flash(_("The course is published.") if course.is_published
              else _("The course is back to draft; learners no longer see it."), "success")
    return redirect(url_for("courses.edit_course", slug=slug))


@bp.route("/courses/<slug>/delete", methods=["POST"])
@auth_required()
def delete_course(slug: str):
    course = load_for_edit(slug)
    if not ActionForm().validate_on_submit():
        abort(400)
    if _try(authoring.delete_course, course):
        flash(_("The course is deleted."), "success")
        return redirect(url_for("courses.teach"))
    return redirect(url_for("courses.edit_course", slug=slug))


@bp.route("/courses/<slug>/modules", methods=["POST"])
@auth_required()
def add_module(slug: str):
    course = load_for_edit(slug)
    form = EditModuleForm()
    if form.validate_on_submit():
        authoring.add_module(current_user, course, form.to_input())
        return redirect(url_for("courses.edit_course", slug=slug) + "#syllabus")
    return render_template("courses/edit_module.html", form=form, course=course, module=None)


@bp.route("/courses/<slug>/modules/<int:module_id>", methods=["GET", "POST"])
@auth_required()
def edit_module(slug: str, module_id: int):
    course = load_for_edit(slug)
    module = module_in(course, module_id)
    form = EditModuleForm(obj=module)
    if form.validate_on_submit():
        authoring.update_module(current_user, module, form.to_input())
        flash(_("The module is saved."), "success")
        return redirect(url_for("courses.edit_course", slug=slug) + "#syllabus")
    return render_template("courses/edit_module.html", form=form, course=course, module=module)


@bp.route("/courses/<slug>/modules/<int:module_id>/<any(move, delete):action>",
          methods=["POST"])
@auth_required()
def change_module(slug: str, module_id: int, action: str):
    course = load_for_edit(slug)
    module = module_in(course, module_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if action == "move":
        authoring.move_module(current_user, module, offset_arg(request.form.get("direction")))
    else:
        authoring.delete_module(current_user, module)
        flash(_("The module is deleted."), "success")
    return redirect(url_for("courses.edit_course", slug=slug) + "#syllabus")


@bp.route("/courses/<slug>/modules/<int:module_id>/lessons/new", methods=["GET", "POST"])
@auth_required()
def new_lesson(slug: str, module_id: int):
    course = load_for_edit(slug)
    module = module_in(course, module_id)
    form = EditLessonForm()
    if form.validate_on_submit():
        lesson = authoring.add_lesson(current_user, module, form.to_input())
        flash(_("The lesson is saved."), "success")
        return redirect(url_for("courses.edit_lesson", slug=slug, lesson_id=lesson.id))
    return render_template("courses/edit_lesson.html", form=form, course=course, module=module,
                           lesson=None)


@bp.route("/courses/<slug>/lessons/<int:lesson_id>/edit", methods=["GET", "POST"])
@auth_required()
def edit_lesson(slug: str, lesson_id: int):
    course = load_for_edit(slug)
    lesson = lesson_in(course, lesson_id)
    form = EditLessonForm(obj=lesson, body=lesson.body_source) if request.method == "GET" \
        else EditLessonForm()
    if form.validate_on_submit():
        authoring.update_lesson(current_user, lesson, form.to_input())
        flash(_("The lesson is saved."), "success")
        return redirect(url_for("courses.edit_lesson", slug=slug, lesson_id=lesson.id))
    return render_template("courses/edit_lesson.html", form=form, course=course,
                           module=lesson.module, lesson=lesson, upload=AttachmentForm(),
                           action=ActionForm(), refusal_of=authoring.refusal_of)


@bp.route("/courses/<slug>/lessons/<int:lesson_id>/<any(move, delete):action>",
          methods=["POST"])
@auth_required()
def change_lesson(slug: str, lesson_id: int, action: str):
    course = load_for_edit(slug)
    lesson = lesson_in(course, lesson_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if action == "move":
        authoring.move_lesson(current_user, lesson, offset_arg(request.form.get("direction")))
    else:
        authoring.delete_lesson(current_user, lesson)
        flash(_("The lesson is deleted."), "success")
    return redirect(url_for("courses.edit_course", slug=slug) + "#syllabus")


@bp.route("/courses/<slug>/lessons/<int:lesson_id>/attachments", methods=["POST"])
@auth_required()
@ratelimits.uploads
def add_attachment(slug: str, lesson_id: int):
    course = load_for_edit(slug)
    lesson = lesson_in(course, lesson_id)
    upload = AttachmentForm()
    if upload.validate_on_submit():
        file = upload.file.data
        if _try(authoring.add_attachment, lesson, file.stream, file.filename or ""):
            flash(_("The file is attached."), "success")
            return redirect(url_for("courses.edit_lesson", slug=slug, lesson_id=lesson_id))
    return render_template("courses/edit_lesson.html", form=EditLessonForm(
        obj=lesson, body=lesson.body_source), course=course, module=lesson.module,
        lesson=lesson, upload=upload, action=ActionForm(), refusal_of=authoring.refusal_of), 400


@bp.route("/courses/<slug>/lessons/<int:lesson_id>/attachments/<int:attachment_id>/delete",
          methods=["POST"])
@auth_required()
def delete_attachment(slug: str, lesson_id: int, attachment_id: int):
    course = load_for_edit(slug)
    lesson = lesson_in(course, lesson_id)
    item = next((a for a in lesson.attachments if a.id == attachment_id), None)
    if item is None or not ActionForm().validate_on_submit():
        abort(404 if item is None else 400)
    authoring.delete_attachment(current_user, item)
    flash(_("The file is removed."), "success")
    return redirect(url_for("courses.edit_lesson", slug=slug, lesson_id=lesson_id))


@bp.route("/courses/<slug>/modules/<int:module_id>/quiz", methods=["GET", "POST"])
@auth_required()
def edit_quiz(slug: str, module_id: int):
    course = load_for_edit(slug)
    module = module_in(course, module_id)
    quiz = quiz_with_options(module.quiz.id) if module.quiz else None
    form = EditQuizForm(obj=quiz)
    if form.validate_on_submit():
        authoring.save_quiz(current_user, module, form.to_input())
        flash(_("The quiz settings are saved."), "success")
        return redirect(url_for("courses.edit_quiz", slug=slug, module_id=module_id))
    return render_template("courses/edit_quiz.html", form=form, course=course, module=module,
                           quiz=quiz, action=ActionForm())


def _question_in(course: Course, question_id: int):
    for module in course.modules:
        if module.quiz is not None:
            for question in module.quiz.questions:
                if question.id == question_id:
                    return module, question
    abort(404)


@bp.route("/courses/<slug>/modules/<int:module_id>/quiz/questions/new",
          methods=["GET", "POST"])
@bp.route("/courses/<slug>/questions/<int:question_id>", methods=["GET", "POST"])
@auth_required()
def edit_question(slug: str, module_id: int | None = None, question_id: int | None = None):
    course = load_for_edit(slug)
    module, question = _question_in(course, question_id) if question_id else \
        (module_in(course, module_id or 0), None)
    if module.quiz is None:
        abort(404)
    form = EditQuestionForm(obj=question)
    if form.validate_on_submit():
        save = authoring.update_question if question else authoring.add_question
        if _try(save, question or module.quiz, form.to_input()):
            flash(_("The question is saved."), "success")
            return redirect(url_for("courses.edit_quiz", slug=slug, module_id=module.id))
        db.session.rollback()
    return render_template("courses/edit_question.html", form=form, course=course,
                           module=module, question=question)


@bp.route("/courses/<slug>/questions/<int:question_id>/<any(move, delete):action>",
          methods=["POST"])
@auth_required()
def change_question(slug: str, question_id: int, action: str):
    course = load_for_edit(slug)
    module, question = _question_in(course, question_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if action == "move":
        authoring.move_question(current_user, question,
                                offset_arg(request.form.get("direction")))
    else:
        authoring.delete_question(current_user, question)
        flash(_("The question is deleted."), "success")
    return redirect(url_for("courses.edit_quiz", slug=slug, module_id=module.id))

