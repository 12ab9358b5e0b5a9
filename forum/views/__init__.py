"""Advice-board pages; routes live in board, posting, moderation and notifications."""
from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from accounts.permissions import READ_ACTION, can
from forum import platform, policy
from forum.models import Comment, Post, Thread
from forum.services import board, notify
from vfac.extensions import db

bp = Blueprint("forum", __name__, url_prefix="/forum")
KINDS = {"question": Thread, "answer": Post, "comment": Comment}
policy.register()  # who sees which items (accounts.permissions asks)
platform.register()  # search, topic hubs, home and member pages show questions too


def load_thread(thread_id: int) -> Thread:
    """The thread; 404 when it does not exist or is hidden from this reader."""
    thread = board.thread_for(current_user, thread_id)
    if thread is None:
        abort(404)
    return thread


def load_item(kind: str, item_id: int) -> Thread | Post | Comment:
    """A question, answer or comment this reader may read (forum/policy.py); 404 otherwise.

    Every page about one item (its history, the flag form, edit, delete, hide) starts here,
    so none of them shows the text of an item hidden from the reader.
    """
    model = KINDS.get(kind)
    item = db.session.get(model, item_id) if model else None
    if item is None or not can(current_user, READ_ACTION[model.__name__], item):
        abort(404)
    return item


def kind_of(item: Thread | Post | Comment) -> str:
    return {Thread: "question", Post: "answer", Comment: "comment"}[type(item)]


def unread_notifications() -> int:
    """The header's unread count: one indexed count, only for members, only when shown."""
    if not can(current_user, "forum.member.notifications"):
        return 0
    return notify.unread_count(current_user)


def personal_data_label(kind: str) -> str:
    return {"email": _("E-mail address"), "phone": _("Phone number"),
            "ipv4": _("IP address"), "ipv6": _("IP address (IPv6)"),
            "iban": _("Bank account number (IBAN)"), "card": _("Payment card number"),
            "passport": _("Passport or identity document number")}[kind]


# Globals (not context variables) so that imported macros see them too.
for _function in (unread_notifications, personal_data_label, kind_of):
    bp.add_app_template_global(_function, "kind_name" if _function is kind_of else None)


def render(template: str, status: int = 200, **context):
    return render_template(f"forum/{template}", **context), status


from forum.views import inbox, moderating, pages, writing  # noqa: E402,F401  (routes on bp)
from forum import cli as _cli  # noqa: E402,F401  (flask forum digest)
