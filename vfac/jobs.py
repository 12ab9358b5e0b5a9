"""Work that may run later: today it runs at once, in the request that asks for it.

Callers say `enqueue(task, *args)` with plain arguments (ids, not objects), after their
transaction has committed. A queue (Huey on Redis or PostgreSQL) can take the tasks over
behind this one function without any caller changing.
"""
from __future__ import annotations

from typing import Any, Callable


def enqueue(task: Callable[..., Any], *args: Any) -> None:
    """Run `task(*args)` now; the seam where a background queue plugs in."""
    task(*args)
