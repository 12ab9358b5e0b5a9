"""Advice-board factories: threads, answers and comments written through the services."""
from __future__ import annotations

import pytest

from accounts.models import Role
from forum.services import posting
from forum.services.board import thread_views
from vfac.extensions import db
from vfac.models import Visibility


@pytest.fixture(autouse=True)
def _fresh_view_counts(app):
    """Thread views wait in the process's buffer until written; no test inherits another's."""
    with app.app_context():
        thread_views.clear()
    yield
    with app.app_context():
        thread_views.clear()


@pytest.fixture
def asker(make_user):
    # an experienced member (approved weeks ago): the new-member limits do not apply
    from datetime import timedelta  # noqa: PLC0415

    from vfac.models import utcnow  # noqa: PLC0415

    return make_user(Role.MEMBER, username="asker", reviewed_at=utcnow() - timedelta(days=60))


@pytest.fixture
def make_thread(asker):
    """Factory: make_thread(title=..., body=..., visibility=..., author=..., topic=...)."""
    counter = iter(range(1, 100_000))

    def make(title: str | None = None, *, body: str = "How do we preserve the evidence here?",
             visibility: Visibility = Visibility.MEMBERS, author=None,
             topic: str = "electronic-evidence", topics=(), tags=("cloud",),
             language: str = "en", country: str | None = None, lesson_id: int | None = None):
        n = next(counter)
        thread = posting.ask_question(author or asker, posting.QuestionInput(
            title=title or f"Question number {n} about evidence", body=body,
            category_slug=topic, topic_slugs=tuple(topics), tags=tuple(tags),
            language=language, country=country, visibility=visibility, lesson_id=lesson_id))
        db.session.commit()  # the unit of work ends: its events (indexing, mail) follow
        return thread

    return make


@pytest.fixture
def make_answer():
    def make(author, thread, body: str = "Send a preservation request to the provider first."):
        answer = posting.post_answer(author, thread, body)
        db.session.commit()  # the unit of work ends: its events (indexing, mail) follow
        return answer

    return make


@pytest.fixture
def make_expert(make_user):
    """An expert for electronic evidence (and investigation) who reads English and French."""
    def make(username: str = "volkov", topics=("electronic-evidence", "investigation"), **kw):
        return make_user(Role.EXPERT, username=username, expert_topics=topics_of(topics),
                         reads_languages=kw.pop("reads", ["fr"]), **kw)

    return make


def topics_of(slugs):
    from vfac.topics import topics_by_slugs  # noqa: PLC0415

    return topics_by_slugs(list(slugs))
