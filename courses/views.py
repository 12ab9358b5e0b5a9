"""Courses: a placeholder until the courses issue builds the catalogue."""
from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l

bp = Blueprint("courses", __name__, url_prefix="/courses")


@bp.route("/")
def index():
    return render_template("placeholder.html", title=_l("Training courses"), text=_l(
        "Course modules on investigating, prosecuting and adjudicating cybercrime, with "
        "lessons, quizzes and certificates. This section is being built and is not open yet."))
