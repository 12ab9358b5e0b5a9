"""Parsing request parameters: a bad one is the client's mistake (400), never our 500."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from flask import abort


def choice_arg(args: Mapping[str, str], name: str, allowed: Iterable[str]) -> str | None:
    """An optional parameter that must be one of `allowed`; anything else is a 400."""
    value = args.get(name) or None
    if value is not None and value not in allowed:
        abort(400)
    return value


def int_arg(value: str | None, maximum: int = 2**62) -> int | None:
    """An optional positive integer parameter; anything else is a 400."""
    if value is None or value == "":
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 19 or int(value) > maximum:
        abort(400)
    return int(value)
