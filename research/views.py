"""Research library: a placeholder until the research issue builds it."""
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

bp = Blueprint("research", __name__, url_prefix="/research")


@bp.route("/")
def index():
    return render_template("placeholder.html", title=_l("Research library"), text=_l(
        "Papers, reports, legislation analyses and case studies on cybercrime, searchable and "
        "citable. This section is being built and is not open yet."))
