"""The board in the shared search index: one document per live thread, answers included."""
from __future__ import annotations

from sqlalchemy import select

from forum.models import Post, Thread
from vfac import events, jobs, search
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


@jobs.task()
def reindex_thread(thread_id: int) -> None:
    """The job behind the board's events: index the thread as it is now (idempotent)."""
    thread = db.session.get(Thread, thread_id)
    if thread is not None:
        index_thread(thread)


def _thread_changed(_sender, thread_id: int, **_ids) -> None:
    jobs.enqueue(reindex_thread, thread_id)


for _signal in (events.question_asked, events.thread_changed, events.answer_posted,
                events.thread_hidden):
    _signal.connect(_thread_changed)
