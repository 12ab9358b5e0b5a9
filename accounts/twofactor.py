"""The second factor's limits, which Flask-Security leaves to the application.

- Wrong codes count per member, not only per address: a sign-in challenge ends after
  CHALLENGE_FAILURES wrong codes (the password must be given again), and each wrong code
  makes the member wait longer before the next one is even checked (back-off). Each is
  audited. The challenge itself lives in the visitor's signed cookie, which can be replayed,
  so what ends it is kept on the member's row, never only in the session.
- A TOTP code is accepted once: the time step of the last accepted code is stored.
- Recovery codes are made when two-factor authentication is turned on, shown once, and
  forgotten when it is turned off; the member is told by mail of every such change.
- No bearer tokens: Flask-Security would mint one on a JSON login that outlives logout.
- /auth/tf-validate on a GET cannot log a signed-in member out (Flask-Security does).
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from functools import wraps
from typing import Any, Callable

from flask import (Flask, abort, current_app, flash, jsonify, redirect, render_template,
                   request, session, url_for)
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_security import Totp, url_for_security
from flask_security import signals as fs
from flask_security.recovery_codes import MfRecoveryCodesForm
from flask_security.tf_plugin import tf_clean_session
from passlib.exc import UsedTokenError
from passlib.totp import TotpMatch
from sqlalchemy import or_, update

from accounts import audit
from accounts.mail import send_mail
from accounts.models import User
from vfac.extensions import db, security
from vfac.models import utcnow

CHALLENGE_FAILURES = 5  # wrong codes on one sign-in before the password is asked again
FREE_FAILURES = 2  # wrong codes in a row that cost no waiting (a typo, a slow phone)
MAX_WAIT = timedelta(minutes=15)  # the longest wait between two codes
CHALLENGE_LIFETIME = timedelta(minutes=15)  # a password sign-in waits this long for its code

# In the session: the challenge's start ({"uid", "base": failures then, "at", "first"}) and
# "show the new recovery codes once".
_CHALLENGE = "vfac_tf_challenge"
_SHOW_CODES = "vfac_show_recovery_codes"
_CODE_STEPS = ("security.two_factor_token_validation", "security.mf_recovery")
_FIRST_FACTORS = {"security.login": "password", "security.reset_password": "reset",
                  "security.confirm_email": "confirm", "security.register": "register"}
_SECOND_FACTORS = {"security.mf_recovery": "recovery_code"}


class ReplayProtectedTotp(Totp):
    """Flask-Security's TOTP with the replay protection it leaves to applications."""

    def get_last_counter(self, user: Any) -> int | None:
        return user.tf_last_counter

    def set_last_counter(self, user: Any, tmatch: TotpMatch) -> None:
        # One UPDATE that only moves forward: two requests racing with one code cannot both
        # win (the second waits for the first's row lock, then finds the counter taken).
        result = db.session.execute(
            update(User).where(User.id == user.id, or_(User.tf_last_counter.is_(None),
                                                       User.tf_last_counter < tmatch.counter))
            .values(tf_last_counter=tmatch.counter).execution_options(synchronize_session=False))
        if result.rowcount != 1:
            raise UsedTokenError()  # Totp.verify_totp turns this into "wrong code"
        user.tf_last_counter = tmatch.counter
        db.session.flush()


def init_app(app: Flask) -> None:
    """Install the limits; called once Flask-Security is initialised (accounts/signals.py)."""
    # Flask-Security takes its TOTP class only in Security()'s constructor; this app's
    # factory is swapped for one with the same secrets and issuer.
    app.extensions["security"]._totp_factory = ReplayProtectedTotp(
        app.config["SECURITY_TOTP_SECRETS"], app.config["SECURITY_TOTP_ISSUER"])
    # Flask-Login would still read an Authentication-Token header on every request.
    app.login_manager.request_loader(lambda request: None)
    fs.user_failed_authn.connect(_code_failed, app, weak=False)
    for endpoint in _CODE_STEPS:
        app.view_functions[endpoint] = _guard_code_step(app.view_functions[endpoint])
    app.view_functions["security.mf_recovery_codes"] = _recovery_codes_page(
        app.view_functions["security.mf_recovery_codes"])
    app.before_request(_refuse_auth_tokens)
    app.after_request(_stamp_challenge)


# --- the sign-in challenge -------------------------------------------------------------

def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)  # SQLite


def wait_before_next_code(member: User, now: datetime | None = None) -> timedelta:
    """How long the member must wait before another code is checked (zero: now)."""
    if member.tf_failures <= FREE_FAILURES or member.tf_failed_at is None:
        return timedelta(0)
    wait = min(timedelta(seconds=2 ** (member.tf_failures - FREE_FAILURES)), MAX_WAIT)
    left = _aware(member.tf_failed_at) + wait - (now or utcnow())
    return max(left, timedelta(0))


def record_failure(member: User, method: str) -> None:
    """Count a wrong second-factor code against the member (whoever typed it) and audit it."""
    db.session.execute(update(User).where(User.id == member.id).values(
        tf_failures=User.tf_failures + 1, tf_failed_at=utcnow()))
    audit.record("2fa.failure", subject=member, method=method)
    db.session.commit()


def passed_second_factor(member: User) -> None:
    """A right code: the member's count of wrong codes starts again (the caller commits)."""
    member.tf_failures = 0


def login_factors(member: User) -> list[str]:
    """What a login completed by the second factor used: e.g. ["password", "authenticator"]."""
    if request.endpoint not in _CODE_STEPS:
        return []
    stamp = session.get(_CHALLENGE) or {}
    second = _SECOND_FACTORS.get(request.endpoint) or member.tf_primary_method or "code"
    return [stamp.get("first") or "password", second]


def _stamp_challenge(response: Any) -> Any:
    """Note when a challenge starts, with the member's count of wrong codes at that moment."""
    uid = session.get("tf_user_id")
    stamp = session.get(_CHALLENGE)
    if not uid:
        if stamp is not None:
            session.pop(_CHALLENGE)
    elif session.get("tf_state") and (stamp is None or stamp.get("uid") != uid):
        member = security.datastore.find_user(fs_uniquifier=uid)
        if member is not None:
            session[_CHALLENGE] = {"uid": uid, "base": member.tf_failures,
                                   "at": utcnow().timestamp(),
                                   "first": _FIRST_FACTORS.get(request.endpoint or "", "")}
    return response


def _challenged_member() -> User | None:
    uid = session.get("tf_user_id")
    return security.datastore.find_user(fs_uniquifier=uid) if uid else None


def _challenge_over(member: User) -> bool:
    stamp = session.get(_CHALLENGE)
    if not stamp or stamp.get("uid") != member.fs_uniquifier:
        return False  # not stamped: the after-request hook stamps it
    if utcnow().timestamp() - stamp.get("at", 0) > CHALLENGE_LIFETIME.total_seconds():
        return True
    # fewer failures than at the start: the member signed in since (a stale, copied cookie)
    failures = member.tf_failures - stamp.get("base", 0)
    return failures < 0 or failures >= CHALLENGE_FAILURES


def _end_challenge(member: User, *, audited: bool) -> Any:
    tf_clean_session()
    session.pop(_CHALLENGE, None)
    if audited:
        audit.record("2fa.challenge_ended", subject=member, failures=member.tf_failures)
        db.session.commit()
    message = _("Too many wrong codes, so this sign-in was stopped. Log in again with your "
                "password; each further wrong code makes you wait longer.")
    return _refuse(message, url_for_security("login"), 400)


def _too_soon(wait: timedelta) -> Any:
    message = _("Too many wrong codes. Wait %(time)s before you try another one.",
                time=format_timedelta(max(wait, timedelta(seconds=1)), granularity="second",
                                      threshold=1))
    return _refuse(message, request.full_path.rstrip("?"), 429)


def _refuse(message: str, location: str, status: int) -> Any:
    if _wants_json():
        return jsonify({"meta": {"code": status}, "response": {"errors": [message]}}), status
    flash(message, "error")
    return redirect(location)


def _wants_json() -> bool:
    return request.is_json or request.accept_mimetypes.best == "application/json"


def _code_failed(app: Flask, user: Any, auth_type: str = "", tfa: bool = False,
                 **extra: Any) -> None:
    # Flask-Security signals a wrong TOTP code at sign-in (not while setting one up).
    if tfa:
        record_failure(user, user.tf_primary_method or auth_type)


def _recovery_code_is_wrong(member: User) -> bool:
    data = request.get_json(silent=True) if request.is_json else request.form
    code = data.get("code") if hasattr(data, "get") else None
    if not isinstance(code, str) or not code.strip():
        return False  # nothing typed: Flask-Security asks for it, no guess was made
    return not security.mf_recovery_codes_util.check_recovery_code(member, code)


def _guard_code_step(view: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap the code and recovery-code steps of sign-in with the member's limits."""
    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if current_user.is_authenticated:
            if request.endpoint == "security.two_factor_token_validation" \
                    and not _validating_new_method():
                # Flask-Security logs the member out here ("attack-ish"): a link could do it.
                return redirect(url_for("accounts.security"))
            return view(*args, **kwargs)
        member = _challenged_member()
        if member is None:
            return view(*args, **kwargs)  # no challenge: Flask-Security refuses the request
        if _challenge_over(member):
            return _end_challenge(member, audited=False)
        if request.method == "POST":
            wait = wait_before_next_code(member)
            if wait:
                return _too_soon(wait)
            if request.endpoint == "security.mf_recovery" and _recovery_code_is_wrong(member):
                record_failure(member, "recovery_code")
        response = view(*args, **kwargs)
        if not current_user.is_authenticated and _challenge_over(member):
            return _end_challenge(member, audited=True)  # that was the last wrong code
        return response

    return guarded


def _validating_new_method() -> bool:
    return session.get("tf_state") == "validating_profile" \
        and bool(session.get("tf_primary_method")) and bool(session.get("tf_totp_secret"))


def _refuse_auth_tokens() -> Any:
    if request.blueprint == "security" and "include_auth_token" in request.args:
        message = _("Sign-in tokens are not available: log in with the form.")
        if _wants_json():
            return jsonify({"meta": {"code": 400}, "response": {"errors": [message]}}), 400
        abort(400, message)
    return None


# --- turning two-factor authentication on and off, recovery codes ----------------------

def two_factor_turned_on(member: User) -> None:
    """Make recovery codes if the member has none (shown once, next), and tell them by mail."""
    made = not security.mf_recovery_codes_util.get_recovery_codes(member)
    if made:
        security.mf_recovery_codes_util.create_recovery_codes(member)
        audit.record("2fa.recovery_codes", actor=member, subject=member, reason="setup")
        session[_SHOW_CODES] = True
    db.session.flush()
    _tell(member, _l("Two-factor authentication is on for your VFAC account"),
          "two_factor_enabled", recovery_codes_made=made)


def two_factor_turned_off(member: User) -> None:
    """Forget the member's recovery codes (they would work again later) and tell them."""
    security.datastore.mf_set_recovery_codes(member, None)
    db.session.flush()
    _tell(member, _l("Two-factor authentication is off for your VFAC account"),
          "two_factor_disabled")


def recovery_codes_regenerated(member: User) -> None:
    """Audit new recovery codes the member asked for, and tell them by mail."""
    audit.record("2fa.recovery_codes", actor=member, subject=member, reason="regenerated")
    db.session.flush()
    _tell(member, _l("New recovery codes for your VFAC account"), "two_factor_recovery_codes")


def _tell(member: User, subject: Any, template: str, **context: Any) -> None:
    send_mail(member.email, member.language, subject, template, user=member, when=utcnow(),
              support=current_app.config["SECURITY_TWO_FACTOR_RESCUE_MAIL"], **context)


def _recovery_codes_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """Show recovery codes once, when made; new ones (a POST) go through Flask-Security."""
    @wraps(view)
    def page(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_authenticated:
            return view(*args, **kwargs)  # its login (and freshness) checks
        if request.method != "POST":
            return _codes_page(current_user)
        if not current_user.has_2fa:  # no sign-in would ever ask for them
            return _refuse(_("Turn on two-factor authentication first: recovery codes come "
                             "with it."), url_for_security("two_factor_setup"), 400)
        before = list(current_user.mf_recovery_codes or [])
        response = view(*args, **kwargs)
        if list(current_user.mf_recovery_codes or []) != before:
            recovery_codes_regenerated(current_user)
        return response

    return page


def _codes_page(member: User) -> Any:
    # Flask-Security shows the stored codes again to anyone holding a fresh session
    # (?show_codes): here they are shown only right after they were made.
    codes = security.mf_recovery_codes_util.get_recovery_codes(member)
    shown = codes if session.pop(_SHOW_CODES, None) else []
    form = MfRecoveryCodesForm()
    if _wants_json():
        from flask_security.utils import base_render_json  # noqa: PLC0415

        return base_render_json(form, include_user=False,
                                additional={"recovery_codes": shown})
    return render_template("security/mf_recovery_codes.html", mf_recovery_codes_form=form,
                           recovery_codes=shown, codes_left=len(codes))
