"""The audit log: one function writes it, every security-relevant service calls it."""
from __future__ import annotations

from typing import Any

from flask import has_request_context

from accounts.models import AuditEvent, User
from vfac.extensions import client_ip, db


def record(action: str, actor: User | None = None, subject: User | None = None,
           **detail: Any) -> AuditEvent:
    """Add an audit event to the current transaction (the caller commits)."""
    event = AuditEvent(action=action, actor_id=actor.id if actor else None,
                       subject_id=subject.id if subject else None,
                       ip=client_ip()[:45] if has_request_context() else "",
                       detail={k: str(v) for k, v in detail.items()})
    db.session.add(event)
    return event


# Refused requests (vfac/errors.py): recorded, but they change nothing else
REFUSALS = ("access.denied", "csrf.failed", "rate.limited")


# What each action means, for the audit page; the keys are stored, the labels translated.
def action_labels() -> dict[str, str]:
    from flask_babel import gettext as _  # noqa: PLC0415

    return {
        "login.success": _("Signed in"),
        "login.failure": _("Failed sign-in"),
        "access.denied": _("Refused: not allowed"),
        "csrf.failed": _("Form refused: its security token was missing or expired"),
        "rate.limited": _("Too many requests: refused for a while"),
        "logout": _("Signed out"),
        "member.registered": _("Registered"),
        "member.confirmed": _("Confirmed e-mail address"),
        "member.approved": _("Approved"),
        "member.rejected": _("Rejected"),
        "member.role_changed": _("Role changed"),
        "member.profile_changed": _("Profile changed"),
        "member.suspended": _("Suspended"),
        "member.reinstated": _("Reinstated"),
        "member.sessions_ended": _("All sessions ended by staff"),
        "member.identity_proposed": _("Change of name or organisation asked for"),
        "member.identity_approved": _("Change of name or organisation approved"),
        "member.identity_refused": _("Change of name or organisation refused"),
        "password.changed": _("Password changed"),
        "password.reset": _("Password reset"),
        "2fa.enabled": _("Two-factor authentication turned on"),
        "2fa.disabled": _("Two-factor authentication turned off"),
        "2fa.recovery_codes": _("Recovery codes generated"),
        "2fa.failure": _("Wrong two-factor code"),
        "2fa.challenge_ended": _("Sign-in stopped after too many wrong codes"),
        "session.ended": _("Session ended"),
        "admin.created": _("Administrator created"),
        "paper.approved": _("Paper approved"),
        "paper.rejected": _("Paper sent back"),
        "paper.downloaded": _("Paper downloaded"),
        "forum.hidden": _("Board post hidden"),
        "forum.unhidden": _("Board post shown again"),
        "forum.deleted": _("Board post deleted"),
        "forum.restored": _("Board post restored"),
        "forum.edited": _("Board post edited by a moderator"),
        "forum.accepted": _("Answer accepted by a moderator"),
        "forum.locked": _("Thread locked"),
        "forum.unlocked": _("Thread unlocked"),
        "forum.pinned": _("Thread pinned"),
        "forum.unpinned": _("Thread unpinned"),
        "forum.moved": _("Thread moved"),
        "forum.flag_dismissed": _("Flag dismissed"),
        "mail.failed": _("E-mail given up after failed attempts"),
        "mail.resent": _("E-mail sent again by an administrator"),
        "mail.unsubscribed": _("Notification e-mails turned off from an e-mail"),
        "job.failed": _("Background job failed"),
    }
