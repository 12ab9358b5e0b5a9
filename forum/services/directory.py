"""The expert directory and an expert's invitations to answer."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from accounts.models import Status, User, expertise
from accounts.permissions import require, where
from accounts.services import MemberCard, member_card
from forum.models import Notification, NotificationKind, Thread
from forum.services.notify import EXPERT_ROLES
from vfac.extensions import db
from vfac.models import Topic

MAX_EXPERTS = 200


@dataclass(frozen=True)
class ExpertQuery:
    topic: str | None = None
    country: str | None = None
    language: str | None = None


def find_experts(actor, query: ExpertQuery) -> list[MemberCard]:
    """Approved experts with their topics, filtered by topic, country and language read.

    Each expert comes with only the organisation and country they show this reader, and the
    country filter keeps only experts who show theirs: a hidden country can neither be read
    nor found out by filtering.
    """
    require(actor, "forum.experts.view")
    statement = (select(User).where(User.role.in_(EXPERT_ROLES), User.status == Status.APPROVED,
                                    User.active.is_(True),
                                    User.id.in_(select(expertise.c.user_id)))
                 .options(selectinload(User.expert_topics)).order_by(User.full_name)
                 .limit(MAX_EXPERTS))
    if query.topic:
        statement = statement.where(User.id.in_(
            select(expertise.c.user_id).join(Topic, Topic.id == expertise.c.topic_id)
            .where(Topic.slug == query.topic)))
    if query.country:
        statement = statement.where(User.country == query.country)
    cards = [member_card(actor, e) for e in db.session.execute(statement).scalars()]
    # privacy and the languages read are short JSON lists: filtered here, the same on both
    # databases
    return [c for c in cards if (query.country is None or c.country == query.country)
            and (query.language is None or query.language in c.member.languages)]


def invitations(actor: User) -> list[Thread]:
    """Threads the expert was invited to answer, newest first, that they may still see."""
    require(actor, "forum.member.notifications")
    threads = db.session.execute(
        select(Thread).join(Notification, Notification.thread_id == Thread.id)
        .where(Notification.kind == NotificationKind.INVITE,
               *where(actor, "forum.notification.list"), *where(actor, "forum.thread.list"))
        .order_by(Notification.id.desc()).limit(50)
        .options(selectinload(Thread.author))).scalars().unique()
    return list(threads)
