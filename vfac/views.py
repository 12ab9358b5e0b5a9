"""The shell's own pages: home, health, language switcher, topics, the one search box."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import text

from accounts import services as account_services
from vfac import pillars
from vfac.extensions import db
from vfac.i18n import LANGUAGE_COOKIE, LANGUAGES
from vfac.search import MAX_QUERY_CHARS
from vfac.topics import all_topics, topic_by_slug
from vfac.urls import here, safe_next

bp = Blueprint("main", __name__)


@bp.route("/")
def home():
    sections = pillars.collect("home", current_user)
    return render_template("home.html", topics=all_topics(),
                           notes=[s for s in sections if s.key == "notifications"],
                           sections=[s for s in sections if s.key != "notifications"])


@bp.route("/healthz")
def healthz():
    db.session.execute(text("SELECT 1"))
    return {"status": "ok"}


@bp.route("/language/<lang>", methods=["GET", "POST"])
def language(lang: str):
    """Switch language: a cookie for visitors (a link), the preference for members (a form)."""
    if lang not in LANGUAGES:
        abort(404)
    target = safe_next(request.values.get("next"))
    if current_user.is_authenticated:
        if request.method != "POST":  # members change a preference: POST, CSRF-checked
            abort(400)
        account_services.set_language(current_user, lang)
    response = redirect(target)
    response.set_cookie(LANGUAGE_COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax",
                        secure=request.is_secure, httponly=True)
    return response


@bp.route("/topics")
def topics():
    return render_template("topics.html", topics=all_topics(),
                           counts=pillars.topic_counts(current_user))


@bp.route("/topics/<slug>")
def topic(slug: str):
    topic = topic_by_slug(slug) or abort(404)
    experts, experts_total = account_services.experts_in(current_user, topic)
    return render_template("topic.html", topic=topic, experts=experts,
                           experts_total=experts_total,
                           sections=pillars.collect("topic", current_user, topic),
                           directory="forum.experts" in current_app.view_functions)


@bp.route("/search")
def search():
    q = request.args.get("q", "")[:MAX_QUERY_CHARS].strip()  # cut, as the search module does
    return render_template("search.html", q=q, results=pillars.search_everything(current_user, q))


@bp.app_template_global()
def switch_language_url(lang: str) -> str:
    return url_for("main.language", lang=lang, next=here())
