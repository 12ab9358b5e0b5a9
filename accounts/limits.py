"""Limits on signing in and registering that stop guessing without locking out the owner.

- **Failed** sign-ins only are counted; successes never (a classroom of 25 behind one NAT
  address, a mobile carrier's shared address).
- Per member, whatever name or address was typed: the member the identity resolves to
  (username and e-mail share one bucket; an unknown identity has its own, so limits look
  the same for members and strangers). Tiers make it a progressive back-off: a few tries a
  minute, more an hour, a ceiling a day.
- The member's own browser is not locked out by a stranger's guessing: a browser that
  signed in as the member before carries a signed device cookie, and its failures count in
  a bucket of its own (OWASP's "device cookie" defence).
- Per IP address, failures with a high ceiling (spraying many names from one address).
- Registration per IP address with a ceiling a workshop of 30 stays well under.
"""
from __future__ import annotations

import time
from datetime import timedelta
from functools import wraps

from flask import Flask, Response, after_this_request, current_app, request
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from vfac.extensions import limiter

DEVICE_COOKIE = "vfac_device"
_SALT = "vfac-device"


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def _device_cookie_name() -> str:
    secure = current_app.config["SESSION_COOKIE_NAME"].startswith("__Host-")
    return ("__Host-" if secure else "") + DEVICE_COOKIE


def _identity() -> str:
    return (request.form.get("identity") or "").strip().casefold()[:254]


def _resolved() -> tuple[str, int | None]:
    """The bucket name for the identity typed, and the member id it resolves to (if any)."""
    from accounts.services import find_by_identity  # noqa: PLC0415

    identity = _identity()
    user = find_by_identity(identity) if identity else None
    return (f"member:{user.id}", user.id) if user is not None else (f"identity:{identity}", None)


def _trusted_device(member_id: int | None) -> str | None:
    """The nonce of this browser's device cookie when it signed in as this member before."""
    value = request.cookies.get(_device_cookie_name())
    if member_id is None or not value:
        return None
    max_age = current_app.config["DEVICE_COOKIE_LIFETIME"].total_seconds()
    try:
        data = _serializer().loads(value, max_age=max_age)
    except BadSignature:
        return None
    return data.get("n") if data.get("m") == member_id else None


def _member_key() -> str:
    bucket, member_id = _resolved()
    device = _trusted_device(member_id)
    return f"login-device:{member_id}:{device}" if device else f"login-{bucket}"


def _member_limit() -> str:
    _, member_id = _resolved()
    config = current_app.config
    return config["LOGIN_FAILURES_PER_DEVICE" if _trusted_device(member_id)
                  else "LOGIN_FAILURES_PER_MEMBER"]


def _failed(response: Response) -> bool:
    # a failed sign-in redisplays the form; success (or the step to the second factor) is a
    # redirect, and JSON logins answer 200 with a user only on success
    return response.status_code != 302 and not (request.is_json and response.status_code == 200
                                                and b'"user"' in response.get_data())


def remember_device(user) -> None:
    """After a complete sign-in: mark this browser as one the member uses (a year)."""
    import secrets  # noqa: PLC0415

    lifetime: timedelta = current_app.config["DEVICE_COOKIE_LIFETIME"]
    if _trusted_device(user.id):
        return
    value = _serializer().dumps({"m": user.id, "n": secrets.token_urlsafe(8)})

    @after_this_request
    def set_cookie(response: Response) -> Response:
        response.set_cookie(_device_cookie_name(), value, max_age=int(lifetime.total_seconds()),
                            httponly=True, secure=current_app.config["SESSION_COOKIE_SECURE"],
                            samesite="Lax", path="/")
        return response


MEMBER_MESSAGE = _l("Too many failed sign-ins for this account from browsers it has not used "
                    "before. Wait a few minutes and try again, sign in from a browser you have "
                    "used before, or reset your password.")


# Views that mail an address when it is a member's, and answer the same either way.
_MAILING_VIEWS = ("security.send_confirmation", "security.forgot_password", "security.register")


def _padded(view):
    """Make the view take ACCOUNT_MAIL_TIMING_FLOOR seconds at least, whoever is asked for."""
    @wraps(view)
    def padded(*args, **kwargs):
        started = time.monotonic()
        response = view(*args, **kwargs)
        if request.method == "POST":
            remaining = current_app.config["ACCOUNT_MAIL_TIMING_FLOOR"] - (
                time.monotonic() - started)
            if remaining > 0:
                time.sleep(remaining)
        return response
    return padded


def init_app(app: Flask) -> None:
    """Put the limits on Flask-Security's login and registration views."""
    for name in _MAILING_VIEWS:
        app.view_functions[name] = _padded(app.view_functions[name])
    config = app.config
    view = app.view_functions["security.login"]
    view = limiter.limit(config["LOGIN_FAILURES_PER_IP"], methods=["POST"],
                         deduct_when=_failed)(view)
    view = limiter.limit(_member_limit, key_func=_member_key, methods=["POST"],
                         deduct_when=_failed, error_message=lambda: str(MEMBER_MESSAGE))(view)
    app.view_functions["security.login"] = view
    app.view_functions["security.register"] = limiter.limit(
        config["REGISTER_RATE_LIMIT_IP"], methods=["POST"])(app.view_functions["security.register"])

    from flask_security.signals import user_authenticated  # noqa: PLC0415

    user_authenticated.connect(lambda sender, user, **extra: remember_device(user), app,
                               weak=False)
