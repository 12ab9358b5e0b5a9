"""A member's notifications."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from forum.services import notify
from forum.views import bp, render
from vfac.forms import ActionForm
from vfac.params import int_arg


@bp.route("/notifications")
@auth_required()
def notifications():
    page = notify.notifications_page(current_user, int_arg(request.args.get("before")))
    return render("notifications.html", page=page, action=ActionForm(),
                  subject_for=notify.subject_for)


@bp.route("/notifications/<int:note_id>")
@auth_required()
def open_notification(note_id: int):
    # A small write on a GET (the member's own row), so the link works as a plain link.
    note = notify.open_notification(current_user, note_id)
    if note is None:
        abort(404)
    anchor = f"answer-{note.post_id}" if note.post_id else None
    return redirect(url_for("forum.thread", thread_id=note.thread_id, _anchor=anchor))


@bp.route("/notifications/read", methods=["POST"])
@auth_required()
def read_all():
    if not ActionForm().validate_on_submit():
        abort(400)
    notify.mark_all_read(current_user)
    flash(_("All notifications are marked as read."), "success")
    return redirect(url_for("forum.notifications"))
