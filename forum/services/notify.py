"""Notifications: who hears of what, in the app and by e-mail (at once, daily, or never)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import selectinload

from accounts.mail import send_mail
from accounts.models import MailSetting, Role, Status, User, expertise
from accounts.permissions import can, require, where
from forum.models import Notification, NotificationKind, Post, Subscription, Thread
from vfac import events, jobs
from vfac.extensions import db
from vfac.models import utcnow
from vfac.pagination import Page, keyset_page

EXPERT_ROLES = [role for role in Role if role >= Role.EXPERT]
MAX_MENTIONS = 10
_MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_.-]{2,32})")


def subject_for(kind: NotificationKind):
    """The e-mail subject (and page heading) of one kind of notification."""
    return {
        NotificationKind.ANSWER: _l("New answer in a thread you follow"),
        NotificationKind.COMMENT: _l("New comment in a thread you follow"),
        NotificationKind.ACCEPTED: _l("An answer was accepted in a thread you follow"),
        NotificationKind.MENTION: _l("You were mentioned on the advice board"),
        NotificationKind.QUESTION: _l("A new question in your topics"),
        NotificationKind.INVITE: _l("You are invited to answer a question"),
    }[kind]


def notify(users: Iterable[User], kind: NotificationKind, thread: Thread,
           actor: User | None = None, post: Post | None = None) -> list[Notification]:
    """Add one notification per member who may see the thread (never the actor); flush only."""
    made, seen = [], set()
    for user in users:
        if user.id in seen or (actor is not None and user.id == actor.id):
            continue
        seen.add(user.id)
        if not can(user, "forum.thread.view", thread):
            continue
        note = Notification(user_id=user.id, kind=kind, thread_id=thread.id,
                            post_id=post.id if post else None,
                            actor_id=actor.id if actor else None)
        db.session.add(note)
        made.append(note)
    db.session.flush()
    return made


def followers(thread: Thread) -> list[User]:
    return list(db.session.execute(
        select(User).join(Subscription, Subscription.user_id == User.id)
        .where(Subscription.thread_id == thread.id)).scalars())


def mentioned(text: str) -> list[User]:
    """Approved members named as @username in a text (at most MAX_MENTIONS)."""
    names = list(dict.fromkeys(m.rstrip(".-").lower()
                               for m in _MENTION.findall(text or "")))[:MAX_MENTIONS]
    if not names:
        return []
    return list(db.session.execute(
        select(User).where(func.lower(User.username).in_(names),
                           User.status == Status.APPROVED)).scalars())


def experts_for(thread: Thread) -> list[User]:
    """Experts named for one of the thread's topics who read its language."""
    topic_ids = [t.id for t in thread.topics]
    candidates = db.session.execute(select(User).where(
        User.id.in_(select(expertise.c.user_id).where(expertise.c.topic_id.in_(topic_ids))),
        User.role.in_(EXPERT_ROLES), User.status == Status.APPROVED)).scalars()
    return [user for user in candidates if thread.language in user.languages]


def tell_followers(thread: Thread, actor: User, post: Post | None, body: str,
                   kind: NotificationKind) -> list[Notification]:
    """Mentioned members hear of a new answer or comment as a mention, followers as `kind`.
    Flush only."""
    mentions = mentioned(body)
    notes = notify(mentions, NotificationKind.MENTION, thread, actor, post)
    told = {u.id for u in mentions}
    notes += notify([u for u in followers(thread) if u.id not in told], kind, thread, actor,
                    post)
    return notes


# --- who hears of what: jobs behind the board's events ------------------------------------
# Each runs after the post is committed, so a question with many followers costs its writer
# nothing. A failed run rolls back whole and is tried again; `_told` keeps a run that had
# committed (a queue that delivered the job twice) from telling anyone a second time.

def _told(kinds: tuple[NotificationKind, ...], thread_id: int, post_id: int | None,
          actor_id: int | None, since=None) -> bool:
    query = select(Notification.id).where(Notification.kind.in_(kinds),
                                          Notification.thread_id == thread_id,
                                          Notification.actor_id == actor_id)
    query = query.where(Notification.post_id.is_(None) if post_id is None
                        else Notification.post_id == post_id)
    if since is not None:
        query = query.where(Notification.created_at >= since)
    return db.session.execute(query.limit(1)).first() is not None


@jobs.task()
def tell_of_question(thread_id: int) -> None:
    thread = db.session.get(Thread, thread_id)
    if thread is None or _told((NotificationKind.QUESTION, NotificationKind.MENTION),
                               thread.id, None, thread.author_id):
        return
    actor = thread.author
    notes = notify(experts_for(thread), NotificationKind.QUESTION, thread, actor)
    notes += notify(mentioned(thread.body_source), NotificationKind.MENTION, thread, actor)
    mail_later(notes)


@jobs.task()
def tell_of_answer(answer_id: int) -> None:
    post = db.session.get(Post, answer_id)
    if post is None or _told((NotificationKind.ANSWER, NotificationKind.MENTION),
                             post.thread_id, post.id, post.author_id):
        return
    mail_later(tell_followers(post.thread, post.author, post, post.body_source,
                              NotificationKind.ANSWER))


@jobs.task()
def tell_of_comment(comment_id: int) -> None:
    from forum.models import Comment  # noqa: PLC0415

    comment = db.session.get(Comment, comment_id)
    if comment is None or _told((NotificationKind.COMMENT, NotificationKind.MENTION),
                                comment.thread_id, comment.post_id, comment.author_id,
                                since=comment.created_at):
        return
    post = db.session.get(Post, comment.post_id) if comment.post_id else None
    mail_later(tell_followers(comment.thread, comment.author, post, comment.body_source,
                              NotificationKind.COMMENT))


@jobs.task()
def tell_of_acceptance(thread_id: int, answer_id: int, actor_id: int) -> None:
    thread, post = db.session.get(Thread, thread_id), db.session.get(Post, answer_id)
    if thread is None or post is None or thread.accepted_answer_id != post.id \
            or _told((NotificationKind.ACCEPTED,), thread.id, post.id, actor_id):
        return  # un-accepted or another answer accepted meanwhile: nothing to tell
    actor = db.session.get(User, actor_id)
    mail_later(notify([post.author] + followers(thread), NotificationKind.ACCEPTED, thread,
                      actor, post))


def _on_question(_sender, thread_id: int) -> None:
    jobs.enqueue(tell_of_question, thread_id)


def _on_answer(_sender, thread_id: int, answer_id: int) -> None:
    jobs.enqueue(tell_of_answer, answer_id)


def _on_comment(_sender, thread_id: int, comment_id: int) -> None:
    jobs.enqueue(tell_of_comment, comment_id)


def _on_acceptance(_sender, thread_id: int, answer_id: int, actor_id: int) -> None:
    jobs.enqueue(tell_of_acceptance, thread_id, answer_id, actor_id)


events.question_asked.connect(_on_question)
events.answer_posted.connect(_on_answer)
events.comment_posted.connect(_on_comment)
events.answer_accepted.connect(_on_acceptance)


def follow(user: User, thread: Thread) -> None:
    """Subscribe quietly (askers, answerers and commenters follow what they took part in)."""
    exists = db.session.get(Subscription, (user.id, thread.id))
    if exists is None:
        db.session.add(Subscription(user_id=user.id, thread_id=thread.id))


def mail_later(notes: list[Notification]) -> None:
    """Once the work commits, e-mail those whose members want it at once (a job)."""
    ids = [note.id for note in notes]
    if ids:
        events.record(events.notifications_created, notification_ids=ids)


@jobs.task()
def send_immediate_mail(ids: list[int]) -> None:
    """Queue one mail per notification not mailed yet (a retried job finds them mailed)."""
    notes = db.session.execute(
        select(Notification).where(Notification.id.in_(ids), Notification.emailed_at.is_(None))
        .options(selectinload(Notification.user), selectinload(Notification.thread),
                 selectinload(Notification.actor))).scalars()
    for note in notes:
        if note.user.mail_notifications is not MailSetting.IMMEDIATE \
                or not can(note.user, "forum.notification.list", note):
            continue
        url = url_for("forum.thread", thread_id=note.thread_id, _external=True)
        send_mail(note.user.email, note.user.language, subject_for(note.kind),
                  "forum_notification", member=note.user, notes=[note], url=url,
                  subject_for=subject_for)
        note.emailed_at = utcnow()
    db.session.flush()


def _mail_notifications(_sender, notification_ids: list[int]) -> None:
    jobs.enqueue(send_immediate_mail, notification_ids)


events.notifications_created.connect(_mail_notifications)

# Two consumers (two machines) may both run the digest: a member's digest is claimed with
# one conditional UPDATE of digest_sent_at, which only one of them can win.
DIGEST_INTERVAL = timedelta(hours=23)


@jobs.periodic(jobs.crontab(minute="5", hour="*"))
def send_digests(now=None) -> int:
    """One e-mail per daily-digest member with unread, un-mailed notifications, at most one
    a day each. The queue runs it hourly, so a member's summary comes about a day after the
    last; returns how many were sent."""
    now = now or utcnow()
    member_ids = db.session.execute(
        select(User.id).where(User.mail_notifications == MailSetting.DAILY,
                              User.status == Status.APPROVED,
                              or_(User.digest_sent_at.is_(None),
                                  User.digest_sent_at <= now - DIGEST_INTERVAL))
        .where(select(Notification.id).where(
            Notification.user_id == User.id, Notification.read_at.is_(None),
            Notification.emailed_at.is_(None)).exists())).scalars().all()
    sent = 0
    for member_id in member_ids:
        sent += _send_digest(member_id, now)
        db.session.commit()  # each member's digest is its own unit: claimed, queued, done
    return sent


def _send_digest(member_id: int, now) -> bool:
    claimed = db.session.execute(
        update(User).where(User.id == member_id,
                           or_(User.digest_sent_at.is_(None),
                               User.digest_sent_at <= now - DIGEST_INTERVAL))
        .values(digest_sent_at=now).execution_options(synchronize_session=False)).rowcount
    if not claimed:  # another consumer sent it meanwhile
        return False
    member = db.session.get(User, member_id)
    notes = list(db.session.execute(
        select(Notification).where(*where(member, "forum.notification.list"),
                                   Notification.read_at.is_(None),
                                   Notification.emailed_at.is_(None))
        .options(selectinload(Notification.thread), selectinload(Notification.actor))
        .order_by(Notification.id).with_for_update(of=Notification)).scalars())
    if not notes:  # all about threads hidden or deleted since: nothing to tell
        return False
    send_mail(member.email, member.language, _l("Your daily summary from the advice board"),
              "forum_digest", member=member, notes=notes, subject_for=subject_for,
              url=url_for("forum.notifications", _external=True))
    for note in notes:
        note.emailed_at = now
    db.session.flush()
    return True


def unread_count(user: User) -> int:
    return db.session.execute(
        select(func.count()).select_from(Notification)
        .where(*where(user, "forum.notification.list"), Notification.read_at.is_(None))
    ).scalar_one()


def notifications_page(actor: User, before: int | None) -> Page:
    """The member's notifications, newest first."""
    require(actor, "forum.member.notifications")
    # only while the member may still see what each points to (forum/policy.py): a thread
    # hidden or deleted since leaves the list, title and all
    query = (select(Notification).where(*where(actor, "forum.notification.list"))
             .options(selectinload(Notification.thread), selectinload(Notification.actor)))
    return keyset_page(query, Notification.id, before, ascending=False)


def open_notification(actor: User, note_id: int) -> Notification | None:
    """Mark one of the member's notifications read; None when it is not theirs."""
    require(actor, "forum.member.notifications")
    note = db.session.get(Notification, note_id)
    if note is None or not can(actor, "forum.notification.list", note):
        return None
    if note.read_at is None:
        note.read_at = utcnow()
        db.session.flush()
    return note


def mark_all_read(actor: User) -> None:
    """Mark every notification of the member read."""
    require(actor, "forum.member.notifications")
    db.session.execute(update(Notification).where(Notification.user_id == actor.id,
                                                  Notification.read_at.is_(None))
                       .values(read_at=utcnow()))
    db.session.flush()
