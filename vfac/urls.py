"""Redirect targets: only paths on this site (no //host, no scheme, no backslash tricks)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import request, url_for


def is_local_path(target: str | None) -> bool:
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return False
    if any(ch in target for ch in ("\\", "\r", "\n", "\t")):
        return False
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc


def safe_next(target: str | None) -> str:
    return target if is_local_path(target) else url_for("main.home")


MAX_RETURN_CHARS = 1000


def here() -> str:
    """This page's address, to come back to after logging in or switching language.

    A page reached with a very long query string comes back without it: repeating 100 KB
    of query in every language link would make the page itself that heavy.
    """
    full = request.full_path.rstrip("?")
    return full if len(full) <= MAX_RETURN_CHARS else request.path
