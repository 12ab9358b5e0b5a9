"""Moderation pages: flag, the flag queue, hide, lock, pin, move."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from accounts.permissions import require
from accounts.services import ServiceError
from forum.forms import FlagForm, MoveForm, ReasonForm, flag_labels
from forum.models import Flag, FlagReason, Thread
from forum.services import board, moderation
from forum.views import bp, kind_of, load_item, load_thread, render
from forum.views.writing import thread_url
from vfac.extensions import db
from vfac.forms import ActionForm
from vfac.params import int_arg
from vfac.topics import all_topics


@bp.route("/flag/<any(question, answer, comment):kind>/<int:item_id>", methods=["GET", "POST"])
@auth_required()
def flag(kind: str, item_id: int):
    item = load_item(kind, item_id)
    require(current_user, "forum.post.flag", item)
    form = FlagForm()
    thread = moderation.thread_of(item)
    if form.validate_on_submit():
        moderation.flag_item(current_user, item, FlagReason(form.reason.data),
                             form.note.data or "")
        flash(_("Thank you. The moderators will look at it."), "success")
        return redirect(thread_url(thread, f"{kind}-{item.id}"))
    return render("flag.html", 400 if form.errors else 200, form=form, item=item, kind=kind,
                  thread=thread)


@bp.route("/moderation")
@auth_required()
def queue():
    page = moderation.open_flags(current_user, int_arg(request.args.get("after")))
    return render("moderation.html", page=page, action=ActionForm(), kind_of=kind_of,
                  flag_labels=flag_labels())


@bp.route("/moderation/<int:flag_id>/dismiss", methods=["POST"])
@auth_required()
def dismiss(flag_id: int):
    item = db.session.get(Flag, flag_id)
    if item is None:
        abort(404)
    require(current_user, "forum.thread.moderate", item.thread)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        moderation.dismiss_flag(current_user, item)
    except ServiceError as error:
        flash(str(error), "error")
    return redirect(url_for("forum.queue"))


@bp.route("/<any(hide, unhide):action>/<any(question, answer, comment):kind>/<int:item_id>",
          methods=["POST"])
@auth_required()
def hide(action: str, kind: str, item_id: int):
    item = load_item(kind, item_id)
    require(current_user, "forum.thread.moderate", item)
    form = ReasonForm()
    if not form.validate_on_submit():
        abort(400)
    moderation.set_hidden(current_user, item, action == "hide", form.reason.data or "")
    flash(_("Hidden from members; its author and moderators still see it.") if action == "hide"
          else _("Visible again."), "success")
    thread = moderation.thread_of(item)
    if request.form.get("next") == "queue":
        return redirect(url_for("forum.queue"))
    return redirect(thread_url(thread, f"{kind_of(item)}-{item.id}"))


_THREAD_ACTIONS = {
    "lock": (moderation.set_locked, True), "unlock": (moderation.set_locked, False),
    "pin": (moderation.set_pinned, True), "unpin": (moderation.set_pinned, False),
}


@bp.route("/<int:thread_id>/<any(lock, unlock, pin, unpin):action>", methods=["POST"])
@auth_required()
def thread_action(thread_id: int, action: str):
    thread: Thread = load_thread(thread_id)
    require(current_user, "forum.thread.moderate", thread)
    if not ActionForm().validate_on_submit():
        abort(400)
    service, value = _THREAD_ACTIONS[action]
    service(current_user, thread, value)
    flash({"lock": _("The thread is locked."), "unlock": _("The thread is open again."),
           "pin": _("The thread is pinned."), "unpin": _("The thread is no longer pinned.")
           }[action], "success")
    return redirect(thread_url(thread))


@bp.route("/<int:thread_id>/move", methods=["POST"])
@auth_required()
def move(thread_id: int):
    thread = load_thread(thread_id)
    require(current_user, "forum.thread.moderate", thread)
    form = MoveForm(topics=all_topics())
    if not form.validate_on_submit():
        abort(400)
    moderation.move_thread(current_user, thread, board.category_by_slug(form.category.data))
    flash(_("The thread is moved."), "success")
    return redirect(thread_url(thread))
