"""Limits on the costly things a signed-in member can ask for: Markdown previews, uploads.

Counted per member (per address for anyone else) in one bucket each across every view that
offers them, so a page more does not mean a limit more. The numbers are settings
(PREVIEW_RATE_LIMIT, UPLOAD_RATE_LIMIT) and listed in the README.
"""
from __future__ import annotations

from typing import Any, Callable

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_login import current_user

from vfac.extensions import limiter


def _per_member() -> str:
    if current_user and current_user.is_authenticated:
        return f"member:{current_user.id}"
    return f"ip:{get_remote_address()}"


def _not_a_preview() -> bool:
    return request.form.get("step") != "preview"


def _no_file() -> bool:
    return not any(f.filename for f in request.files.values())


def previews(view: Callable[..., Any]) -> Callable[..., Any]:
    """Count a view's previews (the "step" button says preview) in the members' bucket."""
    return limiter.shared_limit(
        lambda: current_app.config["PREVIEW_RATE_LIMIT"], scope="preview",
        key_func=_per_member, methods=["POST"], exempt_when=_not_a_preview,
        error_message=lambda: str(_l("You asked for many previews in a short time. Wait a few "
                                     "minutes, or post your text without a preview.")))(view)


def uploads(view: Callable[..., Any]) -> Callable[..., Any]:
    """Count a view's requests that carry a file in the members' upload bucket."""
    return limiter.shared_limit(
        lambda: current_app.config["UPLOAD_RATE_LIMIT"], scope="upload",
        key_func=_per_member, methods=["POST"], exempt_when=_no_file,
        error_message=lambda: str(_l("You uploaded many files in a short time. Wait a while "
                                     "before the next one.")))(view)
