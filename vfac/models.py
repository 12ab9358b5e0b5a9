"""Shared model pieces: timestamps, visibility and the topics every pillar is tagged with."""
from __future__ import annotations

import enum
from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, Enum, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vfac.extensions import db


def enum_column(cls: type[enum.Enum], length: int = 20) -> Enum:
    """An enum stored by member name in a plain string column (no database ENUM type)."""
    return Enum(cls, native_enum=False, length=length, validate_strings=True)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)


class Visibility(enum.Enum):
    PUBLIC = "public"
    MEMBERS = "members"
    RESTRICTED = "restricted"  # law-enforcement and judicial members only


class FileCheck(enum.Enum):
    """Where an uploaded PDF (a paper's, a lesson's) is in its check, which runs as a job.

    Only a PASSED file is ever served: until then the raw upload waits in quarantine.
    """

    CHECKING = "checking"
    PASSED = "passed"
    REFUSED = "refused"


class Topic(db.Model):
    """One of the nine topics of the UN comprehensive study; names per UI language."""

    __tablename__ = "vfac_topic"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[dict[str, str]] = mapped_column(JSON)
    description: Mapped[dict[str, str]] = mapped_column(JSON)

    def name_in(self, language: str) -> str:
        return self.name.get(language) or self.name["en"]

    def description_in(self, language: str) -> str:
        return self.description.get(language) or self.description["en"]


class SearchEntry(db.Model):
    """One searchable item of any pillar (a paper, a course, a thread) for vfac/search.py.

    The normalised text lives beside it in a dialect's own full-text structure: the FTS5
    table `vfac_search_fts` (rowid = id) on SQLite, the `search_vector` tsvector column with
    a GIN index on PostgreSQL; both are created by the migration, not by the model.
    """

    __tablename__ = "vfac_search_entry"
    __table_args__ = (UniqueConstraint("kind", "object_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(5), index=True)
    visibility: Mapped[Visibility] = mapped_column(
        enum_column(Visibility, 24), index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 onupdate=utcnow)


class CounterBatch(db.Model):
    """A batch of counts moved from Redis into the database (vfac/counters.py).

    Recorded in the transaction that applies the batch: a batch applied once is never
    applied again, by a second flusher at the same time or after a crash between the
    commit and the deletion of the batch in Redis.
    """

    __tablename__ = "vfac_counter_batch"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the batch key's uuid
    applied_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)
