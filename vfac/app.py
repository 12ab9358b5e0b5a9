"""The application factory: configuration, extensions, blueprints; no side effects."""
from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
from datetime import timedelta
from pathlib import Path
from typing import Any, Mapping

from flask import Flask, abort, redirect, request, session, url_for
from flask_login import current_user
from flask_security import SQLAlchemyUserDatastore
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix

from vfac import errors, security as hardening
from vfac.config import DefaultConfig, apply_base_url, check_base_url, check_secret_key, from_env
from vfac.extensions import babel, csrf, db, limiter, mail, migrate, security

ROOT = Path(__file__).resolve().parent.parent  # holds templates/ static/ translations/


UNTRUSTED_HOST = "vfac.untrusted_host"


class VfacFlask(Flask):
    def create_url_adapter(self, request: Any) -> Any:
        """Absolute links from BASE_URL: its host (SERVER_NAME) and its scheme, never the
        request's, so a forged Host or a plain-http hop behind the proxy changes no link.

        A Host outside TRUSTED_HOSTS is answered with a 400 page (refuse_untrusted_host);
        that page is built as if the request had come to BASE_URL's host.
        """
        try:
            adapter = super().create_url_adapter(request)
        except SecurityError:
            request.environ[UNTRUSTED_HOST] = request.environ.get("HTTP_HOST", "")
            request.environ["HTTP_HOST"] = self.config["SERVER_NAME"]
            request.__dict__.pop("host", None)
            adapter = super().create_url_adapter(request)
        if request is not None and adapter is not None and self.config.get("BASE_URL"):
            adapter.url_scheme = self.config["PREFERRED_URL_SCHEME"]
        return adapter


def create_app(overrides: Mapping[str, Any] | None = None) -> Flask:
    overrides = dict(overrides or {})
    app = VfacFlask("vfac", root_path=str(ROOT), instance_relative_config=True,
                instance_path=overrides.pop("INSTANCE_PATH", None)
                or os.environ.get("VFAC_INSTANCE_PATH") or str(ROOT / "instance"),
                static_folder="static", template_folder="templates")
    _configure(app, overrides)
    check_secret_key(app)
    check_base_url(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_template_globals(app)
    _register_hooks(app)
    errors.init_app(app)
    hardening.init_app(app)
    from vfac import cli  # noqa: PLC0415 - the CLI imports services, which need the models

    cli.init_app(app)
    from vfac import jobs  # noqa: PLC0415

    jobs.register_all(app)  # every job the packages declared (the consumer must know them)
    if app.config.get("PROXY_FIX_COUNT"):
        # X-Forwarded-Host only when asked for: a proxy that passes the client's header on
        # would let anyone choose our host (links are built from BASE_URL either way)
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_FIX_COUNT"],  # type: ignore
                                x_proto=1, x_host=1 if app.config["PROXY_FIX_HOST"] else 0)
    return app


def _configure(app: Flask, overrides: dict[str, Any]) -> None:
    app.config.from_object(DefaultConfig)
    app.config.from_pyfile("config.py", silent=True)  # instance/config.py
    from_env(app)
    app.config.from_prefixed_env("VFAC")
    app.config.update(overrides)
    config = app.config
    apply_base_url(config)
    for key in ("SESSION_IDLE_TIMEOUT", "SESSION_ABSOLUTE_LIFETIME", "SESSION_REMEMBER_LIFETIME",
                "SESSION_ANONYMOUS_LIFETIME", "SESSION_TOUCH_INTERVAL",
                "SESSION_STAFF_IDLE_TIMEOUT", "SESSION_REMEMBER_IDLE_TIMEOUT"):
        if isinstance(config[key], (int, float)):  # VFAC_SESSION_IDLE_TIMEOUT=1800 (seconds)
            config[key] = timedelta(seconds=config[key])
    if not config["SQLALCHEMY_DATABASE_URI"]:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'vfac.sqlite'}"
    config.setdefault("MAIL_OUTBOX", str(Path(app.instance_path) / "outbox"))
    if not config.get("MAIL_BACKEND"):
        config["MAIL_BACKEND"] = "smtp" if config["MAIL_SERVER"] else \
            "accounts.mail.EmailBackend"
    if config["REDIS_URL"] and config["RATELIMIT_STORAGE_URI"] == "memory://":
        config["RATELIMIT_STORAGE_URI"] = config["REDIS_URL"]
    # Secrets Flask-Security needs, derived from SECRET_KEY unless given on their own.
    key = config["SECRET_KEY"].encode()
    if not config["SECURITY_PASSWORD_SALT"]:
        config["SECURITY_PASSWORD_SALT"] = hmac.new(key, b"vfac-salt", hashlib.sha256).hexdigest()
    if not config["SECURITY_TOTP_SECRETS"]:
        config["SECURITY_TOTP_SECRETS"] = {
            "1": hmac.new(key, b"vfac-totp", hashlib.sha256).hexdigest()}
    if not config["SECURITY_MULTI_FACTOR_RECOVERY_CODES_KEYS"]:
        config["SECURITY_MULTI_FACTOR_RECOVERY_CODES_KEYS"] = [base64.urlsafe_b64encode(
            hmac.new(key, b"vfac-recovery-codes", hashlib.sha256).digest())]
    config["REMEMBER_COOKIE_SECURE"] = config["SESSION_COOKIE_SECURE"]
    if config["SESSION_COOKIE_SECURE"] and config["SESSION_COOKIE_HOST_PREFIX"] \
            and not config.get("SESSION_COOKIE_DOMAIN") \
            and not config["SESSION_COOKIE_NAME"].startswith("__Host-"):
        config["SESSION_COOKIE_NAME"] = "__Host-" + config["SESSION_COOKIE_NAME"]
        config["SESSION_COOKIE_PATH"] = "/"
    config["SECURITY_I18N_DIRNAME"] = ["builtin", str(ROOT / "translations")]
    config["BABEL_TRANSLATION_DIRECTORIES"] = str(ROOT / "translations")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    import sqlite3  # noqa: PLC0415

    if isinstance(dbapi_connection, sqlite3.Connection):
        # Let SQLAlchemy emit BEGIN itself, so SAVEPOINTs and transactional DDL work.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        # each connection's page cache (default 2 MB) and memory-mapped reads: full-text
        # queries touch many pages, and every worker thread has its own connection
        cursor.execute("PRAGMA cache_size=-32000")
        cursor.execute("PRAGMA mmap_size=268435456")
        cursor.close()


# Requests that change data; on SQLite their transaction takes the write lock at once.
_WRITING_GETS = {"security.confirm_email", "research.download", "forum.open_notification"}


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection: Any) -> None:
    """On SQLite, BEGIN IMMEDIATE for requests that write and for jobs and commands, a plain
    (deferred) BEGIN for reading requests.

    In WAL mode a deferred transaction that has read cannot start writing once another
    request has committed ("database is locked", whatever the busy timeout), so a request
    that writes takes the lock when its transaction starts and others wait for it. Reading
    requests do not hold the lock while they render; the session row they may touch at the
    end is written in a transaction of its own (accounts/sessions.py).
    """
    if connection.dialect.name != "sqlite":
        return
    from flask import has_request_context  # noqa: PLC0415

    # outside a request (a job, a command) the work writes as a rule: it takes the lock too
    writes = not has_request_context() or request.method not in ("GET", "HEAD", "OPTIONS") \
        or request.endpoint in _WRITING_GETS
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _init_extensions(app: Flask) -> None:
    from accounts.forms import IdentityLoginForm, RegisterForm  # noqa: PLC0415
    from accounts.models import User  # noqa: PLC0415
    from accounts.sessions import DatabaseSessionInterface  # noqa: PLC0415
    from vfac.i18n import select_locale  # noqa: PLC0415

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    mail.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    datastore = SQLAlchemyUserDatastore(db, User, None)  # type: ignore[arg-type]
    security.init_app(app, datastore, register_form=RegisterForm,
                      login_form=IdentityLoginForm)
    app.session_interface = DatabaseSessionInterface()
    from accounts import signals  # noqa: PLC0415

    signals.connect(app)
    _limit_security_views(app)
    from vfac import jobs, unit_of_work  # noqa: PLC0415

    unit_of_work.init_app(app)
    jobs.init_app(app)


def _limit_security_views(app: Flask) -> None:
    """Rate-limit Flask-Security's POSTs: login and registration in accounts/limits.py."""
    from accounts import limits  # noqa: PLC0415

    config = app.config
    limits.init_app(app)
    for endpoint in ("forgot_password", "reset_password", "send_confirmation",
                     "two_factor_token_validation", "two_factor_setup", "mf_recovery",
                     "change_password", "verify"):
        name = f"security.{endpoint}"
        if name in app.view_functions:
            app.view_functions[name] = limiter.limit(
                config["SENSITIVE_RATE_LIMIT"], methods=["POST"])(app.view_functions[name])


def _register_blueprints(app: Flask) -> None:
    from accounts.views import bp as accounts_bp  # noqa: PLC0415
    from courses.views import bp as courses_bp  # noqa: PLC0415
    from forum.views import bp as forum_bp  # noqa: PLC0415
    from research.oai import bp as oai_bp  # noqa: PLC0415
    from research.views import bp as research_bp  # noqa: PLC0415
    from vfac.dashboard import bp as dashboard_bp  # noqa: PLC0415
    from vfac.views import bp as main_bp  # noqa: PLC0415

    for blueprint in (main_bp, accounts_bp, courses_bp, research_bp, oai_bp, forum_bp,
                      dashboard_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(oai_bp)  # harvesters may POST protocol requests; OAI-PMH changes nothing


def _register_template_globals(app: Flask) -> None:
    from accounts.forms import country_name, profession_labels, role_labels  # noqa: PLC0415
    from accounts.permissions import can  # noqa: PLC0415
    from vfac import i18n  # noqa: PLC0415
    from vfac.urls import here  # noqa: PLC0415

    app.jinja_env.globals.update(
        can=can, is_rtl=i18n.is_rtl, LANGUAGES=i18n.LANGUAGES,
        current_language=i18n.current_language, country_name=country_name,
        profession_labels=profession_labels, role_labels=role_labels, here=here)
    from accounts.mail import html_paragraphs  # noqa: PLC0415

    app.jinja_env.filters["mail_paragraphs"] = html_paragraphs
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


# Pages a pending or rejected member may reach: their status, and the way out.
_OPEN_TO_UNAPPROVED = {"accounts.status", "accounts.registered", "main.language", "main.healthz",
                       "static", "security.logout", "security.confirm_email",
                       "security.send_confirmation", "security.change_password"}


def _register_hooks(app: Flask) -> None:
    def refuse_untrusted_host():
        if UNTRUSTED_HOST in request.environ:
            abort(400)

    # first of all hooks: nothing else runs for a request to a host that is not ours
    app.before_request_funcs.setdefault(None, []).insert(0, refuse_untrusted_host)

    @app.before_request
    def refuse_nul_characters():
        # No address has a NUL in it (PostgreSQL text cannot hold one): no such page.
        if "\x00" in request.path:
            abort(404)
        # No form has a use for NUL and PostgreSQL text cannot store it: a 400, never a 500.
        if request.method == "POST" and any("\x00" in value for _key, values
                                            in request.form.lists() for value in values):
            abort(400)
        return None

    @app.before_request
    def only_status_until_approved():
        if request.endpoint is None or request.endpoint in _OPEN_TO_UNAPPROVED:
            return None
        if current_user.is_authenticated and not current_user.is_approved:
            return redirect(url_for("accounts.status"))
        return None

    @app.after_request
    def remember_in_our_session(response):
        # Flask-Login would set a long-lived remember cookie that logout cannot revoke;
        # instead, "remember me" makes this server-side session persistent.
        # (Registered after Flask-Login's own hook, so it runs before it.)
        if session.get("_remember") == "set":
            session.pop("_remember")
            session["_persistent"] = True
        elif session.get("_remember") == "clear":
            session.pop("_remember")
        return response

    logging.getLogger("vfac").setLevel(logging.INFO)
