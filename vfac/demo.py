"""Demo content for `make run`: one member per role, and two registrations waiting for vetting.

Idempotent: a member that exists (by username) is left as it is.
"""
from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from accounts.models import Profession, Role, Status, User
from accounts.services import NewMember, create_member
from vfac.extensions import db
from vfac.models import utcnow
from vfac.topics import topics_by_slugs

DEMO_PASSWORD = "cyber-forum-demo-2026"

MEMBERS = [
    NewMember("admin", "admin@demo.vfac.invalid", DEMO_PASSWORD, "Amina Haddad", "MA",
              "VFAC secretariat", Profession.GOVERNMENT, "en", role=Role.ADMINISTRATOR),
    NewMember("moderator", "moderator@demo.vfac.invalid", DEMO_PASSWORD, "Lucía Fernández",
              "CO", "Fiscalía General de la Nación", Profession.PROSECUTOR, "es",
              role=Role.MODERATOR),
    NewMember("expert", "expert@demo.vfac.invalid", DEMO_PASSWORD, "Dmitri Volkov", "KZ",
              "Digital forensics laboratory", Profession.POLICE, "ru", role=Role.EXPERT,
              expert_topics=("investigation", "electronic-evidence")),
    NewMember("instructor", "instructor@demo.vfac.invalid", DEMO_PASSWORD, "Claire Dubois",
              "SN", "École nationale de police", Profession.POLICE, "fr", role=Role.INSTRUCTOR),
    NewMember("officer", "officer@demo.vfac.invalid", DEMO_PASSWORD, "Kofi Mensah", "GH",
              "Ghana Police Service, Cybercrime Unit", Profession.POLICE, "en"),
    NewMember("academic", "academic@demo.vfac.invalid", DEMO_PASSWORD, "Wang Li", "CN",
              "University research centre on cyber law", Profession.ACADEMIC, "zh"),
]

# The topics some demo members follow (their home page shows what is new in them), and
# the officer also shows certificate links on his member page.
FOLLOWS = {"officer": ("investigation", "electronic-evidence", "international-cooperation"),
           "academic": ("legislation", "criminalization", "human-rights"),
           "instructor": ("legislation", "electronic-evidence", "criminal-justice")}
SHOWS_CERTIFICATES = {"academic"}

# Confirmed registrations that wait in the vetting queue.
PENDING = [
    NewMember("prosecutor", "prosecutor@demo.vfac.invalid", DEMO_PASSWORD, "Fatou Diop", "SN",
              "Parquet du tribunal de grande instance de Dakar", Profession.PROSECUTOR, "fr",
              "Je traite des dossiers d'escroquerie en ligne et j'ai besoin de formation sur "
              "la conservation des preuves électroniques détenues à l'étranger."),
    NewMember("judge", "judge@demo.vfac.invalid", DEMO_PASSWORD, "Omar Khalil", "JO",
              "محكمة بداية عمان", Profession.JUDGE, "ar",
              "أنظر في قضايا الاحتيال الإلكتروني وأحتاج إلى فهم أفضل لقبول الأدلة الإلكترونية."),
]


def seed() -> Iterator[str]:
    """Create the demo members that do not exist yet; yield a line per member."""
    for data in MEMBERS + PENDING:
        existing = db.session.execute(
            select(User).where(User.username == data.username)).scalar_one_or_none()
        if existing is not None:
            yield f"{data.username}: exists"
            continue
        user = create_member(None, data)
        user.followed_topics = topics_by_slugs(list(FOLLOWS.get(data.username, ())))
        if data.username in SHOWS_CERTIFICATES:
            user.profile_shows = [*user.profile_shows, "certificates"]
        db.session.commit()
        if data in PENDING:
            user.status = Status.PENDING
            user.reviewed_at = None
            user.confirmed_at = utcnow()
            db.session.commit()
        yield f"{data.username}: created ({user.role.name.lower()}, {user.status.value})"
