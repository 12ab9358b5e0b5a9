"""Members' writes: ask, answer, comment, vote, accept, follow, invite, edit, delete."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from accounts.permissions import require
from accounts.services import ServiceError
from forum.forms import AnswerForm, AskQuestionForm, CommentForm, EditForm, InviteForm
from forum.models import Thread
from forum.services import moderation, posting
from forum.views import bp, kind_of, load_item, load_thread, render
from forum.views.pages import thread_response
from vfac import links, ratelimits
from vfac.forms import ActionForm
from vfac.markup import render_markdown
from vfac.params import choice_arg, int_arg
from vfac.topics import all_topics, topics_by_slugs

VOTES = {"up": 1, "down": -1, "none": 0}


def thread_url(thread: Thread, anchor: str | None = None) -> str:
    return url_for("forum.thread", thread_id=thread.id, slug=thread.slug, _anchor=anchor)


def _lesson_defaults(form: AskQuestionForm) -> None:
    """"Ask about this lesson": the lesson's topics and language fill the form."""
    topic = request.args.get("topic")
    if topic in {choice.value for choice in form.category.choices[1:]}:
        form.category.data = topic
    lesson_id = int_arg(request.args.get("lesson"), maximum=10**9)
    lesson = links.describe("lesson", current_user, lesson_id)
    if lesson_id is not None and lesson is None:
        abort(404)
    if lesson is not None:
        form.lesson.data = str(lesson_id)
        slugs = [t.slug for t in topics_by_slugs(list(lesson.topic_slugs))]
        form.category.data = slugs[0] if slugs else ""
        form.topics.data = slugs[1:]
        form.language.data = lesson.language or form.language.data


@bp.route("/ask", methods=["GET", "POST"])
@auth_required()
@ratelimits.previews
def ask():
    require(current_user, "forum.thread.create")
    form = AskQuestionForm(topics=all_topics(), actor=current_user)
    if request.method == "GET":
        _lesson_defaults(form)
    lesson_id = int(form.lesson.data) if (form.lesson.data or "").isdigit() else None
    context = {"form": form, "lesson": links.describe("lesson", current_user, lesson_id)}
    if not form.validate_on_submit():
        return render("ask.html", 400 if form.errors else 200, **context)
    if form.is_preview:
        return render("ask.html", preview=render_markdown(form.body.data), **context)
    warnings = posting.warnings_for(current_user, form.body.data, form.title.data,
                                    similar_seen=bool(form.similar_seen.data))
    if warnings and not form.is_confirmed:
        return render("ask.html", found=warnings.personal_data, similar=warnings.similar,
                      **context)
    try:
        thread = posting.ask_question(current_user, form.to_input())
    except posting.RateLimited as error:
        return render("ask.html", 429, error=str(error), **context)
    except ServiceError as error:
        return render("ask.html", 400, error=str(error), **context)
    flash(_("Your question is posted. Experts of its topics have been told."), "success")
    return redirect(thread_url(thread))


def _write(thread: Thread, form, write, success: str, anchor: str):
    """Post an answer or comment: errors, preview and the personal-data check redisplay the
    thread page with the form filled in; nothing is written until the text is confirmed."""
    name = "answer_form" if isinstance(form, AnswerForm) else "comment_form"
    if not form.validate_on_submit():
        return thread_response(thread, status=400, **{name: form})
    if form.is_preview:
        return thread_response(thread, preview=render_markdown(form.body.data), **{name: form})
    warnings = posting.warnings_for(current_user, form.body.data)
    if warnings and not form.is_confirmed:
        return thread_response(thread, found=warnings.personal_data, **{name: form})
    try:
        item = write()
    except posting.RateLimited as error:
        return thread_response(thread, status=429, error=str(error), **{name: form})
    except ServiceError as error:
        return thread_response(thread, status=400, error=str(error), **{name: form})
    flash(success, "success")
    return redirect(thread_url(thread, f"{anchor}-{item.id}"))


@bp.route("/<int:thread_id>/answer", methods=["POST"])
@auth_required()
@ratelimits.previews
def answer(thread_id: int):
    thread = load_thread(thread_id)
    require(current_user, "forum.thread.answer", thread)
    form = AnswerForm()
    return _write(thread, form, lambda: posting.post_answer(current_user, thread, form.body.data),
                  _("Your answer is posted."), "answer")


@bp.route("/<int:thread_id>/comment", methods=["POST"])
@auth_required()
@ratelimits.previews
def comment(thread_id: int):
    thread = load_thread(thread_id)
    require(current_user, "forum.thread.comment", thread)
    form = CommentForm()
    post = None
    if form.post.data is not None:
        post = load_item("answer", form.post.data)
        if post.thread_id != thread.id:
            abort(404)
    return _write(thread, form,
                  lambda: posting.post_comment(current_user, thread, post, form.body.data),
                  _("Your comment is posted."), "comment")


@bp.route("/vote/<any(question, answer):kind>/<int:item_id>", methods=["POST"])
@auth_required()
def vote(kind: str, item_id: int):
    item = load_item(kind, item_id)
    value = choice_arg(request.form, "value", VOTES)
    if value is None or not ActionForm().validate_on_submit():
        abort(400)
    posting.vote(current_user, item, VOTES[value])
    thread = moderation.thread_of(item)
    return redirect(thread_url(thread, f"{kind}-{item.id}"))


@bp.route("/<int:thread_id>/accept", methods=["POST"])
@auth_required()
def accept(thread_id: int):
    thread = load_thread(thread_id)
    post_id = int_arg(request.form.get("answer"))
    post = load_item("answer", post_id) if post_id else None
    if not ActionForm().validate_on_submit() or (post and post.thread_id != thread.id):
        abort(400)
    try:
        posting.accept_answer(current_user, thread, post)
    except ServiceError as error:
        flash(str(error), "error")
        return redirect(thread_url(thread))
    flash(_("The answer is marked as accepted.") if post
          else _("The answer is no longer marked as accepted."), "success")
    return redirect(thread_url(thread, f"answer-{post.id}" if post else None))


@bp.route("/<int:thread_id>/<any(follow, unfollow):action>", methods=["POST"])
@auth_required()
def follow(thread_id: int, action: str):
    thread = load_thread(thread_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    posting.set_following(current_user, thread, action == "follow")
    flash(_("You follow this thread: new answers and comments will be in your notifications.")
          if action == "follow" else _("You no longer follow this thread."), "success")
    return redirect(thread_url(thread))


@bp.route("/<int:thread_id>/invite", methods=["POST"])
@auth_required()
def invite(thread_id: int):
    thread = load_thread(thread_id)
    require(current_user, "forum.thread.invite", thread)
    form = InviteForm()
    if form.validate_on_submit():
        try:
            expert = posting.invite_expert(current_user, thread, form.username.data)
        except ServiceError as error:
            form.username.errors.append(str(error))
        else:
            flash(_("%(name)s is invited to answer.", name=expert.username), "success")
            return redirect(thread_url(thread))
    return thread_response(thread, status=400, invite_form=form)


@bp.route("/edit/<any(question, answer, comment):kind>/<int:item_id>", methods=["GET", "POST"])
@auth_required()
@ratelimits.previews
def edit(kind: str, item_id: int):
    item = load_item(kind, item_id)
    require(current_user, "forum.post.edit", item)
    form = EditForm(data={"body": item.body_source,
                          "title": item.title if isinstance(item, Thread) else None})
    context = {"form": form, "item": item, "kind": kind, "thread": moderation.thread_of(item)}
    if not form.validate_on_submit():
        return render("edit.html", 400 if form.errors else 200, **context)
    if form.is_preview:
        return render("edit.html", preview=render_markdown(form.body.data), **context)
    warnings = posting.warnings_for(current_user, form.body.data, form.title.data)
    if warnings and not form.is_confirmed:
        return render("edit.html", found=warnings.personal_data, **context)
    try:
        posting.edit_item(current_user, item, form.body.data,
                          form.title.data if isinstance(item, Thread) else None,
                          form.reason.data or "")
    except ServiceError as error:
        return render("edit.html", 400, error=str(error), **context)
    flash(_("Your changes are saved; the previous text is kept in the history."), "success")
    return redirect(thread_url(context["thread"], f"{kind}-{item.id}"))


@bp.route("/history/<any(question, answer, comment):kind>/<int:item_id>")
def history(kind: str, item_id: int):
    item = load_item(kind, item_id)
    return render("history.html", item=item, kind=kind, thread=moderation.thread_of(item),
                  revisions=moderation.revisions(current_user, item))


@bp.route("/<any(delete, restore):action>/<any(question, answer, comment):kind>/<int:item_id>",
          methods=["POST"])
@auth_required()
def delete(action: str, kind: str, item_id: int):
    item = load_item(kind, item_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    moderation.set_deleted(current_user, item, action == "delete")
    flash(_("Deleted. A moderator can restore it.") if action == "delete"
          else _("Restored."), "success")
    thread = moderation.thread_of(item)
    if isinstance(item, Thread) and action == "delete":
        return redirect(url_for("forum.category", slug=thread.category.slug))
    return redirect(thread_url(thread, f"{kind_of(item)}-{item.id}"))
