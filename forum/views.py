"""Technical-advice board: a placeholder until the forum issue builds it."""
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

bp = Blueprint("forum", __name__, url_prefix="/forum")


@bp.route("/")
def index():
    return render_template("placeholder.html", title=_l("Technical advice"), text=_l(
        "Questions about live problems of prevention and investigation, answered by vetted "
        "experts. This section is being built and is not open yet."))
