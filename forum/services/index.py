"""The board in the shared search index: one document per live thread, answers included."""
from __future__ import annotations

from sqlalchemy import select

from forum.models import Post, Thread
from vfac import search
from vfac.extensions import db


def index_thread(thread: Thread) -> None:
    """(Re)index a thread with its visible answers, or take it out when hidden or deleted."""
    if thread.is_hidden or thread.is_deleted:
        search.remove("thread", thread.id)
        return
    answers = db.session.execute(select(Post.body_source).where(
        Post.thread_id == thread.id, Post.hidden_at.is_(None), Post.deleted_at.is_(None))
        .order_by(Post.id)).scalars()
    search.index(search.Document(
        kind="thread", object_id=thread.id, language=thread.language,
        visibility=thread.visibility, title=thread.title,
        meta=" ".join(tag.name for tag in thread.tags),
        body="\n\n".join([thread.body_source, *answers])))
