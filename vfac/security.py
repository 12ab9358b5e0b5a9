"""Response hardening: CSP with a per-request nonce, security headers, caching, gzip, assets."""
from __future__ import annotations

import gzip
import hashlib
import secrets
from functools import lru_cache
from pathlib import Path

from flask import Flask, Response, current_app, g, request, url_for
from flask_login import current_user

_COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml",
                 "application/javascript", "application/atom+xml")


def csp_nonce() -> str:
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def _csp() -> str:
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{csp_nonce()}'",
        "style-src 'self'",
        "img-src 'self' data:",  # the two-factor QR code is an SVG data: URI
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


@lru_cache(maxsize=64)
def _asset_digest(path: str, mtime: float) -> str:
    data = (Path(current_app.static_folder or "") / path).read_bytes()
    return hashlib.sha256(data).hexdigest()[:12]


def asset_url(filename: str) -> str:
    """URL of a static file with its content hash, so it can be cached for a year.

    Hashed once per process; in debug mode the file's mtime is checked, so edits show.
    """
    mtime = (Path(current_app.static_folder or "") / filename).stat().st_mtime \
        if current_app.debug else 0.0
    return url_for("static", filename=filename, v=_asset_digest(filename, mtime))


def _headers(response: Response) -> None:
    h = response.headers
    h.setdefault("Content-Security-Policy", _csp())
    h["X-Content-Type-Options"] = "nosniff"
    h["Referrer-Policy"] = "same-origin"
    h["X-Frame-Options"] = "DENY"
    h["Cross-Origin-Opener-Policy"] = "same-origin"
    h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
    # the canonical site is https: say so even when a TLS proxy in front is not declared
    # (PROXY_FIX_COUNT unset, so the request itself looks like plain http)
    if request.is_secure or current_app.config.get("BASE_URL", "").startswith("https://"):
        h["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"


def _caching(response: Response) -> None:
    if request.endpoint == "static" and request.args.get("v") and response.status_code == 200:
        response.cache_control.public = True
        response.cache_control.max_age = current_app.config["ASSET_MAX_AGE"]
        response.cache_control.immutable = True
    elif current_user and current_user.is_authenticated:
        response.headers["Cache-Control"] = "no-store"
    elif "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "private, no-cache"


def _compress(response: Response) -> None:
    """Gzip text responses: our members pay per byte (SameSite cookies answer BREACH)."""
    if "gzip" not in request.headers.get("Accept-Encoding", ""):
        return
    if request.endpoint == "static" and response.status_code == 200:
        response.direct_passthrough = False  # our own small assets: read and compress them
    if (response.direct_passthrough or response.status_code != 200
            or "Content-Encoding" in response.headers
            or not (response.mimetype or "").startswith(_COMPRESSIBLE)):
        return
    data = response.get_data()
    if request.endpoint == "static":
        response.close()  # the file is read: close it before the body is replaced
    if len(data) < current_app.config["COMPRESS_MIN_SIZE"]:
        response.set_data(data)
        return
    response.set_data(gzip.compress(data, compresslevel=6))
    response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")


def harden(response: Response) -> Response:
    _headers(response)
    _caching(response)
    _compress(response)
    return response


def init_app(app: Flask) -> None:
    app.after_request(harden)
    app.jinja_env.globals.update(asset_url=asset_url, csp_nonce=csp_nonce)
