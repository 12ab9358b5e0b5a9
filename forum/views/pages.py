"""Reading the board: index, categories, threads, search, experts, feeds."""
from __future__ import annotations

from flask import Response, abort, jsonify, redirect, request, url_for
from flask_login import current_user
from flask_security import auth_required

from accounts.forms import country_choices
from accounts.permissions import require
from forum import feeds
from forum.forms import AnswerForm, CommentForm, InviteForm, MoveForm, ReasonForm, listing_query
from forum.services import board, directory
from forum.views import bp, load_thread, render
from vfac.forms import ActionForm
from vfac.i18n import LANGUAGES
from vfac.params import choice_arg, int_arg
from vfac.search import query_terms
from vfac.topics import all_topics

MAX_SEARCH_PAGE = 50


def load_category(slug: str):
    category = board.category_by_slug(slug)
    if category is None:
        abort(404)
    return category


@bp.route("/")
def index():
    return render("index.html", rows=board.board_index(current_user),
                  listing=board.category_listing(current_user, None, listing_query({})))


@bp.route("/c/<slug>")
def category(slug: str):
    item = load_category(slug)
    query = listing_query(request.args)
    return render("category.html", category=item, query=query, countries=dict(country_choices()),
                  listing=board.category_listing(current_user, item, query))


@bp.route("/<int:thread_id>")
@bp.route("/<int:thread_id>/<path:slug>")
def thread(thread_id: int, slug: str | None = None):
    item = load_thread(thread_id)
    page = int_arg(request.args.get("page"), maximum=10_000)
    if page == 0:
        abort(404)
    page = page or 1
    if slug != item.slug:
        return redirect(url_for("forum.thread", thread_id=item.id, slug=item.slug,
                                **({"page": page} if page > 1 else {})), 301)
    board.thread_views.add(item.id)
    return thread_response(item, page)


def thread_response(item, page: int = 1, status: int = 200, **forms):
    """The thread page; forms that failed or wait for confirmation are passed in."""
    view = board.thread_page(current_user, item, page)
    if view is None:
        abort(404)
    forms.setdefault("answer_form", AnswerForm())
    forms.setdefault("comment_form", CommentForm())
    return render("thread.html", status, view=view, thread=item, action=ActionForm(),
                  invite_form=forms.pop("invite_form", InviteForm()),
                  move_form=MoveForm(topics=all_topics(), data={"category": item.category.slug}),
                  reason_form=ReasonForm(), **forms)


@bp.route("/search")
def search():
    q = (request.args.get("q") or "")[:500].strip()
    page = int_arg(request.args.get("page"), maximum=MAX_SEARCH_PAGE) or 1
    results = board.search_threads(current_user, q, page)
    any_word = not results.total and len(query_terms(q)) > 1  # as /search does
    if any_word:
        results = board.search_threads(current_user, q, page, any_term=True)
    return render("search.html", q=q, page=page, results=results,
                  any_word=any_word and bool(results.total),
                  pages=min(MAX_SEARCH_PAGE, -(-results.total // board.SEARCH_PER_PAGE)))


@bp.route("/similar")
def similar():
    """Questions like the title being typed, for the ask form's script (JSON)."""
    title = (request.args.get("title") or "")[:200]
    threads = board.similar_threads(current_user, title)
    return jsonify([{"title": t.title, "url": url_for("forum.thread", thread_id=t.id,
                                                      slug=t.slug),
                     "answers": t.answer_count, "answered": t.accepted_answer_id is not None}
                    for t in threads])


@bp.route("/experts")
@auth_required()
def experts():
    require(current_user, "forum.experts.view")
    topics = all_topics()
    query = directory.ExpertQuery(
        topic=choice_arg(request.args, "topic", {t.slug for t in topics}),
        country=choice_arg(request.args, "country", dict(country_choices())),
        language=choice_arg(request.args, "language", LANGUAGES))
    return render("experts.html", query=query, topics=topics, countries=country_choices(),
                  experts=directory.find_experts(current_user, query))


@bp.route("/for-you")
@auth_required()
def for_you():
    require(current_user, "forum.member.notifications")
    return render("for_you.html", threads=board.questions_for(current_user),
                  invited=directory.invitations(current_user))


@bp.route("/feed.atom")
def feed():
    return Response(feeds.board_feed(), mimetype="application/atom+xml")


@bp.route("/c/<slug>/feed.atom")
def category_feed(slug: str):
    return Response(feeds.category_feed(load_category(slug)), mimetype="application/atom+xml")


@bp.route("/<int:thread_id>/feed.atom")
def thread_feed(thread_id: int):
    body = feeds.thread_feed(thread_id)
    if body is None:
        abort(404)
    return Response(body, mimetype="application/atom+xml")
