"""Members in numbers, for the administrators' dashboard: one grouped query per table.

Each row starts with a label in the UI language and the raw code (what the CSV keeps for
other tools), then the numbers. Every table is bounded: a row per status, role,
profession or country (fewer than 250), however many members there are.
"""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import case, func, select

from accounts.forms import country_name, profession_labels, role_labels
from accounts.models import Status, User
from vfac.extensions import db
from vfac.pillars import Table


def _count_if(condition: Any) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


_APPROVED = User.status == Status.APPROVED
_PENDING = User.status == Status.PENDING
_HAS_2FA = User.tf_primary_method.is_not(None) & User.tf_totp_secret.is_not(None)


def dashboard_tables() -> list[Table]:
    """The members' tables: totals by status, then by country, profession and role."""
    return [by_status(), by_country(), by_profession(), by_role()]


def by_status() -> Table:
    """Members by status: the dashboard's headline figures (pending = the vetting queue)."""
    labels = {Status.APPROVED: _("Approved"), Status.PENDING: _("Waiting for review"),
              Status.REJECTED: _("Rejected"), Status.SUSPENDED: _("Suspended")}
    counts = dict(db.session.execute(select(User.status, func.count()).group_by(User.status))
                  .all())
    return Table("members-totals", _("Members"), [_("Status"), _("Code"), _("Members")],
                 [[label, status.value, counts.get(status, 0)]
                  for status, label in labels.items()])


def members_by_country() -> dict[str, int]:
    """Approved members per country code (upper case, as stored); the world map draws it."""
    return dict(db.session.execute(
        select(User.country, func.count()).where(_APPROVED).group_by(User.country)).all())


def by_country() -> Table:
    """Approved and waiting members per country, the largest first."""
    approved = _count_if(_APPROVED)
    rows = db.session.execute(
        select(User.country, approved, _count_if(_PENDING))
        .where(User.status.in_([Status.APPROVED, Status.PENDING]))
        .group_by(User.country).order_by(approved.desc(), User.country))
    return Table("members-by-country", _("Members by country"),
                 [_("Country"), _("Code"), _("Approved members"), _("Waiting for review")],
                 [[country_name(code), code, n, waiting] for code, n, waiting in rows])


def by_profession() -> Table:
    """Approved and waiting members per profession, every profession listed."""
    counts = {profession: (n, waiting) for profession, n, waiting in db.session.execute(
        select(User.profession, _count_if(_APPROVED), _count_if(_PENDING))
        .group_by(User.profession))}
    return Table("members-by-profession", _("Members by profession"),
                 [_("Profession"), _("Code"), _("Approved members"), _("Waiting for review")],
                 [[str(label), profession.value, *counts.get(profession, (0, 0))]
                  for profession, label in profession_labels().items()])


def by_role() -> Table:
    """Approved members per role, and how many of them use two-factor authentication."""
    counts = {role: (n, with_2fa) for role, n, with_2fa in db.session.execute(
        select(User.role, func.count(), _count_if(_HAS_2FA)).where(_APPROVED)
        .group_by(User.role))}
    return Table("members-by-role", _("Members by role"),
                 [_("Role"), _("Code"), _("Approved members"),
                  _("With two-factor authentication")],
                 [[str(label), role.name.lower(), *counts.get(role, (0, 0))]
                  for role, label in sorted(role_labels().items())],
                 notes=[_("Moderators and administrators need two-factor authentication "
                          "before their rights count.")])
