"""Every visibility policy agrees with itself: for every action and every kind of person, the
objects can() allows are exactly the rows where() returns.

One world per person: questions, answers, comments, revisions and notifications in every
state (public / members / restricted; live, hidden, deleted; the person's own and another's),
papers in every status and visibility, their own and another's, courses published or not,
taught by them or not.
"""
from __future__ import annotations

import itertools

import pytest
from sqlalchemy import select

from accounts.models import Role
from accounts.permissions import POLICIES, can, where
from courses.models import Course
from forum.models import Comment, Notification, NotificationKind, Post, Revision, Thread
from forum.services import posting
from research.models import Status as PaperStatus
from tests.accounts.test_permissions import RULE_ORDER, make_person
from vfac.extensions import db
from vfac.models import Visibility, utcnow

LEVELS = list(Visibility)
STATES = ("live", "hidden", "deleted")


def _state(item, state: str) -> None:
    item.hidden_at = utcnow() if state == "hidden" else None
    item.deleted_at = utcnow() if state == "deleted" else None


def build_world(person, make_user, make_thread, make_paper, make_course, asker) -> None:
    other = make_user(username="stranger")
    teacher = make_user(Role.INSTRUCTOR, username="teacher")
    owners = [other] + ([person] if person is not None else [])
    threads = []
    for level, state, owner in itertools.product(LEVELS, STATES, owners):
        thread = make_thread(visibility=level)
        thread.author = owner
        threads.append((thread, state))
    items = []
    for thread, _ in threads[::3]:  # a live thread of each level and owner
        for state, owner in itertools.product(STATES, owners):
            answer = posting.post_answer(asker, thread, "Ask the provider to preserve it.")
            comment = posting.post_comment(asker, thread, None, "Which provider?")
            for item in (answer, comment):
                item.author = owner
                items.append((item, state))
    for item, state in threads + items:
        _state(item, state)
    db.session.flush()
    for item, _ in threads + items:
        db.session.add(Revision(
            thread_id=item.id if isinstance(item, Thread) else item.thread_id,
            post_id=item.id if isinstance(item, Post) else None,
            comment_id=item.id if isinstance(item, Comment) else None,
            old_body="The text before the edit.", new_body="The text after the edit."))
    for owner in owners:  # the person's own notifications, and another member's
        for item, _ in threads + [(i, s) for i, s in items if isinstance(i, Post)]:
            db.session.add(Notification(
                user_id=owner.id, kind=NotificationKind.ANSWER,
                thread_id=item.id if isinstance(item, Thread) else item.thread_id,
                post_id=item.id if isinstance(item, Post) else None))
    for level, status, owner in itertools.product(LEVELS, list(PaperStatus), owners):
        make_paper(visibility=level, status=status, submitter=owner)
    for level, published, taught in itertools.product(LEVELS, (True, False), (False, True)):
        course = make_course(level, modules=1, lessons=1, questions=0, published=published,
                             author=teacher)
        if taught and person is not None:  # whatever their role: the rule decides
            course.instructors.append(person)
    db.session.commit()


@pytest.mark.parametrize("who", RULE_ORDER)
def test_can_and_where_agree(who, make_user, make_thread, make_paper, make_course, asker):
    person = make_person(make_user, who)
    build_world(person, make_user, make_thread, make_paper, make_course, asker)
    for action, policy in sorted(POLICIES.items()):
        rows = db.session.execute(select(policy.model)).scalars().all()
        allowed = {row.id for row in rows if can(person, action, row)}
        filtered = set(db.session.execute(
            select(policy.model.id).where(*where(person, action))).scalars())
        assert filtered == allowed, (who, action, sorted(filtered ^ allowed))
        assert rows, action  # the world has something of every kind


def test_the_world_has_every_answer_for_someone(make_user, make_thread, make_paper, make_course,
                                                asker):
    # a policy that always said no (or always yes) would agree with itself: the admin sees
    # more than the member, who sees more than a visitor, for every action a visitor has
    admin = make_person(make_user, "admin")
    build_world(admin, make_user, make_thread, make_paper, make_course, asker)
    for action, policy in POLICIES.items():
        rows = db.session.execute(select(policy.model)).scalars().all()
        seen = {who: {r.id for r in rows if can(p, action, r)}
                for who, p in (("admin", admin), ("visitor", None))}
        assert seen["admin"], action
        assert seen["visitor"] < seen["admin"] or action == "forum.notification.list", action
