"""Research library: papers, their ordered authors and their files (every version kept)."""
from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import (JSON, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from accounts.models import User
from vfac.extensions import db
from vfac.models import FileCheck, TimestampMixin, Topic, Visibility, enum_column, utcnow


class PaperType(enum.Enum):
    ARTICLE = "article"
    REPORT = "report"
    THESIS = "thesis"
    BOOK = "book"
    GUIDE = "guide"
    LEGISLATION = "legislation"
    LEGISLATION_ANALYSIS = "legislation-analysis"
    CASE_STUDY = "case-study"
    TRAINING_MATERIAL = "training-material"


class Status(enum.Enum):
    DRAFT = "draft"
    # submitted, but its newest PDF is still being checked: not the moderators' yet
    CHECKING = "checking"
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"


# World regions as the UN and the regional conventions group them; a paper has one.
REGIONS = ("global", "africa", "arab-states", "asia-pacific", "europe", "latin-america",
           "north-america")


paper_topic = db.Table(
    "research_paper_topic",
    db.Column("paper_id", ForeignKey("research_paper.id", ondelete="CASCADE"), primary_key=True),
    db.Column("topic_id", ForeignKey("vfac_topic.id", ondelete="CASCADE"), primary_key=True,
              index=True),
)


class Paper(TimestampMixin, db.Model):
    __tablename__ = "research_paper"
    __table_args__ = (Index("ix_research_paper_status_year", "status", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    abstract: Mapped[str] = mapped_column(Text)
    year: Mapped[int] = mapped_column(Integer, index=True)
    type: Mapped[PaperType] = mapped_column(enum_column(PaperType, 24), index=True)
    language: Mapped[str] = mapped_column(String(5), index=True)
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)  # ISO 3166 alpha-2
    region: Mapped[str] = mapped_column(String(20), index=True, default="global")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    licence: Mapped[str] = mapped_column(String(100), default="")
    publisher: Mapped[str] = mapped_column(String(200), default="")
    doi: Mapped[str | None] = mapped_column(String(200), index=True)
    url: Mapped[str] = mapped_column(String(500), default="")
    visibility: Mapped[Visibility] = mapped_column(enum_column(Visibility, 24), index=True,
                                                   default=Visibility.PUBLIC)
    status: Mapped[Status] = mapped_column(enum_column(Status, 24), index=True,
                                           default=Status.DRAFT)
    rejection_reason: Mapped[str] = mapped_column(Text, default="")
    submitter_id: Mapped[int] = mapped_column(ForeignKey("accounts_user.id"), index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # the OAI-PMH datestamp: when the public record last changed (set on publish and edit)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    download_count: Mapped[int] = mapped_column(Integer, default=0)

    submitter: Mapped[User] = relationship()
    topics: Mapped[list[Topic]] = relationship(secondary=paper_topic, order_by=Topic.position)
    authors: Mapped[list[Author]] = relationship(
        back_populates="paper", order_by="Author.position", cascade="all, delete-orphan")
    files: Mapped[list[PaperFile]] = relationship(
        back_populates="paper", order_by="PaperFile.version.desc()",
        cascade="all, delete-orphan")

    @property
    def is_published(self) -> bool:
        return self.status is Status.PUBLISHED

    @property
    def passed_files(self) -> list[PaperFile]:
        """The versions readers get, newest first: only files whose check passed."""
        return [f for f in self.files if f.check_state is FileCheck.PASSED]

    @property
    def current_file(self) -> PaperFile | None:
        """The newest version that passed its check: the one served and indexed."""
        return next((f for f in self.files if f.check_state is FileCheck.PASSED), None)

    @property
    def latest_file(self) -> PaperFile | None:
        """The newest upload in any state (being checked, refused): its submitter's news."""
        return self.files[0] if self.files else None

    @property
    def author_names(self) -> list[str]:
        return [a.name for a in self.authors]


class Author(db.Model):
    __tablename__ = "research_author"

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("research_paper.id", ondelete="CASCADE"),
                                          index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    affiliation: Mapped[str] = mapped_column(String(300), default="")
    orcid: Mapped[str | None] = mapped_column(String(19))

    paper: Mapped[Paper] = relationship(back_populates="authors")


class Extraction(enum.Enum):
    PENDING = "pending"
    DONE = "done"
    FAILED = "failed"


class PaperFile(db.Model):
    """One version of a paper's PDF; a new upload adds a version and keeps the old ones.

    An upload waits in quarantine (files.quarantine_path) while a job checks it; stored_name
    is the name its clean copy gets, and size and sha256 are the upload's until then.
    """

    __tablename__ = "research_file"
    __table_args__ = (UniqueConstraint("paper_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("research_paper.id", ondelete="CASCADE"),
                                          index=True)
    version: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(200))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    extraction: Mapped[Extraction] = mapped_column(enum_column(Extraction, 24),
                                                   default=Extraction.PENDING)
    # deferred: lists and pages never load the full text, only search indexing does
    text: Mapped[str] = deferred(mapped_column(Text, default=""))
    # a new row is checked first; rows from before the check ran as a job had passed it at
    # upload (migration 0011), hence the server default
    check_state: Mapped[FileCheck] = mapped_column(enum_column(FileCheck, 16),
                                                   default=FileCheck.CHECKING,
                                                   server_default=FileCheck.PASSED.name)
    # why it was refused: a key of files.REFUSALS ("script", "encrypted"...)
    refusal: Mapped[str] = mapped_column(String(20), default="", server_default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("accounts_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    paper: Mapped[Paper] = relationship(back_populates="files")

    @property
    def is_passed(self) -> bool:
        return self.check_state is FileCheck.PASSED
