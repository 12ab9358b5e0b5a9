"""Flask-Security's signals, turned into our vetting and audit trail."""
from __future__ import annotations

from typing import Any

from flask import Flask
from flask_security import signals as fs

from accounts import audit, services, twofactor
from vfac.extensions import db


def _registered(app: Flask, user: Any, **extra: Any) -> None:
    services.on_registered(user)


def _confirmed(app: Flask, user: Any, **extra: Any) -> None:
    services.on_confirmed(user)


def _authenticated(app: Flask, user: Any, authn_via: list[str] | None = None, **extra: Any) -> None:
    # Flask-Security gives no authn_via when the second factor completes a login
    factors = authn_via or twofactor.login_factors(user)
    if len(factors) > 1:
        twofactor.passed_second_factor(user)
    audit.record("login.success", actor=user, subject=user, via=",".join(factors))


def _unauthenticated(app: Flask, **extra: Any) -> None:
    user = extra.get("user")
    if user is not None and getattr(user, "id", None):
        audit.record("logout", actor=user, subject=user)
        db.session.commit()


def _password_changed(app: Flask, user: Any, **extra: Any) -> None:
    audit.record("password.changed", actor=user, subject=user)


def _password_reset(app: Flask, user: Any, **extra: Any) -> None:
    audit.record("password.reset", actor=user, subject=user)


def _tf_changed(app: Flask, user: Any, method: str | None = None, **extra: Any) -> None:
    audit.record("2fa.enabled", actor=user, subject=user, method=method or "")
    twofactor.two_factor_turned_on(user)


def _tf_disabled(app: Flask, user: Any, **extra: Any) -> None:
    audit.record("2fa.disabled", actor=user, subject=user)
    twofactor.two_factor_turned_off(user)


def connect(app: Flask) -> None:
    # weak=False: the handlers are module functions, but be explicit; sender=app scopes them.
    for signal, handler in ((fs.user_registered, _registered), (fs.user_confirmed, _confirmed),
                            (fs.user_authenticated, _authenticated),
                            (fs.user_unauthenticated, _unauthenticated),
                            (fs.password_changed, _password_changed),
                            (fs.password_reset, _password_reset),
                            (fs.tf_profile_changed, _tf_changed), (fs.tf_disabled, _tf_disabled)):
        signal.connect(handler, app, weak=False)
    twofactor.init_app(app)
