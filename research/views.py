"""Research library pages: search, paper, citations, download, submission, moderation."""
from __future__ import annotations

from flask import (Blueprint, Response, abort, current_app, flash, redirect, render_template,
                   request, send_file, url_for)
from flask_babel import gettext as _
from flask_login import current_user
from flask_security import auth_required

from accounts.permissions import require
from accounts.services import ServiceError
from research import citations, files, platform, policy
from research.forms import ModerateForm, PaperForm, library_query, region_labels, type_labels
from research.models import Paper, PaperType, Status
from research.services import checks, library, moderation, submission
from vfac import ratelimits
from vfac.forms import ActionForm
from vfac.params import int_arg
from vfac.topics import all_topics

bp = Blueprint("research", __name__, url_prefix="/research")
policy.register()  # who sees which items (accounts.permissions asks)
platform.register()  # search, topic hubs, home and member pages show papers too
checks.register()  # uploaded PDFs are checked by jobs once stored


def load_paper(paper_id: int) -> Paper:
    """The paper; 404 when it does not exist or is hidden from this reader."""
    paper = library.paper_for(current_user, paper_id)
    if paper is None:
        abort(404)
    return paper


def _labels() -> dict:
    return {"types": type_labels(), "regions": region_labels()}


def search_url(**changes) -> str:
    """This search with some parameters changed (None removes one); back to page 1."""
    args = {k: v for k, v in request.args.items() if k != "page"}
    args.update(changes)
    return url_for("research.index", **{k: v for k, v in args.items() if v not in (None, "")})


@bp.route("/")
def index():
    topics = all_topics()
    query = library_query(request.args, {t.slug for t in topics})
    results = library.search_papers(current_user, query)
    if query.page > 1 and query.page > results.pages:
        abort(404)
    types = type_labels()
    return render_template("research/index.html", query=query, results=results, topics=topics,
                           search_url=search_url, per_page=library.PER_PAGE, as_text=str,
                           type_label=lambda value: types[PaperType(value)], **_labels())


@bp.route("/<int:paper_id>")
def paper(paper_id: int):
    item = load_paper(paper_id)
    latest = item.latest_file
    upload = latest if policy.sees_upload_check(current_user, item) and not latest.is_passed \
        else None
    return render_template("research/paper.html", paper=item, action=ActionForm(),
                           related=library.related_papers(current_user, item), upload=upload,
                           refusal=files.refusal_message(upload.refusal) if upload else None,
                           **_labels())


def _citation(paper_id: int, text: str, mimetype: str, extension: str) -> Response:
    return Response(text, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="vfac-{paper_id}.{extension}"'})


@bp.route("/<int:paper_id>.bib")
def bibtex(paper_id: int):
    item = load_paper(paper_id)
    url = url_for("research.paper", paper_id=item.id, _external=True)
    return _citation(item.id, citations.bibtex(item, url), "application/x-bibtex", "bib")


@bp.route("/<int:paper_id>.ris")
def ris(paper_id: int):
    item = load_paper(paper_id)
    url = url_for("research.paper", paper_id=item.id, _external=True)
    return _citation(item.id, citations.ris(item, url), "application/x-research-info-systems",
                     "ris")


@bp.route("/<int:paper_id>/download")
@bp.route("/<int:paper_id>/versions/<int:version>")
def download(paper_id: int, version: int | None = None):
    item = load_paper(paper_id)
    paper_file = library.file_for_download(current_user, item, version)
    if paper_file is None:
        abort(404)
    library.record_download(current_user, paper_file)
    # named after the paper, never after what the uploader called the file
    response = send_file(files.path_of(paper_file.stored_name), mimetype="application/pdf",
                         as_attachment=True, max_age=0,
                         download_name=files.download_name(item.title, paper_file.version))
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _upload(form: PaperForm) -> submission.Upload | None:
    storage = form.pdf.data
    if storage is None or not getattr(storage, "filename", None):
        return None
    return submission.Upload(stream=storage.stream, filename=storage.filename)


def _paper_form() -> PaperForm:
    limit = current_app.config["RESEARCH_PDF_MAX_BYTES"]
    request.max_content_length = limit + 1024 * 1024  # the PDF and the rest of the form
    return PaperForm(topics=all_topics(), actor=current_user, max_mb=limit // 2**20)


def _save_form(form: PaperForm, paper: Paper | None):
    """Create or update from a valid form; a refused file redisplays the form (413 if large)."""
    submit = form.action.data == "submit"
    try:
        if paper is None:
            paper = submission.create_paper(current_user, form.to_input(), _upload(form), submit)
        else:
            submission.update_paper(current_user, paper, form.to_input(), _upload(form), submit)
    except files.FileTooLarge as error:
        form.pdf.errors = [str(error)]
        return render_template("research/edit.html", form=form, paper=paper), 413
    except ServiceError as error:
        form.form_errors.append(str(error))
        return render_template("research/edit.html", form=form, paper=paper), 400
    flash(_saved_message(paper, submit), "success")
    return redirect(url_for("research.paper", paper_id=paper.id))


def _saved_message(paper: Paper, submit: bool) -> str:
    if paper.status is Status.CHECKING:
        return _("Your paper goes to the moderators once its PDF has been checked.")
    return _("Your paper was sent to the moderators for review.") if submit else _("Saved.")


@bp.route("/submit", methods=["GET", "POST"])
@auth_required()
@ratelimits.uploads
def submit():
    require(current_user, "research.paper.submit")
    form = _paper_form()
    if request.method == "GET":
        form.year.data, form.language.data = None, current_user.language
    if form.validate_on_submit():
        return _save_form(form, None)
    return render_template("research/edit.html", form=form, paper=None), \
        400 if request.method == "POST" else 200


@bp.route("/<int:paper_id>/edit", methods=["GET", "POST"])
@auth_required()
@ratelimits.uploads
def edit(paper_id: int):
    item = load_paper(paper_id)
    require(current_user, "research.paper.edit", item)
    form = _paper_form()
    if request.method == "GET":
        form.fill_from(item)
    if form.validate_on_submit():
        return _save_form(form, item)
    return render_template("research/edit.html", form=form, paper=item), \
        400 if request.method == "POST" else 200


@bp.route("/<int:paper_id>/submit", methods=["POST"])
@auth_required()
def submit_draft(paper_id: int):
    item = load_paper(paper_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        submission.submit_paper(current_user, item)
        flash(_saved_message(item, True), "success")
    except ServiceError as error:
        flash(str(error), "error")
    return redirect(url_for("research.paper", paper_id=item.id))


@bp.route("/mine")
@auth_required()
def mine():
    return render_template("research/mine.html", papers=library.my_papers(current_user),
                           **_labels())


@bp.route("/moderation")
@auth_required()
def moderation_queue():
    page = moderation.pending_papers(current_user, int_arg(request.args.get("after")))
    return render_template("research/moderation.html", page=page, action=ActionForm(),
                           **_labels())


@bp.route("/<int:paper_id>/moderate", methods=["POST"])
@auth_required()
def moderate(paper_id: int):
    item = load_paper(paper_id)
    require(current_user, "research.paper.moderate", item)
    form = ModerateForm()
    if not form.validate_on_submit():
        errors = [str(e) for errs in form.errors.values() for e in errs]
        flash(" ".join(errors) or _("Choose approve or reject."), "error")
        return redirect(url_for("research.paper", paper_id=item.id)), 303
    try:
        if form.decision.data == "approve":
            moderation.approve_paper(current_user, item)
            flash(_("The paper is published."), "success")
        else:
            moderation.reject_paper(current_user, item, form.reason.data)
            flash(_("The paper was sent back to its submitter."), "success")
    except ServiceError as error:
        flash(str(error), "error")
    return redirect(url_for("research.moderation_queue"))
