"""Technical-advice board: a placeholder until the forum issue builds it."""
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

bp = Blueprint("forum", __name__, url_prefix="/forum")


@bp.route("/")
def index():
    return render_template("placeholder.html", title=_l("Technical advice"), text=_l(
        "Questions about live problems of prevention and investigation, answered by vetted "
        "experts. This section is being built and is not open yet."))


@bp.route("/ask")
def ask():
    # Courses link here with ?lesson=<id> ("ask about this lesson"); the forum issue builds it.
    return render_template("placeholder.html", title=_l("Ask a question"), text=_l(
        "Asking the experts a question, also about a lesson you are studying, will open here "
        "with the advice board. This section is being built and is not open yet."))
