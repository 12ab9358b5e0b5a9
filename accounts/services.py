"""The rules for members: the only code here that changes data. Public functions take the actor."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from flask_security import hash_password
from sqlalchemy import delete, func, select
from sqlalchemy.orm import selectinload

from accounts import audit
from accounts.mail import send_again as resend_mail
from accounts.mail import send_mail
from accounts.models import (PROFILE_SHOWN_BY_DEFAULT, VETTED_IDENTITY_FIELDS, AuditEvent,
                             MailSetting, MailStatus, OutgoingMail, Profession, Role, Status,
                             User, UserSession, expertise)
from accounts.permissions import can, profile_shows, require
from accounts.usernames import skeleton
from vfac import events, unit_of_work
from vfac.extensions import db, security
from vfac.models import Topic, utcnow
from vfac.topics import topics_by_slugs
from vfac.pagination import Page, keyset_page


class ServiceError(Exception):
    """A rule was broken in a way the member can fix; the message is translated.

    Raising it fails the unit of work: whatever the service had begun is rolled back at
    the boundary, even when a view catches the error to redisplay its form.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        unit_of_work.failed()


def find_by_identity(identity: str) -> User | None:
    """The member whose username or e-mail (any case) is `identity`."""
    column = User.email if "@" in identity else User.username
    return db.session.execute(
        select(User).where(func.lower(column) == identity.casefold())).scalar_one_or_none()


def username_look_alike(username: str) -> User | None:
    """A member whose username looks like this one (same skeleton), if any."""
    return db.session.execute(select(User).where(User.username_skeleton == skeleton(username))
                              .order_by(User.id).limit(1)).scalar_one_or_none()


def member_by_username(username: str) -> User | None:
    return find_by_identity(username) if "@" not in username else None


@dataclass(frozen=True)
class MemberCard:
    """A member as a list shows them to one viewer: the facts they hid from it are None."""

    member: User
    organisation: str | None
    country: str | None


def member_card(viewer, member: User) -> MemberCard:
    """The member with only the organisation and country they show this viewer."""
    return MemberCard(member,
                      member.organisation if profile_shows(viewer, member, "organisation")
                      else None,
                      member.country if profile_shows(viewer, member, "country") else None)


def experts_in(actor, topic: Topic, limit: int = 12) -> tuple[list[MemberCard], int]:
    """Approved experts of a topic (for members only: experts are targets too), and how many."""
    if not can(actor, "accounts.member.view"):
        return [], 0
    where = [User.status == Status.APPROVED, User.active.is_(True),
             User.role.in_([r for r in Role if r >= Role.EXPERT]),
             User.id.in_(select(expertise.c.user_id).where(expertise.c.topic_id == topic.id))]
    total = db.session.execute(select(func.count()).select_from(User).where(*where)).scalar_one()
    experts = db.session.execute(select(User).where(*where).order_by(User.full_name, User.id)
                                 .limit(limit)).scalars()
    return [member_card(actor, e) for e in experts], total


def login_failed(identity: str, user: User | None, **detail: str) -> None:
    """Record a failed login (the identity is kept for unknown names, to see spraying)."""
    audit.record("login.failure", subject=user, identity=identity[:80], **detail)
    db.session.flush()


def on_registered(user: User) -> None:
    """A new registration waits for vetting (called from Flask-Security's signal)."""
    user.status = Status.PENDING
    user.role = Role.MEMBER
    db.session.flush()
    audit.record("member.registered", actor=user, subject=user, country=user.country,
                 profession=user.profession.value)
    events.record(events.member_registered, member_id=user.id)


def on_confirmed(user: User) -> None:
    audit.record("member.confirmed", actor=user, subject=user)


@dataclass(frozen=True)
class Decision:
    approve: bool
    reason: str = ""


def vet_member(actor: User, member: User, decision: Decision) -> None:
    """Approve or reject a pending (or earlier rejected) member and tell them by mail."""
    require(actor, "accounts.member.vet", member)
    if member.status is Status.APPROVED:
        raise ServiceError(_l("This member has already been approved."))
    if member.status is Status.SUSPENDED:  # vetting again must not undo a suspension
        raise ServiceError(_l("This member is suspended: reinstate them instead."))
    if member.confirmed_at is None:
        raise ServiceError(_l("This member has not confirmed their e-mail address yet."))
    member.status = Status.APPROVED if decision.approve else Status.REJECTED
    member.status_reason = None if decision.approve else decision.reason.strip()
    member.reviewed_at = utcnow()
    member.reviewed_by_id = actor.id
    audit.record("member.approved" if decision.approve else "member.rejected", actor=actor,
                 subject=member, **({} if decision.approve else {"reason": decision.reason}))
    db.session.flush()
    events.record(events.member_approved if decision.approve else events.member_rejected,
                  member_id=member.id)
    if decision.approve:
        send_mail(member.email, member.language, _l("Your VFAC membership is approved"),
                  "approved", user=member)
    else:
        send_mail(member.email, member.language, _l("Your VFAC registration"),
                  "rejected", user=member, reason=member.status_reason)


def change_role(actor: User, member: User, role: Role, topic_slugs: list[str] = ()) -> None:
    """Give a member another role and, from expert up, their topics of expertise."""
    require(actor, "accounts.member.change_role", member)
    if not member.is_approved:
        raise ServiceError(_l("Only approved members can be given a role."))
    topics = topics_by_slugs(topic_slugs) if role >= Role.EXPERT else []
    if role is Role.EXPERT and not topics:
        raise ServiceError(_l("Choose at least one topic for an expert."))
    old_role, old_topics = member.role, [t.slug for t in member.expert_topics]
    if old_role is role and old_topics == [t.slug for t in topics]:
        return
    member.role = role
    member.expert_topics = topics
    audit.record("member.role_changed", actor=actor, subject=member, old=old_role.name.lower(),
                 new=role.name.lower(), topics=" ".join(t.slug for t in topics))
    db.session.flush()


def _end_every_session(member: User) -> int:
    """Log the member out everywhere at once (flushes); returns how many sessions ended.

    The rows go, and a new fs_uniquifier makes whatever still names the old one worthless:
    a session cookie or row that escaped the delete, auth and remember tokens, and
    outstanding reset and confirmation links.
    """
    ended = db.session.execute(delete(UserSession).where(UserSession.user_id == member.id))
    security.datastore.set_uniquifier(member)
    return ended.rowcount or 0


def suspend_member(actor: User, member: User, reason: str) -> int:
    """Take an approved member's access away at once, tell them why; sessions ended."""
    require(actor, "accounts.member.suspend", member)
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(_l("Give the reason for the suspension: the member is told it."))
    if member.status is not Status.APPROVED:
        raise ServiceError(_l("Only approved members can be suspended."))
    member.status, member.status_reason = Status.SUSPENDED, reason
    member.suspended_at = utcnow()
    member.active = False  # Flask-Security then refuses the member everywhere it loads one
    ended = _end_every_session(member)
    audit.record("member.suspended", actor=actor, subject=member, reason=reason, sessions=ended)
    db.session.flush()
    send_mail(member.email, member.language, _l("Your VFAC membership is suspended"),
              "suspended", user=member, reason=reason)
    return ended


def reinstate_member(actor: User, member: User) -> None:
    """Give a suspended member their access back and tell them by mail."""
    require(actor, "accounts.member.reinstate", member)
    if member.status is not Status.SUSPENDED:
        raise ServiceError(_l("This member is not suspended."))
    member.status, member.status_reason = Status.APPROVED, None
    member.suspended_at = None
    member.active = True
    audit.record("member.reinstated", actor=actor, subject=member)
    db.session.flush()
    send_mail(member.email, member.language, _l("Your VFAC membership is restored"),
              "reinstated", user=member)


def end_member_sessions(actor: User, member: User) -> int:
    """Staff log a member out of every device (a stolen laptop); how many sessions ended."""
    require(actor, "accounts.member.end_sessions", member)
    ended = _end_every_session(member)
    audit.record("member.sessions_ended", actor=actor, subject=member, sessions=ended)
    db.session.flush()
    return ended


@dataclass(frozen=True)
class SettingsInput:
    full_name: str
    organisation: str
    language: str
    reads_languages: list[str] = field(default_factory=list)
    mail_notifications: MailSetting = MailSetting.IMMEDIATE
    profile_shows: list[str] = field(default_factory=lambda: list(PROFILE_SHOWN_BY_DEFAULT))
    followed_topics: tuple[str, ...] = ()  # topic slugs


def update_settings(actor: User, data: SettingsInput) -> None:
    """Change one's own name, organisation, languages, topics and member-page privacy.

    Once a member is vetted, a new name or organisation waits for a moderator
    (identity_change) and the vetted one stays on certificates and bylines until then.
    """
    values = {k: v for k, v in vars(data).items() if k != "followed_topics"}
    changed = {k: v for k, v in values.items()
               if getattr(actor, k) != v and k not in VETTED_IDENTITY_FIELDS}
    if actor.status in (Status.APPROVED, Status.SUSPENDED):
        if _propose_identity(actor, {k: values[k] for k in VETTED_IDENTITY_FIELDS}):
            changed["identity_change"] = actor.identity_change
    else:  # not vetted yet: moderators will see the new values when they vet
        changed.update({k: values[k] for k in VETTED_IDENTITY_FIELDS
                        if getattr(actor, k) != values[k]})
    if [t.slug for t in actor.followed_topics] != list(data.followed_topics):
        topics = topics_by_slugs(list(data.followed_topics))
        if [t.slug for t in actor.followed_topics] != [t.slug for t in topics]:
            actor.followed_topics = topics
            changed["followed_topics"] = topics
    if not changed:
        return
    for key, value in changed.items():
        if key not in ("identity_change", "followed_topics"):
            setattr(actor, key, value)
    audit.record("member.profile_changed", actor=actor, subject=actor, fields=",".join(changed))
    db.session.flush()


def _propose_identity(member: User, wanted: dict[str, str]) -> bool:
    """Keep the identity fields that differ from the vetted ones as waiting; True if changed."""
    proposal = {k: v for k, v in wanted.items() if getattr(member, k) != v} or None
    if proposal == member.identity_change:
        return False
    member.identity_change = proposal
    member.identity_change_at = utcnow() if proposal else None
    if proposal:
        audit.record("member.identity_proposed", actor=member, subject=member, **proposal)
    return True


def review_identity_change(actor: User, member: User, approve: bool) -> None:
    """A moderator applies or refuses a member's new name or organisation; the member is told."""
    require(actor, "accounts.member.review_identity", member)
    proposal = dict(member.identity_change or {})
    if not proposal:
        raise ServiceError(_l("There is no change of name or organisation waiting."))
    old = {k: getattr(member, k) for k in proposal}
    if approve:
        for key, value in proposal.items():
            setattr(member, key, value)
    member.identity_change = member.identity_change_at = None
    audit.record("member.identity_approved" if approve else "member.identity_refused",
                 actor=actor, subject=member,
                 **{f"{k}_old": v for k, v in old.items()}, **proposal)
    db.session.flush()
    send_mail(member.email, member.language, _l("Your change of name or organisation"),
              "identity_reviewed", user=member, approved=approve, proposal=proposal)


def set_language(actor: User, language: str) -> None:
    """The language switcher, for a signed-in member: it is their preference from now on."""
    if actor.language != language:
        actor.language = language
        db.session.flush()


def active_sessions(actor: User) -> list[UserSession]:
    """The member's signed-in sessions that have not expired, newest first."""
    return list(db.session.execute(
        select(UserSession).where(UserSession.user_id == actor.id,
                                  UserSession.expires_at > utcnow())
        .order_by(UserSession.last_seen_at.desc()).limit(50)).scalars())


def end_session(actor: User, session_id: int) -> bool:
    """End one of the member's own sessions (another device); False if there is none."""
    record = db.session.get(UserSession, session_id)
    if record is None or record.user_id != actor.id:
        return False
    db.session.delete(record)
    audit.record("session.ended", actor=actor, subject=actor, session=session_id)
    db.session.flush()
    return True


def end_other_sessions(actor: User, keep_token_hash: str | None) -> int:
    """Log the member out everywhere but here; returns how many sessions ended."""
    others = [s for s in active_sessions(actor) if s.token_hash != keep_token_hash]
    for record in others:
        db.session.delete(record)
    if others:
        audit.record("session.ended", actor=actor, subject=actor, sessions=len(others))
        db.session.flush()
    return len(others)


def audit_events(actor: User, before_id: int | None = None, action: str | None = None) -> Page:
    """The audit log, newest first, a page at a time."""
    require(actor, "accounts.audit.view")
    # the page names both members of every row: load them with the page, not one by one
    query = select(AuditEvent).options(selectinload(AuditEvent.actor),
                                       selectinload(AuditEvent.subject))
    if action:
        query = query.where(AuditEvent.action == action)
    return keyset_page(query, AuditEvent.id, before_id, ascending=False)


def members(actor: User, after_id: int | None = None, status: Status | None = None,
            q: str = "", identity_changes: bool = False) -> Page:
    """Members for the administration page, filtered by status and a name/e-mail fragment."""
    require(actor, "accounts.member.list")
    query = select(User)
    if identity_changes:  # the queue of vetted members whose new name waits for a moderator
        query = query.where(User.identity_change_at.is_not(None))
    if status is not None:
        query = query.where(User.status == status)
        if status is Status.PENDING:
            query = query.where(User.confirmed_at.is_not(None))
    if q:
        like = f"%{q.casefold().replace('%', '').replace('_', '')}%"
        query = query.where(func.lower(User.username).like(like)
                            | func.lower(User.full_name).like(like)
                            | func.lower(User.email).like(like))
    return keyset_page(query, User.id, after_id, ascending=True)


@dataclass(frozen=True)
class NewMember:
    username: str
    email: str
    password: str
    full_name: str
    country: str
    organisation: str
    profession: Profession
    language: str = "en"
    statement: str = ""
    role: Role = Role.MEMBER
    expert_topics: tuple[str, ...] = ()


def create_member(actor: User | None, data: NewMember) -> User:
    """Create an approved, confirmed member without the e-mail round trip (CLI and demo)."""
    if actor is not None:
        require(actor, "accounts.member.change_role")
    user = security.datastore.create_user(
        username=data.username, email=data.email, password=hash_password(data.password),
        full_name=data.full_name, country=data.country, organisation=data.organisation,
        profession=data.profession, language=data.language, statement=data.statement,
        role=data.role, status=Status.APPROVED, confirmed_at=utcnow(), reviewed_at=utcnow())
    user.expert_topics = topics_by_slugs(list(data.expert_topics))
    db.session.flush()
    audit.record("admin.created" if data.role is Role.ADMINISTRATOR else "member.registered",
                 actor=actor, subject=user)
    db.session.flush()
    return user


# --- mail: one-click unsubscribe, the outbox for administrators ----------------------------

def unsubscribe_target(member_id: int | None) -> User | None:
    """The member an unsubscribe link names (its signature checked by the caller)."""
    return db.session.get(User, member_id) if member_id is not None else None


def unsubscribe(member: User) -> None:
    """Turn a member's notification mails off from the link in one of them (RFC 8058).
    The signed link is the proof: no sign-in is asked for."""
    if member.mail_notifications is not MailSetting.NEVER:
        member.mail_notifications = MailSetting.NEVER
        audit.record("mail.unsubscribed", actor=member, subject=member)
        db.session.flush()


@dataclass(frozen=True)
class MailQueue:
    counts: dict[str, int]
    mails: Page
    failures: list[AuditEvent]


def mail_queue(actor: User, status: MailStatus | None, before_id: int | None = None
               ) -> MailQueue:
    """The outbox for the jobs page: how many mails in each state, the mails of one state
    (newest first), the last background jobs that failed for good."""
    require(actor, "accounts.jobs.view")
    counts = {state.value: 0 for state in MailStatus}
    for state, count in db.session.execute(select(OutgoingMail.status, func.count())
                                           .group_by(OutgoingMail.status)):
        counts[state.value] = count
    query = select(OutgoingMail).options(selectinload(OutgoingMail.user))
    if status is not None:
        query = query.where(OutgoingMail.status == status)
    failures = list(db.session.execute(
        select(AuditEvent).where(AuditEvent.action == "job.failed")
        .order_by(AuditEvent.id.desc()).limit(20)).scalars())
    return MailQueue(counts, keyset_page(query, OutgoingMail.id, before_id, ascending=False),
                     failures)


def send_mail_again(actor: User, mail_id: int) -> bool:
    """Queue a mail the queue gave up on once more (SMTP is back, the address fixed)."""
    require(actor, "accounts.jobs.retry")
    mail = db.session.get(OutgoingMail, mail_id)
    if mail is None or not resend_mail(mail_id):
        return False
    audit.record("mail.resent", actor=actor, subject=mail.user, mail=mail.id)
    db.session.flush()
    return True
