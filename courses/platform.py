"""The courses' part of the shared pages: search, topic hubs, home, member pages."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from accounts.permissions import profile_shows, visibilities_for, where
from courses.forms import level_labels
from courses.models import Certificate, Course, course_topic
from courses.services import catalogue, learning, stats
from courses.services.index import lesson_texts, reindex_courses
from vfac import pillars, search
from vfac.extensions import db
from vfac.models import Topic
from vfac.pagination import count_and_first
from vfac.topics import count_per_topic

LIMIT = 5


def _item(course: Course, **extra) -> pillars.Item:
    detail = " · ".join([str(level_labels()[course.level]),
                         ngettext("%(num)d hour", "%(num)d hours", course.hours)])
    extra.setdefault("when", course.published_at)
    return pillars.Item(title=course.title, url=url_for("courses.course", slug=course.slug),
                        language=course.language, visibility=course.visibility, detail=detail,
                        **extra)


def _visible(actor) -> list:
    return where(actor, "courses.course.list")


def search_section(actor, q: str, terms: list[set[str]],
                   any_term: bool = False) -> pillars.Section:
    """The best-matching published courses the actor may see, with a passage each."""
    total, ranked = search.best_matches(
        Course, "course", terms, visibilities_for(actor), _visible(actor), any_term, LIMIT)
    passages = {c.id: search.snippet(f"{c.summary}\n{c.outcomes}", terms, c.language)
                for c in ranked}
    lessons = lesson_texts([i for i, p in passages.items() if p is None])
    by_id = {c.id: c for c in ranked}
    for course_id, text in lessons.items():
        passages[course_id] = search.snippet(text, terms, by_id[course_id].language)
    return pillars.Section(
        "courses", _("Courses"), [_item(c, snippet=passages.get(c.id)) for c in ranked], total,
        url_for("courses.index", q=q), _("All matching courses"),
        _("No course matches these words."))


def topic_section(actor, topic: Topic) -> pillars.Section:
    """The newest published courses of a topic."""
    where = _visible(actor) + [Course.id.in_(select(course_topic.c.course_id).where(
        course_topic.c.topic_id == topic.id))]
    total, courses = count_and_first(Course, where, (Course.published_at.desc(),
                                                     Course.id.desc()), LIMIT)
    return pillars.Section("courses", _("Courses"), [_item(c) for c in courses], total,
                           url_for("courses.index", topic=topic.slug), _("All its courses"),
                           _("No course on this topic yet."))


def topic_counts(actor) -> dict[int, str]:
    """How many courses each topic has for this reader, as words ("3 courses")."""
    counts = count_per_topic(course_topic, course_topic.c.course_id, Course, _visible(actor))
    return {topic_id: ngettext("%(num)d course", "%(num)d courses", n)
            for topic_id, n in counts.items()}


def home_section(actor) -> pillars.Section:
    """Members: the courses they follow, with progress; else the newest, their language first."""
    if getattr(actor, "is_authenticated", False):
        visible = set(visibilities_for(actor))
        following = [e.course for e in learning.my_courses(actor) if e.completed_at is None
                     and e.course.is_published and e.course.visibility in visible]
        if following:
            courses = following[:LIMIT]
            done = catalogue.catalogue_progress(actor, courses)
            return pillars.Section(
                "courses", _("Continue learning"),
                [_item(c, progress=done.get(c.id, 0)) for c in courses], len(following),
                url_for("courses.mine"), _("My courses"))
    languages = pillars.reader_languages(actor)
    recent = list(db.session.execute(select(Course).where(*_visible(actor))
                                     .order_by(Course.published_at.desc(), Course.id.desc())
                                     .limit(30)).scalars())
    recent = pillars.language_first(recent, languages, lambda c: c.language)[:LIMIT]
    return pillars.Section("courses", _("New courses"), [_item(c) for c in recent], len(recent),
                           url_for("courses.index"), _("All courses"),
                           _("No course is published yet."))


def member_section(viewer, member) -> pillars.Section | None:
    """The courses a member completed (that the viewer may see), with certificate links."""
    if not profile_shows(viewer, member, "courses"):
        return None
    with_links = profile_shows(viewer, member, "certificates")
    where = [Certificate.user_id == member.id, *_visible(viewer)]
    total = db.session.execute(select(func.count()).select_from(Certificate).join(
        Course, Course.id == Certificate.course_id).where(*where)).scalar_one()
    rows = db.session.execute(
        select(Certificate, Course).join(Course, Course.id == Certificate.course_id)
        .where(*where)
        .options(selectinload(Course.topics))
        .order_by(Certificate.issued_at.desc()).limit(20)).all()
    items = [_item(course, when=cert.issued_at,
                   link=url_for("courses.certificate", code=cert.code) if with_links else "",
                   link_label=_("Certificate") if with_links else "")
             for cert, course in rows]
    return pillars.Section("courses", _("Courses completed"), items, total,
                           empty=_("No course completed yet."))


def register() -> None:
    """Give the shared pages the courses' part (called when the blueprint is imported)."""
    pillars.provide("search", "courses", search_section)
    pillars.provide("topic", "courses", topic_section)
    pillars.provide("counts", "courses", topic_counts)
    pillars.provide("home", "courses", home_section)
    pillars.provide("member", "courses", member_section)
    pillars.provide("stats", "courses", stats.dashboard_tables)
    pillars.provide("reindex", "courses", reindex_courses)
