"""Error pages in the member's language; JSON when asked; never a traceback."""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from accounts.permissions import PermissionDenied
from vfac.extensions import db
from vfac.urls import here

log = logging.getLogger("vfac.errors")

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. If you sent a form, "
                                "go back, reload the page and try again.")),
    403: (_l("Not allowed"), _l("You do not have permission to do this.")),
    404: (_l("Page not found"), _l("There is nothing at this address. It may have been "
                                   "moved, or you may not be allowed to see it.")),
    405: (_l("Method not allowed"), _l("This address does not accept that kind of request.")),
    413: (_l("Too large"), _l("What you sent is larger than this site accepts.")),
    429: (_l("Too many attempts"), _l("Too many requests in a short time. Please wait a few "
                                      "minutes and try again.")),
    500: (_l("Something went wrong"), _l("An unexpected error happened on our side. It has "
                                         "been recorded; please try again later.")),
}


def render_error(code: int, detail: str | None = None):
    # Whatever the failed request left half-done must not be committed with the session.
    db.session.rollback()
    title, text = MESSAGES.get(code, MESSAGES[500])
    if request.accept_mimetypes.best == "application/json":
        return jsonify(error=str(title), message=detail or str(text)), code
    return render_template("errors/error.html", code=code, title=title,
                           text=detail or text), code


def _audit(action: str, **detail: Any) -> None:
    """Record a refusal in the audit log (after render_error's rollback); never fails the page."""
    from flask_login import current_user  # noqa: PLC0415

    from accounts import audit  # noqa: PLC0415

    try:
        actor = current_user._get_current_object() if current_user.is_authenticated else None
        audit.record(action, actor=actor, method=request.method, path=request.path[:200],
                     **detail)
        db.session.commit()
    except Exception:  # noqa: BLE001 - e.g. the database is what failed
        db.session.rollback()
        log.warning("could not audit %s on %s", action, request.path)


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        from flask_babel import gettext as _  # noqa: PLC0415

        page = render_error(400, _("The form has expired or was not sent by this site. "
                                   "Go back, reload the page and try again."))
        _audit("csrf.failed", reason=error.description[:100])
        return page

    @app.errorhandler(PermissionDenied)
    def permission_denied(error: PermissionDenied):
        from flask_login import current_user  # noqa: PLC0415

        if request.method == "GET" and not current_user.is_authenticated:
            # a visitor who may be allowed once logged in: ask them to log in
            return redirect(url_for("security.login", next=here()))
        page = render_error(403)
        _audit("access.denied", rule=error.action)
        return page

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        if error.code not in MESSAGES:
            return render_error(400 if error.code < 500 else 500)
        limit = getattr(error, "limit", None)  # a rate limit with its own words for the reader
        if error.code == 429 and limit is not None and limit.error_message:
            page = render_error(429, error.description)
        else:
            page = render_error(error.code)
        if error.code == 429:
            _audit("rate.limited", limit=str(getattr(limit, "limit", ""))[:60])
        return page

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render_error(InternalServerError.code)
