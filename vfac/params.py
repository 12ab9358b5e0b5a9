"""Parsing request parameters: a bad one is the client's mistake (400), never our 500."""
from __future__ import annotations

from flask import abort


def int_arg(value: str | None, maximum: int = 2**62) -> int | None:
    """An optional positive integer parameter; anything else is a 400."""
    if value is None or value == "":
        return None
    if not (value.isascii() and value.isdigit()) or len(value) > 19 or int(value) > maximum:
        abort(400)
    return int(value)
