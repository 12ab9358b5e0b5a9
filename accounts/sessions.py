"""Server-side sessions for members: the cookie carries a random token, the database the data.

Logging out deletes the row, so a replayed cookie finds nothing. The token changes whenever
the signed-in member changes (login, logout), which is the session rotation at login.
Rows are written only when the data changed or, for last-seen, at most every few minutes,
so reading pages does not turn into a write per request.

Visitors who are not logged in (a CSRF token, a flashed message) keep their little session
in a signed cookie instead: a crawler reading the login form must not write a row per visit.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import Flask, Request, Response, g, request
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface, SessionInterface, SessionMixin
from itsdangerous import BadSignature
from sqlalchemy import delete, select, update
from werkzeug.datastructures import CallbackDict

from accounts.models import User, UserSession
from vfac import jobs
from vfac.extensions import db
from vfac.models import utcnow

_serializer = TaggedJSONSerializer()


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ServerSession(CallbackDict, SessionMixin):
    def __init__(self, initial: dict[str, Any] | None = None, record: UserSession | None = None,
                 token: str | None = None) -> None:
        def on_update(session: "ServerSession") -> None:
            session.modified = True
            session.accessed = True

        super().__init__(initial or {}, on_update)
        self.record = record
        self.token = token
        self.new = record is None
        self.modified = False
        self.accessed = False


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


class _VisitorCookie(SecureCookieSessionInterface):
    salt = "vfac-visitor-session"


ANONYMOUS_COOKIE = "vfac_visitor"
# the idle limit of a session, fixed at login from the member's role (staff: shorter)
_IDLE_KEY = "_idle_seconds"


def visitor_cookie_name(app: Flask) -> str:
    """The visitor cookie's name: with the session cookie's __Host- prefix, when it has one."""
    prefix = "__Host-" if app.config["SESSION_COOKIE_NAME"].startswith("__Host-") else ""
    return prefix + ANONYMOUS_COOKIE


class DatabaseSessionInterface(SessionInterface):
    def open_session(self, app: Flask, request: Request) -> ServerSession:
        token = request.cookies.get(self.get_cookie_name(app))
        if token and len(token) <= 100:
            record = db.session.execute(
                select(UserSession).where(UserSession.token_hash == hash_token(token))
            ).scalar_one_or_none()
            if record is not None:
                try:
                    data = _serializer.loads(record.data)
                except ValueError:
                    data = None
                if data is not None and not self._expired(app, record, data):
                    return ServerSession(data, record=record, token=token)
        return ServerSession(self._visitor_data(app, request))

    def _visitor_data(self, app: Flask, request: Request) -> dict[str, Any]:
        value = request.cookies.get(visitor_cookie_name(app))
        signer = _VisitorCookie().get_signing_serializer(app)
        if not value or signer is None:
            return {}
        max_age = int(app.config["SESSION_ANONYMOUS_LIFETIME"].total_seconds())
        try:
            return signer.loads(value, max_age=max_age)
        except BadSignature:
            return {}

    def _expired(self, app: Flask, record: UserSession, data: dict[str, Any]) -> bool:
        """Past its lifetime, or idle for longer than its limit ("remember me" too)."""
        now = utcnow()
        if _aware(record.expires_at) <= now:
            return True
        return record.user_id is not None \
            and _aware(record.last_seen_at) + idle_limit(app, data, record.is_persistent) <= now

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ServerSession)
        name, domain, path = (self.get_cookie_name(app), self.get_cookie_domain(app),
                              self.get_cookie_path(app))
        user_id = _session_user_id(session)
        record = session.record
        if record is not None or session or request.cookies.get(visitor_cookie_name(app)):
            response.vary.add("Cookie")
        now = utcnow()
        stale = record is not None and record.user_id != user_id  # logout, or another login
        touch = record is not None and not stale and \
            _aware(record.last_seen_at) + app.config["SESSION_TOUCH_INTERVAL"] <= now
        if stale or user_id is not None and (record is None or session.modified or touch):
            # End the request's own transaction first, so that the session write starts a
            # fresh one and a long read never has to turn into a write (see vfac/app.py).
            record_id, expires_at, persistent = ((record.id, _aware(record.expires_at),
                                                  record.is_persistent) if record else
                                                 (None, None, False))
            db.session.commit()
        if stale:
            self._delete(record_id)
            response.delete_cookie(name, domain=domain, path=path)
            record = None
        if user_id is None:
            db.session.commit()
            self._save_visitor(app, session, response)
            return
        if request.cookies.get(visitor_cookie_name(app)):
            response.delete_cookie(visitor_cookie_name(app), domain=domain, path=path)
        if record is None:
            token = secrets.token_urlsafe(32)
            record = self._create(app, session, token, user_id, now)
            expires_at, persistent = _aware(record.expires_at), record.is_persistent
        elif session.modified or touch:
            token = session.token
            self._update(record_id, session, now)
        else:
            return
        db.session.commit()
        response.set_cookie(name, token or "", expires=expires_at if persistent else None,
                            httponly=True, domain=domain, path=path,
                            secure=self.get_cookie_secure(app),
                            samesite=self.get_cookie_samesite(app))

    def _save_visitor(self, app: Flask, session: ServerSession, response: Response) -> None:
        """A visitor's session lives in a signed cookie; nothing is written to the database."""
        domain, path = self.get_cookie_domain(app), self.get_cookie_path(app)
        if not session:
            if request.cookies.get(visitor_cookie_name(app)):
                response.delete_cookie(visitor_cookie_name(app), domain=domain, path=path)
            return
        if not session.modified:
            return
        signer = _VisitorCookie().get_signing_serializer(app)
        assert signer is not None
        response.set_cookie(visitor_cookie_name(app), signer.dumps(dict(session)), httponly=True,
                            domain=domain, path=path, secure=self.get_cookie_secure(app),
                            samesite=self.get_cookie_samesite(app))

    def _create(self, app: Flask, session: ServerSession, token: str, user_id: int,
                now: datetime) -> UserSession:
        persistent = bool(session.get("_persistent"))
        user = db.session.get(User, user_id)
        if user is not None and user.is_staff:  # staff sessions are worth more to a thief
            session[_IDLE_KEY] = int(app.config["SESSION_STAFF_IDLE_TIMEOUT"].total_seconds())
        lifetime = app.config["SESSION_REMEMBER_LIFETIME" if persistent
                              else "SESSION_ABSOLUTE_LIFETIME"]
        record = UserSession(token_hash=hash_token(token), user_id=user_id,
                             data=_serializer.dumps(dict(session)), is_persistent=persistent,
                             created_at=now, last_seen_at=now, expires_at=now + lifetime,
                             ip=(request.remote_addr or "")[:45],
                             user_agent=(request.user_agent.string or "")[:200])
        db.session.add(record)
        return record

    def _update(self, record_id: int, session: ServerSession, now: datetime) -> None:
        values: dict[str, Any] = {"last_seen_at": now}
        if session.modified:
            values["data"] = _serializer.dumps(dict(session))
        db.session.execute(update(UserSession).where(UserSession.id == record_id).values(**values))

    def _delete(self, record_id: int) -> None:
        db.session.execute(delete(UserSession).where(UserSession.id == record_id))


def idle_limit(app: Flask, data: dict[str, Any], persistent: bool) -> timedelta:
    """How long a signed-in session may go unused: the staff limit when set at login, else
    the members' one; a "remember me" session gets the longer remember limit, never more."""
    if _IDLE_KEY in data:
        return timedelta(seconds=data[_IDLE_KEY])
    return app.config["SESSION_REMEMBER_IDLE_TIMEOUT" if persistent else "SESSION_IDLE_TIMEOUT"]


def _session_user_id(session: ServerSession) -> int | None:
    """The signed-in member's id; Flask-Login keeps the fs_uniquifier under _user_id."""
    uniquifier = session.get("_user_id")
    if not uniquifier:
        return None
    user = g.get("_login_user")
    if isinstance(user, User) and user.fs_uniquifier == uniquifier:
        return user.id
    return db.session.execute(
        select(User.id).where(User.fs_uniquifier == uniquifier)).scalar_one_or_none()


def current_token_hash() -> str | None:
    """The hash of this request's session token, to tell 'this device' in the session list."""
    from flask import session  # noqa: PLC0415

    token = getattr(session, "token", None)
    return hash_token(token) if token else None


@jobs.periodic(jobs.crontab(minute="17"))  # hourly; deleting twice is harmless
def purge_expired(now: datetime | None = None) -> int:
    """Delete expired session rows; returns how many went (the queue runs this hourly)."""
    now = now or utcnow()
    result = db.session.execute(delete(UserSession).where(UserSession.expires_at <= now))
    db.session.commit()
    return result.rowcount or 0

